import Foundation

/// The little dense linear algebra the statistics need: symmetric positive-definite solves and
/// inverses by Cholesky factorisation. Row-major, small (tens of columns).
enum SymmetricMatrix {
    /// The lower-triangular Cholesky factor of `a` (n×n), or nil when `a` is not positive definite.
    static func cholesky(_ a: [[Double]]) -> [[Double]]? {
        let n = a.count
        var l = Array(repeating: Array(repeating: 0.0, count: n), count: n)
        for i in 0..<n {
            for j in 0...i {
                var sum = a[i][j]
                for k in 0..<j { sum -= l[i][k] * l[j][k] }
                if i == j {
                    guard sum > 0, sum.isFinite else { return nil }
                    l[i][i] = sum.squareRoot()
                } else {
                    l[i][j] = sum / l[j][j]
                }
            }
        }
        return l
    }

    /// Solves `a x = b` given the Cholesky factor of `a`.
    static func solve(cholesky l: [[Double]], _ b: [Double]) -> [Double] {
        let n = l.count
        var y = b
        for i in 0..<n {
            for k in 0..<i { y[i] -= l[i][k] * y[k] }
            y[i] /= l[i][i]
        }
        var x = y
        for i in stride(from: n - 1, through: 0, by: -1) {
            for k in (i + 1)..<n { x[i] -= l[k][i] * x[k] }
            x[i] /= l[i][i]
        }
        return x
    }

    /// The inverse of `a` from its Cholesky factor.
    static func inverse(cholesky l: [[Double]]) -> [[Double]] {
        let n = l.count
        var inv = Array(repeating: Array(repeating: 0.0, count: n), count: n)
        for j in 0..<n {
            var e = Array(repeating: 0.0, count: n)
            e[j] = 1
            let column = solve(cholesky: l, e)
            for i in 0..<n { inv[i][j] = column[i] }
        }
        return inv
    }
}

/// The standard normal distribution, for Wald tests and intervals.
public enum Normal {
    /// Two-sided tail probability P(|Z| > |z|), accurate in the tails (via erfc).
    public static func twoSidedP(_ z: Double) -> Double { erfc(abs(z) / 2.0.squareRoot()) }

    /// The 97.5% quantile, as scipy gives it, for 95% intervals.
    public static let z975 = 1.959963984540054
}
