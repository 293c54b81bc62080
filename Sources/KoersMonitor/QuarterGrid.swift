import KoersCore

/// The reference dates a monitor report can have: the first day of each quarter. Counting only
/// on these dates keeps reports comparable, and it is what lets suppression take every earlier
/// report into account (a report on any day would publish any one-day difference).
public struct QuarterGrid: Sendable {
    /// Reference dates Q₀ < Q₁ < … < Qₙ; report i counts the facts dated before Qᵢ.
    public let dates: [Day]

    /// The grid from the quarter of `first` up to `peildatum`, which must be a quarter's first day.
    public init?(first: Day, peildatum: Day) {
        guard peildatum.day == 1, [1, 4, 7, 10].contains(peildatum.month) else { return nil }
        var start = Day(year: first.year, month: (first.month - 1) / 3 * 3 + 1, day: 1)!
        if start >= peildatum { start = peildatum.adding(months: -3) }
        var dates = [start]
        while dates.last! < peildatum { dates.append(dates.last!.adding(months: 3)) }
        self.dates = dates
    }

    public var last: Int { dates.count - 1 }

    /// The first report that counts a fact dated `day`: the first reference date after it;
    /// `dates.count` when the fact is after the last one.
    public func firstReport(counting day: Day) -> Int {
        var lo = 0, hi = dates.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if dates[mid] > day { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }

    /// "2022 K2": the quarter that ends the day before report `i`.
    public func quarterLabel(endingAt i: Int) -> LocalizedText {
        let start = dates[i].adding(months: -3)
        let q = (start.month - 1) / 3 + 1
        return LocalizedText(nl: "\(start.year) K\(q)", en: "\(start.year) Q\(q)")
    }

    /// Whether `day` may be a reference date.
    public static func isReferenceDate(_ day: Day) -> Bool { day.day == 1 && [1, 4, 7, 10].contains(day.month) }
}
