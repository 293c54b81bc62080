import FluentKit
import Foundation
import SQLKit

extension KoersDatabase {
    /// Runs a bulk load into `tables` with their secondary indexes dropped, and builds them again
    /// afterwards, also when the load fails. Unique indexes stay, so the load is still checked.
    ///
    /// Inserting a million rows into indexes on random keys (block keys, V-nummers, due dates)
    /// reads an index page from the file for most rows once the index outgrows the page cache;
    /// building the index afterwards sorts once. On SQLite the search index of persons
    /// (`person_search`, kept by a trigger) is likewise rebuilt in one pass.
    func withoutSecondaryIndexes<T: Sendable>(
        on tables: [String],
        _ body: () async throws -> T
    ) async throws -> T {
        let dropped = try await secondaryIndexes(on: tables)
        for index in dropped { try await sql.raw("DROP INDEX \(ident: index.name)").run() }
        let searchTrigger = kind == .sqlite && tables.contains("persons") ? try await personSearchTrigger() : nil
        if searchTrigger != nil { try await sql.raw("DROP TRIGGER persons_search_insert").run() }
        let result: Result<T, any Error>
        do {
            result = .success(try await body())
        } catch {
            result = .failure(error)
        }
        for index in dropped { try await sql.raw("\(unsafeRaw: index.definition)").run() }
        if let searchTrigger {
            try await sql.raw("INSERT INTO person_search(person_search) VALUES ('rebuild')").run()
            try await sql.raw("\(unsafeRaw: searchTrigger)").run()
        }
        return try result.get()
    }

    private struct IndexDefinition: Decodable {
        let name: String
        let definition: String
    }

    private func secondaryIndexes(on tables: [String]) async throws -> [IndexDefinition] {
        let list = SQLList(tables.map { SQLBind($0) })
        switch kind {
        case .sqlite:
            return try await sql.raw(
                """
                SELECT name, sql AS definition FROM sqlite_master
                WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (\(list))
                AND upper(sql) NOT LIKE 'CREATE UNIQUE%'
                """
            ).all(decoding: IndexDefinition.self)
        case .postgres:
            return try await sql.raw(
                """
                SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
                JOIN pg_class c ON c.relname = i.indexname
                JOIN pg_index x ON x.indexrelid = c.oid
                WHERE i.schemaname = current_schema() AND i.tablename IN (\(list))
                AND NOT x.indisunique AND NOT x.indisprimary
                AND c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())
                """
            ).all(decoding: IndexDefinition.self)
        }
    }

    private struct TriggerDefinition: Decodable { let sql: String }

    private func personSearchTrigger() async throws -> String? {
        try await sql.raw("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'persons_search_insert'")
            .first(decoding: TriggerDefinition.self)?.sql
    }
}
