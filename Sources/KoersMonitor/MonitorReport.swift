import Foundation
import KoersCore

/// A location as the monitor names it.
public struct MonitorLocation: Sendable, Hashable {
    public let id: UUID
    public let name: String
    public init(id: UUID, name: String) {
        self.id = id
        self.name = name
    }
}

/// Monitorrapportage: the evaluation's figures on one reference date, per location and national,
/// every table already protected by suppression.
public struct MonitorReport: Sendable {
    public let peildatum: Day
    public let k: Int
    public let locations: [MonitorLocation]
    /// The protected tables, in the order of the evaluation's results chapter.
    public let tables: [CountTable]
    /// Median days from admission to outflow, per location and national (last); nil when fewer than k left.
    public let medianDays: [Int?]
    /// The regression and survival analyses on the same date; nil when not asked for.
    public let analyses: MonitorAnalyses?

    public func table(_ id: String) -> CountTable? { tables.first { $0.id == id } }

    /// Builds the report for `peildatum` (a quarter's first day), counting facts dated before it.
    ///
    /// Every earlier quarter's report is built first, in order: a cell suppressed there stays
    /// suppressed in the quarter tables here, totals published there count as known sums, and a
    /// cell that moved by fewer than k since the previous report is suppressed, so subtracting two
    /// reports recovers nothing that either suppressed.
    /// The first quarter the monitor reports on.
    public static let earliestQuarter = Day(year: 2015, month: 1, day: 1)!

    public static func build(
        records: [MonitorRecord],
        locations: [MonitorLocation],
        peildatum: Day,
        k: Int = 5,
        analyses: Bool = false
    ) -> MonitorReport? {
        let locations = locations.sorted { $0.name < $1.name }
        // The quarters start with the first referral, but not before 2015: a fact dated earlier
        // (an old registration, a typo) counts in the first quarter instead of adding a quarter,
        // and a report per quarter, for every year back to it.
        let first = max(records.map(\.referredOn).min() ?? peildatum.adding(days: -1), Self.earliestQuarter)
        guard let grid = QuarterGrid(first: min(first, peildatum.adding(days: -1)), peildatum: peildatum) else {
            return nil
        }
        // The analyses need none of the tables: they run beside the counting, so a first
        // computation keeps both cores busy.
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: analyses ? 2 : 1) { part in
            guard part == 0 else {
                results.analyses = MonitorAnalyses.build(
                    records: records,
                    locations: locations,
                    peildatum: peildatum,
                    k: k
                )
                return
            }
            let counts = MonitorCounts(records: records, locations: locations, grid: grid)
            var previous: [CountTable]?
            var history: [[CountTable]] = []
            for m in 1...grid.last {
                let tables = counts.tables(at: m, previous: previous, history: history, k: k)
                history.append(tables)
                previous = tables
            }
            results.tables = previous ?? []
            results.medians = counts.medianDays(at: grid.last, k: k)
        }
        return MonitorReport(
            peildatum: peildatum,
            k: k,
            locations: locations,
            tables: results.tables,
            medianDays: results.medians,
            analyses: results.analyses
        )
    }
}

/// What the two halves of a report's computation hand back; each field is written by one of them
/// and read after both have finished.
private final class Results: @unchecked Sendable {
    var tables: [CountTable] = []
    var medians: [Int?] = []
    var analyses: MonitorAnalyses?
}
