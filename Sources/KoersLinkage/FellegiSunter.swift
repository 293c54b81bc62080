import Foundation

/// Fellegi–Sunter: for each field and level, how likely it is among pairs of the same person (m)
/// and among pairs of different people (u); a pair's weight is the sum of log₂(m/u) over its fields.
///
/// ``estimateAnchored(_:layout:u:totalPairs:maxIterations:)`` estimates m on anchor pairs and λ
/// by expectation–maximisation, with u from random pairs, assuming the fields independent given
/// match status.
public struct FellegiSunter: Sendable, Codable, Hashable {
    public let layout: ComparisonLayout
    public private(set) var m: [[Double]]
    public private(set) var u: [[Double]]
    /// λ: the share of all pairs that are matches, the prior of every comparison.
    public private(set) var matchShare: Double
    /// EM iterations run until the parameters settled.
    public private(set) var iterations = 0

    /// A starting point: agreement likely among matches, rare among non-matches.
    public init(layout: ComparisonLayout, matchShare: Double = 0.1) {
        self.layout = layout
        m = layout.levelCounts.map { n in
            n == 5 ? [0.02, 0.03, 0.05, 0.1, 0.8] : n == 3 ? [0.03, 0.07, 0.9] : [0.05, 0.95]
        }
        u = layout.levelCounts.map { n in
            n == 5 ? [0.7, 0.15, 0.08, 0.04, 0.03] : n == 3 ? [0.9, 0.08, 0.02] : [0.8, 0.2]
        }
        self.matchShare = matchShare
    }

    public init(layout: ComparisonLayout, m: [[Double]], u: [[Double]], matchShare: Double, iterations: Int = 0) {
        self.layout = layout
        self.m = m
        self.u = u
        self.matchShare = matchShare
        self.iterations = iterations
    }

    /// log₂(m/u) per field and level.
    public var weights: [[Double]] {
        zip(m, u).map { zip($0, $1).map { log2(max($0, 1e-9) / max($1, 1e-9)) } }
    }

    /// The match weight of a pattern: Σ log₂(m/u) over the fields present.
    public func weight(_ pattern: UInt64, weights: [[Double]]) -> Double {
        var w = 0.0
        for f in 0..<weights.count {
            if let level = ComparisonLayout.level(pattern, f) { w += weights[f][level] }
        }
        return w
    }

    /// The probability that a pair with this weight is a match, with prior odds λ/(1−λ).
    public func probability(weight: Double) -> Double {
        let prior = log2(matchShare / (1 - matchShare))
        return 1 / (1 + exp2(-(prior + weight)))
    }
}

extension FellegiSunter {
    /// m estimated on anchor pairs, u given (from random pairs), λ by EM over all pairs.
    ///
    /// Candidate pairs that share the V-nummer are nearly all one person: they give m for every
    /// other field. Pairs agreeing on both names and the whole birth date give m for the
    /// V-nummer. (Estimating m by EM on all candidates instead lets the model settle on another
    /// split, such as "same nationality and a common name", once names repeat within a
    /// nationality.) A field seen fewer than 20 times among the anchors keeps the default m.
    public static func estimateAnchored(
        _ counts: [UInt64: Int],
        layout: ComparisonLayout,
        u: [[Double]],
        totalPairs: Double,
        maxIterations: Int = 200
    ) -> FellegiSunter {
        let defaults = FellegiSunter(layout: layout)
        let v = 2 + layout.extraCount
        var mCounts = layout.levelCounts.map { Array(repeating: 0.0, count: $0) }
        for (pattern, n) in counts {
            let level = { (f: Int) in ComparisonLayout.level(pattern, f) }
            if level(v) == 2 {
                for f in 0..<layout.fieldCount where f != v {
                    if let l = level(f) { mCounts[f][l] += Double(n) }
                }
            }
            if let g = level(0), let s = level(1), g >= 3, s >= 3, level(v + 1) == 1, level(v + 2) == 1,
                level(v + 3) == 1, let l = level(v)
            {
                mCounts[v][l] += Double(n)
            }
        }
        let m = mCounts.enumerated().map { f, row -> [Double] in
            let total = row.reduce(0, +)
            guard total >= 20 else { return defaults.m[f] }
            return row.map { ($0 + 0.5) / (total + 0.5 * Double(row.count)) }
        }
        var model = FellegiSunter(layout: layout, m: m, u: u, matchShare: 1e-4)
        let weights = model.weights
        let patterns = counts.map { (weight: model.weight($0.key, weights: weights), n: Double($0.value)) }
        var share = min(Double(counts.values.reduce(0, +)) / max(totalPairs, 1), 0.5) * 0.1
        for iteration in 1...maxIterations {
            let prior = log2(share / (1 - share))
            let matches = patterns.reduce(0.0) { $0 + $1.n / (1 + exp2(-(prior + $1.weight))) }
            let next = min(max(matches / max(totalPairs, 1), 1e-12), 0.5)
            model.iterations = iteration
            if abs(next - share) < share * 1e-6 {
                share = next
                break
            }
            share = next
        }
        model.matchShare = share
        return model
    }

