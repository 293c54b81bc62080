/// Verwerkingsactiviteit: one kind of processing of a person's data, as the processing register
/// (``RegisterEntry``) names it. Every entry of the processing log carries one; a closed list, so
/// nothing can be logged that the register does not describe.
public enum ProcessingActivity: String, Sendable, CaseIterable, Codable {
    case read = "case.read"
    case refer = "case.refer"
    case intake = "case.intake"
    case admission = "case.admission"
    case perspective = "case.perspective"
    case supportStart = "case.support.start"
    case supportEnd = "case.support.end"
    case procedureSubmit = "case.procedure.submit"
    case procedureDecide = "case.procedure.decide"
    case outflow = "case.outflow"
    case note = "case.note"
    case noteWithhold = "case.note.withhold"
    case deadlineAdjust = "case.deadline.adjust"
    case review = "case.review"
    case actionItemAssign = "case.actionItem.assign"
    case actionItemComplete = "case.actionItem.complete"
    case committeeRequest = "case.committee.request"
    case committeeAdvise = "case.committee.advise"
    case escalate = "case.escalate"
    case escalationDecide = "case.escalation.decide"
    case biometrics = "case.biometrics"
    case correct = "case.correct"
    case restrict = "case.restrict"
    case duplicateResolve = "case.duplicate.resolve"
    case duplicateLink = "case.duplicate.link"
    case importRegistrations = "case.import"
    case reconcileCompare = "case.reconcile.compare"
    case reconcileAccept = "case.reconcile.accept"
    case reconcileExplain = "case.reconcile.explain"
    case transferRequest = "case.transfer.request"
    case transferDecide = "case.transfer.decide"
    case meetingDecision = "meeting.decision"
    /// Inzage: producing a person's subject-access document.
    case subjectAccess = "privacy.access"
    /// Vernietiging: erasing a person's data when their retention period has ended.
    case erase = "privacy.erase"
}

/// How a processing ended, as the log records it (LDV's status code).
public enum ProcessingStatus: String, Sendable, CaseIterable, Codable {
    case ok
    /// The access policy refused the user.
    case refused
    /// Tried and failed: invalid input, a stale version, a rule across records.
    case failed

    public var label: LocalizedText {
        switch self {
        case .ok: LocalizedText(nl: "Uitgevoerd", en: "Done")
        case .refused: LocalizedText(nl: "Geweigerd", en: "Refused")
        case .failed: LocalizedText(nl: "Mislukt", en: "Failed")
        }
    }
}
