import FluentKit
import Foundation
import SQLKit

/// The head of every chain that many writers extend (the processing log's, the administration's):
/// its last sequence number and hash. A writer locks its chain's head until its transaction ends,
/// so two writers never extend one chain from the same place; chains are partitioned, so writers
/// of different chains do not wait for each other. Trajectories' event chains need no head: the
/// trajectory's row lock already orders their writers.
public enum ChainHeads {
    static let schema = "audit_chain_heads"

    /// A chain's last place and hash.
    public struct Head: Codable, Sendable, Equatable {
        public let seq: Int
        public let hash: String

        public init(seq: Int, hash: String) {
            self.seq = seq
            self.hash = hash
        }
    }

    /// The chain's head, locked for the caller's transaction; created at its genesis if new.
    static func claim(_ chain: String, on db: any Database) async throws -> Head {
        let sql = db as! any SQLDatabase
        try await sql.insert(into: schema).columns("chain", "seq", "hash")
            .values(SQLBind(chain), SQLBind(0), SQLBind(AuditHash.genesis(chain)))
            .ignoringConflicts(with: "chain").run()
        var query = sql.select().columns("seq", "hash").from(schema).where("chain", .equal, SQLBind(chain))
        if sql.dialect.exclusiveSelectLockExpression != nil { query = query.for(.update) }
        guard let head = try await query.first(decoding: Head.self) else { throw StoreError.notFound }
        return head
    }

    /// Moves the chain's head after the caller wrote its rows.
    static func advance(_ chain: String, to head: Head, on db: any Database) async throws {
        try await (db as! any SQLDatabase).update(schema).set("seq", to: SQLBind(head.seq))
            .set("hash", to: SQLBind(head.hash)).where("chain", .equal, SQLBind(chain)).run()
    }

    /// Every head, by chain.
    static func all(on db: any Database) async throws -> [String: Head] {
        struct Row: Decodable {
            let chain: String
            let seq: Int
            let hash: String
        }
        let rows = try await (db as! any SQLDatabase).select().columns("chain", "seq", "hash").from(schema)
            .all(decoding: Row.self)
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.chain, Head(seq: $0.seq, hash: $0.hash)) })
    }
}
