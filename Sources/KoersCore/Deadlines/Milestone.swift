import Foundation

/// The kinds of sub-deadline a trajectory can have.
public enum MilestoneKind: String, Sendable, CaseIterable, Codable {
    case perspective, review, maximumStay, actionItem

    public var label: LocalizedText {
        switch self {
        case .perspective: LocalizedText(nl: "Perspectief bepaald", en: "Perspective decided")
        case .review: LocalizedText(nl: "Periodieke bespreking", en: "Periodic review")
        case .maximumStay: LocalizedText(nl: "Maximale verblijfsduur", en: "Maximum stay")
        case .actionItem: LocalizedText(nl: "Actiepunt", en: "Action item")
        }
    }
}

/// Where a milestone stands on a reference date.
public enum MilestoneState: String, Sendable, CaseIterable, Codable {
    case scheduled, met, overdue, suspended, extended, skipped

    public var label: LocalizedText {
        switch self {
        case .scheduled: LocalizedText(nl: "Gepland", en: "Scheduled")
        case .met: LocalizedText(nl: "Gehaald", en: "Met")
        case .overdue: LocalizedText(nl: "Verlopen", en: "Overdue")
        case .suspended: LocalizedText(nl: "Opgeschort", en: "Suspended")
        case .extended: LocalizedText(nl: "Verlengd", en: "Extended")
        case .skipped: LocalizedText(nl: "Vervallen", en: "Skipped")
        }
    }

    /// Still asks for something to happen.
    public var isOpen: Bool { self == .scheduled || self == .overdue || self == .extended || self == .suspended }
}

/// One sub-deadline of a trajectory on a reference date, computed from its events.
public struct Milestone: Sendable, Hashable, Codable {
    /// Stable within the trajectory: `perspective`, `maximumStay`, `review-1`, `action-<id>`.
    public let key: String
    public let kind: MilestoneKind
    public let title: String?
    /// The due date as the policy set it.
    public let plannedOn: Day
    /// The due date in force: after an extension, or moved by the days it was suspended.
    public let dueOn: Day
    public let state: MilestoneState
    public let metOn: Day?
    /// Why it was suspended, extended or skipped.
    public let reason: String?
    /// For action items: the party that must act.
    public let party: Party?
}
