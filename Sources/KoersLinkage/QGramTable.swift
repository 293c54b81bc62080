import Crypto
import Foundation

/// The keyed hashes of every bigram a field can contain, computed once per key.
///
/// Fields are folded to 38 symbols (padding, space, a–z, 0–9), so a field has at most
/// 2 × 38² distinct bigrams (raw and skeleton). Hashing each once with the field's HMAC key and
/// looking them up afterwards gives the same encoding as hashing per record, hundreds of times faster.
struct QGramTable: Sendable {
    static let symbols = 38
    static let perVariant = symbols * symbols
    /// (h1, h2) per bigram; the skeleton's bigrams follow the raw ones.
    let hashes: [(UInt64, UInt64)]

    init(key: FieldKey) {
        var table: [(UInt64, UInt64)] = []
        table.reserveCapacity(2 * Self.perVariant)
        var input: [UInt8] = [0, 0, 0]
        for variant in 0..<2 {
            for a in 0..<Self.symbols {
                for b in 0..<Self.symbols {
                    input[0] = UInt8(variant)
                    input[1] = UInt8(a)
                    input[2] = UInt8(b)
                    table.append(input.withUnsafeBytes { LinkageKeys.mac(key, $0) })
                }
            }
        }
        hashes = table
    }

    /// The symbol of a folded byte: 1 for space, 2–27 for a–z, 28–37 for 0–9; 0 is the padding.
    @inline(__always)
    static func symbol(_ byte: UInt8) -> Int {
        switch byte {
        case 0x61...0x7A: Int(byte - 0x61) + 2
        case 0x30...0x39: Int(byte - 0x30) + 28
        default: 1
        }
    }

    /// Adds the padded bigrams of `text` (folded bytes) to `ids`, in the given variant (0 raw, 1 skeleton).
    static func bigrams(_ text: [UInt8], variant: Int, into ids: inout [Int]) {
        guard !text.isEmpty else { return }
        var previous = 0
        for byte in text {
            let s = symbol(byte)
            ids.append(variant * perVariant + previous * symbols + s)
            previous = s
        }
        ids.append(variant * perVariant + previous * symbols)
    }
}

extension QGramTable {
    /// The table of `key`, computed once per process.
    ///
    /// Every set of services builds an encoder, and a process may build many on the same secret (the test suite
    /// builds hundreds); each would hash the same bigrams again.
    static func shared(_ key: FieldKey) -> QGramTable {
        let fingerprint = Array("fingerprint".utf8).withUnsafeBytes { LinkageKeys.mac(key, $0) }
        let id = Fingerprint(high: fingerprint.0, low: fingerprint.1)
        if let table = TableCache.shared.table(id) { return table }
        let table = QGramTable(key: key)
        TableCache.shared.store(table, id)
        return table
    }

    struct Fingerprint: Hashable {
        let high: UInt64
        let low: UInt64
    }

    /// Tables by their key's fingerprint; bounded, since keys come from configuration and rarely change.
    final class TableCache: @unchecked Sendable {
        static let shared = TableCache()
        private let lock = NSLock()
        private var tables: [Fingerprint: QGramTable] = [:]

        func table(_ id: Fingerprint) -> QGramTable? {
            lock.withLock { tables[id] }
        }

        func store(_ table: QGramTable, _ id: Fingerprint) {
            lock.withLock {
                if tables.count >= 64 { tables.removeAll() }
                tables[id] = table
            }
        }
    }
}
