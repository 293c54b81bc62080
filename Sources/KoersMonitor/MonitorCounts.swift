import Foundation
import KoersCore

/// The raw counts behind every monitor table, on every reference date of the grid, from one pass
/// over the records; and the protection of the tables built from them.
struct MonitorCounts {
    let locations: [MonitorLocation]
    let grid: QuarterGrid
    let reasons: [String]
    let nationalityGroups: [String]
    /// counts[table][report][row][column]
    private var counts: [TableKind: [[[Int]]]] = [:]
    private var persons: [Int]
    private var durations: [[Int]] = []

    enum TableKind: String, CaseIterable {
        case headline, inflow, outflow, outcomeCategory, outcomeReason, perspective, support, rejections, duration, outcomeByGender, outcomeByNationality
    }

    static let headlineRows: [LocalizedText] = HeadlineRow.allCases.map(\.label)
    static let durationRows: [LocalizedText] = [
        .init(nl: "Korter dan 3 maanden", en: "Under 3 months"), .init(nl: "3 tot 6 maanden", en: "3 to 6 months"),
        .init(nl: "6 tot 12 maanden", en: "6 to 12 months"), .init(nl: "12 tot 24 maanden", en: "12 to 24 months"),
        .init(nl: "24 maanden of langer", en: "24 months or more"),
    ]
    static let genderRows: [Gender] = [.female, .male, .other]

    /// - Parameter parts: how many parts to count at once; by default one per core for large populations.
    init(records: [MonitorRecord], locations: [MonitorLocation], grid: QuarterGrid, parts: Int? = nil) {
        self.locations = locations
        self.grid = grid
        let reports = grid.dates.count
        let known = Set(OutflowReason.nationalDefault.map(\.code))
        let used = Set(records.compactMap(\.outcomeReason))
        reasons = OutflowReason.nationalDefault.map(\.code) + used.subtracting(known).sorted()
        var outflowsByNationality: [String: Int] = [:]
        for r in records where r.outflowOn != nil { outflowsByNationality[r.nationality, default: 0] += 1 }
        nationalityGroups = outflowsByNationality.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(6).map(\.key).sorted() + ["other"]
        let L = locations.count, C = OutcomeCategory.allCases.count
        let shapes: [TableKind: (Int, Int)] = [
            .headline: (Self.headlineRows.count, L), .inflow: (reports - 1, L), .outflow: (reports - 1, L),
            .outcomeCategory: (C, L), .outcomeReason: (reasons.count, L), .perspective: (Perspective.allCases.count + 1, L),
            .support: (SupportInstrument.allCases.count, L), .rejections: (RejectionReason.allCases.count, L),
            .duration: (Self.durationRows.count, L), .outcomeByGender: (Self.genderRows.count, C),
            .outcomeByNationality: (nationalityGroups.count, C),
        ]
        // Every count is a run of consecutive reports (from the first that counts a fact until the
        // one where it stops counting), so each run is recorded at its two ends and the reports are
        // summed once at the end: one pass, a few steps per fact, whatever the number of quarters.
        // Large populations are split over the processor's cores and the tallies added up.
        let context = TallyContext(
            grid: grid, reports: reports, shapes: TableKind.allCases.map { shapes[$0]! },
            column: Dictionary(uniqueKeysWithValues: locations.enumerated().map { ($1.id, $0) }),
            groupIndex: Dictionary(uniqueKeysWithValues: nationalityGroups.enumerated().map { ($1, $0) }),
            reasonIndex: Dictionary(uniqueKeysWithValues: reasons.enumerated().map { ($1, $0) }))
        let parts = max(1, parts ?? (records.count < 100_000 ? 1 : min(ProcessInfo.processInfo.activeProcessorCount, 8)))
        let tallies = (0..<parts).map { _ in TallyBox() }
        DispatchQueue.concurrentPerform(iterations: parts) { i in
            let slice = records[records.count * i / parts..<records.count * (i + 1) / parts]
            tallies[i].tally = Tally(slice, context)
        }
        var total = tallies[0].tally!
        for box in tallies.dropFirst() { total.add(box.tally!) }
        for (i, kind) in TableKind.allCases.enumerated() { counts[kind] = total.runs[i].totals() }
        durations = total.durations
        persons = Array(repeating: 0, count: reports)
        total.firstSeen.forEach { first in
            for m in first..<reports { persons[m] += 1 }
        }
    }

