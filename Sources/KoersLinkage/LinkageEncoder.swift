import Crypto
import Foundation

/// Encoding at the source: turns a location's plain identity fields into an ``EncodedPerson``.
///
/// Each text field becomes its own 1024-bit Bloom filter of keyed bigram hashes (raw spelling
/// and, for names, the transliteration skeleton), with the number of hash functions chosen per
/// value so that about 40% of the bits are set whatever the length: a filter's fill then says
/// nothing about how long the name is.
public struct LinkageEncoder: Sendable {
    let keys: LinkageKeys
    let givenTable: QGramTable
    let surnameTable: QGramTable
    let extraTables: [QGramTable]

    /// The share of bits an encoding aims to set.
    public static let targetFill = 0.4

    public init(keys: LinkageKeys) {
        self.keys = keys
        givenTable = QGramTable.shared(keys.givenName)
        surnameTable = QGramTable.shared(keys.surname)
        extraTables = keys.extras.map { QGramTable.shared($0) }
    }

    /// Encodes one person.
    public func encode(_ identity: LinkageIdentity) -> EncodedPerson {
        var cache = TokenCache(limit: 0)
        return encode(identity, cache: &cache)
    }

    /// Encodes one person, taking tokens of values seen before from `cache`.
    func encode(_ identity: LinkageIdentity, cache: inout TokenCache) -> EncodedPerson {
        var person = EncodedPerson()
        let given = identity.givenName.map(NameFolding.fold) ?? ""
        let surname = identity.surname.map(NameFolding.fold) ?? ""
        let givenSkeleton = NameFolding.skeleton(folded: given)
        let surnameSkeleton = NameFolding.skeleton(folded: surname)
        var scratch: [Int] = []
        scratch.reserveCapacity(64)
        if !given.isEmpty {
            person.givenName = Self.filter(
                Array(given.utf8),
                skeleton: Array(givenSkeleton.utf8),
                table: givenTable,
                scratch: &scratch
            )
        }
        if !surname.isEmpty {
            person.surname = Self.filter(
                Array(surname.utf8),
                skeleton: Array(surnameSkeleton.utf8),
                table: surnameTable,
                scratch: &scratch
            )
        }
        if !givenSkeleton.isEmpty { person.givenSkeleton = cache.token(keys.givenName, "skeleton|" + givenSkeleton) }
        if !surnameSkeleton.isEmpty {
            person.surnameSkeleton = cache.token(keys.surname, "skeleton|" + surnameSkeleton)
        }
        let words = (given + " " + surname).split(separator: " ").map { NameFolding.skeleton(folded: String($0)) }
            .filter { !$0.isEmpty }
        if !given.isEmpty && !surname.isEmpty {
            person.nameSet = cache.token(keys.nameSet, Set(words).sorted().joined(separator: " "))
        }
        var extraFolded: [String] = []
        for (i, table) in extraTables.enumerated() {
            let text = i < identity.extras.count ? identity.extras[i].map(Self.foldText) ?? "" : ""
            extraFolded.append(text)
            person.extras.append(
                text.isEmpty ? nil : Self.filter(Array(text.utf8), skeleton: nil, table: table, scratch: &scratch)
            )
        }
        let year = identity.birthYear.map(String.init)
        let month = identity.birthMonth.map(String.init)
        let day = identity.birthDay.map(String.init)
        person.vNumber = identity.vNumber.map { LinkageKeys.token(keys.vNumber, $0) }
        // The variants' tokens are of "-" and the digits left.
        let variants = identity.vNumber.map { Self.deletionVariants(Array($0.utf8)) } ?? []
        person.vNumberVariants = variants.map { LinkageKeys.token(keys.vNumber, bytes: [0x2D] + $0) }
        person.birthYear = year.map { cache.token(keys.birthYear, $0) }
        person.birthMonth = month.map { cache.token(keys.birthMonth, $0) }
        person.birthDay = day.map { cache.token(keys.birthDay, $0) }
        person.gender = identity.gender.map { cache.token(keys.gender, $0) }
        person.nationality = identity.nationality.map { cache.token(keys.nationality, $0) }

        // Blocking keys: each a keyed token of a field combination. Two records are compared when
        // they share any one, so a typo in one field still leaves the others to find the pair.
        var blocks: [String] = []
        if let v = identity.vNumber { blocks.append("v|" + v) }

        if let year, let month, let day { blocks.append("d|\(year)-\(month)-\(day)") }
        let gs = givenSkeleton
        let ss = surnameSkeleton
        if !gs.isEmpty && !ss.isEmpty { blocks.append("n|" + min(gs, ss) + "|" + max(gs, ss)) }
        if let year {
            if !gs.isEmpty { blocks.append("gy|\(gs)|\(year)") }
            if !ss.isEmpty { blocks.append("sy|\(ss)|\(year)") }
        }
        if let month, let day {
            if !gs.isEmpty { blocks.append("gmd|\(gs)|\(month)-\(day)") }
            if !ss.isEmpty { blocks.append("smd|\(ss)|\(month)-\(day)") }
        }
        for (i, text) in extraFolded.enumerated() where !text.isEmpty {
            if !ss.isEmpty { blocks.append("se\(i)|\(ss)|\(text)") }
            if !gs.isEmpty { blocks.append("ge\(i)|\(gs)|\(text)") }
        }
        // The V-nummer's one-digit-left-out tokens are keyed already: they serve as blocking keys
        // as they are (marked so as not to collide with the others), without hashing them again.
        person.blockingKeys =
            blocks.map { cache.token(keys.blocking, $0) } + person.vNumberVariants.map { $0 ^ 0x5644_5644_5644_5644 }
        return person
    }

