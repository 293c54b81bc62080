/// How two encoded people compare, field by field: a level per field, packed in one word.
///
/// Text fields (names, extras) have five levels of Dice similarity; the V-nummer agrees, is one
/// typo or swap away, or disagrees; the other tokens (birth year, month and day, gender,
/// nationality) agree or not. A field missing on either side has no level
/// and weighs nothing.
public struct ComparisonLayout: Sendable, Hashable, Codable {
    /// The number of extra text fields.
    public let extraCount: Int

    /// Dice similarity from which a text field reaches level 4, 3, 2 and 1.
    public static let diceLevels: [Double] = [0.95, 0.88, 0.78, 0.65]
    /// The value of a missing field in a pattern.
    public static let missing: UInt64 = 7

    /// A pattern packs three bits per field into 64: eight fixed fields and at most 13 extras.
    public static let maxExtraCount = 13

    public init(extraCount: Int) {
        precondition(extraCount <= Self.maxExtraCount, "at most \(Self.maxExtraCount) extra fields fit in a pattern")
        self.extraCount = extraCount
    }

    /// Field names in pattern order.
    public var fieldNames: [String] {
        ["givenName", "surname"] + (0..<extraCount).map { "extra\($0 + 1)" } + [
            "vNumber", "birthYear", "birthMonth", "birthDay", "gender", "nationality",
        ]
    }

    /// The number of levels of each field.
    public var levelCounts: [Int] {
        Array(repeating: 5, count: 2 + extraCount) + [3] + Array(repeating: 2, count: 5)
    }

    public var fieldCount: Int { 8 + extraCount }

    /// The level of field `field` in `pattern`, or nil when missing.
    @inline(__always)
    public static func level(_ pattern: UInt64, _ field: Int) -> Int? {
        let v = (pattern >> UInt64(3 * field)) & 7
        return v == missing ? nil : Int(v)
    }

    /// The level of a Dice similarity 2·shared/total, by ``diceLevels``, without dividing:
    /// multiplied out, in thousandths, so that every way of comparing gives the same level.
    @inline(__always)
    static func level(shared: Int, total: Int) -> UInt64 {
        let dice = 2_000 * shared
        if dice >= 950 * total { return 4 }
        if dice >= 880 * total { return 3 }
        if dice >= 780 * total { return 2 }
        if dice >= 650 * total { return 1 }
        return 0
    }

    /// The comparison pattern of two people. (Comparing many pairs, ``PairComparer`` gives the
    /// same patterns from one copy of all their encodings; this is that comparer for two.)
    public func pattern(_ a: EncodedPerson, _ b: EncodedPerson) -> UInt64 {
        PairComparer([a, b], layout: self, findNearVNumbers: false).pattern(0, 1)
    }

    /// The fields on which a pattern agrees well (level ≥ 3 for text, agreement for tokens): what a
    /// warning may say without saying any value.
    public func agreeingFields(_ pattern: UInt64) -> [String] {
        let counts = levelCounts
        return fieldNames.enumerated().compactMap { i, name in
            guard let level = Self.level(pattern, i) else { return nil }
            return level >= (counts[i] == 5 ? 3 : counts[i] - 1) ? name : nil
        }
    }
}
