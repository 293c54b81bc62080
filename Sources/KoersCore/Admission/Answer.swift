/// A fact established at intake: yes, no, or not (yet) known.
public enum Answer: String, Sendable, CaseIterable, Codable {
    case yes, no, unknown

    public var label: LocalizedText {
        switch self {
        case .yes: LocalizedText(nl: "Ja", en: "Yes")
        case .no: LocalizedText(nl: "Nee", en: "No")
        case .unknown: LocalizedText(nl: "Onbekend", en: "Unknown")
        }
    }
}
