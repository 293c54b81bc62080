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
        case headline, inflow, outflow, outcomeCategory, outcomeReason, perspective, support, rejections, duration,
            outcomeByGender, outcomeByNationality
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
        // By index: iterating the records would copy each, retaining every array it holds.
        var used = Set<String>()
        var nationalities: [String: Int] = [:]
        for i in records.indices {
            if records[i].outflowOn != nil { nationalities[records[i].nationality, default: 0] += 1 }
            if let reason = records[i].outcomeReason, !known.contains(reason) { used.insert(reason) }
        }
        reasons = OutflowReason.nationalDefault.map(\.code) + used.sorted()
        nationalityGroups = NationalityGroups.top(counts: nationalities) + [NationalityGroups.other]
        let L = locations.count
        let C = OutcomeCategory.allCases.count
        let shapes: [TableKind: (Int, Int)] = [
            .headline: (Self.headlineRows.count, L), .inflow: (reports - 1, L), .outflow: (reports - 1, L),
            .outcomeCategory: (C, L), .outcomeReason: (reasons.count, L),
            .perspective: (Perspective.allCases.count + 1, L),
            .support: (SupportInstrument.allCases.count, L), .rejections: (RejectionReason.allCases.count, L),
            .duration: (Self.durationRows.count, L), .outcomeByGender: (Self.genderRows.count, C),
            .outcomeByNationality: (nationalityGroups.count, C),
        ]
        // Every count is a run of consecutive reports (from the first that counts a fact until the
        // one where it stops counting), so each run is recorded at its two ends and the reports are
        // summed once at the end: one pass, a few steps per fact, whatever the number of quarters.
        // Large populations are split over the processor's cores and the tallies added up.
        let context = TallyContext(
            grid: grid,
            reports: reports,
            shapes: TableKind.allCases.map { shapes[$0]! },
            column: Dictionary(uniqueKeysWithValues: locations.enumerated().map { ($1.id, $0) }),
            groupIndex: Dictionary(uniqueKeysWithValues: nationalityGroups.enumerated().map { ($1, $0) }),
            reasonIndex: Dictionary(uniqueKeysWithValues: reasons.enumerated().map { ($1, $0) })
        )
        let parts = max(
            1,
            parts ?? (records.count < 100_000 ? 1 : min(ProcessInfo.processInfo.activeProcessorCount, 8))
        )
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
        total.firstSeen.forEachFirstReport { first in
            for m in first..<reports { persons[m] += 1 }
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
            CountTable(
                id: "persons",
                title: .init(nl: "Unieke personen", en: "Unique persons"),
                rows: [.init(nl: "Personen met een traject", en: "Persons with a trajectory")],
                columns: [Self.national],
                interior: [[persons[m]]],
                marginColumn: nil,
                marginRow: nil
            ),
            CountTable(
                id: "headline",
                title: .init(nl: "Kerncijfers", en: "Headline figures"),
                rows: Self.headlineRows,
                columns: locationColumns,
                interior: rows(.headline),
                marginColumn: Self.national,
                marginRow: nil
            ),
            CountTable(
                id: "inflow",
                title: .init(nl: "Instroom (toegelaten) per kwartaal", en: "Inflow (admitted) per quarter"),
                rows: quarters,
                columns: locationColumns,
                interior: rows(.inflow, prefix: m),
                marginColumn: Self.national,
                marginRow: .init(nl: "Totaal toegelaten", en: "Total admitted")
            ),
            CountTable(
                id: "outflow",
                title: .init(nl: "Uitstroom per kwartaal", en: "Outflow per quarter"),
                rows: quarters,
                columns: locationColumns,
                interior: rows(.outflow, prefix: m),
                marginColumn: Self.national,
                marginRow: .init(nl: "Totaal uitgestroomd", en: "Total outflow")
            ),
            CountTable(
                id: "outcomeCategory",
                title: .init(nl: "Uitstroom naar soort oplossing", en: "Outflow by kind of solution"),
                rows: categories,
                columns: locationColumns,
                interior: rows(.outcomeCategory),
                marginColumn: Self.national,
                marginRow: .init(nl: "Totaal uitgestroomd", en: "Total outflow")
            ),
            CountTable(
                id: "outcomeReason",
                title: .init(nl: "Uitstroom naar reden", en: "Outflow by reason"),
                rows: reasons.map { labels[$0] ?? LocalizedText(nl: $0, en: $0) },
                columns: locationColumns,
                interior: rows(.outcomeReason),
                marginColumn: Self.national,
                marginRow: .init(nl: "Totaal uitgestroomd", en: "Total outflow")
            ),
            CountTable(
                id: "perspective",
                title: .init(nl: "Actieve trajecten naar perspectief", en: "Active trajectories by perspective"),
                rows: Perspective.allCases.map(\.label) + [.init(nl: "Nog geen perspectief", en: "No perspective yet")],
                columns: locationColumns,
                interior: rows(.perspective),
                marginColumn: Self.national,
                marginRow: .init(nl: "Totaal actief", en: "Total active")
            ),
            CountTable(
                id: "support",
                title: .init(nl: "Trajecten naar gebruikte ondersteuning", en: "Trajectories by support used"),
                rows: SupportInstrument.allCases.map(\.label),
                columns: locationColumns,
                interior: rows(.support),
                marginColumn: Self.national,
                marginRow: nil
            ),
            CountTable(
                id: "rejections",
                title: .init(nl: "Niet toegelaten naar reden", en: "Not admitted, by reason"),
                rows: RejectionReason.allCases.map(\.label),
                columns: locationColumns,
                interior: rows(.rejections),
                marginColumn: Self.national,
                marginRow: .init(nl: "Totaal niet toegelaten", en: "Total not admitted")
            ),
            CountTable(
                id: "duration",
                title: .init(nl: "Duur van uitgestroomde trajecten", en: "Duration of ended trajectories"),
                rows: Self.durationRows,
                columns: locationColumns,
                interior: rows(.duration),
                marginColumn: Self.national,
                marginRow: .init(nl: "Totaal uitgestroomd", en: "Total outflow")
            ),
            CountTable(
                id: "outcomeByGender",
                title: .init(
                    nl: "Uitstroom naar geslacht en soort oplossing (nationaal)",
                    en: "Outflow by gender and kind of solution (national)"
                ),
                rows: [
                    Gender.female.label, Gender.male.label, .init(nl: "Anders of onbekend", en: "Other or unknown"),
                ],
                columns: categories,
                interior: rows(.outcomeByGender),
                marginColumn: Self.total,
                marginRow: Self.total
            ),
            CountTable(
                id: "outcomeByNationality",
                title: .init(
                    nl: "Uitstroom naar nationaliteit en soort oplossing (nationaal)",
                    en: "Outflow by nationality and kind of solution (national)"
                ),
                rows: nationalityGroups.map {
                    $0 == "other" ? LocalizedText(nl: "Overig", en: "Other") : LocalizedText(nl: $0, en: $0)
                },
                columns: categories,
                interior: rows(.outcomeByNationality),
                marginColumn: Self.total,
                marginRow: Self.total
            ),
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
                if let t = index[id] {
                    groups.append([
                        (category, CountTable.Cell(tables[category].rowCount - 1, L)),
                        (t, CountTable.Cell(tables[t].rowCount - 1, tables[t].columnCount - 1)),
                    ])
                }
            }
        }
        // Active per location: headline row and the perspective table's total row.
        if let headline = index["headline"], let perspective = index["perspective"] {
            for c in 0...L {
                groups.append([
                    (headline, CountTable.Cell(HeadlineRow.active.rawValue, c)),
                    (perspective, CountTable.Cell(tables[perspective].rowCount - 1, c)),
                ])
            }
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
                // A cell published in both reports must not move by fewer than k: the difference would be a small
                // count.
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
