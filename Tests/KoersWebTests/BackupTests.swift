import FluentKit
import Foundation
import KoersCore
import KoersDemo
import KoersStore
import Logging
import SQLKit
import Testing

@testable import KoersWeb

@Suite("Backup and restore")
struct BackupTests {
    /// Notes acknowledged so far, in order.
    private final class Acknowledged: @unchecked Sendable {
        private let lock = NSLock()
        private var texts: [String] = []
        private var stopped = false
        func add(_ text: String) { lock.withLock { texts.append(text) } }
        var all: [String] { lock.withLock { texts } }
        func stop() { lock.withLock { stopped = true } }
        var isStopped: Bool { lock.withLock { stopped } }
    }

    @Test(
        "A backup taken under write load restores every write acknowledged before it began",
        arguments: TestDatabase.available
    )
    func underLoad(_ database: TestDatabase) async throws {
        var logger = Logger(label: "backup-test")
        logger.logLevel = .warning
        let app = try await TestApp.make(database)
        let file = try await app.admitted()
        let actor = app.account(.ngo).actor
        let service = app.services.service
        let acknowledged = Acknowledged()
        // A writer adding notes until told to stop, as users would while the backup runs.
        let writer = Task {
            var n = 0
            while !acknowledged.isStopped {
                let text = "note \(n)"
                _ = try await service.perform(
                    .note,
                    on: file.id,
                    input: FormInput(single: ["classification": "general", "text": text]),
                    expectedVersion: nil,
                    actor: actor
                )
                acknowledged.add(text)
                n += 1
            }
        }
        while acknowledged.all.count < 20 { try await Task.sleep(nanoseconds: 5_000_000) }
        let before = acknowledged.all
        let backup = FileManager.default.temporaryDirectory.appendingPathComponent("koers-backup-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: backup) }
        try await app.services.database.backup(to: backup)
        while acknowledged.all.count < before.count + 10 { try await Task.sleep(nanoseconds: 5_000_000) }
        acknowledged.stop()
        try await writer.value
        // A backup never overwrites a file.
        await #expect(throws: BackupError.self) { try await app.services.database.backup(to: backup) }
        await app.services.database.shutdown()

        let (url, schema, cleanup) = try await Self.emptyTarget(database, source: app.services.database, logger: logger)
        try await KoersDatabase.restore(from: backup, into: url, schema: schema, logger: logger)
        // Restoring again into what is now a full database is refused.
        await #expect(throws: BackupError.self) {
            try await KoersDatabase.restore(from: backup, into: url, schema: schema, logger: logger)
        }
        let restored = try KoersServices(KoersConfiguration(databaseURL: url), logger: logger, schema: schema)
        try await restored.database.migrate()
        let record = try #require(try await restored.cases.load(file.id, context: nil))
        let texts = Set(record.file.notes.map(\.text))
        #expect(before.allSatisfy(texts.contains), "missing: \(before.filter { !texts.contains($0) })")
        // The read models came with the events, consistent with them.
        #expect(try await restored.cases.rebuildProjections() == 0)
        #expect(await restored.database.readiness() == .ready)
        await restored.database.shutdown()
        try await cleanup()
    }

    /// An empty place to restore into: a new SQLite file, or a new PostgreSQL database (the
    /// backup carries its schema's name).
    static func emptyTarget(
        _ database: TestDatabase,
        source: KoersDatabase,
        logger: Logger
    ) async throws -> (String, String?, @Sendable () async throws -> Void) {
        let fresh = try await database.fresh()
        guard database == .postgres, var components = URLComponents(string: fresh.url) else {
            let path = String(fresh.url.dropFirst("sqlite://".count))
            return (
                fresh.url, nil,
                { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) } }
            )
        }
        let name = "restore_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(12)
        let admin = try KoersDatabase(url: fresh.url, logger: logger)
        try await admin.closing {
            try await (admin.db as! any SQLDatabase).raw("CREATE DATABASE \(unsafeRaw: name)").run()
        }
        components.path = "/" + name
        let schema = try #require(source.schemaName)
        let adminURL = fresh.url
        return (
            components.string!, schema,
            {
                let admin = try KoersDatabase(url: adminURL, logger: logger)
                try await admin.closing {
                    try await (admin.db as! any SQLDatabase).raw("DROP DATABASE IF EXISTS \(unsafeRaw: name)").run()
                }
            }
        )
    }
}
