import Foundation

/// The parts of a case the access policy decides about separately.
public enum CaseSection: String, Sendable, CaseIterable, Codable {
    case identity, admission, perspective, support, procedures, outflow, notes
    /// Sub-deadlines, reviews and action items: the case meeting's view of progress.
    case progress
}

/// Things a user can do to a case.
public enum CaseAction: Sendable, Hashable {
    case view
    case refer
    case recordIntake
    case decideAdmission
    /// Admit by exception: a joint decision of the case meeting, so recorded only in the meeting or
    /// by its chair, the municipality (regievoerder).
    case decideAdmissionByException
    case setPerspective
    case manageSupport
    case manageProcedure(ProcedureKind)
    case recordOutflow
    case addNote
    /// Start a new trajectory for a person whose earlier one has ended.
    case reopen
    /// Suspend, resume, extend or skip a sub-deadline; record a review (the regievoerder's).
    case manageDeadlines
    /// Agree an action item for a party.
    case assignActionItem
    /// Mark an action item of this party done.
    case completeActionItem(Party)
    /// Ask another location to take the case over.
    case requestTransfer
    /// Put the case to the hardship committee, choosing what it sees.
    case requestCommitteeAdvice
    /// The committee's advice.
    case adviseCommittee
    /// Put the case to a body on the escalation ladder (the regievoerder).
    case escalate
    /// The escalation body's decision.
    case decideEscalation
    /// Record biometric identification and the V-nummer it confirmed or corrected (the AVIM).
    case recordBiometrics
    /// Decide about a possible registration of the person at another LVV.
    case resolveDuplicate
    /// Restrict processing of the person (AVG art. 18), or lift the restriction.
    case restrictProcessing
    /// Withhold one's own note from the person's access document (AVG art. 15 lid 4).
    case withholdNote
}

/// What the policy answers.
public enum AccessDecision: Sendable, Equatable {
    case allowed
    /// The case is outside the user's sight: answer as if it did not exist (404).
    case hidden
    /// The user sees the case but may not do this (403).
    case forbidden
}

/// The one access policy: every route asks it, and only it, who may see and do what.
///
/// Need to know: a user sees trajectories only at the locations their organisation serves;
/// agencies see identity, admission, perspective, procedures and outflow but not support
/// or the NGO's social and medical notes; `monitor` and `admin` open no case; the hardship
/// committee and the escalation bodies open only the cases put to them, and only what was shared.
public enum AccessPolicy {
    /// Parties that work on cases at their locations.
    public static let caseParties: Set<Party> = [.municipality, .ngo, .ind, .dtv, .avim]

    /// Whether the user may open cases at all (the "my cases" list, the case API).
    public static func mayOpenCases(_ actor: Actor) -> Bool {
        caseParties.contains(actor.party)
    }

    /// Whether the user may open the national monitor: its anonymised, suppressed tables. Only the
    /// monitor party; the parties that work on cases see people, not the monitor, and the monitor
    /// sees no person.
    public static func mayViewMonitor(_ actor: Actor) -> Bool {
        actor.party == .monitor
    }

    /// Whether the user may set up the network: regions, locations, organisations, accounts. Only
    /// the administrator, who in turn opens no case.
    public static func mayAdminister(_ actor: Actor) -> Bool {
        actor.party == .admin
    }

    /// Whether the user may bring a city's existing registrations in at this location: the
    /// municipality and the NGO, who kept them.
    public static func mayImport(_ actor: Actor, at locationId: UUID) -> Bool {
        [.municipality, .ngo].contains(actor.party) && actor.locationIds.contains(locationId)
    }

    /// Whether the user may compare an agency's list with Koers at this location and resolve what
    /// differs: the municipality, the regievoerder, whose figures must agree with the agencies'.
    public static func mayReconcile(_ actor: Actor, at locationId: UUID) -> Bool {
        actor.party == .municipality && actor.locationIds.contains(locationId)
    }

    /// Whether the user may start a referral at this location.
    public static func mayRefer(_ actor: Actor, at locationId: UUID) -> Bool {
        decide(actor, .refer, locationId: locationId) == .allowed
    }

    /// Whether the user may set the location's sub-deadline policy: its municipality, the regievoerder.
    public static func mayConfigureDeadlines(_ actor: Actor, at locationId: UUID) -> Bool {
        actor.party == .municipality && actor.locationIds.contains(locationId)
    }

    /// Whether the user may see the location's progress view (milestones across its cases).
    public static func mayViewProgress(_ actor: Actor, at locationId: UUID) -> Bool {
        mayOpenCases(actor) && actor.locationIds.contains(locationId)
    }

