/// How often each comparison pattern occurs: an open-addressing table for the one count per
/// candidate pair, where a general dictionary's hashing would cost more than the comparison.
///
/// Patterns are few (thousands) against hundreds of millions of pairs, so the table stays small
/// and in cache.
struct PatternCounts: Sendable {
    /// Marks a free slot. No pattern has all bits set: patterns use at most 63 bits (21 fields of
    /// three; see ``ComparisonLayout/maxExtraCount``).
    private static let empty = UInt64.max
    private var keys: [UInt64]
    private var values: [Int]
    private var mask: Int
    private(set) var distinct = 0

    init() {
        keys = [UInt64](repeating: Self.empty, count: 1024)
        values = [Int](repeating: 0, count: 1024)
        mask = 1023
    }

    @inline(__always)
    private static func slot(_ pattern: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (pattern &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// Counts `n` more of `pattern`.
    @inline(__always)
    mutating func add(_ pattern: UInt64, _ n: Int = 1) {
        var i = Self.slot(pattern, mask)
        while true {
            let k = keys[i]
            if k == pattern {
                values[i] &+= n
                return
            }
            if k == Self.empty { break }
            i = (i + 1) & mask
        }
        keys[i] = pattern
        values[i] = n
        distinct += 1
        if distinct * 2 > keys.count { grow() }
    }

    private mutating func grow() {
        let (oldKeys, oldValues) = (keys, values)
        keys = [UInt64](repeating: Self.empty, count: oldKeys.count * 2)
        values = [Int](repeating: 0, count: oldKeys.count * 2)
        mask = keys.count - 1
        distinct = 0
        for (k, v) in zip(oldKeys, oldValues) where k != Self.empty { add(k, v) }
    }

    /// Adds another table's counts.
    mutating func merge(_ other: PatternCounts) {
        for (k, v) in zip(other.keys, other.values) where k != Self.empty { add(k, v) }
    }

    /// The counts as a dictionary, for estimating the model.
    var dictionary: [UInt64: Int] {
        var out: [UInt64: Int] = [:]
        for (k, v) in zip(keys, values) where k != Self.empty { out[k] = v }
        return out
    }
}
