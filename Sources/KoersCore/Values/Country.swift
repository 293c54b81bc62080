/// A nationality: an ISO 3166-1 alpha-3 country, or ICAO's XXA (stateless) or XXX (unknown).
public struct Country: Sendable, Hashable {
    public let code: String
    public let nl: String
    public let en: String

    init(code: String, nl: String, en: String) {
        self.code = code
        self.nl = nl
        self.en = en
    }

    /// The name in the given language.
    public func name(_ language: Language) -> String { language == .en ? en : nl }

    /// Every code Koers accepts, sorted by English name with stateless and unknown last.
    public static let all: [Country] = isoList

    private static let byCode: [String: Country] = Dictionary(uniqueKeysWithValues: isoList.map { ($0.code, $0) })

    /// The country with this code (case-insensitive), or nil when it is not a known code.
    public static func named(_ code: String) -> Country? { byCode[code.uppercased()] }

    public static let stateless = "XXA"
    public static let unknown = "XXX"
}
