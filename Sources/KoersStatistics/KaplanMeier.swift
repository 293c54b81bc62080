import Foundation

/// The Kaplan–Meier estimate of time to an event, with the exponential Greenwood (log–log)
/// 95% interval at each distinct time and the median.
public struct KaplanMeierResult: Sendable, Codable {
    /// Distinct observed times, ascending.
    public let times: [Double]
    public let atRisk: [Int]
    public let events: [Int]
    public let censored: [Int]
    public let survival: [Double]
    public let lower: [Double]
    public let upper: [Double]
    /// The first time at which survival falls to 0.5 or below; nil when it never does.
    public let median: Double?
    public let n: Int
    public let totalEvents: Int
}

public enum KaplanMeier {
    /// Fits the product-limit estimator. `event[i]` is false for a censored observation.
    public static func fit(
        time: [Double],
        event: [Bool],
        minimumGroup: Int = 1
    ) throws(StatisticsError) -> KaplanMeierResult {
        guard !time.isEmpty, time.count == event.count else { throw .noData }
        guard time.count >= minimumGroup else { throw .tooSmall(time.count) }
        let groups = TiedTimes(time, classes: 2) { event[$0] ? 0 : 1 }
        var times: [Double] = []
        var atRisk: [Int] = []
        var events: [Int] = []
        var censored: [Int] = []
        var survival: [Double] = []
        var lower: [Double] = []
        var upper: [Double] = []
        var remaining = time.count
        var logSurvival = 0.0
        var greenwood = 0.0
        var median: Double?
        for (t, count) in zip(groups.times, groups.counts) {
            let (d, c) = (count[0], count[1])
            let n = remaining
            // Summing logs, as the reference does, keeps long products accurate.
            logSurvival += log1p(-Double(d) / Double(n))
            let s = exp(logSurvival)
            if n > d { greenwood += Double(d) / (Double(n) * Double(n - d)) }
            let (lo, hi) = logLogInterval(s, greenwood)
            times.append(t)
            atRisk.append(n)
            events.append(d)
            censored.append(c)
            survival.append(s)
            lower.append(lo)
            upper.append(hi)
            if median == nil && s <= 0.5 { median = t }
            remaining -= d + c
        }
        return KaplanMeierResult(
            times: times,
            atRisk: atRisk,
            events: events,
            censored: censored,
            survival: survival,
            lower: lower,
            upper: upper,
            median: median,
            n: time.count,
            totalEvents: event.filter { $0 }.count
        )
    }

    /// exp(−exp(log(−log S) ∓ z·√V / log S)); where undefined (S = 1) the interval is [1, 1].
    static func logLogInterval(_ s: Double, _ variance: Double) -> (Double, Double) {
        let v = log(s)
        let spread = Normal.z975 * variance.squareRoot() / v
        let lo = exp(-exp(log(-v) - spread))
        let hi = exp(-exp(log(-v) + spread))
        return (lo.isNaN ? 1 : lo, hi.isNaN ? 1 : hi)
    }
}
