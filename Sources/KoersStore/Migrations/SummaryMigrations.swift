import FluentKit
import Foundation
import KoersCore
import SQLKit

/// Adds the case summary beside each trajectory, with an index for the cases that ended on or after
/// a day (running cases come through the existing index on location and stage),
/// (`KoersDatabase.migrate` then fills it from the events of the trajectories that exist).
struct AddCaseSummaries: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(TrajectoryModel.schema).field("summary", .string).update()
        try await database.schema(TrajectoryModel.schema).field("decided_on", .string).update()
        let sql = database as! any SQLDatabase
        try await sql.raw("CREATE INDEX trajectories_left_on ON trajectories (location_id, left_on)").run()
        // The case list's order: latest changed first, per location.
        try await sql.raw("CREATE INDEX trajectories_location_updated ON trajectories (location_id, updated_at)").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("DROP INDEX trajectories_left_on").run()
        try await sql.raw("DROP INDEX trajectories_location_updated").run()
        try await database.schema(TrajectoryModel.schema).deleteField("summary").update()
        try await database.schema(TrajectoryModel.schema).deleteField("decided_on").update()
    }
}

/// An index for case search by name, V-nummer aside: FTS5 with the trigram tokenizer on SQLite
/// (kept by triggers on `persons`, so every writer keeps it), `pg_trgm` on PostgreSQL. Both serve
/// the substring match the search asks of each word, so "mansour" finds "Mansour-Haddad".
struct AddPersonSearchIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        if sql.dialect.name == "sqlite" {
            for statement in Self.sqlite { try await sql.raw(SQLQueryString(statement)).run() }
        } else {
            // The extension is one per database, in `public` whatever schema Koers runs in; two
            // installations migrating at once may race to create it, which is fine once it exists.
            do {
                try await sql.raw("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public").run()
            } catch {
                struct Found: Decodable { let n: Int }
                let found =
                    try await sql.raw("SELECT COUNT(*) AS n FROM pg_extension WHERE extname = 'pg_trgm'")
                    .first(decoding: Found.self)?.n ?? 0
                if found == 0 { throw error }
            }
            try await sql.raw(
                "CREATE INDEX persons_search_trgm ON persons USING gin (search_text public.gin_trgm_ops)"
            ).run()
        }
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        if sql.dialect.name == "sqlite" {
            for name in ["persons_search_insert", "persons_search_update", "persons_search_delete"] {
                try await sql.raw("DROP TRIGGER \(unsafeRaw: name)").run()
            }
            try await sql.raw("DROP TABLE person_search").run()
        } else {
            try await sql.raw("DROP INDEX persons_search_trgm").run()
        }
    }

    static let sqlite = [
        """
        CREATE VIRTUAL TABLE person_search USING fts5(search_text, content='persons', content_rowid='rowid', \
        tokenize='trigram')
        """,
        "INSERT INTO person_search(person_search) VALUES ('rebuild')",
        """
        CREATE TRIGGER persons_search_insert AFTER INSERT ON persons BEGIN \
        INSERT INTO person_search(rowid, search_text) VALUES (new.rowid, new.search_text); END
        """,
        """
        CREATE TRIGGER persons_search_delete AFTER DELETE ON persons BEGIN \
        INSERT INTO person_search(person_search, rowid, search_text) VALUES ('delete', old.rowid, old.search_text); END
        """,
        """
        CREATE TRIGGER persons_search_update AFTER UPDATE OF search_text ON persons BEGIN \
        INSERT INTO person_search(person_search, rowid, search_text) VALUES ('delete', old.rowid, old.search_text); \
        INSERT INTO person_search(rowid, search_text) VALUES (new.rowid, new.search_text); END
        """,
    ]
}

/// Adds the monitor's facts beside each trajectory (filled from the events after migrating): the
/// monitor reads them, not the events.
struct AddMonitorFacts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(TrajectoryModel.schema).field("monitor_facts", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(TrajectoryModel.schema).deleteField("monitor_facts").update()
    }
}