    /// What every part of the pass needs to know.
    struct TallyContext: Sendable {
        let grid: QuarterGrid
        let reports: Int
        let shapes: [(Int, Int)]
        let column: [UUID: Int]
        let groupIndex: [String: Int]
        let reasonIndex: [String: Int]
    }

    /// Holds one part's tally while the parts run at once; each part writes only its own box, and
    /// `concurrentPerform` returns only when every part is done.
    final class TallyBox: @unchecked Sendable {
        var tally: Tally?
    }

    /// The counts of a run of records.
    struct Tally {
        var runs: [Runs]
        var firstSeen: FirstAdmissions
        var durations: [[Int]]

        init(_ records: ArraySlice<MonitorRecord>, _ context: TallyContext) {
            let reports = context.reports, grid = context.grid
            runs = context.shapes.map { Runs(reports: reports, rows: $0.0, columns: $0.1) }
            firstSeen = FirstAdmissions(capacity: records.count)
            durations = Array(repeating: [], count: context.column.count)
            func index(_ kind: TableKind) -> Int { TableKind.allCases.firstIndex(of: kind)! }
            let (headline, inflow, outflow, category, reason) = (index(.headline), index(.inflow), index(.outflow), index(.outcomeCategory), index(.outcomeReason))
            let (perspective, support, rejections, duration) = (index(.perspective), index(.support), index(.rejections), index(.duration))
            let (byGender, byNationality) = (index(.outcomeByGender), index(.outcomeByNationality))
            let last = reports - 1
            let noPerspective = Perspective.allCases.count
            let other = context.groupIndex["other"]!
            let perspectiveIndex = Dictionary(uniqueKeysWithValues: Perspective.allCases.enumerated().map { ($1, $0) })
            let supportIndex = Dictionary(uniqueKeysWithValues: SupportInstrument.allCases.enumerated().map { ($1, $0) })
            let rejectionIndex = Dictionary(uniqueKeysWithValues: RejectionReason.allCases.enumerated().map { ($1, $0) })
            let categoryIndex = Dictionary(uniqueKeysWithValues: OutcomeCategory.allCases.enumerated().map { ($1, $0) })

            for r in records {
                guard let to = context.column[r.locationId] else { continue }
                let from = r.transferredFrom.flatMap { context.column[$0] } ?? to
                let switchAt = r.transferredOn.map(grid.firstReport(counting:)) ?? 0
                /// Counts `row` in reports start..<end at the location of each report (before the transfer, the old one).
                func add(_ table: Int, _ row: Int, from start: Int, until end: Int = reports) {
                    let start = max(start, 1)
                    guard start < end else { return }
                    if start < switchAt { runs[table].add(row, from, start, min(end, switchAt)) }
                    if max(start, switchAt) < end { runs[table].add(row, to, max(start, switchAt), end) }
                }
                add(headline, HeadlineRow.referred.rawValue, from: grid.firstReport(counting: r.referredOn))
                let admitted = r.admission.flatMap { $0 == .reject ? nil : r.admissionOn }.map(grid.firstReport(counting:)) ?? reports
                let left = r.outflowOn.map(grid.firstReport(counting:)) ?? reports
                if admitted < reports {
                    // A person counts once given a trajectory; a referral turned down is no trajectory.
                    firstSeen.keepEarliest(r.personId, admitted)
                    add(inflow, admitted - 1, from: admitted)
                }
                add(headline, HeadlineRow.trajectories.rawValue, from: admitted)
                add(headline, HeadlineRow.active.rawValue, from: admitted, until: left)
                if r.admission == .reject, let on = r.admissionOn {
                    add(rejections, rejectionIndex[r.rejectionReason ?? .other]!, from: grid.firstReport(counting: on))
                }
                if let on = r.hasaSubmittedOn { add(headline, HeadlineRow.hasaSubmitted.rawValue, from: grid.firstReport(counting: on)) }
                if let on = r.hasaDecidedOn {
                    add(headline, HeadlineRow.hasaDecided.rawValue, from: grid.firstReport(counting: on))
                    if r.hasaOutcome == .granted { add(headline, HeadlineRow.hasaGranted.rawValue, from: grid.firstReport(counting: on)) }
                }
                if r.transferredFrom != nil, switchAt < reports { runs[headline].add(HeadlineRow.transfersReceived.rawValue, to, max(switchAt, 1), reports) }
                for milestone in r.milestones {
                    if let met = milestone.met { add(headline, HeadlineRow.milestonesMet.rawValue, from: grid.firstReport(counting: met)) }
                    // Overdue on a reference date while running: due before the day the report describes, and not met by then.
                    let overdueUntil = min(left, milestone.met.map(grid.firstReport(counting:)) ?? reports)
                    add(headline, HeadlineRow.milestonesOverdue.rawValue, from: max(admitted, grid.firstReport(overdue: milestone.due)), until: overdueUntil)
                }
                for day in r.escalatedOn { add(headline, HeadlineRow.escalations.rawValue, from: grid.firstReport(counting: day)) }
                for use in r.support { add(support, supportIndex[use.instrument]!, from: max(grid.firstReport(counting: use.from), admitted)) }
                // Active trajectories by the perspective they had on each reference date: the latest
                // decided before it; of decisions on one day the first recorded, as `MonitorRecord.perspective(on:)` has it.
                if admitted < left {
                    var current = noPerspective, since = admitted
                    var previousDay: Day?
                    let inOrder = zip(r.perspectives, r.perspectives.dropFirst()).allSatisfy { $0.on <= $1.on }
                    let decisions = inOrder ? r.perspectives : r.perspectives.enumerated().sorted { ($0.element.on, $0.offset) < ($1.element.on, $1.offset) }.map(\.element)
                    for decision in decisions where decision.on != previousDay {
                        previousDay = decision.on
                        let report = grid.firstReport(counting: decision.on)
                        guard report < left else { break }
                        if report > since {
                            add(perspective, current, from: since, until: report)
                            since = report
                        }
                        current = perspectiveIndex[decision.perspective]!
                    }
                    add(perspective, current, from: since, until: left)
                }
                if left < reports, let outcome = r.outcome {
                    let c = categoryIndex[outcome]!
                    add(outflow, left - 1, from: left)
                    add(category, c, from: left)
                    add(reason, context.reasonIndex[r.outcomeReason ?? "other"]!, from: left)
                    let days = r.admissionOn.map { $0.days(until: r.outflowOn!) } ?? 0
                    add(duration, MonitorCounts.durationBucket(days), from: left)
                    runs[byGender].add(MonitorCounts.genderRows.firstIndex(of: r.gender) ?? 2, c, max(left, 1), reports)
                    runs[byNationality].add(context.groupIndex[r.nationality] ?? other, c, max(left, 1), reports)
                    if left <= last { durations[to].append(days) }
                }
            }
        }

