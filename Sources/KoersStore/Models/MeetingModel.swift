import FluentKit
import Foundation
import SQLKit

/// Lokaal samenwerkingsoverleg: one case meeting of a location, with its agenda as JSON.
public final class MeetingModel: Model, @unchecked Sendable {
    public static let schema = "meetings"

    @ID(key: .id) public var id: UUID?
    @Field(key: "location_id") public var locationId: UUID
    @Field(key: "held_on") public var heldOn: String
    @Field(key: "chair_user_id") public var chairUserId: UUID
    @Field(key: "chair_name") public var chairName: String
    /// The parties present, as a JSON array of party codes.
    @Field(key: "parties_present") public var partiesPresentJSON: String
    /// The agenda, as a JSON array of ``KoersCore/AgendaItem``.
    @Field(key: "agenda") public var agendaJSON: String
    /// How many cases the agenda holds, so lists of meetings need not read the agendas.
    @OptionalField(key: "agenda_count") public var agendaCount: Int?
    @Field(key: "updated_at") public var updatedAt: Date

    public init() {}
}

/// Keeps each meeting's agenda size beside its agenda (`KoersDatabase.migrate` fills it).
struct AddMeetingAgendaCount: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(MeetingModel.schema).field("agenda_count", .int).update()
        let sql = database as! any SQLDatabase
        try await sql.raw("INSERT INTO read_model_fills (name) VALUES ('meeting_agenda_count')").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(MeetingModel.schema).deleteField("agenda_count").update()
    }
}

struct CreateMeetings: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(MeetingModel.schema)
            .id()
            .field("location_id", .uuid, .required, .references(LocationModel.schema, "id"))
            .field("held_on", .string, .required)
            .field("chair_user_id", .uuid, .required)
            .field("chair_name", .string, .required)
            .field("parties_present", .string, .required)
            .field("agenda", .string, .required)
            .field("updated_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(MeetingModel.schema).delete()
    }
}
