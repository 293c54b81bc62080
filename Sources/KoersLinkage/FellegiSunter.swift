import Foundation

/// Fellegi–Sunter: for each field and level, how likely it is among pairs of the same person (m)
/// and among pairs of different people (u); a pair's weight is the sum of log₂(m/u) over its fields.
///
/// m, u and the share of matches among candidate pairs are estimated by expectation–maximisation
/// on the candidate pairs' patterns, assuming the fields independent given match status.
public struct FellegiSunter: Sendable, Codable, Hashable {
    public let layout: ComparisonLayout
    public private(set) var m: [[Double]]
    public private(set) var u: [[Double]]
    /// λ: the share of candidate pairs that are matches.
    public private(set) var matchShare: Double
    /// EM iterations run until the parameters settled.
    public private(set) var iterations = 0

    /// A starting point: agreement likely among matches, rare among non-matches.
    public init(layout: ComparisonLayout, matchShare: Double = 0.1) {
        self.layout = layout
        m = layout.levelCounts.map { n in n == 5 ? [0.02, 0.03, 0.05, 0.1, 0.8] : n == 3 ? [0.03, 0.07, 0.9] : [0.05, 0.95] }
        u = layout.levelCounts.map { n in n == 5 ? [0.7, 0.15, 0.08, 0.04, 0.03] : n == 3 ? [0.9, 0.08, 0.02] : [0.8, 0.2] }
        self.matchShare = matchShare
    }

    public init(layout: ComparisonLayout, m: [[Double]], u: [[Double]], matchShare: Double) {
        self.layout = layout
        self.m = m
        self.u = u
        self.matchShare = matchShare
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

    /// Estimates m, u and λ from pattern counts.
    public static func estimate(_ counts: [UInt64: Int], layout: ComparisonLayout, start: FellegiSunter? = nil, maxIterations: Int = 200) -> FellegiSunter {
        var model = start ?? FellegiSunter(layout: layout)
        let patterns = Array(counts)
        let fields = layout.fieldCount
        let levelCounts = layout.levelCounts
        // Levels of every pattern, decoded once.
        let levels: [[Int?]] = patterns.map { p in (0..<fields).map { ComparisonLayout.level(p.key, $0) } }
        let total = Double(patterns.reduce(0) { $0 + $1.value })
        guard total > 0 else { return model }
        for iteration in 1...maxIterations {
            var mCount = levelCounts.map { Array(repeating: 1e-6, count: $0) }
            var uCount = levelCounts.map { Array(repeating: 1e-6, count: $0) }
            var matches = 0.0
            for (i, (_, n)) in patterns.enumerated() {
                var lm = log(model.matchShare), lu = log(1 - model.matchShare)
                for f in 0..<fields {
                    if let l = levels[i][f] {
                        lm += log(max(model.m[f][l], 1e-12))
                        lu += log(max(model.u[f][l], 1e-12))
                    }
                }
                let pm = 1 / (1 + exp(lu - lm))
                let c = Double(n)
                matches += pm * c
                for f in 0..<fields {
                    if let l = levels[i][f] {
                        mCount[f][l] += pm * c
                        uCount[f][l] += (1 - pm) * c
                    }
                }
            }
            let newM = mCount.map { row in row.map { $0 / row.reduce(0, +) } }
            let newU = uCount.map { row in row.map { $0 / row.reduce(0, +) } }
            let newShare = min(max(matches / total, 1e-9), 1 - 1e-9)
            var change = abs(newShare - model.matchShare)
            for f in 0..<fields {
                for l in 0..<levelCounts[f] { change = max(change, abs(newM[f][l] - model.m[f][l]), abs(newU[f][l] - model.u[f][l])) }
            }
            model.m = newM
            model.u = newU
            model.matchShare = newShare
            model.iterations = iteration
            if change < 1e-7 { break }
        }
        return model
    }
}

extension FellegiSunter {
    /// The model the intake check uses before a network's own index is large enough to estimate
    /// one: m and u as EM estimated them on the synthetic registrations of `scripts/linkage_data.py`,
    /// with the prior odds of a newcomer being any one indexed candidate.
    public static func intake(extraCount: Int = 0) -> FellegiSunter {
        let layout = ComparisonLayout(extraCount: extraCount)
        let textM = [0.01, 0.02, 0.05, 0.12, 0.80], textU = [0.80, 0.10, 0.05, 0.03, 0.02]
        let m = [textM, textM] + Array(repeating: textM, count: extraCount) + [[0.02, 0.03, 0.95], [0.05, 0.95], [0.1, 0.9], [0.1, 0.9], [0.02, 0.98], [0.02, 0.98]]
        let u = [textU, textU] + Array(repeating: textU, count: extraCount) + [[0.995, 0.004, 0.001], [0.9, 0.1], [0.9, 0.1], [0.95, 0.05], [0.5, 0.5], [0.7, 0.3]]
        return FellegiSunter(layout: layout, m: m, u: u, matchShare: 0.01)
    }
}