        /// Adds another part's tally.
        mutating func add(_ other: Tally) {
            for i in runs.indices { runs[i].add(other.runs[i]) }
            for i in durations.indices { durations[i] += other.durations[i] }
            other.firstSeen.forEachEntry { firstSeen.keepEarliest(hi: $0, lo: $1, $2) }
        }
    }

    /// Each person's first report with an admitted trajectory: an open-addressing table on the
    /// person id's two halves, because a general dictionary of a million UUIDs dominated the pass.
    struct FirstAdmissions {
        private var hi: [UInt64]
        private var lo: [UInt64]
        private var first: [Int32]
        private var count = 0
        private let mask: Int

        init(capacity: Int) {
            var size = 16
            while size < capacity * 2 { size <<= 1 }
            hi = Array(repeating: 0, count: size)
            lo = Array(repeating: 0, count: size)
            first = Array(repeating: -1, count: size)
            mask = size - 1
        }

        mutating func keepEarliest(_ id: UUID, _ report: Int) {
            let (h, l) = withUnsafeBytes(of: id.uuid) { ($0.loadUnaligned(fromByteOffset: 0, as: UInt64.self), $0.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) }
            keepEarliest(hi: h, lo: l, report)
        }

        mutating func keepEarliest(hi h: UInt64, lo l: UInt64, _ report: Int) {
            // A table is sized for its own part; merged parts may need more room.
            if (count + 1) * 2 > first.count { grow() }
            var slot = Int(truncatingIfNeeded: ((h ^ (l &* 0x9E37_79B9_7F4A_7C15)) &* 0xBF58_476D_1CE4_E5B9) >> 20) & mask
            while first[slot] >= 0 {
                if hi[slot] == h && lo[slot] == l {
                    first[slot] = min(first[slot], Int32(report))
                    return
                }
                slot = (slot + 1) & mask
            }
            hi[slot] = h
            lo[slot] = l
            first[slot] = Int32(report)
            count += 1
        }

