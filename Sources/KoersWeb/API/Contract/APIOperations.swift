import OpenAPIKit30

extension APIOperation {
    private typealias Meetings = MeetingAPIController
    private typealias Transfers = TransferAPIController
    private typealias Duplicates = DuplicateAPIController

    private static let onDay = day("on", "Reference date (peildatum); default today")

    /// Every operation under `/api/v1`, in the order the document lists them. A test checks that
    /// these are exactly the router's API routes.
    static let all: [APIOperation] =
        [
            .read("/me", "getMe", "The signed-in user", MeDTO.self, problems: [401]),
            .read(
                "/locations",
                "listLocations",
                "The caller's locations with their regional-ties rule",
                [APIController.LocationDTO].self,
                problems: [401]
            ),
            .read(
                "/outflow-reasons",
                "listOutflowReasons",
                "The outflow code list",
                [OutflowReasonDTO].self,
                problems: [401]
            ),
            .read(
                "/escalation-levels",
                "listEscalationLevels",
                "The escalation ladder in force, lowest rung first",
                [EscalationLevelDTO].self,
                problems: [401]
            ),
            .read(
                "/trajectories",
                "listTrajectories",
                "Trajectories at the caller's locations",
                APIController.CaseListDTO.self,
                problems: [400, 401, 403]
            ),
            APIOperation(
                .post,
                "/trajectories",
                "createReferral",
                "Register a referral (aanmelding)",
                answers: CaseDTO.self,
                status: 201,
                etag: true,
                problems: [400, 401, 403]
            ),
            .read("/trajectories/{id}", "getTrajectory", "One case", CaseDTO.self),
            .read(
                "/trajectories/{id}/events",
                "listEvents",
                "The case timeline, filtered by the access policy",
                [CaseDTO.EventDTO].self
            ),
            .read(
                "/trajectories/{id}/admission-check",
                "getAdmissionCheck",
                "The admission check: every criterion with status and reason",
                AdmissionCheckDTO.self
            ),
            .change("/trajectories/{id}/intake", "recordIntake", "Record the intake"),
            .change(
                "/trajectories/{id}/biometrics",
                "recordBiometrics",
                "Record biometric identification: done or not, the date, and the V-number confirmed, corrected or not "
                    + "known (AVIM only)"
            ),
            .read(
                "/trajectories/{id}/possible-registrations",
                "listPossibleRegistrations",
                "Possible registrations of this case's person at other locations, found by the linkage check before "
                    + "admission: where, since when, how strong and on which fields — never the other location's "
                    + "data",
                [Duplicates.PossibleRegistrationDTO].self
            ),
            .change(
                "/trajectories/{id}/duplicate-resolutions",
                "resolvePossibleRegistration",
                "Decide on a possible registration elsewhere: same person (ask that location for a transfer, or refer "
                    + "back; this registration stops), not the same person (a note is required; never proposed again), "
                    + "or, for a medium match, send it to the municipality's review queue"
            ),
            .change("/trajectories/{id}/admission-decision", "decideAdmission", "Decide on admission"),
            .change("/trajectories/{id}/perspectives", "setPerspective", "Set or revise the perspective"),
            .change("/trajectories/{id}/support-periods", "startSupport", "Start a support instrument"),
            .change("/trajectories/{id}/support-periods/{sid}/end", "endSupport", "End a support instrument"),
            .change("/trajectories/{id}/procedures", "submitProcedure", "Submit a procedure"),
            .change(
                "/trajectories/{id}/procedures/{pid}/decision",
                "decideProcedure",
                "Record the decision on a procedure"
            ),
            .change("/trajectories/{id}/outflow", "recordOutflow", "Record the outflow"),
            .change("/trajectories/{id}/notes", "addNote", "Add a case note", ifMatch: .none),
            .change(
                "/trajectories/{id}/return",
                "reopenTrajectory",
                "Start a new trajectory for a person whose earlier one has ended",
                status: 201,
                ifMatch: .none
            ),
            .read(
                "/trajectories/{id}/milestones",
                "listMilestones",
                "The case's sub-deadlines and action items on a reference date",
                [MilestoneDTO].self,
                problems: [400, 401, 404],
                query: [onDay]
            ),
            .change(
                "/trajectories/{id}/milestones/{key}",
                "adjustMilestone",
                "Suspend, resume, extend or skip a sub-deadline (municipality)"
            ),
            .change(
                "/trajectories/{id}/reviews",
                "recordReview",
                "Record that the case meeting reviewed the case (municipality)"
            ),
            .change(
                "/trajectories/{id}/action-items",
                "assignActionItem",
                "Agree an action item for a party (municipality)"
            ),
            .change(
                "/trajectories/{id}/action-items/{aid}/completion",
                "completeActionItem",
                "Mark an action item done (its party or the municipality)"
            ),
            .read(
                "/locations/{lid}/deadline-policy",
                "getDeadlinePolicy",
                "A location's sub-deadline policy",
                DeadlinePolicyDTO.self
            ),
            APIOperation(
                .put,
                "/locations/{lid}/deadline-policy",
                "setDeadlinePolicy",
                "Replace a location's sub-deadline policy (its municipality)",
                answers: DeadlinePolicyDTO.self,
                problems: [400, 401, 403, 404]
            ),
            .read(
                "/locations/{lid}/progress",
                "getProgress",
                "Overdue, upcoming and suspended milestones across a location, and time per stage",
                APIController.ProgressDTO.self,
                problems: [400, 401, 404],
                query: [onDay]
            ),
            .read("/meetings", "listMeetings", "Case meetings at the caller's locations", [Meetings.MeetingDTO].self),
            APIOperation(
                .post,
                "/meetings",
                "createMeeting",
                "Convene a case meeting; its agenda builds itself (municipality)",
                answers: Meetings.MeetingDTO.self,
                status: 201,
                problems: [400, 401, 403, 404]
            ),
            .read("/meetings/{mid}", "getMeeting", "One meeting and its agenda", Meetings.MeetingDTO.self),
            .read(
                "/meetings/{mid}/minutes",
                "getMinutes",
                "The minutes: each agenda case with the decisions recorded, filtered for the caller",
                Meetings.MeetingDTO.self
            ),
            meeting(.post, "/meetings/{mid}/agenda", "addToAgenda", "Put a case on the agenda (chair)"),
            meeting(
                .post,
                "/meetings/{mid}/agenda/refresh",
                "refreshAgenda",
                "Add cases that became pressing since the agenda was made (chair)"
            ),
            meeting(.put, "/meetings/{mid}/agenda/order", "orderAgenda", "Set the agenda's order (chair)"),
            APIOperation(
                .post,
                "/meetings/{mid}/cases/{id}/decision",
                "recordMeetingDecision",
                "Record the meeting's decision on an agenda case (chair)",
                answers: Meetings.MeetingDTO.self,
                problems: [400, 401, 403, 404, 409, 428],
                ifMatch: .required
            ),
            .read(
                "/action-items",
                "listOpenActionItems",
                "Open action items of the caller's party at their locations",
                [OpenActionItemDTO].self
            ),
            .read(
                "/inbox",
                "getInbox",
                "What waits for the caller's organisation: its open action items, upcoming meetings, and "
                    + "(municipality) overdue sub-deadlines",
                Meetings.InboxDTO.self
            ),
            APIOperation(
                .post,
                "/trajectories/{id}/transfers",
                "requestTransfer",
                "Ask another location to take the case over (NGO or municipality of the case's location)",
                answers: Transfers.TransferDTO.self,
                status: 201,
                problems: [400, 401, 403, 404, 409],
                ifMatch: .optional
            ),
            .read(
                "/transfers",
                "listTransfers",
                "Transfers from or to the caller's locations, each with its hand-over summary",
                [Transfers.TransferDTO].self
            ),
            APIOperation(
                .post,
                "/transfers/{tid}/decision",
                "decideTransfer",
                "Accept (the trajectory moves with its history) or decline (NGO or municipality of the receiving "
                    + "location)",
                answers: Transfers.TransferDTO.self,
                problems: [400, 401, 403, 404]
            ),
            .read(
                "/monitor",
                "getMonitor",
                "The national monitor on a reference date: the suppressed tables and the analyses, as the monitor "
                    + "page publishes them (monitor party only)",
                MonitorAPIController.MonitorDTO.self,
                problems: [400, 401, 404],
                query: [day("referenceDate", "Peildatum: a quarter's first day; the latest by default")]
            ),
            APIOperation(
                .get,
                "/privacy/persons/{personId}/access-document",
                "getAccessDocument",
                "A person's subject-access document (AVG art. 15): their data, every trajectory and event, the notes "
                    + "(withheld ones with the reason) and the processing log; producing it is logged (privacy officer "
                    + "of a location the person is registered at)",
                answers: SubjectAccessDTO.self,
                problems: [401, 404],
                query: [APIOperation.language]
            ),
            .read(
                "/duplicate-reviews",
                "listDuplicateReviews",
                "The municipality's review queue: cases at its locations whose possible registration elsewhere was "
                    + "sent for review",
                [Duplicates.ReviewDTO].self
            ),
            .change(
                "/trajectories/{id}/committee-requests",
                "requestCommitteeAdvice",
                "Put the case to the hardship committee, choosing the parts of the dossier it sees (NGO or "
                    + "municipality)"
            ),
            .change(
                "/trajectories/{id}/committee-requests/{rid}/advice",
                "adviseCommittee",
                "The committee's advice (committee)"
            ),
            .change(
                "/trajectories/{id}/escalations",
                "escalate",
                "Escalate the case up the ladder with a question and a proposed decision (municipality)"
            ),
            .change(
                "/trajectories/{id}/escalations/{eid}/decision",
                "decideEscalation",
                "The escalation body's decision (a member of that level)"
            ),
        ] + administration

