import Foundation
import KoersCore
import Testing

@testable import KoersMonitor

/// A small network: two big locations and one small one.
let monitorLocations = [
    MonitorLocation(id: UUID(uuidString: "00000000-0000-0000-0000-00000000000A")!, name: "Amsterdam"),
    MonitorLocation(id: UUID(uuidString: "00000000-0000-0000-0000-00000000000B")!, name: "Breda"),
    MonitorLocation(id: UUID(uuidString: "00000000-0000-0000-0000-00000000000C")!, name: "Culemborg"),
]

func day(_ text: String) -> Day { Day(text)! }

/// A deterministic population: `perLocation` trajectories per location, admitted over 2021, half left.
func population(perLocation: [Int], seed: UInt64 = 7) -> [MonitorRecord] {
    var state = seed
    func next(_ n: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(n))
    }
    var records: [MonitorRecord] = []
    for (l, count) in perLocation.enumerated() {
        for _ in 0..<count {
            let referred = day("2021-01-04").adding(days: next(330))
            var r = MonitorRecord(
                trajectoryId: UUID(),
                personId: UUID(),
                locationId: monitorLocations[l].id,
                gender: [.female, .male, .male][next(3)],
                birthYear: 1980 + next(20),
                nationality: ["ERI", "AFG", "MAR", "NGA"][next(4)],
                referredOn: referred
            )
            if next(10) == 0 {
                r.admission = .reject
                r.admissionOn = referred.adding(days: 10)
                r.rejectionReason = .noRegionalTies
            } else {
                r.admission = .admit
                r.admissionOn = referred.adding(days: 14)
                r.perspectives = [
                    .init(on: referred.adding(days: 40), perspective: [.returnToOrigin, .legalisation][next(2)])
                ]
                if next(2) == 0 {
                    r.outflowOn = referred.adding(days: 60 + next(300))
                    r.outcome = OutcomeCategory.allCases[next(3)]
                    r.outcomeReason =
                        ["independentDeparture", "hasaSubmitted", "leftUnknown"][
                            OutcomeCategory.allCases.firstIndex(of: r.outcome!)!
                        ]
                }
            }
            records.append(r)
        }
    }
    return records
}

