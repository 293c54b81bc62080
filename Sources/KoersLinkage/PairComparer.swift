/// Many people's encodings laid out for comparing hundreds of millions of pairs: the filters side
/// by side in one array, the tokens in one plain struct per person.
///
/// The one definition of a comparison pattern: ``ComparisonLayout/pattern(_:_:)`` is this
/// comparer for two people. Laid out like this, comparing a pair copies no person and counts no
/// references to its arrays.
struct PairComparer: Sendable {
    /// One person's tokens; a missing token is marked in `present`, not by a value.
    struct Tokens: Sendable {
        var vNumber: UInt64 = 0, birthYear: UInt64 = 0, birthMonth: UInt64 = 0, birthDay: UInt64 = 0
        var gender: UInt64 = 0, nationality: UInt64 = 0
        var givenSkeleton: UInt64 = 0, surnameSkeleton: UInt64 = 0, nameSet: UInt64 = 0
        /// Bits in the order of the fields above, and ``nearVNumber``.
        var present: UInt16 = 0
        /// Set when a person with another V-nummer shares one of this V-nummer's
        /// one-digit-left-out tokens.
        static let nearVNumber: UInt16 = 1 << 15

        init(_ p: EncodedPerson) {
            for (bit, token) in [
                p.vNumber, p.birthYear, p.birthMonth, p.birthDay, p.gender, p.nationality, p.givenSkeleton,
                p.surnameSkeleton, p.nameSet,
            ].enumerated() where token != nil {
                present |= 1 << UInt16(bit)
            }
            vNumber = p.vNumber ?? 0
            birthYear = p.birthYear ?? 0
            birthMonth = p.birthMonth ?? 0
            birthDay = p.birthDay ?? 0
            gender = p.gender ?? 0
            nationality = p.nationality ?? 0
            givenSkeleton = p.givenSkeleton ?? 0
            surnameSkeleton = p.surnameSkeleton ?? 0
            nameSet = p.nameSet ?? 0
        }
    }

    let layout: ComparisonLayout
    let textCount: Int
    /// Person i's text field f is filter `i * textCount + f` (given name, surname, extras): its
    /// 16 words from `16 * filter` in `words`, its number of bits set in `bitCounts`. A missing
    /// field has no bits set (an encoded value always sets some).
    private let words: [UInt64]
    private let bitCounts: [Int32]
    private let tokens: [Tokens]
    /// The V-nummer's one-digit-left-out tokens, sorted: `variants[variantStart[i]..<variantStart[i + 1]]`.
    private let variants: [UInt64]
    private let variantStart: [Int]

    /// Lays out `people`. With `findNearVNumbers`, the people whose V-nummer is one digit from
    /// another's are found first, so that most pairs skip that check: worth it for many pairs, not
    /// for one newcomer against its candidates, where every pair with V-nummers is checked.
    init(_ people: [EncodedPerson], layout: ComparisonLayout, findNearVNumbers: Bool = true) {
        self.layout = layout
        textCount = 2 + layout.extraCount
        var words: [UInt64] = []
        var bitCounts: [Int32] = []
        words.reserveCapacity(people.count * textCount * 16)
        bitCounts.reserveCapacity(people.count * textCount)
        func append(_ filter: BloomFilter?) {
            withUnsafeBytes(of: filter?.words ?? SIMD16()) { words.append(contentsOf: $0.bindMemory(to: UInt64.self)) }
            bitCounts.append(Int32(filter?.bitCount ?? 0))
        }
        var variants: [UInt64] = []
        var variantStart = [0]
        variantStart.reserveCapacity(people.count + 1)
        for p in people {
            append(p.givenName)
            append(p.surname)
            for f in 0..<layout.extraCount { append(f < p.extras.count ? p.extras[f] : nil) }
            variants += p.vNumberVariants.sorted()
            variantStart.append(variants.count)
        }
        self.words = words
        self.bitCounts = bitCounts
        var tokens = people.map(Tokens.init)
        self.variants = variants
        self.variantStart = variantStart
        if findNearVNumbers {
            for i in Self.nearVNumbers(tokens, variants, variantStart) { tokens[i].present |= Tokens.nearVNumber }
        } else {
            for i in people.indices where tokens[i].present & 1 != 0 { tokens[i].present |= Tokens.nearVNumber }
        }
        self.tokens = tokens
    }

