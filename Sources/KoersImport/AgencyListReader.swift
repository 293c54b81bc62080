import Foundation
import KoersCore

/// An agency's list as read: its facts, and the rows that could not be read, each with a reason.
public struct AgencyList: Sendable {
    public let source: AgencySource
    public let facts: [AgencyFact]
    /// Rows left out, with the field and the reason.
    public let rejected: [RowReport]
}

/// Reads the IND's and DT&V's lists, CSV or XLSX, in the columns they deliver:
/// - IND: `V-nummer`, `Ingediend`, `Besluitdatum`, `Uitkomst` (ingewilligd, afgewezen, ingetrokken);
/// - DT&V: `V-nummer`, `Vertrekdatum`, `Soort` (zelfstandig, doormigratie).
///
/// Dates may be ISO (2024-03-01), Dutch (01-03-2024) or Excel serial days.
public struct AgencyListReader: Sendable {
    public let source: AgencySource

    public init(source: AgencySource) {
        self.source = source
    }

    /// The columns the list must have, by their header names.
    public var columns: [String] {
        switch source {
        case .ind: ["V-nummer", "Ingediend", "Besluitdatum", "Uitkomst"]
        case .dtv: ["V-nummer", "Vertrekdatum", "Soort"]
        }
    }

    static let outcomes: [String: ProcedureOutcome] = [
        "ingewilligd": .granted, "granted": .granted, "afgewezen": .rejected, "rejected": .rejected,
        "ingetrokken": .withdrawn, "withdrawn": .withdrawn,
    ]
    static let departures: [String: String] = [
        "zelfstandig": "independentDeparture", "zelfstandig vertrek": "independentDeparture",
        "independent": "independentDeparture", "independentdeparture": "independentDeparture",
        "doormigratie": "onwardMigration", "onward": "onwardMigration", "onwardmigration": "onwardMigration",
    ]
    static let dates = [DateReader(format: "yyyy-MM-dd")!, DateReader(format: "dd-MM-yyyy")!]

    /// Reads a file; refuses one that is no table or lacks a column, naming what is missing.
    public func read(_ data: Data) throws(ValidationFailure) -> AgencyList {
        let table: Table
        do {
            table = try TableReader.read(data)
        } catch {
            throw ValidationFailure([FieldError(field: "file", code: "unreadable", message: error.message)])
        }
        return try read(table)
    }

    public func read(_ table: Table) throws(ValidationFailure) -> AgencyList {
        let indices = columns.map { table.column($0) }
        let missing = zip(columns, indices).filter { $0.1 == nil }.map(\.0)
        guard missing.isEmpty else {
            let names = missing.joined(separator: ", ")
            throw ValidationFailure([
                FieldError(
                    field: "file",
                    code: "missingColumns",
                    message: LocalizedText(
                        nl: "De lijst mist de kolom(men) \(names); verwacht: \(columns.joined(separator: ", ")).",
                        en: "The list lacks the column(s) \(names); expected: \(columns.joined(separator: ", "))."
                    )
                )
            ])
        }
        let at = indices.map { $0! }
        var facts: [AgencyFact] = []
        var rejected: [RowReport] = []
        for row in table.rows {
            var findings: [RowReport.Finding] = []
            func fail(_ field: String, nl: String, en: String) {
                findings.append(.init(severity: .error, field: field, message: LocalizedText(nl: nl, en: en)))
            }
            func day(_ index: Int, _ field: String, required: Bool) -> Day? {
                let text = row.cells[at[index]]
                if text.isEmpty {
                    if required { fail(field, nl: "\(field) is leeg.", en: "\(field) is empty.") }
                    return nil
                }
                guard let day = Self.dates.lazy.compactMap({ $0.day(text) }).first else {
                    fail(
                        field,
                        nl: "‘\(text)’ is geen datum (jjjj-mm-dd of dd-mm-jjjj).",
                        en: "‘\(text)’ is no date (yyyy-mm-dd or dd-mm-yyyy)."
                    )
                    return nil
                }
                return day
            }
            let v = VNumber(row.cells[at[0]])
            if v == nil {
                fail("V-nummer", nl: "Een V-nummer heeft tien cijfers.", en: "A V-nummer has ten digits.")
            }
            let date = day(1, columns[1], required: true)
            var decided: Day?
            var outcome: ProcedureOutcome?
            var reason: String?
            switch source {
            case .ind:
                decided = day(2, columns[2], required: false)
                let text = Table.fold(row.cells[at[3]])
                if !text.isEmpty {
                    outcome = Self.outcomes[text]
                    if outcome == nil {
                        fail(
                            "Uitkomst",
                            nl: "Onbekende uitkomst ‘\(text)’; verwacht: ingewilligd, afgewezen of ingetrokken.",
                            en: "Unknown outcome ‘\(text)’; expected: ingewilligd, afgewezen or ingetrokken."
                        )
                    }
                }
                if (decided == nil) != (outcome == nil) && findings.isEmpty {
                    fail(
                        "Uitkomst",
                        nl: "Een besluit heeft een datum én een uitkomst.",
                        en: "A decision has both a date and an outcome."
                    )
                }
            case .dtv:
                let text = Table.fold(row.cells[at[2]])
                reason = Self.departures[text]
                if reason == nil {
                    fail(
                        "Soort",
                        nl: "Onbekende soort vertrek ‘\(text)’; verwacht: zelfstandig of doormigratie.",
                        en: "Unknown kind of departure ‘\(text)’; expected: zelfstandig or doormigratie."
                    )
                }
            }
            guard findings.isEmpty, let v, let date else {
                rejected.append(RowReport(row: row.number, sourceTrajectoryId: nil, findings: findings))
                continue
            }
            facts.append(
                AgencyFact(
                    row: row.number,
                    vNumber: v,
                    date: date,
                    decidedOn: decided,
                    outcome: outcome,
                    reasonCode: reason
                )
            )
        }
        return AgencyList(source: source, facts: facts, rejected: rejected)
    }
}
