import ArgumentParser
import Foundation
import Hummingbird
import KoersCore
import KoersStore
import KoersWeb
import Logging

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a fresh demo database: the five pilot locations, their organisations, an account per party per location and a realistic population.",
        discussion: "Destroys whatever the configured database holds. Every demo account's password is ‘\(DemoNetwork.password)’.")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Number of persons to generate.") var persons = 400
    @Option(help: "Seed for the generator; the same seed gives the same population.") var seed: UInt64 = 2019
    @Flag(help: "Start the web application afterwards.") var serve = false

    func run() async throws {
        var configuration = database.configuration()
        // Demo passwords are public; a lower bcrypt cost keeps creating the accounts quick.
        configuration.bcryptCost = min(configuration.bcryptCost, 10)
        let logger = makeLogger(.warning)
        let services = try KoersServices(configuration, logger: logger)
        do {
            try await services.database.revertAll()
            try await services.database.migrate()
            let started = Date()
            let result = try await DemoLoader.load(directory: services.directory, cases: services.cases, persons: persons, seed: seed, today: configuration.today())
            let seconds = Date().timeIntervalSince(started)
            print("Demo database ready: \(persons) persons, \(result.trajectories) trajectories (\(String(format: "%.1f", seconds)) s).")
            print("")
            print("Accounts (password: \(DemoNetwork.password)):")
            for account in result.accounts {
                print("  \(account.email.padding(toLength: 34, withPad: " ", startingAt: 0)) \(account.party.rawValue.padding(toLength: 15, withPad: " ", startingAt: 0)) \(account.location ?? "national")")
            }
            print("")
            print("Open http://\(configuration.host):\(configuration.port)/ — e.g. sign in as ngo.utrecht@demo.koers.nl.")
            if serve {
                let app = buildApplication(services, logger: makeLogger(configuration.logLevel))
                try await app.runService()
            }
            await services.database.shutdown()
        } catch {
            await services.database.shutdown()
            throw error
        }
    }
}
