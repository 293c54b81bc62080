import Foundation
import KoersLinkage
import Testing

@Suite("Linkage: folding, encoding, comparison and matching")
struct LinkageTests {
    let encoder = LinkageEncoder(keys: LinkageKeys(secret: Array("test-secret".utf8)))

    func person(
        _ given: String?,
        _ surname: String?,
        _ birth: String? = nil,
        gender: String? = "male",
        nationality: String? = "ERI",
        v: String? = nil
    ) -> LinkageIdentity {
        let d = LinkageIdentity.birthDate(birth)
        return LinkageIdentity(
            givenName: given,
            surname: surname,
            birthYear: d.year,
            birthMonth: d.month,
            birthDay: d.day,
            gender: gender,
            nationality: nationality,
            vNumber: v
        )
    }

    @Test("Folding and skeletons: the usual transliterations of one name share a skeleton")
    func skeletons() {
        #expect(NameFolding.fold("  Ébrahim-ÖZTÜRK  ") == "ebrahim ozturk")
        #expect(NameFolding.fold("Abd'allah") == "abdallah")
        #expect(NameFolding.fold("Łukasz Æsir Straße") == "lukasz aesir strasse")
        for group in [
            ["Mohammed", "Muhammad", "Mohamed", "Mohammad"], ["Al-Hassan", "El Hassan", "Hassan"],
            ["Yohannes", "Yohanes", "Johannes"],
            ["Abdelrahman", "Abd al-Rahman", "Abdulrahman"], ["Ghebremedhin", "Gebremedhin"], ["Ibrahim", "Ebrahim"],
            ["Qasem", "Kassem"],
        ] {
            let skeletons = Set(group.map { NameFolding.skeleton($0) })
            #expect(skeletons.count == 1, "\(group) → \(skeletons)")
        }
        #expect(NameFolding.skeleton("Tesfay") != NameFolding.skeleton("Haile"))
    }

