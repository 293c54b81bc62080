import Foundation

/// Finds the people registered more than once in one set of encodings: blocking, comparison,
/// Fellegi–Sunter weights (m from anchor pairs, u from random pairs, λ by EM, term frequencies on
/// names within nationality and gender), a threshold, and groups.
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
        /// Seconds spent per step, in order: blocking, comparing, estimating, scoring, grouping.
        public let seconds: [(step: String, seconds: Double)]
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
    ///
    /// The candidate pairs are visited twice, on all cores, and never stored: once to count how
    /// often each comparison pattern occurs (what the model is estimated on), once to score them.
    public func run(_ people: [EncodedPerson], model start: FellegiSunter? = nil, excluded: Set<UInt64> = []) -> Result
    {
        var seconds: [(step: String, seconds: Double)] = []
        var clock = ContinuousClock.now
        func lap(_ step: String) {
            let now = ContinuousClock.now
            let d = (now - clock).components
            seconds.append((step, Double(d.seconds) + Double(d.attoseconds) * 1e-18))
            clock = now
        }
        let candidates = CandidatePairs(
            BlockingTable(people.map(\.blockingKeys)),
            people: people.count,
            maxBlock: maxBlock
        )
        lap("blocking")
        let layout = self.layout
        let maxBlock = self.maxBlock
        let comparer = PairComparer(people, layout: layout)
        let partCounts: [PatternCounts] = Parallel.map(count: candidates.parts.count, parts: candidates.parts.count) {
            part,
            _ in
            var counts = PatternCounts()
            let block = PairComparer.BlockCopy(capacity: maxBlock, textCount: comparer.textCount)
            candidates.forEachPair(inPart: part, start: { comparer.copy($0, into: block) }) { x, y, _, _ in
                counts.add(comparer.pattern(x, y, in: block))
            }
            return counts
        }
        var merged = PatternCounts()
        for part in partCounts { merged.merge(part) }
        let counts = merged.dictionary
        lap("comparing")
        // u from random pairs; m on anchor pairs and λ by EM on the candidate pairs, λ as a share
        // of all pairs. Among candidates found by blocking, different people agree far more often
        // than in general, so u and λ estimated among the candidates alone undersell agreement.
        let allPairs = Double(people.count) * Double(max(people.count - 1, 0)) / 2
        let model =
            start
            ?? FellegiSunter.estimateAnchored(
                counts,
                layout: layout,
                u: FellegiSunter.randomPairU(count: people.count, layout: layout, pattern: comparer.pattern),
                totalPairs: allPairs
            )
        // log₂(m/u) at `field * 8 + level`; a missing field (level 7) weighs nothing.
        let weights = model.weights
        let weightTable: [Double] = weights.flatMap { row -> [Double] in
            row + [Double](repeating: 0, count: 8 - row.count)
        }
        let frequencies = NameFrequencies(people)
        lap("estimating")
        // The term-frequency adjustment only lowers a weight: pairs below this weight before it
        // stay below the threshold after it.
        let prior = log2(model.matchShare / (1 - model.matchShare))
        let lowest = log2(threshold / (1 - threshold)) - prior
        let v = 2 + layout.extraCount
        let fieldCount = layout.fieldCount
        let u = model.u
        let threshold = self.threshold
        let found: [[Match]] = Parallel.map(count: candidates.parts.count, parts: candidates.parts.count) { part, _ in
            var matches: [Match] = []
            let block = PairComparer.BlockCopy(capacity: maxBlock, textCount: comparer.textCount)
            candidates.forEachPair(inPart: part, start: { comparer.copy($0, into: block) }) { x, y, i, j in
                let pattern = comparer.pattern(x, y, in: block)
                var w = 0.0
                for f in 0..<fieldCount { w += weightTable[f * 8 + Int((pattern >> UInt64(3 * f)) & 7)] }
                guard w >= lowest else { return }
                // Agreeing on a common name says less than agreeing on a rare one: where the
                // skeletons are equal, u is the name's share (among the same nationality and
                // gender when the pair agrees on those), if that is larger.
                let sameNationality = ComparisonLayout.level(pattern, v + 5) == 1
                if let level = ComparisonLayout.level(pattern, 0), level >= 3,
                    comparer.sameSkeleton(x, y, field: 0, in: block)
                {
                    let share = frequencies.givenShare(
                        i,
                        sameNationality: sameNationality,
                        sameGender: ComparisonLayout.level(pattern, v + 4) == 1
                    )
                    if share > u[0][level] { w -= log2(share / u[0][level]) }
                }
                if let level = ComparisonLayout.level(pattern, 1), level >= 3,
                    comparer.sameSkeleton(x, y, field: 1, in: block)
                {
                    let share = frequencies.surnameShare(i, sameNationality: sameNationality)
                    if share > u[1][level] { w -= log2(share / u[1][level]) }
                }
                let probability = model.probability(weight: w)
                if probability >= threshold && !excluded.contains(UInt64(i) << 32 | UInt64(j)) {
                    matches.append(Match(a: i, b: j, probability: probability, weight: w))
                }
            }
            return matches
        }
        let matches = found.flatMap { $0 }
        lap("scoring")
        var components = UnionFind(count: people.count)
        for match in matches { components.union(match.a, match.b) }
        let groups = (0..<people.count).map { components.find($0) }
        lap("grouping")
        return Result(
            matches: matches,
            model: model,
            candidatePairs: counts.values.reduce(0, +),
            skippedBlocks: candidates.skippedBlocks,
            groups: groups,
            seconds: seconds
        )
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