    /// The people whose V-nummer shares a one-digit-left-out token with another V-nummer. Few do
    /// (people with the same V-nummer share them all); only pairs of two such people need their
    /// lists compared.
    private static func nearVNumbers(_ tokens: [Tokens], _ variants: [UInt64], _ variantStart: [Int]) -> [Int] {
        var shared: [(variant: UInt64, vNumber: UInt64)] = []
        shared.reserveCapacity(variants.count)
        for i in tokens.indices where tokens[i].present & 1 != 0 {
            for v in variants[variantStart[i]..<variantStart[i + 1]] { shared.append((v, tokens[i].vNumber)) }
        }
        shared.sort { $0.variant != $1.variant ? $0.variant < $1.variant : $0.vNumber < $1.vNumber }
        var near = Set<UInt64>()
        var run = 0
        while run < shared.count {
            var end = run + 1
            while end < shared.count && shared[end].variant == shared[run].variant { end += 1 }
            if shared[end - 1].vNumber != shared[run].vNumber { for k in run..<end { near.insert(shared[k].vNumber) } }
            run = end
        }
        return tokens.indices.filter { tokens[$0].present & 1 != 0 && near.contains(tokens[$0].vNumber) }
    }

    /// The Dice level of two filters, counted word by word in place: the compiler then counts
    /// bits with the processor's POPCNT, where on the SIMD vector it emulates it.
    @inline(__always)
    private static func textLevel(
        _ words: UnsafePointer<UInt64>,
        _ bitCounts: UnsafePointer<Int32>,
        _ x: Int,
        _ y: Int
    ) -> UInt64 {
        let (ca, cb) = (Int(bitCounts[x]), Int(bitCounts[y]))
        guard ca > 0 && cb > 0 else { return ComparisonLayout.missing }
        let a = words + 16 * x
        let b = words + 16 * y
        var shared = 0
        for k in 0..<16 { shared &+= (a[k] & b[k]).nonzeroBitCount }
        return ComparisonLayout.level(shared: shared, total: ca + cb)
    }

    @inline(__always)
    private static func tokenLevel(_ a: UInt64, _ b: UInt64, _ present: UInt16, _ bit: UInt16) -> UInt64 {
        guard present & (1 << bit) != 0 else { return ComparisonLayout.missing }
        return a == b ? 1 : 0
    }

    /// The comparison pattern of people `i` and `j`.
    func pattern(_ i: Int, _ j: Int) -> UInt64 {
        tokens.withUnsafeBufferPointer { tokens in
            words.withUnsafeBufferPointer { words in
                bitCounts.withUnsafeBufferPointer { bitCounts in
                    pattern(i, j, tokens.baseAddress!, words.baseAddress!, bitCounts.baseAddress!, people: i, j)
                }
            }
        }
    }

    /// One block's people copied side by side: comparing all pairs of a block then reads memory
    /// in order, where reading each person in place waits on memory for nearly every pair.
    final class BlockCopy {
        let capacity: Int
        private(set) var count = 0
        /// The people's indices among all.
        let people: UnsafeMutablePointer<Int>
        let tokens: UnsafeMutablePointer<Tokens>
        let words: UnsafeMutablePointer<UInt64>
        let bitCounts: UnsafeMutablePointer<Int32>

        init(capacity: Int, textCount: Int) {
            self.capacity = capacity
            people = .allocate(capacity: capacity)
            tokens = .allocate(capacity: capacity)
            words = .allocate(capacity: capacity * textCount * 16)
            bitCounts = .allocate(capacity: capacity * textCount)
        }

        deinit {
            people.deallocate()
            tokens.deallocate()
            words.deallocate()
            bitCounts.deallocate()
        }

        fileprivate func set(count: Int) { self.count = count }
    }

    /// Copies the people of one block (at most `block.capacity`) into `block`.
    func copy(_ members: UnsafeBufferPointer<Int32>, into block: BlockCopy) {
        precondition(members.count <= block.capacity)
        let n = textCount
        tokens.withUnsafeBufferPointer { tokens in
            words.withUnsafeBufferPointer { words in
                bitCounts.withUnsafeBufferPointer { bitCounts in
                    for (x, member) in members.enumerated() {
                        let i = Int(member)
                        block.people[x] = i
                        (block.tokens + x).initialize(to: tokens[i])
                        (block.words + x * n * 16).update(from: words.baseAddress! + i * n * 16, count: n * 16)
                        (block.bitCounts + x * n).update(from: bitCounts.baseAddress! + i * n, count: n)
                    }
                }
            }
        }
        block.set(count: members.count)
    }

