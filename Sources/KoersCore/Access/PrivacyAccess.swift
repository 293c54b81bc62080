import Foundation

extension AccessPolicy {
    /// Whether the user may answer the requests of people registered at this location (access,
    /// restriction): the privacy officer of an organisation that serves it.
    public static func mayAnswerRequests(_ actor: Actor, at locationId: UUID) -> Bool {
        actor.party == .privacy && actor.locationIds.contains(locationId)
    }

    /// Whether the user works on people's requests at all: the privacy officer's pages and API.
    public static func mayAnswerRequests(_ actor: Actor) -> Bool {
        actor.party == .privacy
    }

    /// Whether the user may restrict processing of a person with a case at this location, or lift
    /// it: the privacy officer, on the person's request, and the municipality.
    public static func mayRestrict(_ actor: Actor, at locationId: UUID) -> Bool {
        mayAnswerRequests(actor, at: locationId)
            || (actor.party == .municipality && actor.locationIds.contains(locationId))
    }

    /// Whether a restriction of processing stops this action: everything but reading, and the
    /// rights themselves, for everyone but the municipality, the regievoerder.
    static func blockedByRestriction(_ actor: Actor, _ action: CaseAction) -> Bool {
        guard actor.party != .municipality else { return false }
        switch action {
        case .view, .restrictProcessing, .withholdNote: return false
        default: return true
        }
    }

    /// Whether these changes may be written to the case as it stands: checked by the store in the
    /// write's transaction, so no route, meeting, import or transfer passes a restriction by.
    public static func mayWrite(_ changes: [CaseChange], to file: CaseFile, by actor: Actor) -> Bool {
        guard file.restriction != nil, actor.party != .municipality else { return true }
        return changes.allSatisfy { change in
            switch change {
            case .processingRestricted, .noteWithheld: true
            default: false
            }
        }
    }
}

extension CaseAction {
    /// The processing activity an attempt at this action is logged under, when it is refused or
    /// fails before its own change is written.
    public var activity: ProcessingActivity {
        switch self {
        case .view: .read
        case .refer, .reopen: .refer
        case .recordIntake: .intake
        case .decideAdmission, .decideAdmissionByException: .admission
        case .setPerspective: .perspective
        case .manageSupport: .supportStart
        case .manageProcedure: .procedureSubmit
        case .recordOutflow: .outflow
        case .addNote: .note
        case .manageDeadlines: .deadlineAdjust
        case .assignActionItem: .actionItemAssign
        case .completeActionItem: .actionItemComplete
        case .requestTransfer: .transferRequest
        case .requestCommitteeAdvice: .committeeRequest
        case .adviseCommittee: .committeeAdvise
        case .escalate: .escalate
        case .decideEscalation: .escalationDecide
        case .recordBiometrics: .biometrics
        case .resolveDuplicate: .duplicateResolve
        case .restrictProcessing: .restrict
        case .withholdNote: .noteWithhold
        }
    }
}
