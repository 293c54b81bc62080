import FluentKit
import Foundation
import HTTPTypes
import Hummingbird
import KoersCore
import KoersStore
import Logging
import SQLKit
import Testing

@testable import KoersWeb

@Suite("Durability settings")
struct DurabilityTests {
    /// `PRAGMA synchronous` on every connection of the pool: 2 is FULL, 1 is NORMAL.
    private func synchronous(_ setting: KoersDatabase.Synchronous?) async throws -> Set<Int> {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("koers-\(UUID()).sqlite").path
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let logger = Logger(label: "test")
        let database =
            try setting.map { try KoersDatabase(url: "sqlite://" + path, logger: logger, synchronous: $0) }
            ?? KoersDatabase(url: "sqlite://" + path, logger: logger)
        try await database.migrate()
        struct Row: Decodable { let synchronous: Int }
        var seen = Set<Int>()
        // More reads than connections, at once, so every connection of the pool answers.
        try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<16 {
                group.addTask {
                    let sql = database.db as! any SQLDatabase
                    return try await sql.raw("PRAGMA synchronous").first(decoding: Row.self)?.synchronous ?? -1
                }
            }
            for try await value in group { seen.insert(value) }
        }
        await database.shutdown()
        return seen
    }

    @Test("SQLite commits survive a power cut unless the operator opts out")
    func sqliteSynchronous() async throws {
        #expect(try await synchronous(nil) == [2])
        #expect(try await synchronous(.full) == [2])
        #expect(try await synchronous(.normal) == [1])
    }
}

@Suite("Writes that collide with concurrent writers")
struct WriteRetryTests {
    final class Attempts: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func next() -> Int {
            lock.withLock {
                count += 1
                return count
            }
        }
    }

    /// A row in a small table, to see whether a run of the transaction was kept or rolled back.
    static func insertProbe(_ name: String, on db: any Database) async throws {
        try await (db as! any SQLDatabase).raw("INSERT INTO read_model_fills (name) VALUES (\(bind: name))").run()
    }

    @Test(
        "A transaction that loses a race runs again, then is refused as busy with nothing written",
        arguments: TestDatabase.available
    )
    func boundedRetry(_ database: TestDatabase) async throws {
        let app = try await TestApp.make(database)
        try await app.services.database.closing {
            struct Count: Decodable { let n: Int }
            let db = app.services.database
            func probes() async throws -> Int {
                let sql = db.db as! any SQLDatabase
                return try await sql.raw("SELECT count(*) AS n FROM read_model_fills WHERE name LIKE 'probe%'")
                    .first(decoding: Count.self)?.n ?? -1
            }
            // Loses once, then wins: one row, from the second run.
            let once = Attempts()
            let result = try await db.write { tx in
                let attempt = once.next()
                try await Self.insertProbe("probe\(attempt)", on: tx)
                if attempt == 1 { throw LostRace() }
                return attempt
            }
            #expect(result == 2)
            #expect(try await probes() == 1)
            // Always loses: given up as busy after the bound, every run rolled back.
            let always = Attempts()
            await #expect(throws: StoreError.busy) {
                try await db.write { tx in
                    let attempt = always.next()
                    try await Self.insertProbe("probe-x\(attempt)", on: tx)
                    throw LostRace()
                }
            }
            #expect(always.next() - 1 == (database == .sqlite ? 50 : 8))
            #expect(try await probes() == 1)
            // Any other failure is not retried.
            let other = Attempts()
            await #expect(throws: StoreError.notFound) {
                try await db.write { _ in
                    _ = other.next()
                    throw StoreError.notFound
                }
            }
            #expect(other.next() == 2)
        }
        // The API says so with 503, problem+json and when to try again.
        let answer = Problem.from(.busy, language: .en)
        #expect(answer.status == .serviceUnavailable && answer.headers[.retryAfter] == "1")
        #expect(answer.headers[.contentType] == "application/problem+json")
    }
}

@Suite("Configuration from the environment")
struct ConfigurationTests {
    @Test("KOERS_SQLITE_SYNCHRONOUS: full by default, normal on request, nonsense ignored")
    func synchronousSetting() {
        #expect(KoersConfiguration.fromEnvironment([:]).sqliteSynchronous == .full)
        #expect(KoersConfiguration.fromEnvironment(["KOERS_SQLITE_SYNCHRONOUS": "NORMAL"]).sqliteSynchronous == .normal)
        #expect(KoersConfiguration.fromEnvironment(["KOERS_SQLITE_SYNCHRONOUS": "off"]).sqliteSynchronous == .full)
    }

    @Test("KOERS_TRACING: off unless otlp; anything else is refused, not ignored")
    func tracingSetting() throws {
        let logger = Logger(label: "test")
        #expect(try KoersTracing.bootstrap(environment: [:], logger: logger) == nil)
        #expect(try KoersTracing.bootstrap(environment: ["KOERS_TRACING": "off"], logger: logger) == nil)
        #expect(throws: TracingConfigurationError.self) {
            try KoersTracing.bootstrap(environment: ["KOERS_TRACING": "jaeger"], logger: logger)
        }
    }
}