    /// Whether the user may see the location's case meetings, their agendas and minutes: every
    /// party at the table. What each reads of a case in them is still filtered per case.
    public static func mayViewMeetings(_ actor: Actor, at locationId: UUID) -> Bool {
        mayOpenCases(actor) && actor.locationIds.contains(locationId)
    }

    /// Whether the user may convene and chair the location's case meeting: its municipality.
    public static func mayChairMeetings(_ actor: Actor, at locationId: UUID) -> Bool {
        actor.party == .municipality && actor.locationIds.contains(locationId)
    }

    /// Whether the user may accept or decline a transfer: the NGO or municipality of the location
    /// that was asked. Usually that is the receiving one, deciding on the hand-over summary (the case
    /// opens to it only once accepted); when the receiving location asked, because the person stood
    /// at its desk and the intake check found the running trajectory, the current location decides.
    public static func mayDecideTransfer(_ actor: Actor, from: UUID, to: UUID, askedByReceiver: Bool) -> Bool {
        (actor.party == .ngo || actor.party == .municipality) && actor.locationIds.contains(askedByReceiver ? from : to)
    }

    /// Whether the user may read a transfer's hand-over summary: at either end, except that a
    /// receiving location that asked for the transfer reads it only once the current one agreed.
    public static func mayReadHandover(
        _ actor: Actor,
        from: UUID,
        to: UUID,
        askedByReceiver: Bool,
        accepted: Bool
    ) -> Bool {
        guard mayViewTransfer(actor, from: from, to: to) else { return false }
        return !askedByReceiver || accepted || actor.locationIds.contains(from)
    }

    /// Whether the user may work the location's queue of possible duplicate registrations sent for
    /// review: its municipality, the regievoerder.
    public static func mayReviewDuplicates(_ actor: Actor, at locationId: UUID) -> Bool {
        actor.party == .municipality && actor.locationIds.contains(locationId)
    }

    /// Whether the user may see a transfer (and its hand-over summary): a case party at either end.
    public static func mayViewTransfer(_ actor: Actor, from: UUID, to: UUID) -> Bool {
        mayOpenCases(actor) && (actor.locationIds.contains(from) || actor.locationIds.contains(to))
    }

    /// Decides an action on a case at a location.
    public static func decide(_ actor: Actor, _ action: CaseAction, locationId: UUID) -> AccessDecision {
        guard mayOpenCases(actor), actor.locationIds.contains(locationId) else { return .hidden }
        return permits(actor.party, action) ? .allowed : .forbidden
    }

    // MARK: Case-specific grants (the hardship committee and the escalation bodies)

    /// Decides an action on one case. The same as by location for the case parties; the committee
    /// and the escalation bodies see a case only once it was put to them, and then only the shared
    /// parts (the committee) or the meeting dossier (an escalation body).
    public static func decide(_ actor: Actor, _ action: CaseAction, in file: CaseFile) -> AccessDecision {
        let decision = decideUnrestricted(actor, action, in: file)
        guard decision == .allowed, file.restriction != nil else { return decision }
        return blockedByRestriction(actor, action) ? .forbidden : .allowed
    }

    private static func decideUnrestricted(_ actor: Actor, _ action: CaseAction, in file: CaseFile) -> AccessDecision {
        if actor.party == .escalationBody {
            // A body sees the cases escalated to its rung at its locations: their meeting dossier.
            guard escalatedToActor(actor, file), actor.locationIds.contains(file.locationId) else { return .hidden }
            switch action {
            case .view, .decideEscalation: return .allowed
            default: return .forbidden
            }
        }
        guard actor.party == .committee else { return decide(actor, action, locationId: file.locationId) }
        guard file.committeeSections != nil, actor.locationIds.contains(file.locationId) else { return .hidden }
        switch action {
        case .view, .adviseCommittee: return .allowed
        default: return .forbidden
        }
    }

    /// The sections of this case the user may read.
    public static func sections(for actor: Actor, in file: CaseFile) -> Set<CaseSection> {
        switch actor.party {
        case .committee: file.committeeSections ?? []
        case .escalationBody: escalatedToActor(actor, file) ? meetingDossier : []
        default: sections(for: actor)
        }
    }

    /// What an escalation body reads of a case: the case meeting's dossier, without support or notes.
    public static let meetingDossier: Set<CaseSection> = [
        .identity, .admission, .perspective, .procedures, .outflow, .progress,
    ]

