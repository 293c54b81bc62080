import FluentKit
import SQLKit

struct CreateLocations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(LocationModel.schema)
            .id()
            .field("name", .string, .required)
            .field("slug", .string, .required)
            .field("regional_ties_rule", .string, .required)
            .unique(on: "slug")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(LocationModel.schema).delete()
    }
}

struct CreateOrganisations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(OrganisationModel.schema)
            .id()
            .field("name", .string, .required)
            .field("party", .string, .required)
            .create()
        try await database.schema(OrganisationLocationModel.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(OrganisationModel.schema, "id", onDelete: .cascade))
            .field("location_id", .uuid, .required, .references(LocationModel.schema, "id", onDelete: .cascade))
            .unique(on: "organisation_id", "location_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OrganisationLocationModel.schema).delete()
        try await database.schema(OrganisationModel.schema).delete()
    }
}

struct CreateUsers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(UserModel.schema)
            .id()
            .field("email", .string, .required)
            .field("display_name", .string, .required)
            .field("organisation_id", .uuid, .required, .references(OrganisationModel.schema, "id"))
            .field("password_hash", .string, .required)
            .field("disabled", .bool, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "email")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(UserModel.schema).delete()
    }
}

struct CreateSessions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(SessionModel.schema)
            .id()
            .field("token_hash", .string, .required)
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id", onDelete: .cascade))
            .field("expires_at", .datetime, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SessionModel.schema).delete()
    }
}

struct CreateAPITokens: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(APITokenModel.schema)
            .id()
            .field("token_hash", .string, .required)
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(APITokenModel.schema).delete()
    }
}

struct CreateLoginFailures: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(LoginFailureModel.schema)
            .id()
            .field("key", .string, .required)
            .field("failed_at", .datetime, .required)
            .create()
        try await (database as! any SQLDatabase).create(index: "login_failures_key").on(LoginFailureModel.schema)
            .column("key").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(LoginFailureModel.schema).delete()
    }
}
