/// Observations grouped by their distinct times, ascending, with how many at each time fell in
/// each class (a cause, or censored). The estimators count ties together anyway; grouping by
/// hashing first sorts only the distinct times, a few thousand days for a million trajectories.
struct TiedTimes {
    /// The distinct times, ascending.
    let times: [Double]
    /// `counts[j][class]`: observations at `times[j]` in each class.
    let counts: [[Int]]

    /// - Parameter classOf: the class of observation `i`, in `0..<classes`.
    init(_ time: [Double], classes: Int, classOf: (Int) -> Int) {
        var slot: [Double: Int] = [:]
        var distinct: [Double] = []
        var tally: [[Int]] = []
        for i in time.indices {
            let s: Int
            if let known = slot[time[i]] {
                s = known
            } else {
                s = distinct.count
                slot[time[i]] = s
                distinct.append(time[i])
                tally.append(Array(repeating: 0, count: classes))
            }
            tally[s][classOf(i)] += 1
        }
        let order = distinct.indices.sorted { distinct[$0] < distinct[$1] }
        times = order.map { distinct[$0] }
        counts = order.map { tally[$0] }
    }
}