        private mutating func grow() {
            var bigger = FirstAdmissions(capacity: first.count)
            forEachEntry { bigger.keepEarliest(hi: $0, lo: $1, $2) }
            self = bigger
        }

        func forEachEntry(_ body: (UInt64, UInt64, Int) -> Void) {
            for slot in first.indices where first[slot] >= 0 { body(hi[slot], lo[slot], Int(first[slot])) }
        }

        func forEach(_ body: (Int) -> Void) {
            for value in first where value >= 0 { body(Int(value)) }
        }
    }

    /// Runs of reports per cell: +1 where a count starts, −1 where it stops; summed over reports at the end.
    struct Runs {
        let rows: Int
        let columns: Int
        var edges: [Int]

        init(reports: Int, rows: Int, columns: Int) {
            self.rows = rows
            self.columns = columns
            edges = Array(repeating: 0, count: (reports + 1) * rows * columns)
        }

        /// Counts one in cell (row, column) of reports start..<end.
        mutating func add(_ row: Int, _ column: Int, _ start: Int, _ end: Int) {
            guard start < end else { return }
            edges[(start * rows + row) * columns + column] += 1
            edges[(end * rows + row) * columns + column] -= 1
        }

        mutating func add(_ other: Runs) {
            for i in edges.indices { edges[i] += other.edges[i] }
        }

        /// counts[report][row][column].
        func totals() -> [[[Int]]] {
            let size = rows * columns
            let reports = edges.count / max(size, 1) - 1
            var running = Array(repeating: 0, count: size)
            var result: [[[Int]]] = []
            result.reserveCapacity(reports)
            for m in 0..<reports {
                for i in 0..<size { running[i] += edges[m * size + i] }
                result.append((0..<rows).map { Array(running[$0 * columns..<($0 + 1) * columns]) })
            }
            return result
        }
    }

    static func durationBucket(_ days: Int) -> Int {
        switch days {
        case ..<91: 0
        case ..<182: 1
        case ..<365: 2
        case ..<730: 3
        default: 4
        }
    }

    /// Median days admission → outflow per location and national, published only from k trajectories.
    func medianDays(at m: Int, k: Int) -> [Int?] {
        func median(_ values: [Int]) -> Int? {
            guard values.count >= k else { return nil }
            let sorted = values.sorted()
            let n = sorted.count
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
        }
        return durations.map(median) + [median(durations.flatMap { $0 })]
    }

    // MARK: Tables

    private var locationColumns: [LocalizedText] { locations.map { LocalizedText(nl: $0.name, en: $0.name) } }
    private static let national = LocalizedText(nl: "Nationaal", en: "National")
    private static let total = LocalizedText(nl: "Totaal", en: "Total")

