import ArgumentParser
import Foundation
import KoersCore
import KoersImport
import KoersStore
import KoersWeb

struct ReconcileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: "Compare an agency's list (IND decisions, DT&V departures) with Koers at a location.",
        discussion:
            "Each line of the list agrees, differs (which field, both values), or is missing from Koers; facts Koers "
            + "holds that the list lacks, within the list's period, are listed too. V-nummers Koers does not know "
            + "at the location are only counted. The comparison reads personal data, so it acts as --as, a "
            + "municipality account of the location, and is logged. With --save it is kept for the municipality "
            + "to resolve on the page Afstemmen."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Whose list: ind or dtv.") var source: AgencySource
    @Option(help: "The location: its name (\"LVV Utrecht\") or slug.") var location: String
    @Option(name: .customLong("as"), help: "E-mail address of the municipality account.") var email: String
    @Flag(help: "Keep the comparison for resolution in the web application.") var save = false
    @Option(help: "Report format: text or json.") var format: Format = .text
    @Option(help: "Language of the report: nl or en.") var language: String = "nl"
    @Argument(help: "The list, CSV or XLSX.") var file: String

    func run() async throws {
        let language = Language(rawValue: language) ?? .nl
        let data = try Data(contentsOf: URL(fileURLWithPath: file))
        let fileName = URL(fileURLWithPath: file).lastPathComponent
        try await withServices(database) { services in
            let actor = try await CommandLookup.actor(email, in: services)
            let place = try await CommandLookup.location(location, in: services)
            do {
                let (list, result) = try await services.reconciliations.compare(
                    file: data,
                    source: source,
                    at: place.id,
                    actor: actor
                )
                print(format == .json ? try Self.json(list, result) : Self.text(list, result, language))
                guard save else { return }
                _ = try await services.reconciliations.keep(
                    result,
                    of: list,
                    named: fileName,
                    at: place.id,
                    actor: actor
                )
                FileHandle.standardError.write(
                    Data((language == .nl ? "Bewaard voor afhandeling.\n" : "Kept for resolution.\n").utf8)
                )
            } catch AppError.notFound {
                throw ValidationError("‘\(email)’ may not reconcile at \(place.name): only its municipality.")
            } catch AppError.invalid(let failure) {
                throw ValidationError(failure.errors.map { $0.message.text(language) }.joined(separator: "\n"))
            }
        }
    }

    static func text(_ list: AgencyList, _ result: ReconciliationResult, _ language: Language) -> String {
        func t(_ nl: String, _ en: String) -> String { language == .nl ? nl : en }
        var lines = ReconciliationLine.Status.allCases.map { "\($0.label.text(language)): \(result.count($0))" }
        lines.append(
            t("V-nummers onbekend op de locatie (alleen geteld)", "V-nummers unknown at the location (counted only)")
                + ": \(result.unknownVNumbers)"
        )
        lines.append(t("Onleesbare rijen", "Unreadable rows") + ": \(list.rejected.count)")
        for report in list.rejected {
            for finding in report.findings {
                lines.append(t("Rij", "Row") + " \(report.row): \(finding.field): \(finding.message.text(language))")
            }
        }
        for (number, line) in result.lines.enumerated() where line.status != .agrees {
            var text =
                t("Regel", "Line") + " \(number + 1): \(line.status.label.text(language)), V-nummer \(line.vNumber)"
            if let row = line.listed?.row { text += t(", rij \(row)", ", row \(row)") }
            for d in line.differences { text += "; \(d.field): Koers \(d.koers), " + t("lijst", "list") + " \(d.list)" }
            if line.status == .notInKoers, let l = line.listed { text += "; " + t("lijst", "list") + " \(l.date)" }
            if line.status == .notInList, let k = line.registered { text += "; Koers \(k.date)" }
            lines.append(text)
        }
        return lines.joined(separator: "\n")
    }

    static func json(_ list: AgencyList, _ result: ReconciliationResult) throws -> String {
        struct Output: Encodable {
            let counts: [String: Int]
            let unknownVNumbers: Int
            let unreadableRows: [Int]
            let lines: [ReconciliationLine]
        }
        let counts = Dictionary(
            uniqueKeysWithValues: ReconciliationLine.Status.allCases.map { ($0.rawValue, result.count($0)) }
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let output = Output(
            counts: counts,
            unknownVNumbers: result.unknownVNumbers,
            unreadableRows: list.rejected.map(\.row),
            lines: result.lines
        )
        return String(decoding: try encoder.encode(output), as: UTF8.self)
    }
}

extension AgencySource: ExpressibleByArgument {}
