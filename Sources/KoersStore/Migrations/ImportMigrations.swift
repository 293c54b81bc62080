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

/// The city's own ids of each imported trajectory, per location: what makes an import idempotent.
struct CreateImportKeys: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ImportKeyModel.schema)
            .id()
            .field("location_id", .uuid, .required)
            .field("source_person_id", .string, .required)
            .field("source_trajectory_id", .string, .required)
            .field("person_id", .uuid, .required)
            .field("trajectory_id", .uuid, .required)
            .field("imported_at", .datetime, .required)
            .unique(on: "location_id", "source_trajectory_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ImportKeyModel.schema).delete()
    }
}

/// An uploaded file between the dry run and the commit: kept for its user for a day at most.
struct CreateImportUploads: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ImportUploadModel.schema)
            .id()
            .field("location_id", .uuid, .required)
            .field("user_id", .uuid, .required)
            .field("file_name", .string, .required)
            .field("file", .data, .required)
            .field("mapping", .data, .required)
            .field("created_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ImportUploadModel.schema).delete()
    }
}

/// Agency lists compared with Koers, and their lines with the municipality's resolutions.
struct CreateReconciliations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ReconciliationModel.schema)
            .id()
            .field("location_id", .uuid, .required)
            .field("source", .string, .required)
            .field("file_name", .string, .required)
            .field("user_name", .string, .required)
            .field("uploaded_at", .datetime, .required)
            .field("unknown_count", .int, .required)
            .field("rejected_rows", .int, .required)
            .create()
        try await database.schema(ReconciliationLineModel.schema)
            .id()
            .field("reconciliation_id", .uuid, .required, .references(ReconciliationModel.schema, "id"))
            .field("number", .int, .required)
            .field("status", .string, .required)
            .field("line", .string, .required)
            .field("line_key", .string, .required)
            .field("resolution", .string)
            .field("note", .string)
            .field("resolved_by", .string)
            .field("resolved_at", .datetime)
            .unique(on: "reconciliation_id", "number")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ReconciliationLineModel.schema).delete()
        try await database.schema(ReconciliationModel.schema).delete()
    }
}

/// Where a review in the municipality's queue comes from: intake (nil) or an import.
struct AddReviewOrigin: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(LinkageReviewModel.schema).field("origin", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(LinkageReviewModel.schema).deleteField("origin").update()
    }
}
