import Foundation
import KoersCore
import KoersStore

/// The application's case use-cases, shared by the web pages and the API: each asks the
/// access policy first, then reads or writes through the store in one transaction.
public struct CaseService: Sendable {
    let cases: CaseStore
    let directory: DirectoryStore
    let today: @Sendable () -> Day
    /// The national policy's versions.
    let policies: PolicyStore
    /// Mails the organisations that something waits for; nil sends none.
    var notifier: Notifier? = nil

    /// Checks an action on a case and returns its location; hidden cases throw ``AppError/notFound``.
    ///
    /// A refusal is logged for the case's person before it is answered.
    func authorize(_ actor: Actor, _ action: CaseAction, _ id: UUID) async throws -> UUID {
        guard let location = try await cases.locationOf(id) else { throw AppError.notFound }
        var decision: AccessDecision
        var restriction: ProcessingRestriction?
        if actor.party == .committee || actor.party == .escalationBody {
            // Their sight depends on the case itself: what was put to them.
            guard let record = try await cases.load(id, context: nil) else { throw AppError.notFound }
            decision = AccessPolicy.decide(actor, action, in: record.file)
        } else {
            decision = AccessPolicy.decide(actor, action, locationId: location)
            if decision == .allowed, action != .view, let record = try await cases.load(id, context: nil) {
                // A change: the case itself may stop it (a restriction of processing).
                decision = AccessPolicy.decide(actor, action, in: record.file)
                if decision == .forbidden { restriction = record.file.restriction }
            }
        }
        if decision != .allowed {
            try await cases.logAttempt(action.activity, on: id, context: .fresh(actor), status: .refused)
        }
        switch decision {
        case .allowed: return location
        case .hidden: throw AppError.notFound
        case .forbidden:
            if let restriction { throw AppError.restricted(reason: restriction.reason) }
            throw AppError.forbidden
        }
    }

    /// A case as the user may see it, with the read logged.
    public func read(_ id: UUID, actor: Actor) async throws -> CaseRecord {
        _ = try await authorize(actor, .view, id)
        guard let record = try await cases.load(id, context: .fresh(actor)) else { throw AppError.notFound }
        return record
    }

    /// The admission check for a case as it stands today.
    public func admissionCheck(_ record: CaseRecord) async throws -> AdmissionCheck? {
        guard let evidence = record.file.evidence else { return nil }
        let location = try await directory.location(record.file.locationId)
        let elsewhere = try await cases.activeElsewhere(
            personId: record.file.personId,
            vNumber: record.file.identity.vNumber,
            excluding: record.file.locationId
        )
        let day = today()
        let policy = try await policies.inForce(on: day)
        var check = AdmissionCheck.evaluate(
            evidence: evidence,
            nationality: record.file.identity.nationality,
            rule: location.map(policy.rule(at:)) ?? policy.regionalTies,
            policy: policy.admission,
            on: day,
            activeElsewhere: elsewhere,
            stay: try await directory.stay(cbsCode: evidence.municipalityOfStay, locationId: record.file.locationId)
        )
        check.policyVersion = policy.version
        return check
    }

    /// Registers a referral at one of the user's locations.
    public func refer(_ input: FormInput, actor: Actor) async throws -> CaseFile {
        var locationError: FieldError?
        var location: UUID?
        if let text = input.string("locationId") {
            location = UUID(uuidString: text)
            if location == nil || !AccessPolicy.mayRefer(actor, at: location!) {
                locationError = FieldError(
                    field: "locationId",
                    code: "unknownLocation",
                    message: .init(nl: "Kies een van uw locaties.", en: "Choose one of your locations.")
                )
            }
        } else if actor.locationIds.count == 1 {
            location = actor.locationIds.first
        } else {
            locationError = FieldError(
                field: "locationId",
                code: "required",
                message: .init(nl: "Kies de locatie.", en: "Choose the location.")
            )
        }
        guard AccessPolicy.mayOpenCases(actor), !actor.locationIds.isEmpty else { throw AppError.forbidden }
        if let location, locationError == nil, !AccessPolicy.mayRefer(actor, at: location) { throw AppError.forbidden }
        let parsed: (Referral, Identity)
        do {
            parsed = try CaseCommands.refer(input, today: today())
        } catch {
            throw AppError.invalid(ValidationFailure((locationError.map { [$0] } ?? []) + error.errors))
        }
        if let locationError { throw AppError.invalid(ValidationFailure([locationError])) }
        return try await cases.refer(
            identity: parsed.1,
            referral: parsed.0,
            locationId: location!,
            returningFrom: nil,
            context: .fresh(actor)
        )
    }

