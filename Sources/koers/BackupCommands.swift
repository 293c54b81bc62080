import ArgumentParser
import Foundation
import KoersStore
import KoersWeb

/// `koers backup`: a consistent copy of the database while Koers runs.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract:
            "Write a consistent copy of the database to a file while Koers keeps running (SQLite: VACUUM INTO; "
            + "PostgreSQL: pg_dump, custom format)."
    )
    @OptionGroup var database: DatabaseOptions
    @Option(help: "The file to write; it must not exist yet.") var output: String

    func run() async throws {
        try await withServices(database, migrate: false) { services in
            let start = Date()
            try await services.database.backup(to: output)
            let seconds = String(format: "%.1f", Date().timeIntervalSince(start))
            print("Backup written to \(output) in \(seconds) s.")
        }
    }
}

/// `koers restore`: a backup into an empty database, brought up to date.
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract:
            "Restore a backup made by `koers backup` into an empty database (SQLite: a file that does not exist "
            + "yet; PostgreSQL: a database without tables), then bring its schema up to date."
    )
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The backup file.") var file: String

    func run() async throws {
        let configuration = database.configuration()
        let register = URL(fileURLWithPath: configuration.erasureRegisterPath)
        let start = Date()
        try await KoersDatabase.restore(
            from: file,
            into: configuration.databaseURL,
            schema: nil,
            logger: makeLogger(configuration.logLevel)
        )
        // Whoever was erased after the backup was made is erased again, before anyone signs in.
        try await withServices(database) { services in
            let again = try await services.retention.eraseAgain(from: register)
            print("Erased again from the erasure register \(register.path): \(again) people.")
        }
        let seconds = String(format: "%.1f", Date().timeIntervalSince(start))
        print("Restored \(file) into \(configuration.databaseURL.split(separator: "@").last ?? "") in \(seconds) s.")
    }
}
