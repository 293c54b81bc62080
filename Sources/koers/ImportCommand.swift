import ArgumentParser
import Foundation
import KoersCore
import KoersImport
import KoersStore
import KoersWeb

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Bring a city's existing registrations in.",
        subcommands: [Registrations.self]
    )

    struct Registrations: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read a CSV or XLSX file of registrations with a mapping: a dry run, or --commit.",
            discussion:
                "The import acts as the account --as, a municipality or NGO user of the location. Without --commit "
                + "it reports every row and the counts the import would add, and writes nothing. With --commit it "
                + "writes the rows without errors in one transaction; a file imported before changes only what "
                + "differs."
        )

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

        @OptionGroup var database: DatabaseOptions
        @Option(help: "The location: its name (\"LVV Utrecht\") or slug.") var location: String
        @Option(name: .customLong("as"), help: "E-mail address of the account the import acts as.") var email: String
        @Option(help: "The mapping file (JSON): columns, codes and date format.") var mapping: String
        @Flag(help: "Write the rows without errors; without it, a dry run.") var commit = false
        @Option(help: "Report format: text or json.") var format: Format = .text
        @Option(help: "Language of the report: nl or en.") var language: String = "nl"
        @Argument(help: "The CSV or XLSX file.") var file: String

        func run() async throws {
            let language = Language(rawValue: language) ?? .nl
            let data = try Data(contentsOf: URL(fileURLWithPath: file))
            let mappingData = try Data(contentsOf: URL(fileURLWithPath: mapping))
            try await withServices(database) { services in
                let actor = try await CommandLookup.actor(email, in: services)
                let place = try await CommandLookup.location(location, in: services)
                let plan: ImportPlan
                do {
                    plan = try await services.imports.plan(
                        file: data,
                        mapping: mappingData,
                        at: place.id,
                        actor: actor
                    )
                } catch AppError.notFound {
                    throw ValidationError("‘\(email)’ may not import at \(place.name): only its municipality and NGO.")
                } catch AppError.invalid(let failure) {
                    throw ValidationError(failure.errors.map { $0.message.text(language) }.joined(separator: "\n"))
                }
                let report = ImportReport(plan, language: language)
                print(format == .json ? try report.json() : report.text(in: language))
                guard commit else { return }
                let started = Date()
                let outcome = try await services.imports.commit(
                    plan,
                    fileName: URL(fileURLWithPath: file).lastPathComponent,
                    at: place.id,
                    actor: actor
                )
                let seconds = Date().timeIntervalSince(started)
                let summary = ImportService.describe(outcome, in: language).dropLast()
                FileHandle.standardError.write(Data((summary + String(format: " (%.1f s).\n", seconds)).utf8))
            }
        }
    }
}
