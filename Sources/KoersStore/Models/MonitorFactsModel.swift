import FluentKit
import Foundation

/// Monitorfeiten: one trajectory's facts for the monitor (``KoersMonitor/TrajectoryFacts`` in its
/// binary form), kept in the transaction of every change to the trajectory. A narrow table of
/// its own, so the monitor's first computation reads a few hundred bytes per trajectory and not
/// the trajectory's row with its summary.
public final class MonitorFactsModel: Model, @unchecked Sendable {
    public static let schema = "monitor_facts"

    /// The trajectory's id.
    @ID(key: .id) public var id: UUID?
    @Field(key: "location_id") public var locationId: UUID
    @Field(key: "facts") public var facts: Data

    public init() {}
}

/// Moves the monitor's facts out of `trajectories` into their own table, in the binary form
/// (`KoersDatabase.migrate` then fills it from the events).
struct CreateMonitorFactTable: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(MonitorFactsModel.schema)
            .id()
            .field("location_id", .uuid, .required)
            .field("facts", .data, .required)
            .create()
        try await database.schema(TrajectoryModel.schema).deleteField("monitor_facts").update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(TrajectoryModel.schema).field("monitor_facts", .string).update()
        try await database.schema(MonitorFactsModel.schema).delete()
    }
}
