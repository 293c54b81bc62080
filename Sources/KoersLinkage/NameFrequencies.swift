/// How common each person's name skeletons are, for the term-frequency adjustment of
/// deduplication: two different people agree on "Mohammed" far more often than on a rare name.
///
/// Names follow nationality (and given names gender), so once two people agree on nationality the
/// chance that different people also share a name is the name's share *among that nationality*,
/// not among everyone. Fellegi–Sunter's fields are assumed independent; without this the
/// agreement on nationality and on the name would be counted as two separate pieces of evidence.
struct NameFrequencies: Sendable {
    /// Per person, the given name skeleton's share: overall, within the nationality, within the
    /// gender, within both. Zero when the person has no given name skeleton.
    private let given: [SIMD4<Float>]
    /// Per person, the surname skeleton's share: overall and within the nationality.
    private let surname: [SIMD2<Float>]

    init(_ people: [EncodedPerson]) {
        var givenCounts = Counts()
        var surnameCounts = Counts()
        for p in people {
            if let g = p.givenSkeleton { givenCounts.add(g, nationality: p.nationality, gender: p.gender) }
            if let s = p.surnameSkeleton { surnameCounts.add(s, nationality: p.nationality, gender: nil) }
        }
        given = people.map { p in
            guard let g = p.givenSkeleton else { return .zero }
            let overall = givenCounts.share(g, nil, nil) ?? 0
            let byNationality = givenCounts.share(g, p.nationality, nil) ?? overall
            let byGender = givenCounts.share(g, nil, p.gender) ?? overall
            return SIMD4(
                overall,
                byNationality,
                byGender,
                givenCounts.share(g, p.nationality, p.gender) ?? byNationality
            )
        }
        surname = people.map { p in
            guard let s = p.surnameSkeleton else { return .zero }
            let overall = surnameCounts.share(s, nil, nil) ?? 0
            return SIMD2(overall, surnameCounts.share(s, p.nationality, nil) ?? overall)
        }
    }

    /// Counts of one name field's skeletons, overall and per nationality and gender.
    private struct Counts {
        struct Context: Hashable {
            let name: UInt64?
            let nationality: UInt64?
            let gender: UInt64?
        }
        /// Per name and context; with a nil name, everyone in the context who has a name.
        var counts: [Context: Int] = [:]

        mutating func add(_ name: UInt64, nationality: UInt64?, gender: UInt64?) {
            let nationalities: [UInt64?] = nationality.map { [nil, $0] } ?? [nil]
            let genders: [UInt64?] = gender.map { [nil, $0] } ?? [nil]
            for n in nationalities {
                for g in genders {
                    counts[Context(name: name, nationality: n, gender: g), default: 0] += 1
                    counts[Context(name: nil, nationality: n, gender: g), default: 0] += 1
                }
            }
        }

        /// The name's share in the context, nil when the context is unknown.
        func share(_ name: UInt64, _ nationality: UInt64?, _ gender: UInt64?) -> Float? {
            guard let count = counts[Context(name: name, nationality: nationality, gender: gender)],
                let all = counts[Context(name: nil, nationality: nationality, gender: gender)]
            else { return nil }
            return Float(count) / Float(all)
        }
    }

    /// The share of person `i`'s given name among the people it is compared with: those of the
    /// same nationality and gender when the pair agrees on them.
    @inline(__always)
    func givenShare(_ i: Int, sameNationality: Bool, sameGender: Bool) -> Double {
        Double(given[i][(sameNationality ? 1 : 0) + (sameGender ? 2 : 0)])
    }

    /// The share of person `i`'s surname, among the same nationality when the pair agrees on it.
    @inline(__always)
    func surnameShare(_ i: Int, sameNationality: Bool) -> Double {
        Double(surname[i][sameNationality ? 1 : 0])
    }
}
