import Foundation
import KoersCore

/// One row being read: its cells by Koers field, and the findings so far. Each finding names the
/// file's column and value, so a person can find and fix them.
struct RowContext {
    typealias Field = ImportMapping.Field
    let row: Table.Row
    let table: Table
    let mapping: ImportMapping
    let dates: DateReader
    let today: Day
    private(set) var findings: [RowReport.Finding] = []

    init(row: Table.Row, table: Table, mapping: ImportMapping, dates: DateReader, today: Day) {
        self.row = row
        self.table = table
        self.mapping = mapping
        self.dates = dates
        self.today = today
    }

    /// The file's column for a field.
    func column(_ field: Field) -> String { mapping.columns[field.rawValue] ?? field.rawValue }

    /// The cell's text, or nil when the field has no column or the cell is empty.
    func text(_ field: Field) -> String? {
        guard let name = mapping.columns[field.rawValue], let index = table.column(name) else { return nil }
        let value = row.cells[index]
        return value.isEmpty ? nil : value
    }

    mutating func required(_ field: Field) -> String? {
        guard let value = text(field) else {
            missing(field)
            return nil
        }
        return value
    }

    mutating func missing(_ field: Field) {
        fail(field, nl: "Kolom ‘\(column(field))’ is leeg.", en: "Column ‘\(column(field))’ is empty.")
    }

    /// The cell translated through the mapping's codes: an exact match first, then one that
    /// differs only in case and surrounding spaces, else the value itself.
    func code(_ field: Field) -> String? {
        guard let value = text(field) else { return nil }
        let codes = mapping.codes[field.rawValue] ?? [:]
        if let code = codes[value] { return code }
        let folded = value.lowercased()
        if let match = codes.first(where: { $0.key.trimmingCharacters(in: .whitespaces).lowercased() == folded }) {
            return match.value
        }
        return value
    }

    /// A coded cell as one of Koers's values; an unknown code is an error naming the value.
    mutating func choice<T: RawRepresentable & CaseIterable>(_ field: Field, required: Bool = false) -> T?
    where T.RawValue == String {
        guard let code = code(field) else {
            if required { missing(field) }
            return nil
        }
        if let value = T(rawValue: code) ?? T.allCases.first(where: { $0.rawValue.lowercased() == code.lowercased() }) {
            return value
        }
        let known = T.allCases.map(\.rawValue).joined(separator: ", ")
        fail(
            field,
            nl: "Kolom ‘\(column(field))’: ‘\(text(field) ?? "")’ is onbekend; neem het op in de codes van de "
                + "koppeling (bekend: \(known)).",
            en: "Column ‘\(column(field))’: ‘\(text(field) ?? "")’ is unknown; add it to the mapping's codes "
                + "(known: \(known))."
        )
        return nil
    }

    /// A date cell in the file's format or as an Excel serial number, not in the future and not
    /// before the LVV's history.
    mutating func day(_ field: Field, required: Bool = false) -> Day? {
        guard let value = text(field) else {
            if required { missing(field) }
            return nil
        }
        guard let day = dates.day(value) else {
            fail(
                field,
                nl: "Kolom ‘\(column(field))’: ‘\(value)’ is geen datum als \(mapping.dateFormat).",
                en: "Column ‘\(column(field))’: ‘\(value)’ is no date as \(mapping.dateFormat)."
            )
            return nil
        }
        if day > today {
            fail(
                field,
                nl: "Kolom ‘\(column(field))’: \(day) ligt in de toekomst.",
                en: "Column ‘\(column(field))’: \(day) is in the future."
            )
            return nil
        }
        if day < Parser.earliestEvent {
            fail(
                field,
                nl: "Kolom ‘\(column(field))’: \(day) ligt vóór \(Parser.earliestEvent).",
                en: "Column ‘\(column(field))’: \(day) is before \(Parser.earliestEvent)."
            )
            return nil
        }
        return day
    }

    /// A fact of the trajectory that needs the admission: not without it, not before it.
    mutating func notBefore(_ day: Day, _ admitted: Day?, _ field: Field, what: (nl: String, en: String)) {
        if let admitted, day < admitted {
            fail(
                field,
                nl: "Het begin van \(what.nl) (\(day)) ligt vóór de toelating (\(admitted)).",
                en: "The start of \(what.en) (\(day)) is dated before the admission (\(admitted))."
            )
        } else if admitted == nil {
            fail(
                field,
                nl: what.nl.prefix(1).uppercased() + what.nl.dropFirst() + " zonder toelating.",
                en: what.en.prefix(1).uppercased() + what.en.dropFirst() + " without an admission."
            )
        }
    }

    mutating func fail(_ field: Field, nl: String, en: String) { fail(field.rawValue, nl: nl, en: en) }

    mutating func fail(_ field: String, nl: String, en: String) {
        findings.append(.init(severity: .error, field: field, message: LocalizedText(nl: nl, en: en)))
    }

    mutating func warn(_ field: Field, nl: String, en: String) { warn(field.rawValue, nl: nl, en: en) }

    mutating func warn(_ field: String, nl: String, en: String) {
        findings.append(.init(severity: .warning, field: field, message: LocalizedText(nl: nl, en: en)))
    }
}
