import ArgumentParser
import Foundation
import KoersStore
import KoersWeb

/// The read models are a cache of the events: this makes them again from the events.
struct ProjectionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "projections",
        abstract: "The read models kept beside the events.",
        subcommands: [Rebuild.self]
    )

    struct Rebuild: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Rebuild every trajectory's row and case summary from its events, in one transaction; prints how many "
                + "differed."
        )
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await withServices(database) { services in
                let start = Date()
                let changed = try await services.cases.rebuildProjections()
                let seconds = String(format: "%.1f", Date().timeIntervalSince(start))
                print("Rebuilt the read models from the events in \(seconds) s: \(changed) trajectories differed.")
            }
        }
    }
}
