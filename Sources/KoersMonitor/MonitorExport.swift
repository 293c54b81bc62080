import Foundation
import KoersCore

/// The report as data: what the CSV, JSON and XLSX downloads hold. Suppressed cells are nil
/// here, "x" in CSV and XLSX, null in JSON — never a number.
public struct PublishedTable: Sendable, Codable {
    public let id: String
    public let title: String
    public let rows: [String]
    public let columns: [String]
    public let cells: [[Int?]]

    public init(_ table: CountTable, language: Language) {
        id = table.id
        title = table.title.text(language)
        rows = (0..<table.rowCount).map { table.rowLabel($0).text(language) }
        columns = (0..<table.columnCount).map { table.columnLabel($0).text(language) }
        cells = (0..<table.rowCount).map { r in (0..<table.columnCount).map { table.value(.init(r, $0)) } }
    }
}

/// The whole report as published.
public struct PublishedReport: Sendable, Codable {
    public let peildatum: String
    public let k: Int
    public let locations: [String]
    public let medianDaysToOutflow: [String: Int?]
    public let tables: [PublishedTable]

    public init(_ report: MonitorReport, language: Language = .nl) {
        peildatum = report.peildatum.description
        k = report.k
        locations = report.locations.map(\.name)
        let names = report.locations.map(\.name) + [language == .en ? "National" : "Nationaal"]
        medianDaysToOutflow = Dictionary(uniqueKeysWithValues: zip(names, report.medianDays))
        tables = report.tables.map { PublishedTable($0, language: language) }
    }

    /// Long-format CSV: one line per cell, `x` for a suppressed one.
    public func csv() -> String {
        var lines = ["peildatum,table,title,row,column,value"]
        for table in tables {
            for (r, row) in table.rows.enumerated() {
                for (c, column) in table.columns.enumerated() {
                    lines.append(
                        [peildatum, table.id, table.title, row, column, table.cells[r][c].map(String.init) ?? "x"].map(
                            Self.field
                        ).joined(separator: ",")
                    )
                }
            }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// JSON with sorted keys.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// A workbook with one sheet per table.
    public func xlsx() throws -> [UInt8] {
        try XLSXWriter.workbook(
            tables.map { table in
                (
                    name: table.id,
                    rows: [[.text(table.title)], [.text("")] + table.columns.map { .text($0) }]
                        + table.rows.enumerated().map { r, label in
                            [.text(label)] + table.cells[r].map { $0.map { .number($0) } ?? .text("x") }
                        }
                )
            }
        )
    }

    static func field(_ text: String) -> String {
        text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" })
            ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
}
