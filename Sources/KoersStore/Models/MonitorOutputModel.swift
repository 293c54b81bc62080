import FluentKit
import Foundation

/// A published output of the monitor (the page, the printable report, a download) for a reference
/// date, k and variant, as computed: shared by every Koers instance on the database, and deleted
/// in the transaction of any change that could alter it.
public final class MonitorOutputModel: Model, @unchecked Sendable {
    public static let schema = "monitor_outputs"

    @ID(key: .id) public var id: UUID?
    @Field(key: "peildatum") public var peildatum: String
    @Field(key: "k") public var k: Int
    @Field(key: "variant") public var variant: String
    @Field(key: "computed_at") public var computedAt: Date
    @Field(key: "body") public var body: Data

    public init() {}
}

struct CreateMonitorOutputs: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(MonitorOutputModel.schema)
            .id()
            .field("peildatum", .string, .required)
            .field("k", .int, .required)
            .field("variant", .string, .required)
            .field("computed_at", .datetime, .required)
            .field("body", .data, .required)
            .unique(on: "peildatum", "k", "variant")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(MonitorOutputModel.schema).delete()
    }
}
