import Crypto
import Foundation

/// The hashes of the tamper-evident record: each row's hash covers its content and the hash of
/// the row before it in its chain, so changing, removing or reordering a row breaks the chain at
/// that row. Content is hashed as its fields joined by a separator no field holds unescaped.
enum AuditHash {
    /// SHA-256 of the text, as lower-case hex.
    static func hex(_ text: String) -> String {
        Hex.string(SHA256.hash(data: Data(text.utf8)))
    }

    /// The hash of a row: its chain's previous hash and its fields.
    static func link(_ previous: String, _ fields: [String]) -> String {
        hex(
            previous + "\n"
                + fields.map { $0.replacingOccurrences(of: "\u{1F}", with: "\u{1F}\u{1F}") }
                .joined(separator: "\u{1F}")
        )
    }

    /// A moment as whole milliseconds since 1970: what both databases store of it exactly.
    static func millis(_ date: Date) -> String {
        String(Int64((date.timeIntervalSince1970 * 1000).rounded()))
    }

    /// The moment cut to whole milliseconds, so the value stored is the value hashed.
    static func truncated(_ date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1000).rounded(.down) / 1000)
    }

    /// The first "previous hash" of a chain: its name, so a row cannot be moved to another chain.
    static func genesis(_ chain: String) -> String {
        hex("koers-chain:" + chain)
    }

    /// The chain of a trajectory's events.
    static func eventChain(_ trajectoryId: UUID) -> String {
        "events/" + trajectoryId.uuidString.lowercased()
    }

    /// The hash of a case event. `payloadHash` stands for the payload, so erasing a value from it
    /// (retention) leaves the chain verifiable.
    static func event(
        previous: String,
        id: UUID,
        trajectoryId: UUID,
        sequence: Int,
        kind: String,
        payloadHash: String,
        userId: UUID,
        userName: String,
        organisationId: UUID,
        organisationName: String,
        party: String,
        recordedAt: Date,
        effectiveOn: String,
        source: String?
    ) -> String {
        link(
            previous,
            [
                id.uuidString.lowercased(), trajectoryId.uuidString.lowercased(), String(sequence), kind, payloadHash,
                userId.uuidString.lowercased(), userName, organisationId.uuidString.lowercased(), organisationName,
                party, millis(recordedAt), effectiveOn, source ?? "",
            ]
        )
    }

    /// The hash of an administrative change.
    static func adminChange(
        previous: String,
        id: UUID,
        at: Date,
        userId: UUID?,
        userName: String,
        objectKind: String,
        objectId: UUID,
        action: String,
        before: String?,
        after: String?
    ) -> String {
        link(
            previous,
            [
                id.uuidString.lowercased(), millis(at), userId?.uuidString.lowercased() ?? "", userName, objectKind,
                objectId.uuidString.lowercased(), action, before ?? "", after ?? "",
            ]
        )
    }
}
