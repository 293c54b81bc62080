import Foundation

/// Instrument: a form of support given during a trajectory.
public enum SupportInstrument: String, Sendable, CaseIterable, Codable {
    case shelter24h, shelterNight, ownNetworkAllowance
    case legalScreening, legalAssistance, activation, socialSupport
    case futureOrientationEmpowerment, futureOrientationReturn, careAccess

    public var label: LocalizedText {
        switch self {
        case .shelter24h: LocalizedText(nl: "24-uursopvang", en: "24-hour shelter")
        case .shelterNight: LocalizedText(nl: "Nachtopvang", en: "Night shelter")
        case .ownNetworkAllowance: LocalizedText(nl: "Eigen netwerk met leefgeld", en: "Own network with allowance")
        case .legalScreening: LocalizedText(nl: "Juridische screening", en: "Legal screening")
        case .legalAssistance: LocalizedText(nl: "Juridische begeleiding", en: "Legal assistance")
        case .activation: LocalizedText(nl: "Activering", en: "Activation")
        case .socialSupport: LocalizedText(nl: "Maatschappelijke begeleiding", en: "Social support")
        case .futureOrientationEmpowerment:
            LocalizedText(nl: "Toekomstoriëntatie (empowerment)", en: "Future orientation (empowerment)")
        case .futureOrientationReturn:
            LocalizedText(nl: "Toekomstoriëntatie (terugkeer)", en: "Future orientation (return)")
        case .careAccess: LocalizedText(nl: "Toeleiding naar zorg", en: "Access to care")
        }
    }

    /// Whether this is a form of shelter; at most one shelter runs at a time.
    public var isShelter: Bool { self == .shelter24h || self == .shelterNight || self == .ownNetworkAllowance }
}

/// One period of an instrument; open while `endedOn` is nil.
public struct SupportPeriod: Sendable, Hashable, Codable, Identifiable {
    public let id: UUID
    public let instrument: SupportInstrument
    public let startedOn: Day
    public var endedOn: Day?
    public let note: String?

    public init(id: UUID, instrument: SupportInstrument, startedOn: Day, endedOn: Day?, note: String?) {
        self.id = id
        self.instrument = instrument
        self.startedOn = startedOn
        self.endedOn = endedOn
        self.note = note
    }

    public var isOpen: Bool { endedOn == nil }
}
