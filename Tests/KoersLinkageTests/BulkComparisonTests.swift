import Testing

@testable import KoersLinkage

/// The fast paths of deduplication against plain definitions: candidate pairs against "every pair
/// sharing a key of a followed block"; patterns over a whole population (whose V-nummer marks
/// depend on everyone in it) and copied block by block against the pair compared on its own.
@Suite("Linkage: bulk comparison agrees with pair by pair")
struct BulkComparisonTests {
    let encoder = LinkageEncoder(keys: LinkageKeys(secret: Array("bulk-secret".utf8), extraFields: ["place"]))

    /// Registrations with what makes comparison hard: respellings, swapped names, missing parts,
    /// the same V-nummer twice, V-nummers one typo or one swap apart, and an extra field.
    func population() -> [EncodedPerson] {
        var random = SplitMix64(seed: 42)
        func draw(_ n: Int) -> Int { Int(random.next() % UInt64(n)) }
        let given = ["Mohammed", "Muhammad", "Yonas", "Senait", "Abdi", "Fatima", "Amanuel", "Ali"]
        let surnames = ["Al-Hassan", "El Hassan", "Tesfay", "Ghebremedhin", "Gebremedhin", "Warsame", "Haile"]
        let places = ["Asmara", "Mogadishu", "Kabul", nil]
        var identities: [LinkageIdentity] = []
        for i in 0..<240 {
            let birth = draw(4) == 0 ? nil : "19\(80 + draw(5))" + (draw(3) == 0 ? "" : "-0\(1 + draw(3))-1\(draw(3))")
            let d = LinkageIdentity.birthDate(birth)
            var v: String? = draw(3) == 0 ? nil : String(1_000_000_000 + draw(40) * 1_234_567)
            if let number = v, draw(4) == 0 {
                // One digit changed, or two neighbours swapped.
                var digits = Array(number)
                let k = draw(9)
                if draw(2) == 0 { digits[k] = digits[k] == "9" ? "0" : "9" } else { digits.swapAt(k, k + 1) }
                v = String(digits)
            }
            var (g, s): (String?, String?) = (given[draw(given.count)], surnames[draw(surnames.count)])
            if draw(10) == 0 { (g, s) = (s, g) }
            if draw(12) == 0 { g = nil }
            identities.append(
                LinkageIdentity(
                    givenName: g,
                    surname: s,
                    birthYear: d.year,
                    birthMonth: d.month,
                    birthDay: d.day,
                    gender: draw(6) == 0 ? nil : i % 3 == 0 ? "female" : "male",
                    nationality: ["ERI", "SOM", "AFG", nil][draw(4)],
                    vNumber: v,
                    extras: [places[draw(places.count)]]
                )
            )
        }
        return encoder.encodeAll(identities)
    }

    @Test("Every candidate pair is visited once: exactly the pairs sharing a key of a followed block")
    func candidatePairs() {
        let people = population()
        for maxBlock in [4, 30, 300] {
            let table = BlockingTable(people.map(\.blockingKeys))
            var blockSize: [UInt64: Int] = [:]
            for key in table.keys { blockSize[key, default: 0] += 1 }
            var expected = Set<[Int]>()
            for i in people.indices {
                for j in (i + 1)..<people.count {
                    let shared = Set(people[i].blockingKeys).intersection(people[j].blockingKeys)
                    if shared.contains(where: { blockSize[$0]! <= maxBlock }) { expected.insert([i, j]) }
                }
            }
            let candidates = CandidatePairs(table, people: people.count, maxBlock: maxBlock)
            var visited: [[Int]] = []
            var members: [Int32] = []
            for part in candidates.parts.indices {
                candidates.forEachPair(
                    inPart: part,
                    start: { members = Array($0) },
                    { x, y, i, j in
                        #expect(Int(members[x]) == i && Int(members[y]) == j && i < j)
                        visited.append([i, j])
                    }
                )
            }
            #expect(visited.count == Set(visited).count, "a pair visited twice (maxBlock \(maxBlock))")
            let (missing, extra) = (expected.subtracting(visited), Set(visited).subtracting(expected))
            #expect(
                missing.isEmpty && extra.isEmpty,
                "maxBlock \(maxBlock): \(missing.count) pairs missing, \(extra.count) too many"
            )
            #expect(!expected.isEmpty)
            #expect(candidates.skippedBlocks == blockSize.values.filter { $0 > maxBlock }.count)
        }
    }

    @Test("Bulk patterns equal pair-by-pair patterns, in place and copied block by block")
    func patterns() {
        let people = population()
        let layout = ComparisonLayout(extraCount: 1)
        let comparer = PairComparer(people, layout: layout)
        var levelOne = 0
        for i in people.indices {
            for j in (i + 1)..<people.count {
                let expected = layout.pattern(people[i], people[j])
                #expect(comparer.pattern(i, j) == expected, "people \(i) and \(j)")
                if ComparisonLayout.level(expected, 3) == 1 { levelOne += 1 }
            }
        }
        #expect(levelOne > 0, "the population has V-nummers one typo apart")
        let block = PairComparer.BlockCopy(capacity: 50, textCount: comparer.textCount)
        let members = (0..<50).map { Int32($0 * 4 + 1) }
        members.withUnsafeBufferPointer { comparer.copy($0, into: block) }
        for x in 0..<50 {
            for y in (x + 1)..<50 {
                let (i, j) = (Int(members[x]), Int(members[y]))
                #expect(comparer.pattern(x, y, in: block) == layout.pattern(people[i], people[j]))
                #expect(
                    comparer.sameSkeleton(x, y, field: 1, in: block)
                        == (people[i].surnameSkeleton != nil && people[i].surnameSkeleton == people[j].surnameSkeleton)
                )
            }
        }
    }

    @Test("Name frequencies: a name's share overall, within the nationality and within nationality and gender")
    func nameFrequencies() {
        func person(_ given: String, _ surname: String, _ nationality: String, _ gender: String) -> LinkageIdentity {
            LinkageIdentity(
                givenName: given,
                surname: surname,
                birthYear: nil,
                birthMonth: nil,
                birthDay: nil,
                gender: gender,
                nationality: nationality,
                vNumber: nil
            )
        }
        let people = encoder.encodeAll(
            Array(repeating: person("Yonas", "Tesfay", "ERI", "male"), count: 6)
                + Array(repeating: person("Senait", "Haile", "ERI", "female"), count: 4)
                + Array(repeating: person("Abdi", "Warsame", "SOM", "male"), count: 10)
        )
        let frequencies = NameFrequencies(people)
        func near(_ x: Double, _ y: Double) -> Bool { abs(x - y) < 1e-6 }  // shares are kept as Float
        #expect(near(frequencies.givenShare(0, sameNationality: false, sameGender: false), 6.0 / 20))
        #expect(near(frequencies.givenShare(0, sameNationality: true, sameGender: false), 6.0 / 10))
        #expect(near(frequencies.givenShare(0, sameNationality: false, sameGender: true), 6.0 / 16))
        #expect(near(frequencies.givenShare(0, sameNationality: true, sameGender: true), 1))
        #expect(near(frequencies.surnameShare(6, sameNationality: false), 4.0 / 20))
        #expect(near(frequencies.surnameShare(6, sameNationality: true), 4.0 / 10))
    }
}
