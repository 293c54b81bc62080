import FluentKit
import Foundation
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

@Suite("Configuration from the environment")
struct ConfigurationTests {
    @Test("KOERS_SQLITE_SYNCHRONOUS: full by default, normal on request, nonsense ignored")
    func synchronousSetting() {
        #expect(KoersConfiguration.fromEnvironment([:]).sqliteSynchronous == .full)
        #expect(KoersConfiguration.fromEnvironment(["KOERS_SQLITE_SYNCHRONOUS": "NORMAL"]).sqliteSynchronous == .normal)
        #expect(KoersConfiguration.fromEnvironment(["KOERS_SQLITE_SYNCHRONOUS": "off"]).sqliteSynchronous == .full)
    }
}