    /// Starts a new trajectory for a person whose earlier trajectory has ended, linked to it.
    public func reopen(_ previous: UUID, _ input: FormInput, actor: Actor) async throws -> CaseFile {
        let location = try await authorize(actor, .reopen, previous)
        guard let old = try await cases.load(previous, context: nil) else { throw AppError.notFound }
        guard old.file.stage.isClosed else { throw AppError.conflict(Self.stillOpen) }
        var p = Parser(input, form: CaseCommands.returnForm, today: today())
        let channel = p.choice("channel", ReferralChannel.self)
        let day = p.day("referredOn")
        let note = p.text("note")
        let end = old.file.outflow?.leftOn ?? old.file.admission?.decidedOn
        if let day, let end, day < end {
            p.fail(
                "referredOn",
                "beforePrevious",
                nl: "De nieuwe aanmelding ligt vóór het einde van het vorige traject (\(end)).",
                en: "The new referral is before the end of the previous trajectory (\(end))."
            )
        }
        do { try p.finish() } catch { throw AppError.invalid(error) }
        do {
            return try await cases.refer(
                identity: old.file.identity,
                referral: Referral(channel: channel!, referredOn: day!, note: note),
                locationId: location,
                returningFrom: previous,
                context: .fresh(actor)
            )
        } catch StoreError.conflict {
            throw AppError.conflict(
                .init(
                    nl: "Deze persoon heeft al een lopend traject.",
                    en: "This person already has an open trajectory."
                )
            )
        }
    }

    static let stillOpen = LocalizedText(
        nl: "Dit traject loopt nog; een nieuw traject kan pas na uitstroom of afwijzing.",
        en: "This trajectory is still open; a new one can start only after outflow or rejection."
    )

    /// Applies a change to a case: policy, then validation and writing in one transaction.
    public func perform(
        _ op: CaseOperation,
        on id: UUID,
        input: FormInput,
        expectedVersion: Int?,
        actor: Actor
    ) async throws -> CaseFile {
        let action: CaseAction
        switch op {
        case .intake: action = .recordIntake
        case .admission:
            let exception = input.string("outcome") == AdmissionDecision.Outcome.admitByException.rawValue
            action = exception ? .decideAdmissionByException : .decideAdmission
        case .perspective: action = .setPerspective
        case .startSupport, .endSupport: action = .manageSupport
        case .outflow: action = .recordOutflow
        case .note: action = .addNote
        case .submitProcedure:
            // The kind decides who may submit; an unknown kind is left to validation.
            action = ProcedureKind(rawValue: input.string("kind") ?? "").map { .manageProcedure($0) } ?? .view
        case .decideProcedure, .completeActionItem: action = .view
        case .adjustMilestone, .review: action = .manageDeadlines
        case .assignActionItem: action = .assignActionItem
        case .requestCommittee: action = .requestCommitteeAdvice
        case .adviseCommittee: action = .adviseCommittee
        case .escalate: action = .escalate
        case .decideEscalation: action = .decideEscalation
        case .biometrics: action = .recordBiometrics
        case .restrict: action = .restrictProcessing
        case .withholdNote: action = .withholdNote
        }
        _ = try await authorize(actor, action, id)
        let today = today()
        var check: AdmissionCheck?
        var reasons: [OutflowReason] = []
        var ladder: [EscalationLevel] = []
        var policy = DeadlinePolicy.noDeadlines
        switch op {
        case .adjustMilestone:
            guard let location = try await cases.locationOf(id) else { throw AppError.notFound }
            policy = try await directory.location(location)?.deadlinePolicy ?? .noDeadlines
        case .completeActionItem(let itemId):
            guard let record = try await cases.load(id, context: nil) else { throw AppError.notFound }
            if let party = record.file.actionItems.first(where: { $0.id == itemId })?.party {
                _ = try await authorize(actor, .completeActionItem(party), id)
            }
        case .admission:
            guard let record = try await cases.load(id, context: nil) else { throw AppError.notFound }
            if let expectedVersion, expectedVersion != record.file.version {
                throw AppError.stale(current: record.file.version)
            }
            check = try await admissionCheck(record)
        case .decideProcedure(let pid):
            guard let record = try await cases.load(id, context: nil) else { throw AppError.notFound }
            if let kind = record.file.procedures.first(where: { $0.id == pid })?.kind {
                _ = try await authorize(actor, .manageProcedure(kind), id)
            }
        case .outflow:
            reasons = try await policies.inForce(on: today).outflowReasons
        case .escalate:
            ladder = try await policies.inForce(on: today).escalationLadder
        default:
            break
        }
        let newId = UUID()
        let fixedCheck = check
        let fixedReasons = reasons
        let fixedLadder = ladder
        let fixedPolicy = policy
        do {
            let file = try await cases.append(
                to: id,
                expectedVersion: expectedVersion,
                context: .fresh(actor),
                activity: op.activity
            ) { file throws(ValidationFailure) in
                switch op {
                case .intake: return try CaseCommands.recordIntake(input, on: file, today: today)
                case .admission:
                    guard let check = fixedCheck else {
                        throw ValidationFailure([
                            FieldError(
                                field: "stage",
                                code: "noIntake",
                                message: .init(nl: "Leg eerst de intake vast.", en: "Record the intake first.")
                            )
                        ])
                    }
                    return try CaseCommands.decideAdmission(input, on: file, check: check, today: today)
                case .perspective: return try CaseCommands.setPerspective(input, on: file, today: today)
                case .startSupport: return try CaseCommands.startSupport(input, on: file, id: newId, today: today)
                case .endSupport(let sid):
                    return try CaseCommands.endSupport(input, on: file, supportId: sid, today: today)
                case .submitProcedure: return try CaseCommands.submitProcedure(input, on: file, id: newId, today: today)
                case .decideProcedure(let pid):
                    return try CaseCommands.decideProcedure(
                        input,
                        on: file,
                        procedureId: pid,
                        by: actor.party,
                        today: today
                    )
                case .outflow:
                    return try CaseCommands.recordOutflow(input, on: file, reasons: fixedReasons, today: today)
                case .note: return try CaseCommands.addNote(input, by: actor, id: newId, today: today)
                case .adjustMilestone(let key):
                    return try DeadlineCommands.adjust(input, key: key, on: file, policy: fixedPolicy, today: today)
                case .review: return try DeadlineCommands.review(input, on: file, meetingId: nil, today: today)
                case .assignActionItem:
                    return try DeadlineCommands.assign(input, on: file, id: newId, meetingId: nil, today: today)
                case .completeActionItem(let itemId):
                    return try DeadlineCommands.complete(input, on: file, itemId: itemId, today: today)
                case .requestCommittee:
                    return try CommitteeCommands.request(input, on: file, by: actor.party, id: newId, today: today)
                case .adviseCommittee(let requestId):
                    return try CommitteeCommands.advise(input, on: file, requestId: requestId, today: today)
                case .escalate:
                    return try EscalationCommands.escalate(
                        input,
                        on: file,
                        id: newId,
                        ladder: fixedLadder,
                        today: today
                    )
                case .decideEscalation(let escalationId):
                    return try EscalationCommands.decide(input, on: file, escalationId: escalationId, today: today)
                case .biometrics: return try BiometricCommands.record(input, on: file, today: today)
                case .restrict: return try PrivacyCommands.restrict(input, on: file, today: today)
                case .withholdNote(let noteId):
                    return try PrivacyCommands.withhold(input, note: noteId, on: file, by: actor, today: today)
                }
            }
            announce(op, file)
            return file
        } catch let failure as ValidationFailure {
            try await cases.logAttempt(op.activity, on: id, context: .fresh(actor), status: .failed)
            throw AppError.invalid(failure)
        } catch StoreError.stale(let current) {
            try await cases.logAttempt(op.activity, on: id, context: .fresh(actor), status: .failed)
            throw AppError.stale(current: current)
        } catch StoreError.restricted(let reason) {
            try await cases.logAttempt(op.activity, on: id, context: .fresh(actor), status: .refused)
            throw AppError.restricted(reason: reason)
        } catch StoreError.notFound {
            throw AppError.notFound
        }
    }

