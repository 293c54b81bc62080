import ArgumentParser
import Foundation
import Hummingbird
import KoersCore
import KoersDemo
import KoersStore
import KoersWeb
import Logging

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Create a fresh demo database: the five pilot locations, their organisations, an account per party per "
            + "location and a realistic population.",
        discussion:
            "Destroys whatever the configured database holds. Every demo account's password is "
            + "‘\(DemoNetwork.password)’."
    )

    @OptionGroup var database: DatabaseOptions
    enum Scenario: String, ExpressibleByArgument, CaseIterable {
        case standard
        case pilot2022 = "pilot-2022"
    }

    @Option(
        help: ArgumentHelp(
            "standard: a realistic population referred over the last three years; pilot-2022: the LVV pilot up to 1 "
                + "July 2022 as its evaluation reports it (2065 persons, 2092 trajectories, 1258 outflows)."
        )
    )
    var scenario: Scenario = .standard
    @Option(help: "Number of persons to generate (standard scenario).") var persons = 400
    @Option(help: "Multiplies the pilot-2022 scenario, for stress tests.") var scale = 1
    @Option(help: "Seed for the generator; the same seed gives the same population.") var seed: UInt64 = 2019
    @Flag(help: "Start the web application afterwards.") var serve = false

    func validate() throws {
        guard persons > 0, scale > 0 else { throw ValidationError("--persons and --scale must be positive.") }
    }

    func run() async throws {
        var configuration = database.configuration()
        // Demo passwords are public; a lower bcrypt cost keeps creating the accounts quick.
        configuration.bcryptCost = min(configuration.bcryptCost, 10)
        let logger = makeLogger(.warning)
        let services = try KoersServices(configuration, logger: logger)
        try await services.database.closing {
            try await services.database.revertAll()
            try await services.database.migrate()
            let started = Date()
            let chosen: DemoScenario = scenario == .standard ? .standard(persons: persons) : .pilot2022(scale: scale)
            let result = try await DemoLoader.load(
                directory: services.directory,
                cases: services.cases,
                scenario: chosen,
                seed: seed,
                today: configuration.today()
            )
            let seconds = Date().timeIntervalSince(started)
            switch chosen {
            case .standard(let persons):
                print(
                    "Demo database ready: \(persons) persons, \(result.trajectories) trajectories "
                        + "(\(String(format: "%.1f", seconds)) s)."
                )
            case .pilot2022(let scale):
                print(
                    "Demo database ready: the LVV pilot up to 1 July 2022\(scale > 1 ? " times \(scale)" : ""), "
                        + "\(result.trajectories) referrals (\(String(format: "%.1f", seconds)) s)."
                )
                print(
                    "The evaluation's figures: sign in as monitor@demo.koers.nl and open "
                        + "/monitor?peildatum=\(Pilot2022.peildatum)."
                )
            }
            print("")
            print("Accounts (password: \(DemoNetwork.password)):")
            for account in result.accounts {
                print(
                    "  \(padded(account.email, 38)) "
                        + "\(padded(account.party.rawValue, 15)) "
                        + "\(account.location ?? "national")"
                )
            }
            print("")
            print(
                "Open http://\(configuration.host):\(configuration.port)/ — "
                    + "e.g. sign in as ngo.utrecht@demo.koers.nl."
            )
            // Standard output is block-buffered when it is a file or pipe: without this the
            // accounts would reach a log only when the server stops.
            fflush(nil)
            if serve {
                let logger = makeLogger(configuration.logLevel)
                let app = buildApplication(
                    services,
                    logger: logger,
                    observability: try KoersTracing.bootstrap(logger: logger)
                )
                try await app.runService()
            }
        }
    }
}

/// The text with spaces after it up to `width`; never cut (`padding(toLength:)` would cut a long e-mail).
func padded(_ text: String, _ width: Int) -> String {
    text + String(repeating: " ", count: max(0, width - text.count))
}