@Suite("Monitor report")
struct MonitorReportTests {
    @Test("A fact dated long ago counts in the first quarter, 2015, instead of adding a report per quarter back to it")
    func ancientFactsDoNotStretchTheQuarters() throws {
        var records = population(perLocation: [20, 20, 5])
        records[0].referredOn = day("1919-09-18")
        let started = ContinuousClock.now
        let report = try #require(
            MonitorReport.build(records: records, locations: monitorLocations, peildatum: day("2022-07-01"), k: 1)
        )
        #expect(ContinuousClock.now - started < .seconds(30))
        let inflow = try #require(report.table("inflow"))
        // Quarters 2015 Q1 to 2022 Q2, whichever way the table lays them out.
        #expect(max(inflow.rowCount, inflow.columnCount) >= 30 && max(inflow.rowCount, inflow.columnCount) <= 34)
        let headline = try #require(report.table("headline"))
        #expect(headline.value(.init(0, 3)) == 45)  // the old referral still counts
    }

    @Test func countsTheFactsDatedBeforeTheReferenceDate() throws {
        // setup: three trajectories, one of them after the reference date
        let a = monitorLocations[0].id
        var left = MonitorRecord(
            trajectoryId: UUID(),
            personId: UUID(),
            locationId: a,
            gender: .female,
            birthYear: 1990,
            nationality: "ERI",
            referredOn: day("2022-01-10"),
            admissionOn: day("2022-01-20"),
            admission: .admit,
            perspectives: [.init(on: day("2022-02-01"), perspective: .legalisation)],
            hasaSubmittedOn: day("2022-02-10"),
            hasaDecidedOn: day("2022-05-01"),
            hasaOutcome: .granted,
            outflowOn: day("2022-06-30"),
            outcome: .durable,
            outcomeReason: "permitGranted"
        )
        left.milestones = [.init(due: day("2022-03-01"), met: day("2022-02-01"))]
        let active = MonitorRecord(
            trajectoryId: UUID(),
            personId: left.personId,
            locationId: a,
            gender: .female,
            birthYear: 1990,
            nationality: "ERI",
            referredOn: day("2022-03-10"),
            admissionOn: day("2022-03-20"),
            admission: .admit,
            milestones: [.init(due: day("2022-05-01"), met: nil)]
        )
        let later = MonitorRecord(
            trajectoryId: UUID(),
            personId: UUID(),
            locationId: a,
            gender: .male,
            birthYear: 1985,
            nationality: "AFG",
            referredOn: day("2022-07-01")
        )
        // MUT
        let report = try #require(
            MonitorReport.build(
                records: [left, active, later],
                locations: monitorLocations,
                peildatum: day("2022-07-01"),
                k: 1
            )
        )
        // validate
        let headline = try #require(report.table("headline"))
        let national = 3
        #expect(headline.value(.init(0, national)) == 2)  // referred before 1 July
        #expect(headline.value(.init(1, national)) == 2)  // admitted
        #expect(headline.value(.init(2, national)) == 1)  // active
        // HASA submitted, granted
        #expect(headline.value(.init(3, national)) == 1 && headline.value(.init(5, national)) == 1)
        // one met, one overdue
        #expect(headline.value(.init(8, national)) == 1 && headline.value(.init(9, national)) == 1)
        #expect(report.table("persons")?.value(.init(0, 0)) == 1)  // one person, two trajectories
        let inflow = try #require(report.table("inflow"))
        #expect(inflow.rowLabels.map(\.nl) == ["2022 K1", "2022 K2"])
        #expect(inflow.value(.init(0, 0)) == 2 && inflow.value(.init(2, national)) == 2)
        #expect(report.table("outflow")?.value(.init(1, 0)) == 1)
        #expect(report.table("outcomeCategory")?.value(.init(0, 0)) == 1)
        #expect(report.table("perspective")?.value(.init(4, 0)) == 1)  // the active one has no perspective yet
        #expect(MonitorReport.build(records: [left], locations: monitorLocations, peildatum: day("2022-07-02")) == nil)
    }

    @Test func transfersCountAtTheLocationOfTheDay() throws {
        let (a, b) = (monitorLocations[0].id, monitorLocations[1].id)
        let moved = MonitorRecord(
            trajectoryId: UUID(),
            personId: UUID(),
            locationId: b,
            transferredFrom: a,
            transferredOn: day("2022-05-01"),
            gender: .male,
            birthYear: 1980,
            nationality: "MAR",
            referredOn: day("2022-01-10"),
            admissionOn: day("2022-01-20"),
            admission: .admit
        )
        let april = try #require(
            MonitorReport.build(records: [moved], locations: monitorLocations, peildatum: day("2022-04-01"), k: 1)
        )
        let july = try #require(
            MonitorReport.build(records: [moved], locations: monitorLocations, peildatum: day("2022-07-01"), k: 1)
        )
        #expect(april.table("headline")?.value(.init(2, 0)) == 1 && april.table("headline")?.value(.init(2, 1)) == 0)
        #expect(july.table("headline")?.value(.init(2, 1)) == 1 && july.table("headline")?.value(.init(6, 1)) == 1)
    }

    /// Counting in parts at once (as for large populations) gives the same counts as one pass.
    @Test func countingInPartsAddsUpToOnePass() throws {
        var records = population(perLocation: [300, 200, 12])
        // The same person in two parts: counted once, from the earlier admission.
        records[records.count - 1].personId = records[0].personId
        records[5].transferredFrom = monitorLocations[2].id
        records[5].transferredOn = day("2021-08-01")
        let grid = try #require(QuarterGrid(first: day("2021-01-04"), peildatum: day("2022-04-01")))
        let one = MonitorCounts(records: records, locations: monitorLocations, grid: grid, parts: 1)
        let three = MonitorCounts(records: records, locations: monitorLocations, grid: grid, parts: 3)
        for m in 1...grid.last {
            let (a, b) = (one.rawTables(at: m), three.rawTables(at: m))
            for (x, y) in zip(a, b) {
                #expect(x.allCells.map { x.count($0) } == y.allCells.map { y.count($0) }, "\(x.id) at \(m)")
            }
        }
        #expect(one.medianDays(at: grid.last, k: 5) == three.medianDays(at: grid.last, k: 5))
    }

    @Test func noPublishedCellBelowK() throws {
        let records = population(perLocation: [300, 200, 12])
        let report = try #require(
            MonitorReport.build(records: records, locations: monitorLocations, peildatum: day("2022-04-01"))
        )
        for table in report.tables {
            for cell in table.allCells {
                if let v = table.value(cell) { #expect(v == 0 || v >= 5, "\(table.id) \(cell)") }
            }
            #expect(recoverableByOneLine(table).isEmpty, "\(table.id)")
            #expect(Suppression.firstDisclosed(table.suppressed, in: table, priorSums: []) == nil, "\(table.id)")
        }
        // Tables that publish the same quantity agree on hiding it.
        let outflowTotals = ["outflow", "outcomeCategory", "outcomeReason", "duration"].map { id in
            let t = report.table(id)!
            return (0..<t.columnCount).map { t.value(.init(t.rowCount - 1, $0)) }
        }
        #expect(Set(outflowTotals.map { $0.map { $0 == nil } }).count == 1)
        #expect(outflowTotals[0].last! != nil)
    }

    @Test func differencingTwoReportsRecoversNoSuppressedCell() throws {
        // setup: the small location has flows of a few people per quarter
        let records = population(perLocation: [300, 200, 14], seed: 42)
        let dates = ["2021-04-01", "2021-07-01", "2021-10-01", "2022-01-01", "2022-04-01"].map(day)
        let reports = try dates.map {
            try #require(MonitorReport.build(records: records, locations: monitorLocations, peildatum: $0))
        }
        var compared = 0
        for (earlier, later) in zip(reports, reports.dropFirst()) {
            for table in later.tables {
                guard let old = earlier.table(table.id) else { continue }
                if table.id == "inflow" || table.id == "outflow" {
                    // The attack: a quarter hidden before must not be published now, and the earlier
                    // report's totals (sums over its quarters) must not single out a hidden quarter.
                    for cell in old.suppressed where cell.row < old.rowLabels.count {
                        #expect(table.value(cell) == nil, "\(table.id) \(cell) released")
                    }
                    for c in 0..<old.columnCount {
                        guard old.value(.init(old.rowLabels.count, c)) != nil else { continue }
                        let hidden = (0..<old.rowLabels.count).filter { table.value(.init($0, c)) == nil }
                        #expect(
                            hidden.count != 1,
                            "\(table.id) column \(c): earlier total minus published quarters recovers a cell"
                        )
                    }
                    continue
                }
                guard old.rowCount == table.rowCount else { continue }
                for cell in table.allCells {
                    guard let now = table.value(cell), let then = old.value(cell) else { continue }
                    compared += 1
                    let difference = abs(now - then)
                    #expect(difference == 0 || difference >= 5, "\(table.id) \(cell): \(then) → \(now)")
                }
            }
        }
        #expect(compared > 100)
        // The small location's cells were below k somewhere, so there was something to protect.
        #expect(reports.contains { $0.table("outcomeCategory")!.suppressed.contains { $0.column == 2 } })
    }
}
