import Foundation

/// One row or chain that does not verify, named so the hosting party can find it.
public struct AuditFinding: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// The row's content is not what was hashed.
        case changed
        /// A row is missing from its chain.
        case deleted
        /// A row is in a chain it was never written to.
        case inserted
        /// A row stands at another place in its chain than the one it was written at.
        case reordered
        /// The chain verifies on its own but no longer holds the exported head: rewritten and hashed again.
        case recomputed
        /// The chain ends before the head exported or recorded for it.
        case cutOff
    }

    public let kind: Kind
    /// The table: `case_events`, `processing_log`, `admin_changes`.
    public let table: String
    public let chain: String
    /// The row's place in its chain, when one row is meant.
    public let sequence: Int?
    public let rowId: UUID?
    public let detail: String

    public var description: String {
        var text = "\(kind.rawValue): \(table) \(chain)"
        if let sequence { text += " #\(sequence)" }
        if let rowId { text += " (id \(rowId.uuidString.lowercased()))" }
        return text + ": " + detail
    }
}

/// What `koers audit verify` found.
public struct AuditReport: Sendable {
    /// Rows checked per table.
    public var checked: [String: Int] = [:]
    /// Chains checked.
    public var chains = 0
    public var findings: [AuditFinding] = []
    /// Whether exported heads were checked, and whose signature they carried.
    public var headsChecked: String?

    public var passed: Bool { findings.isEmpty }
}
