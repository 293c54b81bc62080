/// Gender as registered: what the person states, with room for "other" and "unknown".
public enum Gender: String, Sendable, CaseIterable, Codable {
    case female, male, other, unknown

    public var label: LocalizedText {
        switch self {
        case .female: LocalizedText(nl: "Vrouw", en: "Female")
        case .male: LocalizedText(nl: "Man", en: "Male")
        case .other: LocalizedText(nl: "Anders", en: "Other")
        case .unknown: LocalizedText(nl: "Onbekend", en: "Unknown")
        }
    }
}
