/// Begeleidingsscenario: the direction a trajectory works towards.
public enum Perspective: String, Sendable, CaseIterable, Codable {
    case returnToOrigin = "return"
    case legalisation
    case onwardMigration
    case underInvestigation

    public var label: LocalizedText {
        switch self {
        case .returnToOrigin: LocalizedText(nl: "Terugkeer", en: "Return")
        case .legalisation: LocalizedText(nl: "Legalisering", en: "Legalisation")
        case .onwardMigration: LocalizedText(nl: "Doormigratie", en: "Onward migration")
        case .underInvestigation: LocalizedText(nl: "Nog in onderzoek", en: "Under investigation")
        }
    }
}

/// A perspective as decided or revised on a date; the history of these answers
/// "share with a perspective on a reference date".
public struct PerspectiveDecision: Sendable, Hashable, Codable {
    public let perspective: Perspective
    public let decidedOn: Day
    public let note: String?

    public init(perspective: Perspective, decidedOn: Day, note: String?) {
        self.perspective = perspective
        self.decidedOn = decidedOn
        self.note = note
    }
}
