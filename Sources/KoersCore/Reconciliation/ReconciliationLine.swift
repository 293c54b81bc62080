import Foundation

/// Afstemmingsregel: one fact of an agency's list beside Koers's, or a fact of Koers's the list
/// does not hold.
public struct ReconciliationLine: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case agrees
        /// Both hold the fact, with different values.
        case differs
        /// Koers holds the fact, the list does not.
        case notInList
        /// The list holds the fact for a V-nummer Koers holds at the location; Koers does not.
        case notInKoers

        public var label: LocalizedText {
            switch self {
            case .agrees: LocalizedText(nl: "Komt overeen", en: "Agrees")
            case .differs: LocalizedText(nl: "Verschilt", en: "Differs")
            case .notInList: LocalizedText(nl: "Wel in Koers, niet in de lijst", en: "In Koers, not in the list")
            case .notInKoers: LocalizedText(nl: "Wel in de lijst, niet in Koers", en: "In the list, not in Koers")
            }
        }
    }

    /// One field on which the two differ, with both values as a person reads them.
    public struct Difference: Sendable, Hashable, Codable {
        /// `submittedOn`, `decidedOn`, `outcome`, `leftOn` or `reason`.
        public let field: String
        public let koers: String
        public let list: String

        public init(field: String, koers: String, list: String) {
            self.field = field
            self.koers = koers
            self.list = list
        }
    }

    public let status: Status
    public let vNumber: VNumber
    public let listed: AgencyFact?
    public let registered: RegisteredFact?
    public let differences: [Difference]

    public init(
        status: Status,
        vNumber: VNumber,
        listed: AgencyFact?,
        registered: RegisteredFact?,
        differences: [Difference]
    ) {
        self.status = status
        self.vNumber = vNumber
        self.listed = listed
        self.registered = registered
        self.differences = differences
    }

    /// Whether the municipality can take the agency's fact into Koers: a fact Koers lacks, or
    /// different values where the list holds one. A fact only Koers holds can only be explained.
    public var mayAccept: Bool {
        switch status {
        case .agrees, .notInList: false
        case .notInKoers: true
        case .differs:
            // The list cannot take away a decision Koers holds.
            !(registered?.outcome != nil && listed?.outcome == nil)
        }
    }
}

/// A list compared with Koers: the lines, and the list's V-nummers Koers does not know at the
/// location, counted only.
public struct ReconciliationResult: Sendable, Hashable, Codable {
    public let lines: [ReconciliationLine]
    public let unknownVNumbers: Int

    public init(lines: [ReconciliationLine], unknownVNumbers: Int) {
        self.lines = lines
        self.unknownVNumbers = unknownVNumbers
    }

    public func count(_ status: ReconciliationLine.Status) -> Int { lines.count { $0.status == status } }
}