    /// Tells the organisation an action item, an escalation or a request for advice was put to.
    private func announce(_ op: CaseOperation, _ file: CaseFile) {
        guard let notifier else { return }
        switch op {
        case .assignActionItem:
            if let item = file.actionItems.last { notifier.tell(item.party, at: file.locationId, about: .actionItem) }
        case .escalate:
            if let escalation = file.escalations.last?.escalation {
                notifier.tell(
                    .escalationBody,
                    escalationLevel: escalation.level,
                    at: file.locationId,
                    about: .escalation
                )
            }
        case .requestCommittee:
            notifier.tell(.committee, at: file.locationId, about: .committee)
        default:
            break
        }
    }

    /// The outflow code list of the national policy in force today.
    public func outflowReasons() async throws -> [OutflowReason] {
        try await policies.inForce(on: today()).outflowReasons
    }

    /// The escalation ladder in force today.
    public func escalationLadder() async throws -> [EscalationLevel] {
        try await policies.inForce(on: today()).escalationLadder
    }

    /// "My cases" at the user's locations.
    public func list(_ query: CaseListQuery, actor: Actor) async throws -> (items: [CaseListItem], total: Int) {
        guard AccessPolicy.mayOpenCases(actor) else { throw AppError.forbidden }
        var q = query
        q.locationIds =
            query.locationIds.isEmpty ? actor.locationIds : query.locationIds.intersection(actor.locationIds)
        return try await cases.list(q)
    }

    /// The user's locations, for choosing where to refer.
    public func locations(of actor: Actor) async throws -> [Location] {
        try await directory.locations().filter { actor.locationIds.contains($0.id) }
    }
}
