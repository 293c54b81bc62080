import Foundation

/// A fitted logistic regression: coefficients with standard errors, Wald tests, 95% intervals
/// and odds ratios, the log-likelihoods and McFadden's pseudo-R², and what to be wary of.
public struct LogitResult: Sendable, Codable {
    public let variables: [String]
    public let coefficients: [Double]
    public let standardErrors: [Double]
    public let z: [Double]
    public let pValues: [Double]
    /// 95% Wald intervals, [lower, upper] per coefficient.
    public let confidenceIntervals: [[Double]]
    public let oddsRatios: [Double]
    public let oddsRatioIntervals: [[Double]]
    public let n: Int
    public let events: Int
    public let logLikelihood: Double
    public let nullLogLikelihood: Double
    public let mcFaddenR2: Double
    public let iterations: Int
    public let converged: Bool
    /// Separation, too few events per variable, non-convergence.
    public let warnings: [String]
}

/// Why a model cannot be fitted at all.
public enum StatisticsError: Error, Sendable, Equatable, CustomStringConvertible {
    case noData
    case outcomeNotBinary
    case singular
    case tooSmall(Int)
    /// The outcome is perfectly predicted by the covariates: maximum likelihood does not exist.
    case separation

    public var description: String {
        switch self {
        case .noData: "no rows to fit"
        case .outcomeNotBinary: "the outcome must be 0 or 1 and take both values"
        case .singular: "the design matrix is singular (a covariate is constant or collinear)"
        case .tooSmall(let n): "too few observations (\(n)) to report"
        case .separation:
            "complete separation: the covariates predict the outcome perfectly, so the estimates go to infinity; drop "
                + "or merge the separating covariate"
        }
    }
}

/// Logistic regression by Newton–Raphson on the exact log-likelihood.
public enum Logistic {
    /// Fits `y ~ X`, where each row of `x` already holds the intercept column if one is wanted.
    /// - Parameter minimumGroup: refuse fits on fewer observations (small-cell protection).
    public static func fit(
        y: [Double],
        x: [[Double]],
        names: [String],
        minimumGroup: Int = 1
    ) throws(StatisticsError) -> LogitResult {
        let n = y.count
        guard n > 0, x.count == n else { throw .noData }
        guard y.allSatisfy({ $0 == 0 || $0 == 1 }) else { throw .outcomeNotBinary }
        // Rows with the same covariates share one fitted probability, so the likelihood, the
        // estimates and the information are the same when each distinct row is counted once,
        // weighted by how often it occurs and how many of those had the outcome. With categorical
        // covariates (the monitor's) that turns hundreds of thousands of rows into a few hundred.
        var patternIndex: [[Double]: Int] = [:]
        var patterns: [[Double]] = []
        var counts: [Double] = []
        var successes: [Double] = []
        for i in 0..<n {
            if let j = patternIndex[x[i]] {
                counts[j] += 1
                successes[j] += y[i]
            } else {
                patternIndex[x[i]] = patterns.count
                patterns.append(x[i])
                counts.append(1)
                successes.append(y[i])
            }
        }
        return try fit(
            patterns: patterns,
            counts: counts,
            successes: successes,
            names: names,
            minimumGroup: minimumGroup
        )
    }

