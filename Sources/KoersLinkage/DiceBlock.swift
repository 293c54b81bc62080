/// All-pairs Dice comparison of two sets of encodings, the inner loop of comparing encodings in
/// bulk (and of the benchmark against anonlink).
public enum DiceBlock {
    /// How many pairs (one from each set) reach `threshold`, on one core.
    public static func countAbove(_ threshold: Double, _ left: [BloomFilter], _ right: [BloomFilter]) -> Int {
        count(threshold, left[...], right)
    }

    /// The same, with the left set split over the processor's cores.
    public static func countAboveParallel(_ threshold: Double, _ left: [BloomFilter], _ right: [BloomFilter]) -> Int {
        let parts = Parallel.parts(for: left.count, minimumPerPart: 64)
        return Parallel.map(count: left.count, parts: parts) { _, range in count(threshold, left[range], right) }
            .reduce(0, +)
    }

    static func count(_ threshold: Double, _ left: ArraySlice<BloomFilter>, _ right: [BloomFilter]) -> Int {
        // Dice ≥ t ⇔ 2·|A∧B| ≥ t·(|A|+|B|): compared in integers scaled by 2^16, no division per pair.
        let scaled = Int((threshold * 65_536).rounded(.up))
        var hits = 0
        right.withUnsafeBufferPointer { r in
            for a in left {
                let wa = a.words
                let ca = a.bitCount
                for b in r {
                    let shared = Int((wa & b.words).nonzeroBitCount.wrappedSum())
                    if shared << 17 >= scaled * (ca + b.bitCount) { hits += 1 }
                }
            }
        }
        return hits
    }
}
