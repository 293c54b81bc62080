import CSV
import Foundation

/// A CSV list of municipalities and their LVV regions, as the administrator imports it:
/// a header `cbsCode,name,region`, then one municipality per line (comma or semicolon separated,
/// as spreadsheets in the Netherlands save it). `Samples/municipalities.csv` shows the format.
public struct MunicipalityList: Sendable, Equatable {
    /// One line of the file.
    public struct Row: Sendable, Equatable {
        public let line: Int
        public let cbsCode: String
        public let name: String
        public let region: String

        public init(line: Int, cbsCode: String, name: String, region: String) {
            self.line = line
            self.cbsCode = cbsCode
            self.name = name
            self.region = region
        }
    }

    public let rows: [Row]

    /// The columns, in the order the header names them.
    public static let columns = ["cbsCode", "name", "region"]
    /// More lines than the Netherlands has municipalities, with room: a larger file is a mistake.
    public static let maxRows = 1000

    /// Reads the whole file, and reports every line that is wrong at once, under the field `file`.
    public static func parse(_ text: String) throws(ValidationFailure) -> MunicipalityList {
        func failure(_ code: String, _ nl: String, _ en: String) -> ValidationFailure {
            ValidationFailure([FieldError(field: "file", code: code, message: LocalizedText(nl: nl, en: en))])
        }
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let firstLine = body.prefix { $0 != "\n" && $0 != "\r" }
        let delimiter: UnicodeScalar = firstLine.contains(";") && !firstLine.contains(",") ? ";" : ","
        let reader: CSVReader
        do {
            reader = try CSVReader(string: body, hasHeaderRow: true, trimFields: true, delimiter: delimiter)
        } catch {
            throw failure("unreadable", "Dit is geen leesbaar CSV-bestand.", "This is not a readable CSV file.")
        }
        guard reader.headerRow?.map({ $0.lowercased() }) == columns.map({ $0.lowercased() }) else {
            throw failure(
                "header",
                "De eerste regel moet ‘cbsCode,name,region’ zijn.",
                "The first line must be ‘cbsCode,name,region’."
            )
        }
        var rows: [Row] = []
        var errors: [FieldError] = []
        var seen: [String: Int] = [:]
        var line = 1
        while let fields = reader.next() {
            line += 1
            if fields.allSatisfy(\.isEmpty) { continue }
            guard rows.count < maxRows else {
                throw failure("tooLong", "Meer dan \(maxRows) regels.", "More than \(maxRows) lines.")
            }
            func fail(_ code: String, _ nl: String, _ en: String) {
                errors.append(
                    FieldError(
                        field: "file",
                        code: code,
                        message: LocalizedText(nl: "Regel \(line): " + nl, en: "Line \(line): " + en)
                    )
                )
            }
            guard fields.count == 3 else {
                fail(
                    "columns",
                    "verwacht 3 kolommen, gevonden \(fields.count).",
                    "expected 3 columns, found \(fields.count)."
                )
                continue
            }
            let code = fields[0].uppercased()
            let row = Row(line: line, cbsCode: code, name: fields[1], region: fields[2])
            if !Municipality.isCBSCode(code) {
                fail(
                    "cbsCode",
                    "‘\(fields[0])’ is geen CBS-code (GM en vier cijfers).",
                    "‘\(fields[0])’ is not a CBS code (GM and four digits)."
                )
            } else if let earlier = seen[code] {
                fail("duplicate", "\(code) staat ook op regel \(earlier).", "\(code) is also on line \(earlier).")
            }
            if row.name.isEmpty || row.name.count > 100 {
                fail("name", "de naam ontbreekt of is te lang.", "the name is missing or too long.")
            }
            if row.region.isEmpty || row.region.count > 100 {
                fail("region", "de regio ontbreekt of is te lang.", "the region is missing or too long.")
            }
            seen[code] = seen[code] ?? line
            rows.append(row)
        }
        if rows.isEmpty && errors.isEmpty {
            throw failure("empty", "Het bestand bevat geen gemeenten.", "The file holds no municipalities.")
        }
        if !errors.isEmpty { throw ValidationFailure(errors) }
        return MunicipalityList(rows: rows)
    }
}