    static func escalatedToActor(_ actor: Actor, _ file: CaseFile) -> Bool {
        guard let level = actor.escalationLevel else { return false }
        return file.escalations.contains { $0.escalation.level == level }
    }

    /// Whether the user may read an event of this case's timeline.
    public static func mayRead(_ change: CaseChange, actor: Actor, in file: CaseFile) -> Bool {
        if case .corrected(let c) = change { return mayRead(c.replacement, actor: actor, in: file) }
        if case .noteWithheld(let w) = change { return actor.organisationId == w.authorOrganisationId }
        if actor.party == .escalationBody {
            if case .noteAdded = change { return false }
            if case .committeeRequested = change { return false }
            if case .committeeAdvised = change { return false }
            return sections(for: actor, in: file).contains(change.section)
        }
        guard actor.party == .committee else { return mayRead(change, actor: actor) }
        switch change {
        case .committeeRequested, .committeeAdvised: return file.committeeSections != nil
        case .noteAdded(let note): return mayRead(note, actor: actor, in: file)
        default: return sections(for: actor, in: file).contains(change.section)
        }
    }

    /// Whether the user may read a note of this case: for the committee, when notes were shared,
    /// the general ones and those shared with it.
    public static func mayRead(_ note: CaseNote, actor: Actor, in file: CaseFile) -> Bool {
        if actor.party == .escalationBody { return false }
        guard actor.party == .committee else { return mayRead(note, actor: actor) }
        guard sections(for: actor, in: file).contains(.notes) else { return false }
        return note.classification == .general || note.sharedWith.contains(.committee)
    }

    /// The sections of a case the user may read.
    public static func sections(for actor: Actor) -> Set<CaseSection> {
        switch actor.party {
        case .ngo, .municipality: Set(CaseSection.allCases)
        case .ind, .dtv, .avim: [.identity, .admission, .perspective, .procedures, .outflow, .notes, .progress]
        case .monitor, .admin, .committee, .escalationBody, .privacy: []
        }
    }

    /// Whether the user may read this note: general notes go to every case party at the location;
    /// social and medical notes stay with the writing organisation unless shared with the user's party.
    public static func mayRead(_ note: CaseNote, actor: Actor) -> Bool {
        guard sections(for: actor).contains(.notes) else { return false }
        if note.authorOrganisationId == actor.organisationId { return true }
        if note.classification == .general { return true }
        return note.sharedWith.contains(actor.party)
    }

    /// Whether the user may read an event of the timeline.
    public static func mayRead(_ change: CaseChange, actor: Actor) -> Bool {
        if case .corrected(let c) = change { return mayRead(c.replacement, actor: actor) }
        // Only the note's author knows it withholds the note from the person.
        if case .noteWithheld(let w) = change { return actor.organisationId == w.authorOrganisationId }
        if case .noteAdded(let note) = change { return mayRead(note, actor: actor) }
        return sections(for: actor).contains(change.section)
    }

    /// Whether the user's party may write a note of this classification.
    public static func mayWrite(_ classification: NoteClassification, actor: Actor) -> Bool {
        switch actor.party {
        case .ngo, .municipality: true
        case .ind, .dtv, .avim: classification == .general
        case .monitor, .admin, .committee, .escalationBody, .privacy: false
        }
    }

    private static func permits(_ party: Party, _ action: CaseAction) -> Bool {
        switch action {
        case .view:
            return true
        case .refer, .recordIntake, .decideAdmission, .setPerspective, .manageSupport, .recordOutflow, .reopen,
            .requestTransfer, .requestCommitteeAdvice, .resolveDuplicate:
            return party == .ngo || party == .municipality
        case .recordBiometrics:
            return party == .avim
        case .manageProcedure(let kind):
            switch party {
            case .ngo, .municipality: return true
            case .ind: return [.hasa, .article64, .regularApplication].contains(kind)
            case .dtv: return [.returnSupport, .onwardMigration].contains(kind)
            case .avim: return kind == .identityResearch
            default: return false
            }
        case .addNote, .withholdNote:
            return caseParties.contains(party)
        case .restrictProcessing:
            return party == .municipality
        case .manageDeadlines, .assignActionItem, .decideAdmissionByException:
            return party == .municipality
        case .adviseCommittee, .decideEscalation:
            return false  // only through decide(_:_:in:), for cases put to the committee or the body
        case .escalate:
            return party == .municipality
        case .completeActionItem(let owner):
            // The party that must act marks it done; the regievoerder may too.
            return party == owner || party == .municipality
        }
    }
}
