import Foundation
import KoersStore
import Logging
import SQLKit
import Testing

/// The databases the suite runs against: SQLite always; PostgreSQL when
/// `KOERS_TEST_POSTGRES_URL` is set (the README's test command sets it, and refuses to run without it
/// unless `KOERS_TEST_SQLITE_ONLY=1`).
enum TestDatabase: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    static var available: [TestDatabase] {
        ProcessInfo.processInfo.environment["KOERS_TEST_POSTGRES_URL"] == nil ? [.sqlite] : [.sqlite, .postgres]
    }

    var testDescription: String { rawValue }

    /// A fresh, empty database: a new SQLite file, or a new PostgreSQL schema.
    func fresh() async throws -> (url: String, schema: String?) {
        switch self {
        case .sqlite:
            let path = FileManager.default.temporaryDirectory.appendingPathComponent(
                "koers-test-\(UUID().uuidString).sqlite"
            ).path
            return ("sqlite://" + path, nil)
        case .postgres:
            let url = ProcessInfo.processInfo.environment["KOERS_TEST_POSTGRES_URL"]!
            let schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
            let admin = try KoersDatabase(url: url, logger: Self.quietLogger)
            // Shut down on failure too: a pool dropped unclosed traps, hiding why the server refused.
            try await admin.closing { try await admin.createSchema(String(schema)) }
            return (url, String(schema))
        }
    }
}

extension TestDatabase {
    /// A logger for the suite's own setup: warnings and errors only.
    static var quietLogger: Logger {
        var logger = Logger(label: "test-pg")
        logger.logLevel = .warning
        return logger
    }

    /// `KOERS_TEST_POSTGRES_URL` with another database in its path.
    static func postgresURL(database: String) throws -> String {
        let url = ProcessInfo.processInfo.environment["KOERS_TEST_POSTGRES_URL"]!
        guard var components = URLComponents(string: url) else { throw URLError(.badURL) }
        components.path = "/" + database
        return components.string!
    }

    /// Runs one statement on the database `KOERS_TEST_POSTGRES_URL` names, such as creating a database.
    static func postgresAdministration(_ statement: String) async throws {
        let url = ProcessInfo.processInfo.environment["KOERS_TEST_POSTGRES_URL"]!
        let admin = try KoersDatabase(url: url, logger: quietLogger)
        try await admin.closing { try await (admin.db as! any SQLDatabase).raw("\(unsafeRaw: statement)").run() }
    }
}
