/// The blocking keys of many people, sorted so that the people sharing a key sit side by side.
///
/// Used both for deduplication (every pair within a key) and as the intake's index (the people
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
        keys = entries.map(\.0)
        people = entries.map(\.1)
    }

    /// The people under one key.
    public func people(under key: UInt64) -> ArraySlice<Int32> {
        var lo = 0, hi = keys.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if keys[mid] < key { lo = mid + 1 } else { hi = mid }
        }
        var end = lo
        while end < keys.count && keys[end] == key { end += 1 }
        return people[lo..<end]
    }

    /// Every pair (i < j) sharing a key, each once, as `i << 32 | j`. Keys shared by more than
    /// `maxBlock` people are left out: they say too little to be worth all their pairs.
    public func pairs(maxBlock: Int) -> (pairs: [UInt64], skippedBlocks: Int) {
        var out: [UInt64] = []
        var skipped = 0
        var start = 0
        while start < keys.count {
            var end = start + 1
            while end < keys.count && keys[end] == keys[start] { end += 1 }
            let size = end - start
            if size > maxBlock {
                skipped += 1
            } else if size > 1 {
                for a in start..<(end - 1) {
                    for b in (a + 1)..<end where people[a] != people[b] {
                        let (i, j) = (min(people[a], people[b]), max(people[a], people[b]))
                        out.append(UInt64(UInt32(i)) << 32 | UInt64(UInt32(j)))
                    }
                }
            }
            start = end
        }
        out.sort()
        var unique = 0
        for i in out.indices where i == 0 || out[i] != out[i - 1] {
            out[unique] = out[i]
            unique += 1
        }
        out.removeLast(out.count - unique)
        return (out, skipped)
    }
}
