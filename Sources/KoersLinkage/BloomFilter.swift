/// A 1024-bit Bloom-filter encoding of one field: the bits its keyed q-gram hashes set.
///
/// Two encodings of similar values share most of their bits; their Dice coefficient
/// (2·|A∧B| / (|A|+|B|)) stands in for the similarity of the values, which the encoding hides.
public struct BloomFilter: Sendable, Hashable {
    /// The 1024 bits, as 16 words.
    public var words: SIMD16<UInt64>
    /// How many bits are set, kept so that a comparison counts only the shared bits.
    public private(set) var bitCount: Int

    /// The number of bits in an encoding.
    public static let bits = 1024

    public init(words: SIMD16<UInt64>) {
        self.words = words
        self.bitCount = Int(words.nonzeroBitCount.wrappedSum())
    }

    /// An encoding with no bits set.
    public init() {
        self.init(words: SIMD16<UInt64>(repeating: 0))
    }

    /// Sets bit `index` (0..<1024).
    @inlinable
    public mutating func insert(_ index: Int) {
        words[index >> 6] |= 1 << UInt64(index & 63)
    }

    /// Recounts the set bits after inserting.
    public mutating func seal() {
        bitCount = Int(words.nonzeroBitCount.wrappedSum())
    }

    /// The share of bits set, which the encoder aims at 30–50% for.
    public var fill: Double { Double(bitCount) / Double(Self.bits) }

    /// The Dice coefficient of two encodings; 0 when both are empty.
    @inlinable
    public func dice(_ other: BloomFilter) -> Double {
        let total = bitCount + other.bitCount
        guard total > 0 else { return 0 }
        return Double(2 * Int((words & other.words).nonzeroBitCount.wrappedSum())) / Double(total)
    }

    /// The 128 bytes, little-endian word by word, as stored in the index.
    public var bytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(128)
        for i in 0..<16 {
            var w = words[i].littleEndian
            withUnsafeBytes(of: &w) { out.append(contentsOf: $0) }
        }
        return out
    }

    /// Reads 128 bytes written by ``bytes``.
    public init?<C: Collection>(bytes: C) where C.Element == UInt8 {
        guard bytes.count == 128 else { return nil }
        var words = SIMD16<UInt64>(repeating: 0)
        var index = bytes.startIndex
        for i in 0..<16 {
            var w: UInt64 = 0
            for shift in 0..<8 {
                w |= UInt64(bytes[index]) << UInt64(8 * shift)
                index = bytes.index(after: index)
            }
            words[i] = w
        }
        self.init(words: words)
    }
}
