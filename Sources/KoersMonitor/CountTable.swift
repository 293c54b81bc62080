import KoersCore

/// A published table of counts: rows × columns, with an optional margin column (each row's sum,
/// e.g. national) and an optional margin row (each column's sum, e.g. the total). Suppressed cells
/// publish nothing; the raw counts never leave the module.
public struct CountTable: Sendable {
    /// A cell of the full grid; `row == rowLabels.count` is the margin row, `column == columnLabels.count` the margin
    /// column.
    public struct Cell: Sendable, Hashable, Comparable {
        public let row: Int
        public let column: Int
        public init(_ row: Int, _ column: Int) {
            self.row = row
            self.column = column
        }
        public static func < (a: Cell, b: Cell) -> Bool { (a.row, a.column) < (b.row, b.column) }
    }

    public let id: String
    public let title: LocalizedText
    public let rowLabels: [LocalizedText]
    public let columnLabels: [LocalizedText]
    public let marginColumnLabel: LocalizedText?
    public let marginRowLabel: LocalizedText?
    /// The full grid, margins included; internal so that only ``value(_:)`` publishes.
    let counts: [[Int]]
    public internal(set) var suppressed: Set<Cell> = []

    /// Builds the table and its margins from the interior counts.
    public init(
        id: String,
        title: LocalizedText,
        rows: [LocalizedText],
        columns: [LocalizedText],
        interior: [[Int]],
        marginColumn: LocalizedText?,
        marginRow: LocalizedText?
    ) {
        precondition(interior.count == rows.count && interior.allSatisfy { $0.count == columns.count })
        self.id = id
        self.title = title
        self.rowLabels = rows
        self.columnLabels = columns
        self.marginColumnLabel = marginColumn
        self.marginRowLabel = marginRow
        var grid = interior
        if marginColumn != nil { grid = grid.map { $0 + [$0.reduce(0, +)] } }
        if marginRow != nil {
            let width = grid.first?.count ?? columns.count + (marginColumn == nil ? 0 : 1)
            grid.append((0..<width).map { c in grid.reduce(0) { $0 + $1[c] } })
        }
        self.counts = grid
    }

    public var rowCount: Int { counts.count }
    public var columnCount: Int { counts.first?.count ?? 0 }

    /// What is published for a cell: nil when suppressed.
    public func value(_ cell: Cell) -> Int? {
        suppressed.contains(cell) ? nil : counts[cell.row][cell.column]
    }

    /// The label of a row of the full grid.
    public func rowLabel(_ row: Int) -> LocalizedText {
        row < rowLabels.count ? rowLabels[row] : marginRowLabel ?? LocalizedText(nl: "Totaal", en: "Total")
    }

    public func columnLabel(_ column: Int) -> LocalizedText {
        column < columnLabels.count
            ? columnLabels[column] : marginColumnLabel ?? LocalizedText(nl: "Totaal", en: "Total")
    }

    /// The additive relations the margins publish: each lists its parts and the margin cell they sum to.
    var constraints: [(parts: [Cell], sum: Cell)] {
        var result: [(parts: [Cell], sum: Cell)] = []
        let interiorRows = rowLabels.count
        let interiorColumns = columnLabels.count
        if marginColumnLabel != nil {
            for r in 0..<rowCount {
                result.append(((0..<interiorColumns).map { Cell(r, $0) }, Cell(r, interiorColumns)))
            }
        }
        if marginRowLabel != nil {
            for c in 0..<columnCount { result.append(((0..<interiorRows).map { Cell($0, c) }, Cell(interiorRows, c))) }
        }
        return result
    }

    var allCells: [Cell] {
        (0..<rowCount).flatMap { r in (0..<columnCount).map { Cell(r, $0) } }
    }

    func count(_ cell: Cell) -> Int { counts[cell.row][cell.column] }
}
