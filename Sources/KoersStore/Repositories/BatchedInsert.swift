import SQLKit

extension SQLDatabase {
    /// Inserts rows a few thousand bound values at a time: well under SQLite's and PostgreSQL's
    /// limits on the parameters of one statement.
    func insert(into table: String, columns: [String], batched rows: [[any SQLExpression]]) async throws {
        let size = max(1, 8000 / max(1, columns.count))
        for start in stride(from: 0, to: rows.count, by: size) {
            var insert = self.insert(into: table).columns(columns)
            for row in rows[start..<min(start + size, rows.count)] { insert = insert.values(row) }
            try await insert.run()
        }
    }
}
