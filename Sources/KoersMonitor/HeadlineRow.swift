import KoersCore

/// The rows of the headline table (kerncijfers), in the order the report shows them.
public enum HeadlineRow: Int, CaseIterable, Sendable {
    /// Aanmeldingen: every referral, admitted or not.
    case referred
    /// Trajecten: referrals admitted to a trajectory — what the evaluation counts as trajectories.
    case trajectories
    case active, hasaSubmitted, hasaDecided, hasaGranted, transfersReceived, escalations, milestonesMet,
        milestonesOverdue

    public var label: LocalizedText {
        switch self {
        case .referred: LocalizedText(nl: "Aanmeldingen", en: "Referrals")
        case .trajectories: LocalizedText(nl: "Trajecten (toegelaten)", en: "Trajectories (admitted)")
        case .active: LocalizedText(nl: "Actief op de peildatum", en: "Active on the reference date")
        case .hasaSubmitted: LocalizedText(nl: "HASA ingediend", en: "HASA submitted")
        case .hasaDecided: LocalizedText(nl: "HASA beslist", en: "HASA decided")
        case .hasaGranted: LocalizedText(nl: "HASA ingewilligd", en: "HASA granted")
        case .transfersReceived: LocalizedText(nl: "Overdrachten ontvangen", en: "Transfers received")
        case .escalations: LocalizedText(nl: "Escalaties", en: "Escalations")
        case .milestonesMet: LocalizedText(nl: "Deeltermijnen gehaald", en: "Sub-deadlines met")
        case .milestonesOverdue: LocalizedText(nl: "Deeltermijnen verlopen", en: "Sub-deadlines overdue")
        }
    }
}
