import FluentKit
import FluentSQL
import KoersCore
import SQLKit

/// Regions and municipalities, the location's region, national bodies, invitations, two-factor
/// sign-in and the administrative change log (issue 16).
struct CreateAdministration: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(RegionModel.schema)
            .id()
            .field("name", .string, .required)
            .unique(on: "name")
            .create()
        try await database.schema(MunicipalityModel.schema)
            .id()
            .field("cbs_code", .string, .required)
            .field("name", .string, .required)
            .field("region_id", .uuid, .required, .references(RegionModel.schema, "id"))
            .unique(on: "cbs_code")
            .create()
        try await database.schema(LocationModel.schema)
            .field("region_id", .uuid, .references(RegionModel.schema, "id"))
            .update()
        // A national body (the hardship committee, the national escalation meeting) serves every
        // location, including ones created after it.
        try await database.schema(OrganisationModel.schema)
            .field("national", .bool, .required, .sql(.default(false)))
            .update()
        try await database.schema(UserModel.schema)
            .field("totp_secret", .string)
            .update()
        try await database.schema(UserModel.schema)
            .field("totp_exempt", .bool, .required, .sql(.default(false)))
            .update()
        try await database.schema(UserModel.schema)
            .field("totp_last_step", .int64)
            .update()
        try await database.schema(SessionModel.schema)
            .field("pending", .bool, .required, .sql(.default(false)))
            .update()
        try await database.schema(SessionModel.schema)
            .field("totp_candidate", .string)
            .update()
        try await database.schema(PartySettingModel.schema)
            .id()
            .field("party", .string, .required)
            .field("requires_totp", .bool, .required)
            .unique(on: "party")
            .create()
        // Two-factor sign-in is on by default for every party that opens cases.
        for party in Party.allCases {
            try await PartySettingModel(party: party.rawValue, requiresTOTP: Party.opensCases(party)).create(
                on: database
            )
        }
        try await database.schema(PolicyVersionModel.schema)
            .id()
            .field("version", .int, .required)
            .field("valid_from", .string, .required)
            .field("policy", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "version")
            .unique(on: "valid_from")
            .create()
        try await database.schema(InvitationModel.schema)
            .id()
            .field("token_hash", .string, .required)
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id", onDelete: .cascade))
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .field("created_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
        try await database.schema(AdminChangeModel.schema)
            .id()
            .field("at", .datetime, .required)
            .field("user_id", .uuid)
            .field("user_name", .string, .required)
            .field("object_kind", .string, .required)
            .field("object_id", .uuid, .required)
            .field("action", .string, .required)
            .field("before", .string)
            .field("after", .string)
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "admin_changes_object").on(AdminChangeModel.schema).column("object_id").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AdminChangeModel.schema).delete()
        try await database.schema(InvitationModel.schema).delete()
        try await database.schema(PolicyVersionModel.schema).delete()
        try await database.schema(PartySettingModel.schema).delete()
        try await database.schema(SessionModel.schema).deleteField("totp_candidate").update()
        try await database.schema(SessionModel.schema).deleteField("pending").update()
        try await database.schema(UserModel.schema).deleteField("totp_last_step").update()
        try await database.schema(UserModel.schema).deleteField("totp_exempt").update()
        try await database.schema(UserModel.schema).deleteField("totp_secret").update()
        try await database.schema(OrganisationModel.schema).deleteField("national").update()
        try await database.schema(LocationModel.schema).deleteField("region_id").update()
        try await database.schema(MunicipalityModel.schema).delete()
        try await database.schema(RegionModel.schema).delete()
    }
}
