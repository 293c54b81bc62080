import ArgumentParser
import Foundation
import KoersCore
import KoersMonitor
import KoersStore
import KoersWeb
import Logging

struct MonitorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "monitor",
        abstract: "Print the national monitor on a reference date: suppressed tables as HTML, CSV, XLSX or JSON.",
        discussion:
            "The reference date (peildatum) is the first day of a quarter; facts recorded before it count. XLSX goes "
            + "to --output (binary)."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case html, csv, xlsx, json }

    @OptionGroup var database: DatabaseOptions
    @Option(help: "The reference date, YYYY-MM-DD, a quarter's first day (default: the latest).") var peildatum: String?
    @Option(help: "Output format: html, csv, xlsx or json.") var format: Format = .json
    @Option(help: "Suppress cells of fewer people than this (default KOERS_MONITOR_K or 5).") var k: Int?
    @Option(help: "Language of labels: nl or en.") var language: String = "nl"
    @Option(help: "Write to this file instead of standard output.") var output: String?

    func run() async throws {
        let configuration = database.configuration()
        var day: Day?
        if let peildatum {
            guard let parsed = Day(peildatum), QuarterGrid.isReferenceDate(parsed) else {
                throw ValidationError(
                    "The reference date must be a quarter's first day as YYYY-MM-DD (e.g. 2022-07-01), not "
                        + "‘\(peildatum)’."
                )
            }
            day = parsed
        }
        let services = try KoersServices(configuration, logger: makeLogger(.warning))
        try await services.database.closing {
            let report = try await services.service.monitorReport(peildatum: day, k: k ?? configuration.monitorK)
            let lang: KoersCore.Language = language == "en" ? .en : .nl
            let published = PublishedReport(report, language: lang)
            let bytes: [UInt8]
            switch format {
            case .json: bytes = Array((try published.json() + "\n").utf8)
            case .csv: bytes = Array(published.csv().utf8)
            case .xlsx:
                guard output != nil else { throw ValidationError("XLSX is binary: give --output FILE.xlsx.") }
                bytes = try published.xlsx()
            case .html: bytes = Array(MonitorDocument.html(report, language: lang, today: configuration.today()).utf8)
            }
            if let output {
                try Data(bytes).write(to: URL(fileURLWithPath: output))
            } else {
                FileHandle.standardOutput.write(Data(bytes))
            }
        }
    }
}