    @Test("Birth dates: 1 January and missing parts are unknown, not a date")
    func placeholders() {
        let p = person("A", "B", "1990-01-01")
        #expect(p.birthYear == 1990 && p.birthMonth == nil && p.birthDay == nil)
        let q = person("A", "B", "19900315")
        #expect(q.birthYear == 1990 && q.birthMonth == 3 && q.birthDay == 15)
        #expect(person("A", "B", "1990").birthMonth == nil)
        #expect(
            LinkageIdentity(
                givenName: nil,
                surname: "B",
                birthYear: nil,
                birthMonth: nil,
                birthDay: nil,
                gender: "unknown",
                nationality: "XXX",
                vNumber: ""
            ).nationality == nil
        )
    }

    @Test("Encodings set 30–50% of their bits and round-trip through storage")
    func encodings() throws {
        for name in ["Li", "Yonas", "Mohammed", "Tesfamariam Ghebremedhin", "Abdirahman Cabdiraxmaan Warsame"] {
            let e = encoder.encode(person(name, name, "1990-03-02", v: "1234567890"))
            let fill = try #require(e.givenName).fill
            #expect((0.3...0.5).contains(fill), "\(name): \(fill)")
        }
        let e = encoder.encode(person("Senait", "Tesfay", "1987-11-30", v: "2345678901"))
        let back = try #require(EncodedPerson(serialized: e.serialized, blockingKeys: e.blockingKeys))
        #expect(back == e)
        #expect(EncodedPerson(serialized: Array(e.serialized.dropLast())) == nil)
        // Another secret gives other encodings: the index alone cannot be matched against guesses.
        let other = LinkageEncoder(keys: LinkageKeys(secret: Array("another".utf8))).encode(
            person("Senait", "Tesfay", "1987-11-30", v: "2345678901")
        )
        #expect(
            other.givenName != e.givenName && other.vNumber != e.vNumber
                && Set(other.blockingKeys).isDisjoint(with: e.blockingKeys)
        )
    }

    @Test("Dice and comparison levels")
    func comparison() throws {
        let layout = ComparisonLayout(extraCount: 0)
        let a = encoder.encode(person("Mohammed", "Al-Hassan", "1991-04-12", v: "1234567890"))
        let b = encoder.encode(person("Muhammad", "El Hassan", "1991", v: "1234567809"))
        let c = encoder.encode(person("Senait", "Tesfay", "1987", gender: "female", v: "5555555555"))
        #expect(try #require(a.givenName).dice(try #require(a.givenName)) == 1)
        let ab = layout.pattern(a, b)
        let ac = layout.pattern(a, c)
        #expect(ComparisonLayout.level(ab, 0)! >= 3, "same skeleton")
        #expect(ComparisonLayout.level(ab, 2) == 1, "V-nummer with two digits swapped")
        #expect(ComparisonLayout.level(ab, 4) == nil, "month unknown on one side")
        #expect(ComparisonLayout.level(ac, 0) == 0 && ComparisonLayout.level(ac, 2) == 0)
        #expect(layout.agreeingFields(ab).contains("surname") && !layout.agreeingFields(ac).contains("surname"))
        // Given name and surname swapped still agree.
        let swapped = layout.pattern(
            encoder.encode(person("Fadumo", "Siad Rage")),
            encoder.encode(person("Siad Rage", "Fadumo"))
        )
        #expect(ComparisonLayout.level(swapped, 0)! >= 3 && ComparisonLayout.level(swapped, 1)! >= 3)
    }

    @Test(
        "Deduplication finds respelled registrations, not namesakes with other dates; groups are connected components"
    )
    func deduplication() {
        var identities: [LinkageIdentity] = []
        let given = [
            "Yonas", "Senait", "Mehari", "Fatima", "Hamid", "Abdi", "Rahel", "Omid", "Amina", "Tesfay", "Biniam",
            "Saba", "Reza", "Leila", "Farid", "Hodan", "Kidane", "Selam", "Nasir", "Mariam",
        ]
        let surnames = [
            "Tesfamariam", "Ghebremedhin", "Haile", "Ahmadi", "Hosseini", "Warsame", "Kahsay", "Rezaei", "Osman",
            "Berhe", "Negash", "Karimi", "Jama", "Woldu", "Sultani", "Farah", "Tekle", "Moradi", "Elmi", "Habte",
        ]
        var state: UInt64 = 42
        func draw(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        for i in 0..<300 {
            let date = "19\(60 + draw(40))-\(1 + draw(12))-\(1 + draw(28))"
            identities.append(
                person(given[i % 20], surnames[i / 20], date, v: draw(10) < 7 ? String(1_000_000_000 + i * 7919) : nil)
            )
        }
        // Person 3 again: another transliteration, no V-nummer; person 5 twice more (a chain).
        func respell(_ p: LinkageIdentity, given: String? = nil, surname: String? = nil, keepV: Bool) -> LinkageIdentity
        {
            LinkageIdentity(
                givenName: given ?? p.givenName,
                surname: surname ?? p.surname,
                birthYear: p.birthYear,
                birthMonth: p.birthMonth,
                birthDay: p.birthDay,
                gender: p.gender,
                nationality: p.nationality,
                vNumber: keepV ? p.vNumber : nil
            )
        }
        identities.append(respell(identities[3], surname: "Tesfamaryam", keepV: false))
        identities.append(respell(identities[5], keepV: true))
        identities.append(respell(identities[5], given: "Abdiy", keepV: false))
        let people = encoder.encodeAll(identities)
        let result = Deduplication(layout: ComparisonLayout(extraCount: 0)).run(people)
        let pairs = Set(result.matches.map { [$0.a, $0.b] })
        #expect(pairs.contains([3, 300]))
        #expect(pairs.contains([5, 301]))
        #expect(result.groups[302] == result.groups[5] && result.groups[301] == 5)
        #expect(
            result.matches.allSatisfy { $0.b >= 300 },
            "no two of the 300 distinct people matched: \(result.matches.filter { $0.b < 300 })"
        )
        // "Not the same person" is never reported.
        let excluded = Deduplication(layout: ComparisonLayout(extraCount: 0)).run(
            people,
            excluded: [UInt64(3) << 32 | 300]
        )
        #expect(!excluded.matches.contains { $0.a == 3 && $0.b == 300 })
    }

    @Test("The intake index finds a newcomer's earlier registration with its strength")
    func intakeIndex() {
        let known = [
            person("Mohammed", "Al-Hassan", "1991-04-12", nationality: "IRQ", v: "1234567890"),
            person("Senait", "Tesfay", "1987-11-30", gender: "female"),
        ]
        let index = LinkageIndex(people: encoder.encodeAll(known), model: .intake())
        let found = index.check(encoder.encode(person("Muhammad", "El Hassan", "1991", nationality: "IRQ")))
        #expect(found.first?.index == 0 && found.first?.strength == .high)
        #expect(index.check(encoder.encode(person("Amanuel", "Kidane", "1970"))).isEmpty)
    }

    @Test("Bulk Dice counts agree with pair by pair")
    func diceBlock() {
        let a = (0..<50).map { encoder.encode(person("Name\($0 % 7)", "Family\($0 % 5)")).givenName! }
        let b = (0..<40).map { encoder.encode(person("Name\($0 % 9)", "Family\($0 % 3)")).givenName! }
        let expected = a.reduce(0) { sum, x in sum + b.filter { x.dice($0) >= 0.8 }.count }
        #expect(DiceBlock.countAbove(0.8, a, b) == expected)
        #expect(DiceBlock.countAboveParallel(0.8, a, b) == expected)
    }
}
