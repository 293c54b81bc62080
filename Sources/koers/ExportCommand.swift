import ArgumentParser
import Foundation
import KoersCore
import KoersImport
import KoersStore
import KoersWeb

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write Koers's registrations out in the import's format.",
        subcommands: [Registrations.self]
    )

    struct Registrations: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write every location's trajectories as CSV in the import's format, with its mapping.",
            discussion:
                "For each location, DIR/<slug>.csv holds a row per trajectory (and a further row per further "
                + "perspective, support or procedure), and DIR/<slug>.json the mapping that reads it back: "
                + "koers import registrations --location <slug> --mapping DIR/<slug>.json DIR/<slug>.csv. The files "
                + "hold personal data; keep them as the database itself is kept."
        )

        @OptionGroup var database: DatabaseOptions
        @Option(help: "The folder to write into; made when missing.") var out: String
        @Option(help: "Only this location: its name or slug.") var location: String?

        func run() async throws {
            let folder = URL(fileURLWithPath: out, isDirectory: true)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try await withServices(database) { services in
                let locations =
                    if let location {
                        [try await CommandLookup.location(location, in: services)]
                    } else {
                        try await services.directory.locations()
                    }
                let mapping = try RegistrationExport.mappingJSON()
                for place in locations {
                    let files = try await services.cases.files(at: place.id)
                    try RegistrationExport.csv(files).write(to: folder.appendingPathComponent("\(place.slug).csv"))
                    try mapping.write(to: folder.appendingPathComponent("\(place.slug).json"))
                    print("\(place.slug).csv: \(files.count) trajectories")
                }
            }
        }
    }
}
