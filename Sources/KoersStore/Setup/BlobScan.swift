import FluentKit
import Foundation
import NIOCore
import SQLKit
import SQLiteNIO

extension KoersDatabase {
    /// Reads one blob column of every row of `table`, turning each blob into a value as it
    /// arrives; rows for which `transform` gives nil are left out. The order is the table's
    /// storage order.
    ///
    /// A first computation of the monitor reads a million rows this way. On SQLite the table is
    /// read in as many rowid ranges as there are event loops, at once, each on a connection of its
    /// own, and each row is transformed on the database thread that stepped it: SQLiteNIO's
    /// callback API would otherwise hop every row onto an event loop, which cost more than the
    /// decoding itself. On PostgreSQL rows arrive on the connection's event loop either way.
    ///
    /// The ranges are read in separate transactions, so a change committed meanwhile may show in
    /// one and not the other. The monitor claims its stored output before reading, and any change
    /// deletes the claim, so such a mixed read is served once and never stored.
    func scanBlobs<T: Sendable>(
        table: String,
        column: String,
        _ transform: @escaping @Sendable (UnsafeRawBufferPointer) throws -> T?
    ) async throws -> [T] {
        guard kind == .sqlite else {
            let kept = Kept<T>()
            try await sql.raw("SELECT \(ident: column) FROM \(ident: table)").run { row in
                kept.add { try row.decode(column: column, as: Data.self).withUnsafeBytes(transform) }
            }
            return try kept.values()
        }
        let bounds = try await sql.raw("SELECT min(rowid) AS lo, max(rowid) AS hi FROM \(ident: table)")
            .first(decoding: Bounds.self)
        guard let lo = bounds?.lo, let hi = bounds?.hi else { return [] }
        let loops = Array(databases.eventLoopGroup.makeIterator())
        let width = (hi - lo) / loops.count + 1
        let query = "SELECT \(column) FROM \(table) WHERE rowid >= ?1 AND rowid < ?2"
        var parts = try await withThrowingTaskGroup(of: (Int, [T]).self) { group in
            for (index, loop) in loops.enumerated() {
                let from = lo + index * width
                let database = databases.database(logger: logger, on: loop)! as! any SQLiteDatabase
                group.addTask {
                    let kept = Kept<T>(capacity: width)
                    try await database.withConnection { connection in
                        try await connection.query(query, [.integer(from), .integer(from + width)]) { row in
                            kept.add {
                                guard case .blob(let buffer) = row.column(column) else { return nil }
                                return try buffer.withUnsafeReadableBytes(transform)
                            }
                        }
                    }
                    return (index, try kept.values())
                }
            }
            return try await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
        }
        // The first part's array grows into the whole, so only the rest are copied.
        var all = parts.removeValue(forKey: 0) ?? []
        all.reserveCapacity(all.count + parts.values.reduce(0) { $0 + $1.count })
        for index in 1..<loops.count { all += parts[index] ?? [] }
        return all
    }
}

private struct Bounds: Decodable {
    let lo: Int?
    let hi: Int?
}

/// The values a streamed query delivers, one row at a time, on a database thread.
private final class Kept<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var kept: [T] = []
    private var failure: (any Error)?

    init(capacity: Int = 0) { kept.reserveCapacity(capacity) }

    func add(_ make: () throws -> T?) {
        lock.withLock {
            guard failure == nil else { return }
            do {
                if let value = try make() { kept.append(value) }
            } catch {
                failure = error
            }
        }
    }

    func values() throws -> [T] {
        try lock.withLock {
            if let failure { throw failure }
            return kept
        }
    }
}
