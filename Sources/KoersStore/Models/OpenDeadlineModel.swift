import FluentKit
import FluentSQL
import Foundation
import SQLKit

/// The deadline index: one row per open sub-deadline of a running trajectory
/// (``KoersCore/OpenDeadline``), rewritten in the transaction of every change to the trajectory
/// and of every change to its location's policy. The progress view, the inbox and the agendas
/// read it by location and due date.
public final class OpenDeadlineModel: Model, @unchecked Sendable {
    public static let schema = "open_deadlines"

    @ID(key: .id) public var id: UUID?
    @Field(key: "trajectory_id") public var trajectoryId: UUID
    @Field(key: "location_id") public var locationId: UUID
    @Field(key: "stage") public var stage: String
    @Field(key: "kind") public var kind: String
    @OptionalField(key: "party") public var party: String?
    /// ``KoersCore/OpenDeadline/dueOn`` as `YYYY-MM-DD`, which sorts as the days do.
    @Field(key: "due_on") public var dueOn: String
    @OptionalField(key: "suspended_since") public var suspendedSince: String?
    /// The case's display name, as its summary has it.
    @Field(key: "name") public var name: String
    /// The ``KoersCore/OpenDeadline`` as JSON.
    @Field(key: "deadline") public var deadline: String

    public init() {}
}

struct CreateOpenDeadlines: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(OpenDeadlineModel.schema)
            .id()
            .field("trajectory_id", .uuid, .required)
            .field("location_id", .uuid, .required)
            .field("stage", .string, .required)
            .field("kind", .string, .required)
            .field("party", .string)
            .field("due_on", .string, .required)
            .field("suspended_since", .string)
            .field("name", .string, .required)
            .field("deadline", .string, .required)
            .create()
        let sql = database as! any SQLDatabase
        // Both in the order the lists read them: by due date, then case, then row.
        try await sql.raw(
            "CREATE INDEX open_deadlines_location_due ON open_deadlines (location_id, due_on, trajectory_id, id)"
        ).run()
        try await sql.raw(
            "CREATE INDEX open_deadlines_party ON open_deadlines (location_id, kind, party, due_on, trajectory_id, id)"
        ).run()
        try await sql.raw("CREATE INDEX open_deadlines_trajectory ON open_deadlines (trajectory_id)").run()
        // The few suspended ones, without reading every open deadline of the location.
        try await sql.raw(
            """
            CREATE INDEX open_deadlines_suspended ON open_deadlines (location_id, due_on) \
            WHERE suspended_since IS NOT NULL
            """
        ).run()
        // Filled from the trajectories' summaries by `KoersDatabase.migrate`, which sees this mark.
        try await sql.raw("CREATE TABLE read_model_fills (name VARCHAR(100) PRIMARY KEY)").run()
        try await sql.raw("INSERT INTO read_model_fills (name) VALUES ('open_deadlines')").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("DROP TABLE read_model_fills").run()
        try await database.schema(OpenDeadlineModel.schema).delete()
    }
}