    /// The raw tables of report m, before protection.
    func rawTables(at m: Int) -> [CountTable] {
        let quarters = (1...max(m, 1)).map { grid.quarterLabel(endingAt: $0) }
        let categories = OutcomeCategory.allCases.map(\.label)
        let labels = Dictionary(uniqueKeysWithValues: OutflowReason.nationalDefault.map { ($0.code, $0.label) })
        func rows(_ kind: TableKind, prefix: Int? = nil) -> [[Int]] {
            let all = counts[kind]![m]
            return prefix.map { Array(all.prefix($0)) } ?? all
        }
        return [
            CountTable(id: "persons", title: .init(nl: "Unieke personen", en: "Unique persons"), rows: [.init(nl: "Personen met een traject", en: "Persons with a trajectory")],
                       columns: [Self.national], interior: [[persons[m]]], marginColumn: nil, marginRow: nil),
            CountTable(id: "headline", title: .init(nl: "Kerncijfers", en: "Headline figures"), rows: Self.headlineRows, columns: locationColumns,
                       interior: rows(.headline), marginColumn: Self.national, marginRow: nil),
            CountTable(id: "inflow", title: .init(nl: "Instroom (toegelaten) per kwartaal", en: "Inflow (admitted) per quarter"), rows: quarters,
                       columns: locationColumns, interior: rows(.inflow, prefix: m), marginColumn: Self.national, marginRow: .init(nl: "Totaal toegelaten", en: "Total admitted")),
            CountTable(id: "outflow", title: .init(nl: "Uitstroom per kwartaal", en: "Outflow per quarter"), rows: quarters,
                       columns: locationColumns, interior: rows(.outflow, prefix: m), marginColumn: Self.national, marginRow: .init(nl: "Totaal uitgestroomd", en: "Total outflow")),
            CountTable(id: "outcomeCategory", title: .init(nl: "Uitstroom naar soort oplossing", en: "Outflow by kind of solution"), rows: categories,
                       columns: locationColumns, interior: rows(.outcomeCategory), marginColumn: Self.national, marginRow: .init(nl: "Totaal uitgestroomd", en: "Total outflow")),
            CountTable(id: "outcomeReason", title: .init(nl: "Uitstroom naar reden", en: "Outflow by reason"),
                       rows: reasons.map { labels[$0] ?? LocalizedText(nl: $0, en: $0) }, columns: locationColumns, interior: rows(.outcomeReason),
                       marginColumn: Self.national, marginRow: .init(nl: "Totaal uitgestroomd", en: "Total outflow")),
            CountTable(id: "perspective", title: .init(nl: "Actieve trajecten naar perspectief", en: "Active trajectories by perspective"),
                       rows: Perspective.allCases.map(\.label) + [.init(nl: "Nog geen perspectief", en: "No perspective yet")], columns: locationColumns,
                       interior: rows(.perspective), marginColumn: Self.national, marginRow: .init(nl: "Totaal actief", en: "Total active")),
            CountTable(id: "support", title: .init(nl: "Trajecten naar gebruikte ondersteuning", en: "Trajectories by support used"),
                       rows: SupportInstrument.allCases.map(\.label), columns: locationColumns, interior: rows(.support), marginColumn: Self.national, marginRow: nil),
            CountTable(id: "rejections", title: .init(nl: "Niet toegelaten naar reden", en: "Not admitted, by reason"),
                       rows: RejectionReason.allCases.map(\.label), columns: locationColumns, interior: rows(.rejections),
                       marginColumn: Self.national, marginRow: .init(nl: "Totaal niet toegelaten", en: "Total not admitted")),
            CountTable(id: "duration", title: .init(nl: "Duur van uitgestroomde trajecten", en: "Duration of ended trajectories"),
                       rows: Self.durationRows, columns: locationColumns, interior: rows(.duration), marginColumn: Self.national,
                       marginRow: .init(nl: "Totaal uitgestroomd", en: "Total outflow")),
            CountTable(id: "outcomeByGender", title: .init(nl: "Uitstroom naar geslacht en soort oplossing (nationaal)", en: "Outflow by gender and kind of solution (national)"),
                       rows: [Gender.female.label, Gender.male.label, .init(nl: "Anders of onbekend", en: "Other or unknown")], columns: categories,
                       interior: rows(.outcomeByGender), marginColumn: Self.total, marginRow: Self.total),
            CountTable(id: "outcomeByNationality", title: .init(nl: "Uitstroom naar nationaliteit en soort oplossing (nationaal)", en: "Outflow by nationality and kind of solution (national)"),
                       rows: nationalityGroups.map { $0 == "other" ? LocalizedText(nl: "Overig", en: "Other") : LocalizedText(nl: $0, en: $0) }, columns: categories,
                       interior: rows(.outcomeByNationality), marginColumn: Self.total, marginRow: Self.total),
        ]
    }

