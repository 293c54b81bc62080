import CSV

/// A CSV table with a header row (RFC 4180 quoting), for `koers analyse` on a researcher's file.
public struct CSVTable: Sendable {
    public let header: [String]
    public let rows: [[String]]

    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case empty
        case raggedRow(line: Int, expected: Int, found: Int)
        case unknownColumn(String)
        case unreadable(String)

        public var description: String {
            switch self {
            case .empty: "the file has no header row"
            case .raggedRow(let line, let expected, let found):
                "line \(line) has \(found) fields, the header \(expected)"
            case .unknownColumn(let name): "no column named ‘\(name)’"
            case .unreadable(let detail): "the file is no readable CSV: \(detail)"
            }
        }
    }

    /// Reads the text with CSV.swift; a blank line is no record.
    public init(parsing text: String) throws(Failure) {
        var records: [[String]] = []
        if !text.isEmpty {
            let reader: CSVReader
            do {
                reader = try CSVReader(string: text, hasHeaderRow: false)
            } catch {
                throw .unreadable(String(describing: error))
            }
            while let record = reader.next() {
                if record.count == 1 && record[0].isEmpty { continue }
                records.append(record)
            }
            if let error = reader.error { throw .unreadable(String(describing: error)) }
        }
        guard let header = records.first else { throw .empty }
        for (i, row) in records.enumerated().dropFirst() where row.count != header.count {
            throw .raggedRow(line: i + 1, expected: header.count, found: row.count)
        }
        self.header = header
        self.rows = Array(records.dropFirst())
    }

    public func column(_ name: String) throws(Failure) -> [String] {
        guard let index = header.firstIndex(of: name) else { throw .unknownColumn(name) }
        return rows.map { $0[index] }
    }
}
