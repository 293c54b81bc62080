/// The pairs that blocking proposes, enumerated part by part on several cores without being stored.
///
/// Two people are a candidate pair when they share a blocking key whose block holds at most
/// `maxBlock` people. A pair sharing several keys is visited once: under the smallest key the two
/// share, which each visit checks on the keys the two have before the block's. That replaces
/// sorting and de-duplicating a list of all pairs (166 million at a million registrations).
struct CandidatePairs: Sendable {
    let table: BlockingTable
    /// The blocks that are followed: ranges of `table`'s entries, in ascending key order.
    let blocks: [Range<Int>]
    /// Blocks left out because more than `maxBlock` people share their key.
    let skippedBlocks: Int
    /// Every person's followed keys, ascending: `keys[keyStart[i]..<keyStart[i + 1]]`.
    private let keys: [UInt64]
    private let keyStart: [Int]
    /// Consecutive ranges of `blocks` with about equal numbers of pairs, for the cores to share.
    let parts: [Range<Int>]

    init(_ table: BlockingTable, people count: Int, maxBlock: Int) {
        self.table = table
        var blocks: [Range<Int>] = []
        var skipped = 0
        var start = 0
        let tableKeys = table.keys
        while start < tableKeys.count {
            var end = start + 1
            while end < tableKeys.count && tableKeys[end] == tableKeys[start] { end += 1 }
            if end - start > maxBlock { skipped += 1 } else if end - start > 1 { blocks.append(start..<end) }
            start = end
        }
        self.blocks = blocks
        skippedBlocks = skipped
        // Each person's followed keys, in the blocks' (ascending) order.
        var counts = [Int](repeating: 0, count: count + 1)
        for block in blocks { for e in block { counts[Int(table.people[e]) + 1] += 1 } }
        for i in 0..<count { counts[i + 1] += counts[i] }
        var fill = counts
        var keys = [UInt64](repeating: 0, count: counts[count])
        for block in blocks {
            for e in block {
                let p = Int(table.people[e])
                keys[fill[p]] = tableKeys[e]
                fill[p] += 1
            }
        }
        self.keys = keys
        keyStart = counts
        // Parts of roughly equal work (pairs per block), several per core so that cores finishing
        // early take on more.
        let work = blocks.map { $0.count * ($0.count - 1) / 2 }
        let total = work.reduce(0, +)
        let partCount = max(1, min(blocks.count, total / 500_000, 64))
        var parts: [Range<Int>] = []
        var from = 0
        var sum = 0
        for (b, w) in work.enumerated() {
            sum += w
            if sum >= total * (parts.count + 1) / partCount || b == work.count - 1 {
                parts.append(from..<(b + 1))
                from = b + 1
            }
        }
        self.parts = parts
    }

    /// Whether two sorted lists of keys have one in common. The merge steps without branching on
    /// which side is smaller, which a processor cannot predict.
    @inline(__always)
    private static func share(_ keys: UnsafeMutablePointer<UInt64>, _ a: Range<Int>, _ b: Range<Int>) -> Bool {
        var i = a.lowerBound
        var j = b.lowerBound
        while i < a.upperBound && j < b.upperBound {
            let x = keys[i]
            let y = keys[j]
            if x == y { return true }
            i &+= x < y ? 1 : 0
            j &+= y < x ? 1 : 0
        }
        return false
    }

    /// For every block in part `part`: `start(members)` with the block's people, then
    /// `body(x, y, i, j)` for every candidate pair in it: people i < j at positions x < y of
    /// `members`. Over all parts, each pair is visited once.
    ///
    /// A pair is visited under the smallest key its two people share. For each block, the keys
    /// of its people that come before the block's key are first gathered side by side: the pair
    /// is skipped when those lists share one. Gathered, they stay in the fastest cache while the
    /// block's pairs are checked; a person with no earlier key needs no check at all.
    func forEachPair(
        inPart part: Int,
        start: (UnsafeBufferPointer<Int32>) -> Void,
        _ body: (Int, Int, Int, Int) -> Void
    ) {
        var earlier = [UInt64](repeating: 0, count: 1024)
        var ranges: [Range<Int>] = []
        keys.withUnsafeBufferPointer { keys in
            table.people.withUnsafeBufferPointer { people in
                let tableKeys = table.keys
                for block in blocks[parts[part]] {
                    let key = tableKeys[block.lowerBound]
                    let members = UnsafeBufferPointer(rebasing: people[block])
                    ranges.removeAll(keepingCapacity: true)
                    var used = 0
                    for member in members {
                        let p = Int(member)
                        let from = used
                        for k in keyStart[p]..<keyStart[p + 1] {
                            let value = keys[k]
                            if value >= key { break }
                            if used == earlier.count { earlier += earlier }
                            earlier[used] = value
                            used += 1
                        }
                        ranges.append(from..<used)
                    }
                    start(members)
                    earlier.withUnsafeMutableBufferPointer { earlier in
                        for x in 0..<(members.count - 1) {
                            let i = Int(members[x])
                            let a = ranges[x]
                            for y in (x + 1)..<members.count
                            where a.isEmpty || !Self.share(earlier.baseAddress!, a, ranges[y]) {
                                // A block lists each person once, in ascending order.
                                body(x, y, i, Int(members[y]))
                            }
                        }
                    }
                }
            }
        }
    }
}
