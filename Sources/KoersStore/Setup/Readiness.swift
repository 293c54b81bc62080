import FluentKit
import Foundation
import SQLKit

/// Whether this instance can serve: the database answers, its schema is current and the read
/// models a migration added are filled. A load balancer or orchestrator sends traffic only then.
public enum Readiness: Sendable, Equatable {
    case ready
    /// The database did not answer; the reason is the driver's.
    case unreachable(String)
    /// Migrations that have not run (by name), or read models still to be filled.
    case behind([String])
}

extension KoersDatabase {
    /// Checks readiness without writing: a probe must not create the migrations table or run
    /// anything (`koers migrate` or `koers serve` at start does that).
    public func readiness() async -> Readiness {
        struct Name: Decodable { let name: String }
        let applied: [Name]
        do {
            try await sql.raw("SELECT 1 AS one").run()
        } catch {
            return .unreachable(String(describing: error))
        }
        do {
            applied = try await sql.raw("SELECT name FROM _fluent_migrations").all(decoding: Name.self)
        } catch {
            return .behind(["no migration has run"])
        }
        let done = Set(applied.map(\.name))
        var missing = MigrationList.all.map(\.name).filter { !done.contains($0) }
        if missing.isEmpty, let fills = try? await sql.raw("SELECT name FROM read_model_fills").all(decoding: Name.self)
        {
            missing = fills.map { "fill \($0.name)" }
        }
        return missing.isEmpty ? .ready : .behind(missing)
    }
}