    /// u estimated on random pairs of `people`: how often two different people agree at each
    /// level. Almost every random pair is a non-match, so the frequencies stand for u.
    public static func randomPairU(
        _ people: [EncodedPerson],
        layout: ComparisonLayout,
        pairs: Int = 1_000_000,
        seed: UInt64 = 0x5EED
    ) -> [[Double]] {
        randomPairU(
            count: people.count,
            layout: layout,
            pairs: pairs,
            seed: seed,
            pattern: PairComparer(people, layout: layout).pattern
        )
    }

    /// The same, for `count` people whose pairs' patterns `pattern(i, j)` gives.
    static func randomPairU(
        count: Int,
        layout: ComparisonLayout,
        pairs: Int = 1_000_000,
        seed: UInt64 = 0x5EED,
        pattern: (Int, Int) -> UInt64
    ) -> [[Double]] {
        var counts = layout.levelCounts.map { Array(repeating: 1.0, count: $0) }  // add-one: no level is impossible
        guard count > 1 else { return counts.map { row in row.map { $0 / row.reduce(0, +) } } }
        var random = SplitMix64(seed: seed)
        func next() -> Int { Int(random.next() % UInt64(count)) }
        let total = min(pairs, count * (count - 1) / 2)
        var drawn = 0
        while drawn < total {
            let i = next()
            let j = next()
            if i == j { continue }
            let p = pattern(i, j)
            for f in 0..<layout.fieldCount {
                if let l = ComparisonLayout.level(p, f) { counts[f][l] += 1 }
            }
            drawn += 1
        }
        return counts.map { row in row.map { $0 / row.reduce(0, +) } }
    }

    /// The model the intake check uses. m as ``estimateAnchored`` found it, and u as random pairs gave it, on
    /// the synthetic registrations of `scripts/linkage_data.py` (5,000 people, seed 7; see
    /// `koers linkage evaluate`, which prints both); extra text fields get the names' values.
    /// The prior, 1 in 10,000 per candidate pair, is that of a newcomer against an index of about
    /// ten thousand registrations of which it may be one.
    public static func intake(extraCount: Int = 0) -> FellegiSunter {
        let layout = ComparisonLayout(extraCount: extraCount)
        let givenM = [0.0489, 0.0765, 0.0188, 0.2471, 0.6087]
        let givenU = [0.99414, 0.00218, 0.00009, 0.00222, 0.00137]
        let surnameM = [0.062, 0.0584, 0.0389, 0.2129, 0.6278]
        let surnameU = [0.99379, 0.00237, 0.00011, 0.00222, 0.00151]
        let m =
            [givenM, surnameM] + Array(repeating: surnameM, count: extraCount)
            + [
                [0.0006, 0.0089, 0.9905], [0.0423, 0.9577], [0.0145, 0.9855], [0.0377, 0.9623], [0.0082, 0.9918],
                [0.0183, 0.9817],
            ]
        let u =
            [givenU, surnameU] + Array(repeating: surnameU, count: extraCount)
            + [
                [0.99985, 0.00001, 0.00014], [0.96553, 0.03447], [0.91699, 0.08301], [0.96382, 0.03618],
                [0.42939, 0.57061], [0.88805, 0.11195],
            ]
        return FellegiSunter(layout: layout, m: m, u: u, matchShare: 1e-4)
    }
}
