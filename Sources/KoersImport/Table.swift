import Foundation
import KoersCore

/// A file's rows as text, as read from CSV or XLSX: the header's column names, and each row's
/// cells in the header's order.
public struct Table: Sendable, Hashable {
    /// One row of data; `number` is its row in the file as a spreadsheet shows it (the header is 1).
    public struct Row: Sendable, Hashable {
        public let number: Int
        public let cells: [String]

        public init(number: Int, cells: [String]) {
            self.number = number
            self.cells = cells
        }
    }

    public let header: [String]
    public let rows: [Row]
    /// Rows that had more non-empty cells than the header has columns; the extra cells are ignored.
    public let rowsWithExtraCells: [Int]

    /// Each folded header name's first column: an import looks a column up for every cell it reads.
    private let columns: [String: Int]

    public init(header: [String], rows: [Row], rowsWithExtraCells: [Int] = []) {
        self.header = header
        self.rows = rows
        self.rowsWithExtraCells = rowsWithExtraCells
        columns = Dictionary(header.enumerated().map { (Self.fold($1), $0) }, uniquingKeysWith: min)
    }

    /// The index of a column, by its header name, ignoring case and surrounding spaces.
    public func column(_ name: String) -> Int? {
        columns[Self.fold(name)]
    }

    static func fold(_ name: String) -> String {
        name.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    /// Builds a table from raw records, the first being the header: trailing empty header cells
    /// dropped, empty rows skipped, short rows padded and extra empty cells dropped.
    static func make(records: [(number: Int, cells: [String])]) throws(TableError) -> Table {
        guard let first = records.first else { throw TableError.empty }
        var header = first.cells.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        while header.last?.isEmpty == true { header.removeLast() }
        guard !header.isEmpty else { throw TableError.noHeader }
        var rows: [Row] = []
        var extra: [Int] = []
        for record in records.dropFirst() {
            let cells = record.cells.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            if cells.allSatisfy(\.isEmpty) { continue }
            if cells.count > header.count, cells[header.count...].contains(where: { !$0.isEmpty }) {
                extra.append(record.number)
            }
            var fitted = Array(cells.prefix(header.count))
            fitted += Array(repeating: "", count: header.count - fitted.count)
            rows.append(Row(number: record.number, cells: fitted))
        }
        return Table(header: header, rows: rows, rowsWithExtraCells: extra)
    }
}

/// Why a file could not be read as a table at all; a person can act on each.
public enum TableError: Error, Sendable, Hashable {
    case empty
    case noHeader
    case notATable
    case unreadableCSV(String)
    case unreadableXLSX(String)
    case tooLarge(limit: Int)

    public var message: LocalizedText {
        switch self {
        case .empty:
            LocalizedText(nl: "Het bestand is leeg.", en: "The file is empty.")
        case .noHeader:
            LocalizedText(
                nl: "De eerste regel moet de kolomnamen bevatten.",
                en: "The first row must hold the column names."
            )
        case .notATable:
            LocalizedText(
                nl: "Dit is geen CSV- of XLSX-bestand.",
                en: "This is neither a CSV nor an XLSX file."
            )
        case .unreadableCSV(let detail):
            LocalizedText(
                nl: "Het CSV-bestand is niet leesbaar: \(detail).",
                en: "The CSV file is unreadable: \(detail)."
            )
        case .unreadableXLSX(let detail):
            LocalizedText(
                nl: "Het XLSX-bestand is niet leesbaar: \(detail).",
                en: "The XLSX file is unreadable: \(detail)."
            )
        case .tooLarge(let limit):
            LocalizedText(nl: "Meer dan \(limit) rijen.", en: "More than \(limit) rows.")
        }
    }
}
