import CSV
import Foundation

/// Reads CSV with CSV.swift: comma, semicolon or tab, as the header line shows; quoted fields may
/// hold separators and newlines.
enum CSVTableReader {
    static func read(_ text: String) throws(TableError) -> Table {
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r" }
        let delimiter = delimiter(of: String(firstLine))
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: false, trimFields: false, delimiter: delimiter)
        } catch {
            throw TableError.unreadableCSV(String(describing: error))
        }
        var records: [(number: Int, cells: [String])] = []
        var number = 0
        while let cells = reader.next() {
            number += 1
            guard number <= TableReader.maxRows + 1 else { throw TableError.tooLarge(limit: TableReader.maxRows) }
            records.append((number, cells))
        }
        if let error = reader.error { throw TableError.unreadableCSV(String(describing: error)) }
        return try Table.make(records: records)
    }

    /// The separator the header uses most of: semicolon (as Dutch Excel saves), tab or comma.
    static func delimiter(of header: String) -> UnicodeScalar {
        let counts: [(UnicodeScalar, Int)] = [";", "\t", ","].map { d in
            (d, header.unicodeScalars.filter { $0 == d }.count)
        }
        return counts.max { $0.1 < $1.1 }.flatMap { $0.1 > 0 ? $0.0 : nil } ?? ","
    }
}
