import KoersCore

/// The reference dates a monitor report can have: the first day of each quarter. Counting only
/// on these dates keeps reports comparable, and it is what lets suppression take every earlier
/// report into account (a report on any day would publish any one-day difference).
public struct QuarterGrid: Sendable {
    /// Reference dates Q₀ < Q₁ < … < Qₙ; report i counts the facts dated before Qᵢ.
    public let dates: [Day]
    /// The dates as sortable integers, and the days before them, for the one-pass counting.
    private let keys: [Int]
    private let dayBeforeKeys: [Int]

    /// The grid from the quarter of `first` up to `peildatum`, which must be a quarter's first day.
    public init?(first: Day, peildatum: Day) {
        guard peildatum.day == 1, [1, 4, 7, 10].contains(peildatum.month) else { return nil }
        var start = Day(year: first.year, month: (first.month - 1) / 3 * 3 + 1, day: 1)!
        if start >= peildatum { start = peildatum.adding(months: -3) }
        var dates = [start]
        while dates.last! < peildatum { dates.append(dates.last!.adding(months: 3)) }
        self.dates = dates
        keys = dates.map(Self.key)
        dayBeforeKeys = dates.map { Self.key($0.adding(days: -1)) }
    }

    private static func key(_ day: Day) -> Int { day.year << 9 | day.month << 5 | day.day }

    /// The first index whose key is greater than `key`.
    private static func firstAbove(_ keys: [Int], _ key: Int) -> Int {
        var lo = 0
        var hi = keys.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if keys[mid] > key { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }

    /// The first report on which a milestone due on `due` and not met counts as overdue: the
    /// first whose day before (the day the report describes) is after the due day.
    public func firstReport(overdue due: Day) -> Int { Self.firstAbove(dayBeforeKeys, Self.key(due)) }

    public var last: Int { dates.count - 1 }

    /// The first report that counts a fact dated `day`: the first reference date after it;
    /// `dates.count` when the fact is after the last one.
    public func firstReport(counting day: Day) -> Int { Self.firstAbove(keys, Self.key(day)) }

    /// "2022 K2": the quarter that ends the day before report `i`.
    public func quarterLabel(endingAt i: Int) -> LocalizedText {
        let start = dates[i].adding(months: -3)
        let q = (start.month - 1) / 3 + 1
        return LocalizedText(nl: "\(start.year) K\(q)", en: "\(start.year) Q\(q)")
    }

    /// Whether `day` may be a reference date.
    public static func isReferenceDate(_ day: Day) -> Bool { day.day == 1 && [1, 4, 7, 10].contains(day.month) }
}
