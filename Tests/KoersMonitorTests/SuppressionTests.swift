import Foundation
import KoersCore
import Testing

@testable import KoersMonitor

/// What an attacker can do with published tables: every relation a table publishes (a row summing
/// to its margin, a column to its total) with exactly one hidden cell gives that cell away.
func recoverableByOneLine(_ table: CountTable) -> [CountTable.Cell] {
    table.constraints.compactMap { relation in
        let cells = relation.parts + [relation.sum]
        let hidden = cells.filter { table.value($0) == nil }
        return hidden.count == 1 ? hidden[0] : nil
    }
}

@Suite("Suppression")
struct SuppressionTests {
    let rows = [LocalizedText(nl: "a", en: "a"), LocalizedText(nl: "b", en: "b"), LocalizedText(nl: "c", en: "c")]
    let columns = [LocalizedText(nl: "X", en: "X"), LocalizedText(nl: "Y", en: "Y"), LocalizedText(nl: "Z", en: "Z")]

    @Test func smallCellsAndTheirComplementsAreHidden() {
        // setup: one cell of 2 people; its row and column publish totals
        var table = CountTable(
            id: "t",
            title: .init(nl: "t", en: "t"),
            rows: rows,
            columns: columns,
            interior: [[2, 10, 30], [12, 15, 40], [20, 9, 8]],
            marginColumn: .init(nl: "N", en: "N"),
            marginRow: .init(nl: "T", en: "T")
        )
        // MUT
        Suppression.protect(&table, k: 5)
        // validate: the 2 is hidden, and so is enough around it that no line gives it away
        #expect(table.value(.init(0, 0)) == nil)
        #expect(table.suppressed.count >= 4)
        #expect(recoverableByOneLine(table).isEmpty)
        #expect(Suppression.firstDisclosed(table.suppressed, in: table, priorSums: []) == nil)
        // Large cells far from it stay published.
        #expect(table.value(.init(1, 2)) == 40)
        #expect(table.value(.init(3, 3)) == 146)
    }

    @Test func smallMarginsAreHiddenToo() {
        var table = CountTable(
            id: "t",
            title: .init(nl: "t", en: "t"),
            rows: rows,
            columns: columns,
            interior: [[0, 10, 30], [0, 15, 40], [3, 9, 8]],
            marginColumn: .init(nl: "N", en: "N"),
            marginRow: .init(nl: "T", en: "T")
        )
        Suppression.protect(&table, k: 5)
        #expect(!table.suppressed.contains(.init(1, 1)) || !table.suppressed.contains(.init(1, 2)))
        #expect(table.value(.init(2, 0)) == nil && table.value(.init(3, 0)) == nil)  // 3, and the column total 3
        #expect(recoverableByOneLine(table).isEmpty)
    }

    @Test func kIsConfigurable() {
        var table = CountTable(
            id: "t",
            title: .init(nl: "t", en: "t"),
            rows: rows,
            columns: columns,
            interior: [[7, 10, 30], [12, 15, 40], [20, 9, 8]],
            marginColumn: .init(nl: "N", en: "N"),
            marginRow: nil
        )
        var strict = table
        Suppression.protect(&table, k: 5)
        Suppression.protect(&strict, k: 10)
        #expect(table.suppressed.isEmpty)
        #expect(
            strict.value(.init(0, 0)) == nil && strict.value(.init(2, 1)) == nil && strict.value(.init(2, 2)) == nil
        )
        #expect(recoverableByOneLine(strict).isEmpty)
    }
}

extension SuppressionTests {
    /// The check made once per disclosed cell answers, for every published cell, what reducing
    /// everything again with that cell hidden answers.
    @Test func theIncrementalCheckAgreesWithAFullReduction() {
        var random = SystemRandomNumberGenerator()
        var compared = 0
        for _ in 0..<60 {
            let rowCount = Int.random(in: 2...6, using: &random)
            let columnCount = Int.random(in: 2...5, using: &random)
            let labels = { (n: Int) in (0..<n).map { LocalizedText(nl: "\($0)", en: "\($0)") } }
            let table = CountTable(
                id: "t",
                title: .init(nl: "t", en: "t"),
                rows: labels(rowCount),
                columns: labels(columnCount),
                interior: (0..<rowCount).map { _ in
                    (0..<columnCount).map { _ in Int.random(in: 0...12, using: &random) }
                },
                marginColumn: .init(nl: "N", en: "N"),
                marginRow: .init(nl: "T", en: "T")
            )
            let cells = table.allCells
            let hidden = Set(cells.filter { _ in Int.random(in: 0..<4, using: &random) == 0 })
            let priorSums: [[CountTable.Cell]] =
                Bool.random(using: &random) ? [Array(cells.prefix(Int.random(in: 2...4, using: &random)))] : []
            guard let exposed = Suppression.firstDisclosed(hidden, in: table, priorSums: priorSums) else { continue }
            let check = HidingCheck(exposed: exposed, hidden: hidden, table: table, priorSums: priorSums)
            #expect(check != nil)
            for cell in cells where !hidden.contains(cell) {
                let full = !Suppression.isDisclosed(exposed, hidden.union([cell]), in: table, priorSums: priorSums)
                #expect(check?.protects(cell) == full, "\(cell) in \(table.counts) hiding \(hidden.sorted())")
                compared += 1
                // And for a pair, as the search for two complements asks.
                if let second = cells.first(where: { $0 != cell && !hidden.contains($0) && $0.row == cell.row }) {
                    let both = !Suppression.isDisclosed(
                        exposed,
                        hidden.union([cell, second]),
                        in: table,
                        priorSums: priorSums
                    )
                    #expect(check?.protects([cell, second]) == both)
                }
            }
        }
        #expect(compared > 100)
    }
}
