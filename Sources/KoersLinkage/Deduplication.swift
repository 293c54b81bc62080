import Foundation

/// Finds the people registered more than once in one set of encodings: blocking, comparison,
/// Fellegi–Sunter weights (m from anchor pairs, u from random pairs, λ by EM, term frequencies on
/// names), a threshold, and groups.
public struct Deduplication: Sendable {
    /// A matched pair and its match probability.
    public struct Match: Sendable, Hashable {
        public let a: Int
        public let b: Int
        public let probability: Double
        public let weight: Double
    }

    /// What a run found and how.
    public struct Result: Sendable {
        public let matches: [Match]
        public let model: FellegiSunter
        public let candidatePairs: Int
        public let skippedBlocks: Int
        /// For every person, the smallest index in its group (connected components of the matches).
        public let groups: [Int]
    }

    public let layout: ComparisonLayout
    /// The match probability from which a pair is reported.
    public var threshold: Double
    /// Blocking keys shared by more people than this are not used.
    public var maxBlock: Int

    public init(layout: ComparisonLayout, threshold: Double = 0.9, maxBlock: Int = 300) {
        self.layout = layout
        self.threshold = threshold
        self.maxBlock = maxBlock
    }

    /// Deduplicates `people`; pairs in `excluded` (decided "not the same person") are never reported.
    public func run(_ people: [EncodedPerson], model start: FellegiSunter? = nil, excluded: Set<UInt64> = []) -> Result {
        let table = BlockingTable(people.map(\.blockingKeys))
        let (pairs, skipped) = table.pairs(maxBlock: maxBlock)
        let layout = self.layout
        let parts = Parallel.parts(for: pairs.count, minimumPerPart: 200_000)
        let patterns: [[UInt64]] = Parallel.map(count: pairs.count, parts: parts) { _, range in
            pairs[range].map { pair in layout.pattern(people[Int(pair >> 32)], people[Int(pair & 0xFFFF_FFFF)]) }
        }
        var counts: [UInt64: Int] = [:]
        for part in patterns { for p in part { counts[p, default: 0] += 1 } }
        // u from random pairs; m and λ by EM on the candidate pairs, λ as a share of all pairs.
        // Among candidates found by blocking, different people agree far more often than in
        // general, so u and λ estimated among the candidates alone undersell agreement.
        let allPairs = Double(people.count) * Double(max(people.count - 1, 0)) / 2
        let model = start ?? FellegiSunter.estimateAnchored(counts, layout: layout, u: FellegiSunter.randomPairU(people, layout: layout), totalPairs: allPairs)
        let weights = model.weights
        var weightOf: [UInt64: Double] = [:]
        for p in counts.keys { weightOf[p] = model.weight(p, weights: weights) }
        // Term frequencies: agreeing on a common name says less than agreeing on a rare one. Where
        // both skeleton tokens are equal, u is the share of people with that name, if larger.
        var givenFrequency: [UInt64: Int] = [:], surnameFrequency: [UInt64: Int] = [:]
        for p in people {
            if let g = p.givenSkeleton { givenFrequency[g, default: 0] += 1 }
            if let s = p.surnameSkeleton { surnameFrequency[s, default: 0] += 1 }
        }
        let n = Double(max(people.count, 1))
        func adjustment(_ pair: UInt64, _ pattern: UInt64) -> Double {
            let a = people[Int(pair >> 32)], b = people[Int(pair & 0xFFFF_FFFF)]
            var w = 0.0
            for (field, token, other, frequency) in [(0, a.givenSkeleton, b.givenSkeleton, givenFrequency), (1, a.surnameSkeleton, b.surnameSkeleton, surnameFrequency)] {
                guard let token, token == other, let level = ComparisonLayout.level(pattern, field), level >= 3 else { continue }
                let share = Double(frequency[token] ?? 1) / n
                let u = model.u[field][level]
                if share > u { w -= log2(share / u) }
            }
            return w
        }
        var matches: [Match] = []
        var offset = 0
        for part in patterns {
            for (k, p) in part.enumerated() {
                let pair = pairs[offset + k]
                let w = weightOf[p]! + adjustment(pair, p)
                let probability = model.probability(weight: w)
                if probability >= threshold && !excluded.contains(pair) {
                    matches.append(Match(a: Int(pair >> 32), b: Int(pair & 0xFFFF_FFFF), probability: probability, weight: w))
                }
            }
            offset += part.count
        }
        var components = UnionFind(count: people.count)
        for match in matches { components.union(match.a, match.b) }
        return Result(matches: matches, model: model, candidatePairs: pairs.count, skippedBlocks: skipped, groups: (0..<people.count).map { components.find($0) })
    }
}

/// Connected components of matched pairs: people linked through any chain of matches form one group.
public struct UnionFind: Sendable {
    private var parent: [Int]

    public init(count: Int) {
        parent = Array(0..<count)
    }

    public mutating func find(_ x: Int) -> Int {
        var root = x
        while parent[root] != root { root = parent[root] }
        var node = x
        while parent[node] != root {
            let next = parent[node]
            parent[node] = root
            node = next
        }
        return root
    }

    /// Joins two groups, the smaller index becoming the root.
    public mutating func union(_ a: Int, _ b: Int) {
        let (ra, rb) = (find(a), find(b))
        if ra < rb { parent[rb] = ra } else if rb < ra { parent[ra] = rb }
    }
}
