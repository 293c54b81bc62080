/// What the index holds of a person: encodings and keyed tokens, nothing readable.
///
/// Names and the extra text fields are Bloom filters; V-nummer, birth year, month and day, gender
/// and nationality are keyed 64-bit tokens; blocking keys are keyed tokens of field combinations.
public struct EncodedPerson: Sendable, Hashable {
    public var givenName: BloomFilter?
    public var surname: BloomFilter?
    public var extras: [BloomFilter?]
    /// Keyed tokens of the names' transliteration skeletons: "Mohammed" and "Muhammad" share one.
    public var givenSkeleton: UInt64?
    public var surnameSkeleton: UInt64?
    /// A keyed token of all name skeletons as a set, whatever field each was written in: given
    /// name and surname swapped still share it.
    public var nameSet: UInt64?
    public var vNumber: UInt64?
    /// Tokens of the V-nummer with one digit left out, each: two numbers one typo or one swap of
    /// neighbouring digits apart share one.
    public var vNumberVariants: [UInt64]
    public var birthYear: UInt64?
    public var birthMonth: UInt64?
    public var birthDay: UInt64?
    public var gender: UInt64?
    public var nationality: UInt64?
    /// The keys this person is found under; two people are compared when they share one.
    public var blockingKeys: [UInt64]

    public init(
        givenName: BloomFilter? = nil,
        surname: BloomFilter? = nil,
        extras: [BloomFilter?] = [],
        givenSkeleton: UInt64? = nil,
        surnameSkeleton: UInt64? = nil,
        nameSet: UInt64? = nil,
        vNumber: UInt64? = nil,
        vNumberVariants: [UInt64] = [],
        birthYear: UInt64? = nil,
        birthMonth: UInt64? = nil,
        birthDay: UInt64? = nil,
        gender: UInt64? = nil,
        nationality: UInt64? = nil,
        blockingKeys: [UInt64] = []
    ) {
        self.givenName = givenName
        self.surname = surname
        self.extras = extras
        self.givenSkeleton = givenSkeleton
        self.surnameSkeleton = surnameSkeleton
        self.nameSet = nameSet
        self.vNumber = vNumber
        self.vNumberVariants = vNumberVariants
        self.birthYear = birthYear
        self.birthMonth = birthMonth
        self.birthDay = birthDay
        self.gender = gender
        self.nationality = nationality
        self.blockingKeys = blockingKeys
    }

    // MARK: Storage

    /// The encodings in one byte string: a version, a presence mask, the filters, then the tokens.
    /// Blocking keys are stored apart, one row each, so the index can look them up.
    public var serialized: [UInt8] {
        var out: [UInt8] = [1, UInt8(extras.count)]
        var mask: UInt16 = 0
        let tokens = [
            vNumber, birthYear, birthMonth, birthDay, gender, nationality, givenSkeleton, surnameSkeleton, nameSet,
        ]
        for (i, t) in tokens.enumerated() where t != nil { mask |= 1 << UInt16(i < 6 ? i : i + 2) }
        if givenName != nil { mask |= 1 << 6 }
        if surname != nil { mask |= 1 << 7 }
        out += [UInt8(mask & 0xFF), UInt8(mask >> 8)]
        var extraMask: UInt32 = 0
        for (i, e) in extras.enumerated() where e != nil { extraMask |= 1 << UInt32(i) }
        out += (0..<4).map { UInt8((extraMask >> UInt32(8 * $0)) & 0xFF) }
        for f in [givenName, surname] + extras { if let f { out += f.bytes } }
        for t in tokens { if let t { out += (0..<8).map { UInt8((t >> UInt64(8 * $0)) & 0xFF) } } }
        out.append(UInt8(min(vNumberVariants.count, 255)))
        for t in vNumberVariants.prefix(255) { out += (0..<8).map { UInt8((t >> UInt64(8 * $0)) & 0xFF) } }
        return out
    }

    /// Reads ``serialized``; nil when the bytes are not an encoding of this version.
    public init?(serialized b: [UInt8], blockingKeys: [UInt64] = []) {
        guard b.count >= 8, b[0] == 1, b[1] <= 32 else { return nil }
        let extraCount = Int(b[1])
        let mask = UInt16(b[2]) | UInt16(b[3]) << 8
        var extraMask: UInt32 = 0
        for i in 0..<4 { extraMask |= UInt32(b[4 + i]) << UInt32(8 * i) }
        var at = 8
        func filter(_ present: Bool) -> BloomFilter?? {
            guard present else { return .some(nil) }
            guard at + 128 <= b.count else { return nil }
            defer { at += 128 }
            return .some(BloomFilter(bytes: b[at..<(at + 128)]))
        }
        guard let g = filter(mask & (1 << 6) != 0), let s = filter(mask & (1 << 7) != 0) else { return nil }
        var extras: [BloomFilter?] = []
        for i in 0..<extraCount {
            guard let e = filter(extraMask & (1 << UInt32(i)) != 0) else { return nil }
            extras.append(e)
        }
        var tokens: [UInt64?] = []
        for i in 0..<9 {
            if mask & (1 << UInt16(i < 6 ? i : i + 2)) == 0 {
                tokens.append(nil)
                continue
            }
            guard at + 8 <= b.count else { return nil }
            var t: UInt64 = 0
            for j in 0..<8 { t |= UInt64(b[at + j]) << UInt64(8 * j) }
            tokens.append(t)
            at += 8
        }
        guard at < b.count else { return nil }
        let variantCount = Int(b[at])
        at += 1
        guard at + 8 * variantCount == b.count else { return nil }
        var variants: [UInt64] = []
        for _ in 0..<variantCount {
            var t: UInt64 = 0
            for j in 0..<8 { t |= UInt64(b[at + j]) << UInt64(8 * j) }
            variants.append(t)
            at += 8
        }
        self.init(
            givenName: g,
            surname: s,
            extras: extras,
            givenSkeleton: tokens[6],
            surnameSkeleton: tokens[7],
            nameSet: tokens[8],
            vNumber: tokens[0],
            vNumberVariants: variants,
            birthYear: tokens[1],
            birthMonth: tokens[2],
            birthDay: tokens[3],
            gender: tokens[4],
            nationality: tokens[5],
            blockingKeys: blockingKeys
        )
    }
}
