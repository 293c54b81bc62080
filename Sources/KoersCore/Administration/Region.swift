import Foundation

/// LVV-regio: the municipalities one LVV location serves. Every municipality belongs to exactly one.
public struct Region: Sendable, Hashable, Identifiable {
    public let id: UUID
    public let name: String
    /// How many municipalities it holds.
    public let municipalityCount: Int

    public init(id: UUID, name: String, municipalityCount: Int) {
        self.id = id
        self.name = name
        self.municipalityCount = municipalityCount
    }
}

/// Gemeente, as a place a person stays: its CBS code (`GM0518`) and name.
public struct Municipality: Sendable, Hashable {
    public let cbsCode: String
    public let name: String
    public let regionId: UUID

    public init(cbsCode: String, name: String, regionId: UUID) {
        self.cbsCode = cbsCode
        self.name = name
        self.regionId = regionId
    }

    /// `GM` and four digits, as CBS writes municipality codes.
    public static let cbsCodePattern = "^GM[0-9]{4}$"

    /// Whether `code` is written as a CBS municipality code.
    public static func isCBSCode(_ code: String) -> Bool {
        code.count == 6 && code.hasPrefix("GM") && code.dropFirst(2).allSatisfy { $0.isASCII && $0.isNumber }
    }
}
