/// The blocking keys of many people, sorted so that the people sharing a key sit side by side.
///
/// Used both for deduplication (the pairs within a key, see ``CandidatePairs``) and as the intake's index (the people
/// under any of a newcomer's keys), by binary search in the sorted keys.
public struct BlockingTable: Sendable {
    /// Keys in ascending order, one entry per (key, person).
    public private(set) var keys: [UInt64] = []
    /// The person of each entry.
    public private(set) var people: [Int32] = []

    /// Builds the table of `blockingKeys[i]` for every person i.
    public init(_ blockingKeys: [[UInt64]]) {
        var entries: [(UInt64, Int32)] = []
        entries.reserveCapacity(blockingKeys.reduce(0) { $0 + $1.count })
        for (i, ks) in blockingKeys.enumerated() {
            for k in ks { entries.append((k, Int32(i))) }
        }
        entries.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        // A key a person has twice is kept once: a block lists each person once.
        var distinct = 0
        for e in entries.indices where e == 0 || entries[e] != entries[e - 1] {
            entries[distinct] = entries[e]
            distinct += 1
        }
        entries.removeLast(entries.count - distinct)
        keys = entries.map(\.0)
        people = entries.map(\.1)
    }

    /// The people under one key.
    public func people(under key: UInt64) -> ArraySlice<Int32> {
        var lo = 0
        var hi = keys.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if keys[mid] < key { lo = mid + 1 } else { hi = mid }
        }
        var end = lo
        while end < keys.count && keys[end] == key { end += 1 }
        return people[lo..<end]
    }
}