    /// The cells that publish one quantity in several tables; they must be suppressed together.
    func links(_ tables: [CountTable]) -> [[(table: Int, cell: CountTable.Cell)]] {
        let index = Dictionary(uniqueKeysWithValues: tables.enumerated().map { ($1.id, $0) })
        var groups: [[(table: Int, cell: CountTable.Cell)]] = []
        let L = locations.count
        // Outflow per location and national: the total rows of four tables.
        let outflowTables = ["outflow", "outcomeCategory", "outcomeReason", "duration"].compactMap { index[$0] }
        for c in 0...L { groups.append(outflowTables.map { ($0, CountTable.Cell(tables[$0].rowCount - 1, c)) }) }
        // National outflow by category: one column of the location table, the total row of the cross-tables.
        if let category = index["outcomeCategory"] {
            for (k, _) in OutcomeCategory.allCases.enumerated() {
                var group = [(table: category, cell: CountTable.Cell(k, L))]
                for id in ["outcomeByGender", "outcomeByNationality"] {
                    if let t = index[id] { group.append((t, CountTable.Cell(tables[t].rowCount - 1, k))) }
                }
                groups.append(group)
            }
            for id in ["outcomeByGender", "outcomeByNationality"] {
                if let t = index[id] { groups.append([(category, CountTable.Cell(tables[category].rowCount - 1, L)), (t, CountTable.Cell(tables[t].rowCount - 1, tables[t].columnCount - 1))]) }
            }
        }
        // Active per location: headline row and the perspective table's total row.
        if let headline = index["headline"], let perspective = index["perspective"] {
            for c in 0...L { groups.append([(headline, CountTable.Cell(HeadlineRow.active.rawValue, c)), (perspective, CountTable.Cell(tables[perspective].rowCount - 1, c))]) }
        }
        return groups
    }

    /// Report m's tables, protected against small cells, against each other, and against the earlier reports.
    func tables(at m: Int, previous: [CountTable]?, history: [[CountTable]], k: Int) -> [CountTable] {
        var tables = rawTables(at: m)
        var forced = Array(repeating: Set<CountTable.Cell>(), count: tables.count)
        var prior = Array(repeating: [[CountTable.Cell]](), count: tables.count)
        for (t, table) in tables.enumerated() {
            guard let before = previous?.first(where: { $0.id == table.id }) else { continue }
            if table.id == "inflow" || table.id == "outflow" {
                // Quarter rows are the same quarters as before: once hidden, always hidden; and every
                // earlier report's published totals are sums over the first quarters.
                for cell in before.suppressed where cell.row < before.rowLabels.count { forced[t].insert(cell) }
                for earlier in history {
                    guard let old = earlier.first(where: { $0.id == table.id }) else { continue }
                    let quarters = old.rowLabels.count
                    for c in 0..<old.columnCount where old.value(.init(quarters, c)) != nil {
                        prior[t].append((0..<quarters).map { CountTable.Cell($0, c) })
                    }
                }
            } else if before.rowCount == table.rowCount && before.columnCount == table.columnCount {
                // A cell published in both reports must not move by fewer than k: the difference would be a small count.
                for cell in table.allCells {
                    guard let old = before.value(cell) else { continue }
                    let change = abs(table.count(cell) - old)
                    if change > 0 && change < k { forced[t].insert(cell) }
                }
            }
        }
        let groups = links(tables)
        var changed = true
        while changed {
            changed = false
            for t in tables.indices {
                let before = tables[t].suppressed
                Suppression.protect(&tables[t], k: k, forced: forced[t].union(before), priorSums: prior[t])
                if tables[t].suppressed != before { changed = true }
            }
            for group in groups where group.contains(where: { tables[$0.table].suppressed.contains($0.cell) }) {
                for member in group where !forced[member.table].contains(member.cell) {
                    forced[member.table].insert(member.cell)
                    changed = true
                }
            }
        }
        return tables
    }
}
