import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import KoersCore
import Logging
import NIOCore
import NIOPosix
import SQLKit
import SQLiteNIO

/// The database Koers runs on: an SQLite file (the default, in WAL mode) or PostgreSQL.
///
/// `KOERS_DATABASE_URL` chooses: `postgres://user:password@host:5432/name`, or
/// `sqlite:///absolute/path.sqlite` / `sqlite://relative.sqlite` (default `sqlite://koers.sqlite`).
public final class KoersDatabase: Sendable {
    public enum Kind: String, Sendable { case sqlite, postgres }

    /// How an SQLite commit reaches the disk (`PRAGMA synchronous`).
    public enum Synchronous: String, Sendable {
        /// A commit waits until the write-ahead log is on disk: it survives a power cut.
        case full
        /// A commit does not wait for the disk; the log is synced at checkpoints. It survives a
        /// crash of Koers, but a power cut may lose the last commits. Opt-in.
        case normal
    }

    public let kind: Kind
    let databases: Databases
    let logger: Logger
    let synchronous: Synchronous
    /// Where the database is, as given: a backup of PostgreSQL hands it to `pg_dump`.
    let url: String
    /// The PostgreSQL schema worked in, when not the default.
    let schema: String?

    /// - Parameters:
    ///   - schema: on PostgreSQL, the schema to work in (tests give each run its own).
    ///   - synchronous: on SQLite, how commits reach the disk; `full` unless the operator chose otherwise.
    public init(url: String, logger: Logger, schema: String? = nil, synchronous: Synchronous = .full) throws {
        self.logger = logger
        self.synchronous = synchronous
        self.url = url
        self.schema = schema
        databases = Databases(threadPool: NIOThreadPool.singleton, on: MultiThreadedEventLoopGroup.singleton)
        if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
            kind = .postgres
            var config = try SQLPostgresConfiguration(url: url)
            config.searchPath = schema.map { [$0] }
            databases.use(
                .postgres(configuration: config, maxConnectionsPerEventLoop: 8, sqlLogLevel: .trace),
                as: .psql
            )
        } else {
            kind = .sqlite
            let path = url.hasPrefix("sqlite://") ? String(url.dropFirst("sqlite://".count)) : url
            databases.use(.sqlite(.file(path), sqlLogLevel: .trace), as: .sqlite)
        }
    }

    /// A handle for queries; cheap, take one per unit of work.
    public var db: any Database {
        databases.database(logger: logger, on: databases.eventLoopGroup.any())!
    }

    var sql: any SQLDatabase { db as! any SQLDatabase }

    /// Runs `body` in one transaction. A transaction that collides with concurrent writers is
    /// rolled back and run again whole (its own checks, such as the case version, run again and
    /// decide), a bounded number of times, then given up as ``StoreError/busy``:
    /// - on SQLite, two transactions that both read and then write can find the file locked;
    /// - on PostgreSQL, a deadlock or serialization failure, or a ``LostRace`` the body throws.
    public func write<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        let attempts = kind == .sqlite ? 50 : 8
        var attempt = 0
        while true {
            do {
                let asked = ContinuousClock.now
                // Not withConnection and then transaction: Fluent's PostgreSQL driver takes a
                // connection so handed out to be in a transaction already, and would not begin one.
                return try await db.transaction { tx in
                    try await DatabaseMetrics.holding(askedAt: asked) { try await body(tx) }
                }
            } catch  where Self.isTransient(error) {
                attempt += 1
                DatabaseMetrics.collided(givenUp: attempt == attempts)
                guard attempt < attempts else {
                    logger.warning("a write gave up after \(attempt) collisions with concurrent writers")
                    throw StoreError.busy
                }
                try await Task.sleep(nanoseconds: UInt64(1_000_000 * min(attempt, 20)))
            }
        }
    }

    /// A collision with concurrent writers that running the transaction again may not meet.
    private static func isTransient(_ error: any Error) -> Bool {
        switch error {
        case is LostRace: return true
        case let error as SQLiteError:
            switch error.reason {
            case .busy, .locked, .busyTimeout, .busyInSnapshot, .busyInRecovery, .lockedBySharedCache: return true
            default: return false
            }
        case let error as PSQLError:
            // serialization_failure, deadlock_detected
            return ["40001", "40P01"].contains(error.serverInfo?[.sqlState] ?? "")
        default: return false
        }
    }

    /// Brings the schema up to date; on SQLite, also switches the file to WAL.
    public func migrate() async throws {
        if kind == .sqlite {
            try await sql.raw("PRAGMA journal_mode=WAL").run()
            try await tuneSQLiteConnections()
        }
        try await migrator().prepareBatch().get()
        // Read models added by a migration are filled from the events here, with the code that
        // keeps them: a migration cannot use today's models.
        let filled = try await write { db in
            let filled = try await Projections.rebuildSummaries(on: db, onlyMissing: true)
            if filled > 0 { try await Projections.rebuildDeadlines(at: nil, on: db) }
            return filled
        }
        if filled > 0 { logger.info("Filled the read models of \(filled) trajectories from their events.") }
        struct Fill: Decodable { let name: String }
        for fill in try await sql.raw("SELECT name FROM read_model_fills").all(decoding: Fill.self) {
            try await write { db in
                switch fill.name {
                case "open_deadlines": try await Projections.rebuildDeadlines(at: nil, on: db)
                case "audit_chains": try await AuditChainsFill.fill(on: db)
                case "meeting_agenda_count":
                    for meeting in try await MeetingModel.query(on: db).all() {
                        meeting.agendaCount = try JSONCoding.decode([AgendaItem].self, meeting.agendaJSON).count
                        try await meeting.save(on: db)
                    }
                default: break
                }
                let sql = db as! any SQLDatabase
                try await sql.delete(from: "read_model_fills").where("name", .equal, SQLBind(fill.name)).run()
            }
            logger.info("Filled the read model \(fill.name).")
        }
        // Activities added since the register was made get their default entry; edited ones stay.
        try await write { db in try await ProcessingRegisterStore.addMissing(on: db) }
        if kind == .sqlite { try await refreshStatistics() }
    }

    /// Gives the query planner fresh statistics of the tables and indexes. Without them SQLite
    /// reads a search through every case of a location instead of starting from the few people the
    /// name index finds (1.4 s against 50 ms at a million trajectories). SQLite samples a thousand
    /// rows per index, so this takes under a second even then; PostgreSQL's autovacuum keeps its
    /// own statistics, and here it is asked once after a bulk load.
    public func refreshStatistics() async throws {
        let sqlite = kind == .sqlite
        // One connection for both statements: the limit is a setting of the connection.
        try await db.withConnection { connection in
            let sql = connection as! any SQLDatabase
            if sqlite { try await sql.raw("PRAGMA analysis_limit=1000").run() }
            try await sql.raw("ANALYZE").run()
        }
    }

    /// After an erasure: the pages that held the erased values are given back and overwritten, so
    /// the values do not linger in the file. SQLite merges its search index, rewrites the database
    /// (`VACUUM`, which waits for writers and blocks them while it runs) and empties its write-ahead
    /// log; PostgreSQL vacuums the tables an erasure rewrites, which frees the old row versions for
    /// reuse but does not overwrite them at once.
    public func compactAfterErasure() async throws {
        let sql = self.sql
        if kind == .sqlite {
            // The search index's segments keep an erased person's tokens until merged; merging once
            // per destruction, not once per person, as each merge rewrites the whole index.
            try await sql.raw("INSERT INTO person_search(person_search) VALUES ('optimize')").run()
            try await sql.raw("VACUUM").run()
            try await sql.raw("PRAGMA wal_checkpoint(TRUNCATE)").run()
        } else {
            for table in ["persons", "case_events", "trajectories", "transfers", "monitor_facts", "open_deadlines"] {
                try await sql.raw("VACUUM \(ident: table)").run()
            }
        }
    }

    /// Fluent's migrator over Koers's migrations, with its bookkeeping table in place.
    private func migrator() async throws -> Migrator {
        let migrations = Migrations()
        migrations.add(MigrationList.all)
        let migrator = Migrator(
            databases: databases,
            migrations: migrations,
            logger: logger,
            on: databases.eventLoopGroup.any()
        )
        try await migrator.setupIfNeeded().get()
        return migrator
    }

    /// Every connection starts with `synchronous=FULL`, SQLite's default as Koers builds it, so a
    /// commit survives a power cut. `normal` is the operator's choice (`KOERS_SQLITE_SYNCHRONOUS`):
    /// it is set here on each of the pool's connections (one per event loop); a connection the
    /// pool ever reopens starts at FULL again, the safe side.
    private func tuneSQLiteConnections() async throws {
        for loop in databases.eventLoopGroup.makeIterator() {
            let db = databases.database(logger: logger, on: loop)! as! any SQLDatabase
            try await db.raw("PRAGMA synchronous=\(unsafeRaw: synchronous.rawValue.uppercased())").run()
            // 128 MB of page cache per connection (the default is 2 MB): a national database's
            // indexes on random ids otherwise read a page from the file for most inserts and lookups.
            try await db.raw("PRAGMA cache_size=-131072").run()
        }
    }

    /// Reverts every migration, newest first.
    public func revertAll() async throws {
        try await migrator().revertAllBatches().get()
    }

    /// Creates a PostgreSQL schema if it is missing; tests give every run a schema of its own.
    public func createSchema(_ name: String) async throws {
        guard kind == .postgres, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { return }
        try await sql.raw("CREATE SCHEMA IF NOT EXISTS \(unsafeRaw: name)").run()
    }

    /// Closes the pool; calling it again does nothing.
    public func shutdown() async {
        await databases.shutdownAsync()
    }
}
