import Foundation

/// Walks one chain's rows in their stored order and names every row that does not verify: a gap
/// in the sequence is a deletion; a row that fits another place is reordered; a row whose absence
/// would mend the chain is inserted; any other mismatch is a change.
struct ChainWalk {
    /// One stored row: its place, its stored hash, and how to hash its content at a place after a hash.
    struct Row {
        let id: UUID?
        let sequence: Int
        let storedHash: String?
        /// Whether the row's own content is known to differ from what was hashed (a payload whose
        /// hash is stored beside it).
        let contentChanged: Bool
        let hashAt: (_ sequence: Int, _ previous: String) -> String
    }

    let table: String
    let chain: String

    /// How far a moved row is looked for, in rows either way.
    static let window = 16

    /// The findings for the chain's rows, and the chain's last sequence and hash as stored.
    func walk(_ rows: [Row]) -> (findings: [AuditFinding], last: (seq: Int, hash: String)) {
        var findings: [AuditFinding] = []
        let genesis = AuditHash.genesis(chain)
        var expected = 1
        var previous = genesis
        func find(_ kind: AuditFinding.Kind, _ row: Row?, _ sequence: Int?, _ detail: String) {
            findings.append(
                AuditFinding(kind: kind, table: table, chain: chain, sequence: sequence, rowId: row?.id, detail: detail)
            )
        }
        for (index, row) in rows.enumerated() {
            if row.sequence > expected {
                let missing = expected == row.sequence - 1 ? "\(expected)" : "\(expected)–\(row.sequence - 1)"
                find(.deleted, nil, expected, "row \(missing) is missing before #\(row.sequence)")
            }
            let afterGap = row.sequence > expected
            expected = row.sequence + 1
            let linkedTo = previous
            previous = row.storedHash ?? previous
            guard let stored = row.storedHash else {
                find(.inserted, row, row.sequence, "it has no hash: it was not written by Koers")
                previous = linkedTo
                continue
            }
            if row.contentChanged {
                find(.changed, row, row.sequence, "its content is not what was hashed")
                continue
            }
            if row.hashAt(row.sequence, linkedTo) == stored { continue }
            // After a deletion the row links to a hash that is gone: the gap is the finding.
            if afterGap { continue }
            // Moved: it verifies at another place nearby, after a row nearby (or at the start). The
            // window keeps a long chain's check linear; a row moved further is still named, as changed.
            let nearby = rows[max(0, index - Self.window)..<min(rows.count, index + Self.window)]
            let links = [genesis] + nearby.compactMap(\.storedHash)
            if let moved = nearby.map(\.sequence).first(where: { place in
                place != row.sequence && links.contains { row.hashAt(place, $0) == stored }
            }) {
                find(.reordered, row, row.sequence, "it was written as #\(moved)")
                continue
            }
            if index + 1 < rows.count {
                let next = rows[index + 1]
                if next.hashAt(next.sequence, linkedTo) == next.storedHash {
                    find(.inserted, row, row.sequence, "the chain holds without it")
                    previous = linkedTo
                    continue
                }
            }
            find(.changed, row, row.sequence, "its hash does not match its content and the row before it")
        }
        let last = rows.last.map { ($0.sequence, $0.storedHash ?? "") } ?? (0, genesis)
        return (findings, last)
    }
}
