/// A possible earlier registration of a newcomer: which indexed person, how strong, on what.
public struct PossibleMatch: Sendable, Hashable {
    /// Position of the person in the index (or in the candidate list given).
    public let index: Int
    public let probability: Double
    public let pattern: UInt64
    public let strength: MatchStrength
}

/// How strongly the encodings say two registrations are one person.
public enum MatchStrength: String, Sendable, Codable, Comparable {
    /// Worth a second look by the municipality, not enough to act on alone.
    case medium
    /// Very likely the same person.
    case high

    /// Match probability from which a candidate is shown as medium, and as high.
    public static let mediumFrom = 0.5
    public static let highFrom = 0.99

    public init?(probability: Double) {
        if probability >= Self.highFrom {
            self = .high
        } else if probability >= Self.mediumFrom {
            self = .medium
        } else {
            return nil
        }
    }

    public static func < (a: MatchStrength, b: MatchStrength) -> Bool { a == .medium && b == .high }
}

/// Scores a newcomer against the people found under its blocking keys.
public struct LinkageScorer: Sendable {
    public let model: FellegiSunter
    let weights: [[Double]]

    public init(model: FellegiSunter) {
        self.model = model
        weights = model.weights
    }

    /// The candidates that reach at least medium strength, strongest first.
    public func matches(for probe: EncodedPerson, among candidates: [EncodedPerson]) -> [PossibleMatch] {
        var out: [PossibleMatch] = []
        // The newcomer is person 0 of one comparer over all of them.
        let comparer = PairComparer([probe] + candidates, layout: model.layout, findNearVNumbers: false)
        for i in candidates.indices {
            let pattern = comparer.pattern(0, i + 1)
            let probability = model.probability(weight: model.weight(pattern, weights: weights))
            if let strength = MatchStrength(probability: probability) {
                out.append(PossibleMatch(index: i, probability: probability, pattern: pattern, strength: strength))
            }
        }
        return out.sorted { $0.probability > $1.probability }
    }
}

/// An in-memory index of encoded people, for checking newcomers and for the benchmark of the
/// intake check; the web application keeps the same encodings and keys in its database.
public struct LinkageIndex: Sendable {
    public let people: [EncodedPerson]
    let table: BlockingTable
    public let scorer: LinkageScorer
    /// Keys shared by more people than this are not followed at intake.
    public var maxBlock = 5_000

    public init(people: [EncodedPerson], model: FellegiSunter) {
        self.people = people
        table = BlockingTable(people.map(\.blockingKeys))
        scorer = LinkageScorer(model: model)
    }

    /// The indexed people who may be the newcomer, strongest first; `index` is their position.
    public func check(_ probe: EncodedPerson) -> [PossibleMatch] {
        var seen = Set<Int32>()
        var candidates: [EncodedPerson] = []
        var positions: [Int] = []
        for key in probe.blockingKeys {
            let under = table.people(under: key)
            if under.count > maxBlock { continue }
            for p in under where seen.insert(p).inserted {
                candidates.append(people[Int(p)])
                positions.append(Int(p))
            }
        }
        return scorer.matches(for: probe, among: candidates).map {
            PossibleMatch(
                index: positions[$0.index],
                probability: $0.probability,
                pattern: $0.pattern,
                strength: $0.strength
            )
        }
    }
}

extension LinkageScorer {
    /// Many probes, each against its own candidates (positions in `pool`), on the machine's cores:
    /// the identity check of an import, where every row is a probe.
    public func matches(
        probes: [EncodedPerson],
        candidates: [[Int]],
        pool: [EncodedPerson]
    ) -> [[PossibleMatch]] {
        let parts = Parallel.parts(for: probes.count, minimumPerPart: 2_000)
        return Parallel.map(count: probes.count, parts: parts) { _, range in
            range.map { i in
                candidates[i].isEmpty ? [] : matches(for: probes[i], among: candidates[i].map { pool[$0] })
            }
        }
        .flatMap { $0 }
    }
}
