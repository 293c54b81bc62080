/// Whether hiding one more cell would protect a disclosed one, asked of every candidate after a
/// single reduction of what is known.
///
/// With the hidden cells H and the relations restricted to them as the matrix A (one row per
/// relation, zero rows included), a disclosed cell e has a unit row in A's reduced form. Hiding a
/// published cell c adds c's coefficients b as a column. If b is no combination of A's columns, the
/// relations now pin c itself and e stays disclosed. If A·w = b, the new null-space direction is
/// (w, −1), and e is protected exactly when w's entry for e is not zero. Both are read from the
/// row operations E that reduced A: b is a combination when every row of E whose reduced row is
/// zero is orthogonal to b, and w's entry for e is E's row for e's pivot times b.
///
/// It answers what ``Suppression/isDisclosed(_:_:in:priorSums:)`` answers for hidden ∪ {c}, at the
/// cost of a sparse dot product per candidate instead of a reduction.
struct HidingCheck {
    /// Each cell's relations, as (relation, coefficient).
    private let relationsOf: [CountTable.Cell: [(Int, Double)]]
    /// Rows of E whose reduced row is zero: the combinations of relations in which no hidden cell is left.
    private let consistency: [[Double]]
    /// E's row for the disclosed cell's pivot.
    private let exposedRow: [Double]

    /// Nil when `exposed` is not disclosed: no cell need be added for it.
    init?(
        exposed: CountTable.Cell,
        hidden: Set<CountTable.Cell>,
        table: CountTable,
        priorSums: [[CountTable.Cell]]
    ) {
        var relations: [[(CountTable.Cell, Double)]] = table.constraints.map {
            $0.parts.map { ($0, 1.0) } + [($0.sum, -1.0)]
        }
        relations += priorSums.map { $0.map { ($0, 1.0) } }
        var relationsOf: [CountTable.Cell: [(Int, Double)]] = [:]
        for (r, relation) in relations.enumerated() {
            for (cell, coefficient) in relation { relationsOf[cell, default: []].append((r, coefficient)) }
        }
        self.relationsOf = relationsOf
        let unknowns = hidden.sorted()
        guard let target = unknowns.firstIndex(of: exposed) else { return nil }
        let index = Dictionary(uniqueKeysWithValues: unknowns.enumerated().map { ($1, $0) })
        let n = unknowns.count
        let m = relations.count
        // Each row: the relation over the hidden cells, then the identity that records the row operations.
        var matrix = [[Double]](repeating: [Double](repeating: 0, count: n + m), count: m)
        for (r, relation) in relations.enumerated() {
            for (cell, coefficient) in relation { if let i = index[cell] { matrix[r][i] += coefficient } }
            matrix[r][n + r] = 1
        }
        let reduced = RowEchelon(matrix, pivotColumns: n)
        // Disclosed: e's pivot row is the unit row.
        guard let row = reduced.pivots.firstIndex(of: target),
            (0..<n).allSatisfy({ $0 == target || abs(reduced.rows[row][$0]) < 1e-9 })
        else { return nil }
        exposedRow = Array(reduced.rows[row][n...])
        consistency = reduced.remainder.map { Array($0[n...]) }
    }

    /// Whether hiding `cell` as well leaves the disclosed cell's value open.
    func protects(_ cell: CountTable.Cell) -> Bool { protects([cell]) }

    /// Whether hiding `cells` as well leaves the disclosed cell's value open. With their columns
    /// B, a new null-space direction is (w, −t) with A·w = B·t: B·t must lie in A's columns (Z·B·t = 0
    /// for the consistency rows Z) and moves e by p·B·t for e's row p of E. So e is open exactly when
    /// some t with Z·B·t = 0 has p·B·t ≠ 0: when p·B is not in the row space of Z·B.
    func protects(_ cells: [CountTable.Cell]) -> Bool {
        let columns = cells.map { relationsOf[$0] ?? [] }
        func dot(_ row: [Double], _ b: [(Int, Double)]) -> Double { b.reduce(0) { $0 + row[$1.0] * $1.1 } }
        let target = columns.map { dot(exposedRow, $0) }
        let rows = consistency.map { z in columns.map { dot(z, $0) } }.filter { $0.contains { abs($0) > 1e-9 } }
        return !RowEchelon(rows).contains(target)
    }
}
