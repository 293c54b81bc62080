import Foundation
import KoersCore

/// Importkoppeling: how one city's file maps to Koers. A JSON file says which column holds which
/// field, how the file's codes translate to Koers's, and how its dates are written.
///
/// ```json
/// { "dateFormat": "dd-MM-yyyy",
///   "columns": { "sourcePersonId": "Clientnr", "surname": "Achternaam", … },
///   "codes": { "perspective": { "Terugkeer": "return" }, "outflowReason": { … } } }
/// ```
public struct ImportMapping: Codable, Sendable, Hashable {
    /// The date pattern of the file: `yyyy-MM-dd`, `dd-MM-yyyy`, `d-M-yyyy`, `dd/MM/yyyy` and the
    /// like. Excel's serial day numbers are read in every date column as well.
    public var dateFormat: String
    /// Koers's field → the file's column name.
    public var columns: [String: String]
    /// Koers's field → the file's value → Koers's code. A value not listed is taken as it is,
    /// when it is a Koers code already.
    public var codes: [String: [String: String]]

    public init(dateFormat: String, columns: [String: String], codes: [String: [String: String]] = [:]) {
        self.dateFormat = dateFormat
        self.columns = columns
        self.codes = codes
    }

    /// A field Koers reads from a row: one trajectory of one person.
    public enum Field: String, CaseIterable, Sendable {
        case sourcePersonId, sourceTrajectoryId
        case givenNames, surname, birthDate, nationality, gender, vNumber
        case referredOn, channel
        case admission, admissionDate, rejectionReason
        case perspective, perspectiveDate
        case supportInstrument, supportStart, supportEnd
        case procedure, procedureSubmitted, procedureDecided, procedureOutcome
        case outflowDate, outflowReason

        /// The fields every mapping must name a column for.
        public static let required: [Field] = [
            .sourcePersonId, .sourceTrajectoryId, .surname, .nationality, .gender, .referredOn,
        ]
        /// Fields whose values are codes, translated through the mapping's `codes`.
        public static let coded: Set<Field> = [
            .gender, .nationality, .channel, .admission, .rejectionReason, .perspective, .supportInstrument,
            .procedure, .procedureOutcome, .outflowReason,
        ]
    }

    /// Reads a mapping file; every mistake is named at once.
    public static func parse(_ data: Data) throws(ValidationFailure) -> ImportMapping {
        let mapping: ImportMapping
        do {
            mapping = try JSONDecoder().decode(ImportMapping.self, from: data)
        } catch {
            throw ValidationFailure([
                FieldError(
                    field: "mapping",
                    code: "unreadable",
                    message: LocalizedText(
                        nl: "Het koppelbestand is geen JSON met dateFormat, columns en codes.",
                        en: "The mapping file is not JSON with dateFormat, columns and codes."
                    )
                )
            ])
        }
        var errors: [FieldError] = []
        for key in mapping.columns.keys.sorted() where Field(rawValue: key) == nil {
            errors.append(Self.error("unknownField", nl: "Onbekend veld ‘\(key)’.", en: "Unknown field ‘\(key)’."))
        }
        for key in mapping.codes.keys.sorted() where Field(rawValue: key).map(Field.coded.contains) != true {
            errors.append(
                Self.error(
                    "unknownCodeField",
                    nl: "‘\(key)’ is geen veld met codes.",
                    en: "‘\(key)’ is not a field with codes."
                )
            )
        }
        for field in Field.required where mapping.columns[field.rawValue] == nil {
            errors.append(
                Self.error(
                    "missingField",
                    nl: "Het veld ‘\(field.rawValue)’ heeft geen kolom.",
                    en: "The field ‘\(field.rawValue)’ has no column."
                )
            )
        }
        if DateReader(format: mapping.dateFormat) == nil {
            errors.append(
                Self.error(
                    "dateFormat",
                    nl: "Datumnotatie ‘\(mapping.dateFormat)’ is onbekend; gebruik bijvoorbeeld dd-MM-yyyy.",
                    en: "Date format ‘\(mapping.dateFormat)’ is unknown; use for example dd-MM-yyyy."
                )
            )
        }
        if !errors.isEmpty { throw ValidationFailure(errors) }
        return mapping
    }

    /// The columns the file lacks, named; checked before any row is read.
    public func missingColumns(in table: Table) -> [String] {
        columns.values.filter { table.column($0) == nil }.sorted()
    }

    private static func error(_ code: String, nl: String, en: String) -> FieldError {
        FieldError(field: "mapping", code: code, message: LocalizedText(nl: nl, en: en))
    }
}

/// Reads dates as a file writes them: by a pattern of `d`, `dd`, `M`, `MM`, `yyyy` and one
/// separator, or as Excel's serial day number.
public struct DateReader: Sendable {
    enum Part { case day, month, year }
    let parts: [Part]
    let separator: Character

    public init?(format: String) {
        guard let separator = format.first(where: { !"dMy".contains($0) }) else { return nil }
        var parts: [Part] = []
        for token in format.split(separator: separator) {
            switch token {
            case "d", "dd": parts.append(.day)
            case "M", "MM": parts.append(.month)
            case "yyyy": parts.append(.year)
            default: return nil
            }
        }
        guard parts.count == 3, Set(parts.map { "\($0)" }).count == 3 else { return nil }
        self.parts = parts
        self.separator = separator
    }

    /// The day, or nil when the text is no date in this format nor an Excel serial number.
    public func day(_ text: String) -> Day? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let serial = Int(trimmed) { return Self.excel(serial) }
        // A date-and-time cell as some exports write it: the date before the space.
        let datePart = trimmed.split(separator: " ").first.map(String.init) ?? trimmed
        let pieces = datePart.split(separator: separator)
        guard pieces.count == 3 else { return nil }
        var day = 0
        var month = 0
        var year = 0
        for (part, piece) in zip(parts, pieces) {
            guard let value = Int(piece) else { return nil }
            switch part {
            case .day: day = value
            case .month: month = value
            case .year:
                guard piece.count == 4 else { return nil }
                year = value
            }
        }
        return Day(year: year, month: month, day: day)
    }

    /// Excel's serial day: 1 is 1 January 1900, and Excel counts a 29 February 1900 that never was,
    /// so from 61 on the count runs from 30 December 1899. Only serials from 1950 to 2100 are read
    /// as dates; other numbers are no date here.
    static func excel(_ serial: Int) -> Day? {
        guard (18264...73415).contains(serial) else { return nil }
        return Day(year: 1899, month: 12, day: 30)!.adding(days: serial)
    }
}
