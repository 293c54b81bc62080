/// The category of an outflow outcome, as the evaluation counts them.
public enum OutcomeCategory: String, Sendable, CaseIterable, Codable {
    /// Bestendig: permit granted, independent departure, onward migration.
    case durable
    /// Semi-bestendig: HASA submitted, article 64.
    case semiDurable
    /// Geen oplossing.
    case none

    public var label: LocalizedText {
        switch self {
        case .durable: LocalizedText(nl: "Bestendige oplossing", en: "Durable solution")
        case .semiDurable: LocalizedText(nl: "Semi-bestendige oplossing", en: "Semi-durable solution")
        case .none: LocalizedText(nl: "Geen oplossing", en: "No solution")
        }
    }
}

/// One entry of the outflow code list: a reason, its category and its labels.
///
/// The list is configuration held in the database; ``OutflowReason/nationalDefault`` is what
/// a fresh database starts with.
public struct OutflowReason: Sendable, Hashable, Codable {
    public let code: String
    public let category: OutcomeCategory
    public let label: LocalizedText

    public init(code: String, category: OutcomeCategory, label: LocalizedText) {
        self.code = code
        self.category = category
        self.label = label
    }

    /// The brief's national default code list.
    public static let nationalDefault: [OutflowReason] = [
        .init(
            code: "permitGranted",
            category: .durable,
            label: .init(nl: "Verblijfsvergunning verleend", en: "Permit granted")
        ),
        .init(
            code: "independentDeparture",
            category: .durable,
            label: .init(nl: "Zelfstandig vertrek", en: "Independent departure")
        ),
        .init(code: "onwardMigration", category: .durable, label: .init(nl: "Doormigratie", en: "Onward migration")),
        .init(code: "hasaSubmitted", category: .semiDurable, label: .init(nl: "HASA ingediend", en: "HASA submitted")),
        .init(code: "article64", category: .semiDurable, label: .init(nl: "Artikel 64", en: "Article 64")),
        .init(
            code: "leftUnknown",
            category: .none,
            label: .init(nl: "Met onbekende bestemming vertrokken", en: "Left to unknown destination")
        ),
        .init(
            code: "nonCooperation",
            category: .none,
            label: .init(nl: "Beëindigd wegens niet meewerken", en: "Ended for not cooperating")
        ),
        .init(
            code: "deadlineReached",
            category: .none,
            label: .init(nl: "Beëindigd bij het verstrijken van de termijn", en: "Ended at the deadline")
        ),
        .init(
            code: "removedFromShelter",
            category: .none,
            label: .init(nl: "Uit de opvang gezet", en: "Removed from shelter")
        ),
        .init(code: "other", category: .none, label: .init(nl: "Anders", en: "Other")),
    ]
}

/// Uitstroom: how and when a trajectory ended.
public struct Outflow: Sendable, Hashable, Codable {
    public let leftOn: Day
    public let reasonCode: String
    public let category: OutcomeCategory
    public let note: String?

    public init(leftOn: Day, reasonCode: String, category: OutcomeCategory, note: String?) {
        self.leftOn = leftOn
        self.reasonCode = reasonCode
        self.category = category
        self.note = note
    }
}
