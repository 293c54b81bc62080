import FluentKit
import Foundation
import HTTPTypes
import HummingbirdTesting
import KoersStore
import Logging
import SQLKit
import Testing

@testable import KoersWeb

@Suite("Readiness")
struct ReadinessTests {
    @Test("A fresh database is not ready; migrated it is; a pending fill makes it not ready again")
    func states() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("koers-\(UUID()).sqlite").path
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let database = try KoersDatabase(url: "sqlite://" + path, logger: Logger(label: "test"))
        guard case .behind = await database.readiness() else {
            Issue.record("a database without migrations must not be ready")
            return
        }
        // The probe wrote nothing: the migrations table is still missing.
        let sql = database.db as! any SQLDatabase
        struct Count: Decodable { let n: Int }
        let tables = try await sql.raw("SELECT count(*) AS n FROM sqlite_master WHERE name = '_fluent_migrations'")
            .first(decoding: Count.self)
        #expect(tables?.n == 0)
        try await database.migrate()
        #expect(await database.readiness() == .ready)
        try await sql.raw("INSERT INTO read_model_fills (name) VALUES ('open_deadlines')").run()
        #expect(await database.readiness() == .behind(["fill open_deadlines"]))
        await database.shutdown()
    }

    @Test("/ready answers anyone, with no session and no data", arguments: TestDatabase.available)
    func route(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { _, client in
            let response = try await client.execute(uri: "/ready", method: .get)
            #expect(response.status == .ok)
            #expect(String(buffer: response.body) == "ready\n")
            #expect(response.headers[.cacheControl] == "no-store")
            #expect(response.headers[.setCookie] == nil)
        }
    }
}
