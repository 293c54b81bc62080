import FluentKit
import FluentSQL
import SQLKit

/// Each location's sub-deadline policy, as JSON (``KoersCore/DeadlinePolicy``); none by default.
struct AddDeadlinePolicyToLocations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(LocationModel.schema)
            .field("deadline_policy", .string, .required, .sql(.default("{}")))
            .update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(LocationModel.schema).deleteField("deadline_policy").update()
    }
}
