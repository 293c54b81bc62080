import ArgumentParser
import Foundation
import Hummingbird
import KoersCore
import KoersStore
import KoersWeb
import Logging

/// The `koers` command: a thin shell over KoersWeb and KoersStore.
@main
struct Koers: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "koers",
        abstract: "Koers: registration, case coordination and monitoring for the LVV.",
        discussion: "Configuration comes from KOERS_* environment variables; see the README.",
        subcommands: [
            Serve.self, Migrate.self, SetupCommand.self, UserCommand.self, TokenCommand.self, Demo.self,
            MonitorCommand.self, Analyse.self,
            LinkageCommand.self, ProjectionsCommand.self, BackupCommand.self, RestoreCommand.self, Bench.self,
            ImportCommand.self, ReconcileCommand.self, ExportCommand.self, AuditCommand.self,
            RetentionCommand.self, RoutesCommand.self,
        ],
        defaultSubcommand: Serve.self
    )
}

/// Options shared by every command that opens the database.
struct DatabaseOptions: ParsableArguments {
    @Option(
        name: .customLong("database"),
        help: "Database URL (overrides KOERS_DATABASE_URL): sqlite://FILE or postgres://USER:PASSWORD@HOST/NAME."
    )
    var databaseURL: String?

    func configuration() -> KoersConfiguration {
        var c = KoersConfiguration.fromEnvironment()
        if let databaseURL { c.databaseURL = databaseURL }
        return c
    }
}

func makeLogger(_ level: Logger.Level) -> Logger {
    var logger = Logger(label: "koers")
    logger.logLevel = level
    return logger
}

/// Opens the services, runs the body and closes the database even when the body fails.
func withServices<T>(
    _ options: DatabaseOptions,
    migrate: Bool = true,
    _ body: (KoersServices) async throws -> T
) async throws -> T {
    let configuration = options.configuration()
    let services = try KoersServices(configuration, logger: makeLogger(configuration.logLevel))
    return try await services.database.closing {
        if migrate { try await services.database.migrate() }
        return try await body(services)
    }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the web application and the API (migrates the database first)."
    )

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Address to listen on (overrides KOERS_HOST).") var host: String?
    @Option(help: "Port to listen on (overrides KOERS_PORT).") var port: Int?

    func run() async throws {
        var configuration = database.configuration()
        if let host { configuration.host = host }
        if let port { configuration.port = port }
        let logger = makeLogger(configuration.logLevel)
        if ProcessInfo.processInfo.environment["KOERS_SECRET"] == nil {
            logger.warning("KOERS_SECRET is not set: using the development secret. Set it in production.")
        }
        let services = try KoersServices(configuration, logger: logger)
        // While serving, the application closes the pool on SIGTERM or SIGINT, after the last
        // accepted request is answered; `closing` covers a migration or a bind that fails first.
        try await services.database.closing {
            try await services.database.migrate()
            if try await !services.administration.hasAdministrator() {
                logger.warning(
                    "Koers has no administrator yet: run `koers setup --email … --name …` to create the first one."
                )
            }
            let app = buildApplication(
                services,
                logger: logger,
                observability: try KoersTracing.bootstrap(logger: logger)
            )
            print(
                "Koers listens on http://\(configuration.host):\(configuration.port)/ (database: "
                    + "\(services.database.kind.rawValue))"
            )
            fflush(nil)  // a log file or pipe would otherwise see the line only at shutdown
            try await app.runService()
        }
    }
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Bring the database schema up to date, or revert every migration."
    )

    @OptionGroup var database: DatabaseOptions
    @Flag(help: "Revert all migrations instead (destroys the data).") var revert = false

    func run() async throws {
        try await withServices(database, migrate: false) { services in
            if revert {
                try await services.database.revertAll()
                print("Reverted all migrations.")
            } else {
                try await services.database.migrate()
                print("The database is up to date.")
            }
        }
    }
}
