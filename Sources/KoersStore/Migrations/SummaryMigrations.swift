import FluentKit
import Foundation
import KoersCore
import SQLKit

/// Adds the case summary beside each trajectory, with an index for the cases that ended on or after
/// a day (running cases come through the existing index on location and stage),
/// and fills it from the events of the trajectories that exist.
struct AddCaseSummaries: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(TrajectoryModel.schema).field("summary", .string).update()
        try await database.schema(TrajectoryModel.schema).field("decided_on", .string).update()
        let sql = database as! any SQLDatabase
        try await sql.raw("CREATE INDEX trajectories_left_on ON trajectories (location_id, left_on)").run()
        try await Projections.rebuildSummaries(on: database)
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("DROP INDEX trajectories_left_on").run()
        try await database.schema(TrajectoryModel.schema).deleteField("summary").update()
        try await database.schema(TrajectoryModel.schema).deleteField("decided_on").update()
    }
}
