import Foundation
import KoersCore

/// The dry run's report as the command line prints it: text for a person, JSON for a program.
public struct ImportReport: Codable, Sendable {
    /// One finding about one row.
    public struct Finding: Codable, Sendable {
        public let row: Int
        public let sourceTrajectoryId: String?
        public let severity: RowReport.Severity
        public let field: String
        public let message: String
    }

    public let rows: Int
    public let okRows: Int
    public let warningRows: Int
    public let errorRows: Int
    public let persons: Int
    public let trajectories: Int
    public let byStage: [String: Int]
    public let byOutcome: [String: Int]
    public let byYear: [String: Int]
    public let findings: [Finding]

    public init(_ plan: ImportPlan, language: Language) {
        rows = plan.reports.count
        errorRows = plan.errorRows
        warningRows = plan.warningRows
        okRows = rows - errorRows - warningRows
        persons = plan.persons
        trajectories = plan.trajectories.count
        byStage = Dictionary(uniqueKeysWithValues: plan.countsByStage.map { ($0.key.rawValue, $0.value) })
        byOutcome = plan.countsByOutcome
        byYear = Dictionary(uniqueKeysWithValues: plan.countsByYear.map { (String($0.key), $0.value) })
        findings = plan.reports.flatMap { report in
            report.findings.map {
                Finding(
                    row: report.row,
                    sourceTrajectoryId: report.sourceTrajectoryId,
                    severity: $0.severity,
                    field: $0.field,
                    message: $0.message.text(language)
                )
            }
        }
    }

    /// A stage's key in `byStage` as the user reads it.
    public static func stageLabel(_ key: String, _ language: Language) -> String {
        Stage(rawValue: key)?.label.text(language) ?? key
    }

    /// An outcome's key in `byOutcome` as the user reads it; `none` is a case not yet decided.
    public static func outcomeLabel(_ key: String, _ language: Language) -> String {
        AdmissionDecision.Outcome(rawValue: key)?.label.text(language)
            ?? LocalizedText(nl: "nog geen besluit", en: "no decision yet").text(language)
    }

    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// The summary, the counts, and each finding on its own line.
    public func text(in language: Language) -> String {
        func t(_ nl: String, _ en: String) -> String { language == .nl ? nl : en }
        var lines = [
            t(
                "\(rows) rijen: \(okRows) goed, \(warningRows) met een waarschuwing, \(errorRows) met een fout.",
                "\(rows) rows: \(okRows) ok, \(warningRows) with a warning, \(errorRows) with an error."
            ),
            t(
                "De import voegt \(trajectories) trajecten van \(persons) personen toe.",
                "The import adds \(trajectories) trajectories of \(persons) persons."
            ),
        ]
        func counts(_ title: String, _ values: [String: Int], label: (String) -> String = { $0 }) {
            let list = values.sorted { $0.key < $1.key }.map { "\(label($0.key)) \($0.value)" }
            lines.append(title + ": " + (list.isEmpty ? "—" : list.joined(separator: ", ")))
        }
        counts(t("Per fase", "By stage"), byStage) { Self.stageLabel($0, language) }
        counts(t("Per toelatingsbesluit", "By admission outcome"), byOutcome) { Self.outcomeLabel($0, language) }
        counts(t("Per jaar van aanmelding", "By year of referral"), byYear)
        for finding in findings {
            let severity =
                finding.severity == .error ? t("fout", "error") : t("waarschuwing", "warning")
            let id = finding.sourceTrajectoryId.map { " (\($0))" } ?? ""
            lines.append(t("Rij", "Row") + " \(finding.row)\(id): \(severity), \(finding.field): \(finding.message)")
        }
        return lines.joined(separator: "\n")
    }
}