    /// The comparison pattern of the block's people at positions `x` and `y`.
    @inline(__always)
    func pattern(_ x: Int, _ y: Int, in block: BlockCopy) -> UInt64 {
        pattern(x, y, block.tokens, block.words, block.bitCounts, people: block.people[x], block.people[y])
    }

    /// Whether the block's people at `x` and `y` have equal given name (`field` 0) or surname
    /// (1) skeletons.
    @inline(__always)
    func sameSkeleton(_ x: Int, _ y: Int, field: Int, in block: BlockCopy) -> Bool {
        Self.sameSkeleton(x, y, field: field, block.tokens)
    }

    /// The pattern of entries `x` and `y` of the arrays given, which are people `i` and `j`.
    @inline(__always)
    private func pattern(
        _ x: Int,
        _ y: Int,
        _ tokens: UnsafePointer<Tokens>,
        _ words: UnsafePointer<UInt64>,
        _ bitCounts: UnsafePointer<Int32>,
        people i: Int,
        _ j: Int
    ) -> UInt64 {
        let both = tokens[x].present & tokens[y].present
        var p: UInt64 = 0
        var shift: UInt64 = 0
        @inline(__always) func put(_ v: UInt64) {
            p |= v << shift
            shift += 3
        }
        let swapped = both & (1 << 8) != 0 && tokens[x].nameSet == tokens[y].nameSet
        let ta = x * textCount
        let tb = y * textCount
        for f in 0..<2 {
            var level = Self.textLevel(words, bitCounts, ta + f, tb + f)
            // Raised to 3 on the same skeleton, or on the same names in other fields.
            if level != ComparisonLayout.missing && level < 3 && (swapped || Self.sameSkeleton(x, y, field: f, tokens))
            {
                level = 3
            }
            put(level)
        }
        for f in 2..<textCount { put(Self.textLevel(words, bitCounts, ta + f, tb + f)) }
        if both & 1 == 0 {
            put(ComparisonLayout.missing)
        } else if tokens[x].vNumber == tokens[y].vNumber {
            put(2)
        } else {
            put(both & Tokens.nearVNumber != 0 && shareVariant(i, j) ? 1 : 0)
        }
        put(Self.tokenLevel(tokens[x].birthYear, tokens[y].birthYear, both, 1))
        put(Self.tokenLevel(tokens[x].birthMonth, tokens[y].birthMonth, both, 2))
        put(Self.tokenLevel(tokens[x].birthDay, tokens[y].birthDay, both, 3))
        put(Self.tokenLevel(tokens[x].gender, tokens[y].gender, both, 4))
        put(Self.tokenLevel(tokens[x].nationality, tokens[y].nationality, both, 5))
        return p
    }

    /// Whether the two V-nummers are one digit apart: a one-digit-left-out token in common (both
    /// lists sorted).
    private func shareVariant(_ i: Int, _ j: Int) -> Bool {
        var x = variantStart[i]
        var y = variantStart[j]
        let xe = variantStart[i + 1]
        let ye = variantStart[j + 1]
        guard x < xe && y < ye else { return false }
        return variants.withUnsafeBufferPointer { v in
            // Stepping without a branch on which side is smaller (see CandidatePairs).
            while x < xe && y < ye {
                let (a, b) = (v[x], v[y])
                if a == b { return true }
                x &+= a < b ? 1 : 0
                y &+= b < a ? 1 : 0
            }
            return false
        }
    }

    @inline(__always)
    private static func sameSkeleton(_ x: Int, _ y: Int, field: Int, _ tokens: UnsafePointer<Tokens>) -> Bool {
        let bit: UInt16 = field == 0 ? 6 : 7
        guard tokens[x].present & tokens[y].present & (1 << bit) != 0 else { return false }
        return field == 0
            ? tokens[x].givenSkeleton == tokens[y].givenSkeleton
            : tokens[x].surnameSkeleton == tokens[y].surnameSkeleton
    }
}
