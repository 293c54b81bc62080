import Foundation

/// The Aalen–Johansen cumulative incidence of each competing cause, with Aalen's variance and a
/// log–log 95% interval per cause.
public struct CumulativeIncidenceResult: Sendable, Codable {
    /// The causes, in the order of `incidence` (sorted; numerically when every cause is a number).
    public let causes: [String]
    /// Distinct observed times (events and censorings), ascending.
    public let times: [Double]
    public let atRisk: [Int]
    /// Events at each time, per cause: `events[cause][time]`.
    public let events: [[Int]]
    public let censored: [Int]
    /// 1 − Kaplan–Meier of any event: the incidence of all causes together.
    public let anyCause: [Double]
    /// `incidence[cause][time]`.
    public let incidence: [[Double]]
    public let variance: [[Double]]
    public let lower: [[Double]]
    public let upper: [[Double]]
    public let n: Int
}

/// Aalen–Johansen estimation of competing risks.
///
/// Tied times are handled exactly: all events and censorings at one time are counted together
/// against the same risk set, events before censorings, so the estimate does not depend on the
/// order of the rows.
public enum CumulativeIncidence {
    /// `cause[i]` is nil for a censored observation, otherwise the competing event that ended it.
    public static func fit(
        time: [Double],
        cause: [String?],
        minimumGroup: Int = 1
    ) throws(StatisticsError) -> CumulativeIncidenceResult {
        guard !time.isEmpty, time.count == cause.count else { throw .noData }
        guard time.count >= minimumGroup else { throw .tooSmall(time.count) }
        let causes = sortedCauses(Set(cause.compactMap { $0 }))
        let index = Dictionary(uniqueKeysWithValues: causes.enumerated().map { ($1, $0) })
        // Class of each observation: its cause's index, or censored after the causes.
        let censoredClass = causes.count
        let groups = TiedTimes(time, classes: causes.count + 1) { i in cause[i].map { index[$0]! } ?? censoredClass }

        var times: [Double] = []
        var atRisk: [Int] = []
        var censored: [Int] = []
        var totals: [Int] = []
        var events = Array(repeating: [Int](), count: causes.count)
        var remaining = time.count
        for (t, count) in zip(groups.times, groups.counts) {
            let perCause = count[..<censoredClass]
            let c = count[censoredClass]
            times.append(t)
            atRisk.append(remaining)
            censored.append(c)
            let d = perCause.reduce(0, +)
            totals.append(d)
            for k in causes.indices { events[k].append(perCause[k]) }
            remaining -= d + c
        }

        // S(t−): the all-cause survival just before each time.
        let m = times.count
        var survivalBefore = [Double](repeating: 1, count: m)
        var survival = 1.0
        var anyCause = [Double](repeating: 0, count: m)
        for j in 0..<m {
            survivalBefore[j] = survival
            if totals[j] > 0 { survival *= 1 - Double(totals[j]) / Double(atRisk[j]) }
            anyCause[j] = 1 - survival
        }
        var incidence = Array(repeating: [Double](repeating: 0, count: m), count: causes.count)
        for k in causes.indices {
            var running = 0.0
            for j in 0..<m {
                if events[k][j] > 0 { running += Double(events[k][j]) / Double(atRisk[j]) * survivalBefore[j] }
                incidence[k][j] = running
            }
        }
        let variance = causes.indices.map { aalenVariance(incidence[$0], events[$0], totals, atRisk, survivalBefore) }
        var lower = variance
        var upper = variance
        for k in causes.indices {
            for j in 0..<m { (lower[k][j], upper[k][j]) = logLogInterval(incidence[k][j], variance[k][j]) }
        }
        return CumulativeIncidenceResult(
            causes: causes,
            times: times,
            atRisk: atRisk,
            events: events,
            censored: censored,
            anyCause: anyCause,
            incidence: incidence,
            variance: variance,
            lower: lower,
            upper: upper,
            n: time.count
        )
    }

    /// Aalen's (1978) variance of F_k(t_j), in the form of Pintilie (2006, eq. 4.5):
    /// Σ_{i≤j} (F(t_j) − F(t_i))² d_i / ((n_i − 1)(n_i − d_i))
    /// + Σ_{i≤j} S(t_{i−1})² d_ki (n_i − d_ki) / (n_i² (n_i − 1))
    /// − 2 Σ_{i≤j} (F(t_j) − F(t_i)) S(t_{i−1}) d_ki (n_i − d_ki) / (n_i (n_i − d_i)(n_i − 1)).
    /// Terms whose denominator is zero are dropped. The double sum is computed directly, as
    /// differences, because expanding the square cancels catastrophically when F barely moves.
    static func aalenVariance(_ f: [Double], _ dk: [Int], _ d: [Int], _ n: [Int], _ sBefore: [Double]) -> [Double] {
        let m = f.count
        var a = [Double](repeating: 0, count: m)
        var c = [Double](repeating: 0, count: m)
        var b = [Double](repeating: 0, count: m)
        for i in 0..<m {
            let ni = Double(n[i])
            let di = Double(d[i])
            let dki = Double(dk[i])
            let denA = (ni - 1) * (ni - di)
            a[i] = denA > 0 ? di / denA : 0
            let denB = (ni - 1) * ni * ni
            b[i] = denB > 0 ? (ni - dki) * dki / denB * sBefore[i] * sBefore[i] : 0
            let denC = ni * (ni - di) * (ni - 1)
            c[i] = denC > 0 ? dki * (ni - dki) * sBefore[i] / denC : 0
        }
        var result = [Double](repeating: 0, count: m)
        var cumulativeB = 0.0
        for j in 0..<m {
            cumulativeB += b[j]
            var sumA = 0.0
            var sumC = 0.0
            for i in 0...j {
                let gap = f[j] - f[i]
                sumA += gap * gap * a[i]
                sumC += gap * c[i]
            }
            result[j] = sumA + cumulativeB - 2 * sumC
        }
        return result
    }

    /// exp(log F · exp(∓ z σ / log F)) with σ = √V / F; zero where F is zero, [F, F] where undefined.
    static func logLogInterval(_ f: Double, _ variance: Double) -> (Double, Double) {
        let eps = Double.ulpOfOne
        guard f > eps else { return (0, 0) }
        let logF = log(f)
        let sigma = variance > eps ? variance.squareRoot() / f : 0
        let theta = logF < -eps ? Normal.z975 * sigma / logF : 0
        return (exp(exp(-theta) * logF), exp(exp(theta) * logF))
    }

    /// Numeric causes in numeric order (1, 2, 10), otherwise text order.
    static func sortedCauses(_ causes: Set<String>) -> [String] {
        let numbers = causes.compactMap { Double($0) }
        if numbers.count == causes.count { return causes.sorted { Double($0)! < Double($1)! } }
        return causes.sorted()
    }
}
