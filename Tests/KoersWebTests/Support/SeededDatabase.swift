import Foundation
import KoersCore
import KoersDemo
import KoersStore
import Logging
import SQLKit

@testable import KoersWeb

/// The migrated schema with the demo network, and with a scenario's population where a test asks for one, built
/// once per run, database and scenario, and copied for each test: an SQLite file copied, a PostgreSQL database
/// created with it as the template.
///
/// Building it is most of a test's setup (every migration, the network's administrative changes each hashed into
/// the chain; the pilot's population takes a minute and a half on its own), and the suite runs hundreds of tests
/// in parallel on two cores: built for each test, the setups alone kept CI busy past its limit.
enum SeededDatabase {
    /// Where a test's copy is, and the network's accounts in it.
    struct Copy: Sendable {
        let url: String
        let schema: String?
        let accounts: [DemoNetwork.Account]
    }

    /// The schema every PostgreSQL copy works in; each copy is its own database.
    static let postgresSchema = "koers_test"

    /// A fresh copy of the seeded database for one test.
    static func copy(_ database: TestDatabase, scenario: DemoScenario?) async throws -> Copy {
        let template = try await Templates.shared.template(database, scenario).value
        switch database {
        case .sqlite:
            let path = FileManager.default.temporaryDirectory.appendingPathComponent(
                "koers-test-\(UUID().uuidString).sqlite"
            ).path
            try FileManager.default.copyItem(atPath: template.location, toPath: path)
            // Closing the last connection folds the write-ahead log into the file; should one be left, it goes along.
            if FileManager.default.fileExists(atPath: template.location + "-wal") {
                try FileManager.default.copyItem(atPath: template.location + "-wal", toPath: path + "-wal")
            }
            return Copy(url: "sqlite://" + path, schema: nil, accounts: template.accounts)
        case .postgres:
            let name = uniqueName("t_")
            try await TestDatabase.postgresAdministration("CREATE DATABASE \(name) TEMPLATE \(template.location)")
            return Copy(
                url: try TestDatabase.postgresURL(database: name),
                schema: postgresSchema,
                accounts: template.accounts
            )
        }
    }

    /// A seeded database: an SQLite file's path or a PostgreSQL database's name, and the accounts in it.
    struct Template: Sendable {
        let location: String
        let accounts: [DemoNetwork.Account]
    }

    /// Each template is built once, by the first test that needs it; the others wait for it.
    actor Templates {
        static let shared = Templates()
        private var built: [String: Task<Template, any Error>] = [:]

        func template(_ database: TestDatabase, _ scenario: DemoScenario?) -> Task<Template, any Error> {
            let key = "\(database) \(scenario.map { String(describing: $0) } ?? "network")"
            if let task = built[key] { return task }
            let task = Task { try await SeededDatabase.build(database, scenario: scenario) }
            built[key] = task
            return task
        }
    }

    private static func build(_ database: TestDatabase, scenario: DemoScenario?) async throws -> Template {
        switch database {
        case .sqlite:
            let path = FileManager.default.temporaryDirectory.appendingPathComponent(
                "koers-template-\(UUID().uuidString).sqlite"
            ).path
            let accounts = try await seed(url: "sqlite://" + path, schema: nil, scenario: scenario)
            return Template(location: path, accounts: accounts)
        case .postgres:
            let name = uniqueName("koers_template_")
            try await TestDatabase.postgresAdministration("CREATE DATABASE \(name)")
            let url = try TestDatabase.postgresURL(database: name)
            let creator = try KoersDatabase(url: url, logger: TestDatabase.quietLogger)
            try await creator.closing { try await creator.createSchema(postgresSchema) }
            let accounts = try await seed(url: url, schema: postgresSchema, scenario: scenario)
            return Template(location: name, accounts: accounts)
        }
    }

    /// Migrates and builds the network, and the scenario's population, as `koers demo` does; then closes every
    /// connection, since a PostgreSQL template must have none.
    private static func seed(
        url: String,
        schema: String?,
        scenario: DemoScenario?
    ) async throws
        -> [DemoNetwork.Account]
    {
        let services = try KoersServices(TestApp.configuration(url), logger: TestDatabase.quietLogger, schema: schema)
        return try await services.database.closing {
            try await services.database.migrate()
            guard let scenario else { return try await DemoNetwork.create(services.directory) }
            return try await DemoLoader.load(
                directory: services.directory,
                cases: services.cases,
                scenario: scenario,
                seed: 2019,
                today: TestApp.today
            ).accounts
        }
    }

    private static func uniqueName(_ prefix: String) -> String {
        prefix + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
    }
}