    /// `/admin`: for the administrator; every other party gets 404.
    static let administration: [APIOperation] = [
        .read("/admin/regions", "listRegions", "Regions and how many municipalities each holds", [RegionDTO].self),
        APIOperation(
            .post,
            "/admin/regions",
            "createRegion",
            "Add a region",
            answers: RegionDTO.self,
            status: 201,
            problems: [400, 401, 404]
        ),
        APIOperation(
            .post,
            "/admin/municipalities",
            "importMunicipalities",
            "Import municipalities from CSV text (cbsCode,name,region); regions that do not exist are made. On any "
                + "wrong line nothing is imported and every line is named",
            answers: MunicipalityImportDTO.self,
            problems: [400, 401, 404]
        ),
        .read(
            "/admin/locations",
            "listAdminLocations",
            "Every LVV location, its region and regiobinding rule",
            [AdminLocationDTO].self
        ),
        APIOperation(
            .post,
            "/admin/locations",
            "createLocation",
            "Add an LVV location serving a region, with its regiobinding rule",
            answers: AdminLocationDTO.self,
            status: 201,
            problems: [400, 401, 404]
        ),
        .read("/admin/organisations", "listOrganisations", "Every organisation", [OrganisationDTO].self),
        APIOperation(
            .post,
            "/admin/organisations",
            "createOrganisation",
            "Add an organisation: its party, and the locations it serves or, as a national body, all",
            answers: OrganisationDTO.self,
            status: 201,
            problems: [400, 401, 404]
        ),
        .read("/admin/accounts", "listAccounts", "Every account and its state", [AccountDTO].self),
        APIOperation(
            .post,
            "/admin/accounts",
            "inviteAccount",
            "Invite an account: the answer holds the one-time invitation token, shown only here",
            answers: InvitationDTO.self,
            status: 201,
            problems: [400, 401, 404]
        ),
        APIOperation(
            .post,
            "/admin/accounts/{uid}/reset",
            "resetAccount",
            "A new one-time invitation; the password and second factor lapse; sessions and tokens end",
            answers: InvitationDTO.self,
            problems: [400, 401, 404]
        ),
        APIOperation(
            .post,
            "/admin/accounts/{uid}/disable",
            "disableAccount",
            "Disable an account; its sessions and tokens end",
            answers: AccountDTO.self,
            problems: [400, 401, 404]
        ),
        APIOperation(
            .post,
            "/admin/accounts/{uid}/enable",
            "enableAccount",
            "Enable a disabled account again, with the password and second factor it had",
            answers: AccountDTO.self,
            problems: [400, 401, 404]
        ),
        APIOperation(
            .post,
            "/admin/accounts/{uid}/move",
            "moveAccount",
            "Move an account to another organisation; its sessions and tokens end",
            answers: AccountDTO.self,
            problems: [400, 401, 404]
        ),
        .read(
            "/admin/two-factor",
            "getTwoFactor",
            "The parties whose users sign in with a second factor",
            TwoFactorDTO.self
        ),
        APIOperation(
            .put,
            "/admin/two-factor",
            "setTwoFactor",
            "Set the parties whose users sign in with a second factor",
            answers: TwoFactorDTO.self,
            problems: [400, 401, 404]
        ),
        .read(
            "/admin/policy-versions",
            "listPolicyVersions",
            "The national policy's versions, each in force from its day until the next",
            [PolicyVersionDTO].self
        ),
        APIOperation(
            .post,
            "/admin/policy-versions",
            "addPolicyVersion",
            "Add the next version: from today or later, after the latest; k changes only on a quarter's first day",
            answers: PolicyVersionDTO.self,
            status: 201,
            problems: [400, 401, 404]
        ),
        .read(
            "/admin/changes",
            "listChanges",
            "One object's administrative history, newest first: who, when, before and after",
            [AdminChangeDTO].self,
            problems: [400, 401, 404],
            query: [
                OpenAPI.Parameter(
                    name: "objectId",
                    context: .query(required: true),
                    schema: .string(format: .extended(.uuid)),
                    description: "The region, location, organisation or account"
                )
            ]
        ),
    ]

    /// A change to a meeting's agenda, answered with the meeting.
    private static func meeting(
        _ method: OpenAPI.BuiltinHttpMethod,
        _ path: String,
        _ operationId: String,
        _ summary: String
    ) -> APIOperation {
        APIOperation(
            method,
            path,
            operationId,
            summary,
            answers: Meetings.MeetingDTO.self,
            problems: [400, 401, 403, 404]
        )
    }
}
