/// A CSV table with a header row (RFC 4180 quoting), for `koers analyse` on a researcher's file.
public struct CSVTable: Sendable {
    public let header: [String]
    public let rows: [[String]]

    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case empty
        case raggedRow(line: Int, expected: Int, found: Int)
        case unknownColumn(String)

        public var description: String {
            switch self {
            case .empty: "the file has no header row"
            case .raggedRow(let line, let expected, let found):
                "line \(line) has \(found) fields, the header \(expected)"
            case .unknownColumn(let name): "no column named ‘\(name)’"
            }
        }
    }

    public init(parsing text: String) throws(Failure) {
        var records: [[String]] = []
        var field = ""
        var record: [String] = []
        var quoted = false
        var iterator = text.makeIterator()
        var pending: Character?
        while let c = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" {
                            field.append("\"")
                        } else {
                            quoted = false
                            pending = next
                        }
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                record.append(field)
                field = ""
            } else if c == "\n" || c == "\r\n" || c == "\r" {
                record.append(field)
                field = ""
                if !(record.count == 1 && record[0].isEmpty) { records.append(record) }
                record = []
            } else {
                field.append(c)
            }
        }
        if !field.isEmpty || !record.isEmpty {
            record.append(field)
            records.append(record)
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
