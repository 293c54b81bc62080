import FluentKit

/// Where an event's fact came from when not from its recorder: an imported file, an agency's list
/// or a rectification, as the JSON of a ``KoersCore/FactSource``; null for what a user entered.
struct AddEventSource: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CaseEventModel.schema).field("source", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CaseEventModel.schema).deleteField("source").update()
    }
}
