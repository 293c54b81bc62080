import KoersCore

/// Celonderdrukking: small-cell suppression with complementary suppression.
///
/// Primary: every cell, margins included, counting 1 to k − 1 people. Complementary: while any
/// suppressed cell can be recomputed exactly from what is published — the other cells, the
/// margins, and sums published in earlier reports — suppress the smallest published cell that
/// shares a relation with it. "Recomputed" is decided exactly, by linear algebra over the grid,
/// so the check sees combinations of rows and columns, not only a single line.
public enum Suppression {
    /// Protects `table` in place.
    /// - Parameters:
    ///   - forced: cells that must stay suppressed (suppressed in an earlier report, or shared with another table).
    ///   - priorSums: sets of cells whose sum an earlier report published (a total over fewer quarters).
    public static func protect(
        _ table: inout CountTable,
        k: Int,
        forced: Set<CountTable.Cell> = [],
        priorSums: [[CountTable.Cell]] = []
    ) {
        var hidden = forced
        for cell in table.allCells where (1..<max(k, 1)).contains(table.count(cell)) { hidden.insert(cell) }
        let relations = table.constraints.map { $0.parts + [$0.sum] } + priorSums
        while let exposed = firstDisclosed(hidden, in: table, priorSums: priorSums) {
            let candidates = complements(for: exposed, hidden: hidden, relations: relations, table: table)
            // The cheapest cell whose hiding protects the exposed one; else the cheapest pair of a
            // cell and one related to it (a total known from an earlier report needs two); else the cheapest.
            let check = HidingCheck(exposed: exposed, hidden: hidden, table: table, priorSums: priorSums)
            if let one = candidates.first(where: { check?.protects($0) ?? false }) {
                hidden.insert(one)
                continue
            }
            var pair: [CountTable.Cell]?
            search: for first in candidates.prefix(12) {
                for second in complements(for: first, hidden: hidden.union([first]), relations: relations, table: table)
                    .prefix(12)
                where check?.protects([first, second]) ?? false {
                    pair = [first, second]
                    break search
                }
            }
            guard let choice = pair ?? candidates.first.map({ [$0] }) else { break }
            hidden.formUnion(choice)
        }
        table.suppressed = hidden
    }

    /// A suppressed cell whose value follows from the published ones, if any.
    static func firstDisclosed(
        _ hidden: Set<CountTable.Cell>,
        in table: CountTable,
        priorSums: [[CountTable.Cell]]
    ) -> CountTable.Cell? {
        let (basis, index) = knowledge(hidden, in: table, priorSums: priorSums)
        return hidden.sorted().first { basis.spans(unit: index[$0]!) }
    }

    static func isDisclosed(
        _ cell: CountTable.Cell,
        _ hidden: Set<CountTable.Cell>,
        in table: CountTable,
        priorSums: [[CountTable.Cell]]
    ) -> Bool {
        let (basis, index) = knowledge(hidden, in: table, priorSums: priorSums)
        return basis.spans(unit: index[cell]!)
    }

    /// What an attacker knows about the hidden cells. Published cells are known numbers, so each
    /// relation restricted to the hidden cells is an equation in them; a hidden cell is disclosed
    /// when its unit vector lies in those equations' row space.
    private static func knowledge(
        _ hidden: Set<CountTable.Cell>,
        in table: CountTable,
        priorSums: [[CountTable.Cell]]
    ) -> (RowEchelon, [CountTable.Cell: Int]) {
        let unknowns = hidden.sorted()
        let index = Dictionary(uniqueKeysWithValues: unknowns.enumerated().map { ($1, $0) })
        var equations: [[Double]] = []
        func add(_ terms: [(CountTable.Cell, Double)]) {
            var row = [Double](repeating: 0, count: unknowns.count)
            for (cell, coefficient) in terms { if let i = index[cell] { row[i] += coefficient } }
            if row.contains(where: { $0 != 0 }) { equations.append(row) }
        }
        for relation in table.constraints { add(relation.parts.map { ($0, 1) } + [(relation.sum, -1)]) }
        for sum in priorSums { add(sum.map { ($0, 1) }) }
        return (RowEchelon(equations), index)
    }

    /// Published cells related to `cell`, cheapest first: positive before zero, interior before
    /// margins, small before large; every other published cell after them.
    static func complements(
        for cell: CountTable.Cell,
        hidden: Set<CountTable.Cell>,
        relations: [[CountTable.Cell]],
        table: CountTable
    ) -> [CountTable.Cell] {
        let isMargin = { (c: CountTable.Cell) in c.row >= table.rowLabels.count || c.column >= table.columnLabels.count
        }
        let cost = { (c: CountTable.Cell) in (table.count(c) == 0 ? 1 : 0, isMargin(c) ? 1 : 0, table.count(c), c) }
        let related = Set(relations.filter { $0.contains(cell) }.flatMap { $0 }).subtracting(hidden)
        let rest = Set(table.allCells).subtracting(hidden).subtracting(related)
        return related.sorted { cost($0) < cost($1) } + rest.sorted { cost($0) < cost($1) }
    }
}
/// Gaussian elimination to reduced row-echelon form, to ask whether a vector lies in the row space.
struct RowEchelon {
    /// The rows with a pivot, reduced.
    private(set) var rows: [[Double]] = []
    /// Each row's pivot column.
    private(set) var pivots: [Int] = []
    /// The rows left without a pivot: zero in every column pivoted on.
    private(set) var remainder: [[Double]] = []

    /// Reduces `equations`, choosing pivots only among the first `pivotColumns` columns (all by
    /// default); the other columns follow the row operations, so they record them when they
    /// start as the identity.
    init(_ equations: [[Double]], pivotColumns: Int? = nil) {
        var matrix = equations
        guard let width = matrix.first?.count else { return }
        var top = 0
        for column in 0..<(pivotColumns ?? width) where top < matrix.count {
            guard let best = (top..<matrix.count).max(by: { abs(matrix[$0][column]) < abs(matrix[$1][column]) }),
                abs(matrix[best][column]) > 1e-9
            else { continue }
            matrix.swapAt(top, best)
            let pivot = matrix[top][column]
            for c in column..<width { matrix[top][c] /= pivot }
            for r in 0..<matrix.count where r != top && abs(matrix[r][column]) > 1e-12 {
                let factor = matrix[r][column]
                for c in column..<width { matrix[r][c] -= factor * matrix[top][c] }
            }
            pivots.append(column)
            top += 1
        }
        rows = Array(matrix[..<top])
        remainder = Array(matrix[top...])
    }

    /// Whether `vector` is a combination of the rows; the zero vector always is.
    func contains(_ vector: [Double]) -> Bool {
        var vector = vector
        for (row, pivot) in zip(rows, pivots) where abs(vector[pivot]) > 1e-12 {
            let factor = vector[pivot]
            for c in pivot..<vector.count { vector[c] -= factor * row[c] }
        }
        return vector.allSatisfy { abs($0) < 1e-9 }
    }

    /// Whether the unit vector e_i is a combination of the rows: the value of cell i is determined.
    func spans(unit i: Int) -> Bool {
        guard var vector = rows.first.map({ [Double](repeating: 0, count: $0.count) }) else { return false }
        vector[i] = 1
        for (row, pivot) in zip(rows, pivots) where abs(vector[pivot]) > 1e-12 {
            let factor = vector[pivot]
            for c in pivot..<vector.count { vector[c] -= factor * row[c] }
        }
        return vector.allSatisfy { abs($0) < 1e-9 }
    }
}
