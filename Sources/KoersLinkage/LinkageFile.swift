import CSV
import Foundation

/// A deduplication input file: `id,given_name,surname,birth_date,gender,nationality,v_number`,
/// any of them empty, and any further columns matched as extra text fields.
public struct LinkageFile: Sendable {
    /// The fixed columns, in the order `koers linkage dedup` documents them.
    public static let columns = ["id", "given_name", "surname", "birth_date", "gender", "nationality", "v_number"]

    public let ids: [String]
    public let identities: [LinkageIdentity]
    /// The names of the extra columns, in file order.
    public let extraColumns: [String]

    public enum Failure: Error, CustomStringConvertible {
        case missingColumn(String)
        case raggedRow(line: Int, expected: Int, found: Int)
        case empty
        case tooManyExtraColumns(Int)
        case unreadable(String)

        public var description: String {
            switch self {
            case .missingColumn(let name):
                "the header has no column ‘\(name)’ "
                    + "(expected \(LinkageFile.columns.joined(separator: ",")), then any "
                    + "extra columns)"
            case .raggedRow(let line, let expected, let found):
                "line \(line) has \(found) fields, the header \(expected)"
            case .empty: "the file has no header row"
            case .tooManyExtraColumns(let count):
                "the file has \(count) extra columns; at most \(ComparisonLayout.maxExtraCount) can be compared"
            case .unreadable(let reason): "the file is no readable CSV: \(reason)"
            }
        }
    }

    /// Reads the file's bytes; the CSV is RFC 4180 (quoted fields may hold commas, quotes and newlines).
    public init(data: [UInt8]) throws(Failure) {
        let rows = try Self.rows(data)
        guard let header = rows.first?.map({ $0.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() }) else {
            throw .empty
        }
        var index: [String: Int] = [:]
        for (i, name) in header.enumerated() { index[name] = i }
        for name in Self.columns where index[name] == nil { throw .missingColumn(name) }
        let extraIndices = header.indices.filter { !Self.columns.contains(header[$0]) }
        guard extraIndices.count <= ComparisonLayout.maxExtraCount else {
            throw .tooManyExtraColumns(extraIndices.count)
        }
        extraColumns = extraIndices.map { header[$0] }
        var ids: [String] = []
        var identities: [LinkageIdentity] = []
        ids.reserveCapacity(rows.count)
        identities.reserveCapacity(rows.count)
        for (line, row) in rows.enumerated().dropFirst() {
            guard row.count == header.count else {
                throw .raggedRow(line: line + 1, expected: header.count, found: row.count)
            }
            func field(_ name: String) -> String? {
                let v = row[index[name]!]
                return v.isEmpty ? nil : v
            }
            let date = LinkageIdentity.birthDate(field("birth_date"))
            ids.append(row[index["id"]!])
            identities.append(
                LinkageIdentity(
                    givenName: field("given_name"),
                    surname: field("surname"),
                    birthYear: date.year,
                    birthMonth: date.month,
                    birthDay: date.day,
                    gender: field("gender"),
                    nationality: field("nationality"),
                    vNumber: field("v_number"),
                    extras: extraIndices.map { row[$0].isEmpty ? nil : row[$0] }
                )
            )
        }
        self.ids = ids
        self.identities = identities
    }

    /// Splits CSV bytes into rows of fields (RFC 4180, read with CSV.swift); a byte-order mark and
    /// empty lines are skipped.
    public static func rows(_ data: [UInt8]) throws(Failure) -> [[String]] {
        let body = data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data[...]
        let reader: CSVReader
        do {
            reader = try CSVReader(stream: InputStream(data: Data(body)), hasHeaderRow: false, trimFields: false)
        } catch {
            throw .unreadable(String(describing: error))
        }
        var rows: [[String]] = []
        while let row = reader.next() {
            if !(row.count == 1 && row[0].isEmpty) { rows.append(row) }
        }
        if let error = reader.error { throw .unreadable(String(describing: error)) }
        return rows
    }

    /// Quotes a field for CSV output when it needs it.
    public static func quote(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}