    /// Fits grouped (binomial) data: each distinct covariate row once, with how many observations
    /// share it and how many of those had the outcome. The same fit as ``fit(y:x:names:minimumGroup:)``
    /// on the rows spelled out, for callers that already know their rows' patterns.
    public static func fit(
        patterns: [[Double]],
        counts: [Double],
        successes: [Double],
        names: [String],
        minimumGroup: Int = 1
    ) throws(StatisticsError) -> LogitResult {
        guard !patterns.isEmpty, counts.count == patterns.count, successes.count == patterns.count,
            let p = patterns.first?.count, p == names.count, patterns.allSatisfy({ $0.count == p })
        else { throw .noData }
        let n = Int(counts.reduce(0, +))
        let events = Int(successes.reduce(0, +))
        guard n >= minimumGroup else { throw .tooSmall(n) }
        guard zip(counts, successes).allSatisfy({ $1 >= 0 && $1 <= $0 }), events > 0, events < n else {
            throw .outcomeNotBinary
        }
        let m = patterns.count

        var beta = Array(repeating: 0.0, count: p)
        var converged = false
        var iterations = 0
        var information: [[Double]] = []
        for iteration in 1...100 {
            iterations = iteration
            var gradient = Array(repeating: 0.0, count: p)
            information = Array(repeating: Array(repeating: 0.0, count: p), count: p)
            for j in 0..<m {
                let row = patterns[j]
                let mu = sigmoid(dot(row, beta))
                let w = counts[j] * mu * (1 - mu)
                let r = successes[j] - counts[j] * mu
                for a in 0..<p {
                    gradient[a] += row[a] * r
                    let wa = w * row[a]
                    for b in 0...a { information[a][b] += wa * row[b] }
                }
            }
            for a in 0..<p { for b in 0..<a { information[b][a] = information[a][b] } }
            // After the first step a vanishing information means the fit ran off to infinity.
            guard let l = SymmetricMatrix.cholesky(information) else { throw iteration > 1 ? .separation : .singular }
            let step = SymmetricMatrix.solve(cholesky: l, gradient)
            for a in 0..<p { beta[a] += step[a] }
            // Converged when the Newton step no longer moves the estimate in the last digits.
            if step.map(abs).max()! <= 1e-13 * max(1, beta.map(abs).max()!) {
                converged = true
                break
            }
        }
        // The covariance at the estimate: the inverse of the information there.
        information = Array(repeating: Array(repeating: 0.0, count: p), count: p)
        var logLikelihood = 0.0
        var minFitted = 1.0
        var maxFitted = 0.0
        for j in 0..<m {
            let row = patterns[j]
            let eta = dot(row, beta)
            let mu = sigmoid(eta)
            minFitted = min(minFitted, mu)
            maxFitted = max(maxFitted, mu)
            logLikelihood += successes[j] * eta - counts[j] * softplus(eta)
            let w = counts[j] * mu * (1 - mu)
            for a in 0..<p { for b in 0...a { information[a][b] += w * row[a] * row[b] } }
        }
        for a in 0..<p { for b in 0..<a { information[b][a] = information[a][b] } }
        guard let l = SymmetricMatrix.cholesky(information) else { throw .separation }
        let covariance = SymmetricMatrix.inverse(cholesky: l)
        let se = (0..<p).map { covariance[$0][$0].squareRoot() }
        let z = (0..<p).map { beta[$0] / se[$0] }
        let mean = Double(events) / Double(n)
        let nullLogLikelihood = Double(n) * (mean * log(mean) + (1 - mean) * log(1 - mean))

        var warnings: [String] = []
        if !converged { warnings.append("The fit did not converge in 100 Newton steps; estimates are unreliable.") }
        if minFitted < 1e-8 || maxFitted > 1 - 1e-8 || beta.contains(where: { abs($0) > 15 }) {
            warnings.append(
                "Possible (quasi-)complete separation: some fitted probabilities are 0 or 1; coefficients and "
                    + "intervals are not to be trusted."
            )
        }
        let fewest = min(events, n - events)
        if Double(fewest) / Double(max(p - 1, 1)) < 10 {
            warnings.append(
                "Few events per variable (\(fewest) for \(p - 1) covariates, fewer than 10 each): estimates may be "
                    + "biased."
            )
        }
        let intervals = (0..<p).map { [beta[$0] - Normal.z975 * se[$0], beta[$0] + Normal.z975 * se[$0]] }
        return LogitResult(
            variables: names,
            coefficients: beta,
            standardErrors: se,
            z: z,
            pValues: z.map(Normal.twoSidedP),
            confidenceIntervals: intervals,
            oddsRatios: beta.map(exp),
            oddsRatioIntervals: intervals.map { $0.map(exp) },
            n: n,
            events: events,
            logLikelihood: logLikelihood,
            nullLogLikelihood: nullLogLikelihood,
            mcFaddenR2: 1 - logLikelihood / nullLogLikelihood,
            iterations: iterations,
            converged: converged,
            warnings: warnings
        )
    }

    static func dot(_ a: [Double], _ b: [Double]) -> Double {
        var s = 0.0
        for i in a.indices { s += a[i] * b[i] }
        return s
    }

    static func sigmoid(_ eta: Double) -> Double {
        eta >= 0 ? 1 / (1 + exp(-eta)) : exp(eta) / (1 + exp(eta))
    }

    /// log(1 + e^η), without overflow.
    static func softplus(_ eta: Double) -> Double {
        eta > 0 ? eta + log1p(exp(-eta)) : log1p(exp(eta))
    }
}