    /// The number with each digit left out in turn, distinct and sorted.
    static func deletionVariants(_ digits: [UInt8]) -> [[UInt8]] {
        guard digits.count > 3 else { return [] }
        var out: [[UInt8]] = []
        for i in digits.indices {
            // Leaving out the second of two equal digits gives the same number as the first.
            if i > 0 && digits[i] == digits[i - 1] { continue }
            var v = digits
            v.remove(at: i)
            out.append(v)
        }
        return out.sorted { $0.lexicographicallyPrecedes($1) }
    }

    /// Extra text fields keep digits (a postcode, a house number): lower-case letters and digits.
    static func foldText(_ text: String) -> String {
        var out: [UInt8] = []
        var space = false
        for byte in NameFolding.foldKeepingDigits(text).utf8 {
            if byte == 0x20 {
                space = true
                continue
            }
            if space && !out.isEmpty { out.append(0x20) }
            space = false
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func filter(_ raw: [UInt8], skeleton: [UInt8]?, table: QGramTable, scratch: inout [Int]) -> BloomFilter {
        scratch.removeAll(keepingCapacity: true)
        QGramTable.bigrams(raw, variant: 0, into: &scratch)
        if let skeleton { QGramTable.bigrams(skeleton, variant: 1, into: &scratch) }
        scratch.sort()
        var distinct = 0
        for i in scratch.indices where i == 0 || scratch[i] != scratch[i - 1] {
            scratch[distinct] = scratch[i]
            distinct += 1
        }
        // k hash functions per bigram so that 1 − e^(−k·n/1024) ≈ the target fill.
        let k = max(
            4,
            min(96, Int((-log(1 - targetFill) * Double(BloomFilter.bits) / Double(max(distinct, 1))).rounded()))
        )
        // Bits set in plain words: setting a lane of the SIMD vector one at a time costs more.
        var words:
            (
                UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
                UInt64, UInt64, UInt64
            ) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &words) { raw in
            let bits = raw.bindMemory(to: UInt64.self)
            table.hashes.withUnsafeBufferPointer { hashes in
                for j in 0..<distinct {
                    let (h1, h2) = hashes[scratch[j]]
                    var position = h1
                    let step = h2 | 1
                    for _ in 0..<k {
                        let bit = Int(position & 1023)
                        bits[bit >> 6] |= 1 << UInt64(bit & 63)
                        position &+= step
                    }
                }
            }
        }
        return withUnsafeBytes(of: words) { raw in
            let w = raw.bindMemory(to: UInt64.self)
            return BloomFilter(
                words: SIMD16(
                    w[0],
                    w[1],
                    w[2],
                    w[3],
                    w[4],
                    w[5],
                    w[6],
                    w[7],
                    w[8],
                    w[9],
                    w[10],
                    w[11],
                    w[12],
                    w[13],
                    w[14],
                    w[15]
                )
            )
        }
    }
}

extension LinkageEncoder {
    /// Encodes many people, split over the processor's cores.
    public func encodeAll(_ identities: [LinkageIdentity]) -> [EncodedPerson] {
        let parts = Parallel.parts(for: identities.count, minimumPerPart: 5_000)
        return Parallel.map(count: identities.count, parts: parts) { _, range in
            var cache = TokenCache(limit: 100_000)
            return identities[range].map { encode($0, cache: &cache) }
        }.flatMap { $0 }
    }
}

/// Tokens computed during one run of ``LinkageEncoder/encodeAll(_:)``, by field key and value:
/// birth years, nationalities, common names and their combinations repeat across thousands of
/// people, and an HMAC costs far more than a look-up. (V-nummers are not kept: they do not repeat.)
struct TokenCache {
    /// Values kept per field; beyond it, tokens are computed every time.
    let limit: Int
    private var tokens: [ObjectIdentifier: [String: UInt64]] = [:]

    init(limit: Int) {
        self.limit = limit
    }

    mutating func token(_ key: FieldKey, _ value: String) -> UInt64 {
        guard limit > 0 else { return LinkageKeys.token(key, value) }
        let field = ObjectIdentifier(key.keyed)
        if let known = tokens[field]?[value] { return known }
        let token = LinkageKeys.token(key, value)
        if tokens[field, default: [:]].count < limit { tokens[field, default: [:]][value] = token }
        return token
    }
}

extension LinkageEncoder: CustomStringConvertible, CustomDebugStringConvertible {
    /// Never the tables: they are the keyed hash of every bigram, enough to recompute an encoding from a name.
    public var description: String { "LinkageEncoder(\(2 + extraTables.count) fields, keys redacted)" }

    public var debugDescription: String { description }
}
