import FluentKit
import Foundation
import KoersCore
import SQLKit

struct CreatePersons: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PersonModel.schema)
            .id()
            .field("given_names", .string)
            .field("surname", .string, .required)
            .field("aliases", .string, .required)
            .field("birth_date", .string)
            .field("nationality", .string, .required)
            .field("gender", .string, .required)
            .field("v_number", .string)
            .field("search_text", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await (database as! any SQLDatabase).create(index: "persons_v_number").on(PersonModel.schema).column(
            "v_number"
        ).run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PersonModel.schema).delete()
    }
}

struct CreateTrajectories: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(TrajectoryModel.schema)
            .id()
            .field("person_id", .uuid, .required, .references(PersonModel.schema, "id"))
            .field("location_id", .uuid, .required, .references(LocationModel.schema, "id"))
            .field("stage", .string, .required)
            .field("perspective", .string)
            .field("version", .int, .required)
            .field("referred_on", .string, .required)
            .field("admitted_on", .string)
            .field("left_on", .string)
            .field("previous_trajectory_id", .uuid)
            .field("updated_at", .datetime, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "trajectories_location_stage").on(TrajectoryModel.schema).column("location_id")
            .column("stage").run()
        try await sql.create(index: "trajectories_person").on(TrajectoryModel.schema).column("person_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(TrajectoryModel.schema).delete()
    }
}

struct CreateCaseEvents: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CaseEventModel.schema)
            .id()
            .field("trajectory_id", .uuid, .required, .references(TrajectoryModel.schema, "id"))
            .field("sequence", .int, .required)
            .field("kind", .string, .required)
            .field("payload", .string, .required)
            .field("user_id", .uuid, .required)
            .field("user_name", .string, .required)
            .field("organisation_id", .uuid, .required)
            .field("organisation_name", .string, .required)
            .field("party", .string, .required)
            .field("recorded_at", .datetime, .required)
            .field("effective_on", .string, .required)
            // Two writers that read the same version both try the same sequence: one of them loses.
            .unique(on: "trajectory_id", "sequence")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CaseEventModel.schema).delete()
    }
}

struct CreateOutflowReasons: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(OutflowReasonModel.schema)
            .id()
            .field("code", .string, .required)
            .field("category", .string, .required)
            .field("label_nl", .string, .required)
            .field("label_en", .string, .required)
            .field("position", .int, .required)
            .field("active", .bool, .required)
            .unique(on: "code")
            .create()
        for (i, reason) in OutflowReason.nationalDefault.enumerated() {
            let row = OutflowReasonModel()
            row.code = reason.code
            row.category = reason.category.rawValue
            row.labelNL = reason.label.nl
            row.labelEN = reason.label.en
            row.position = i
            row.active = true
            try await row.create(on: database)
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OutflowReasonModel.schema).delete()
    }
}

struct CreateProcessingLog: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ProcessingLogModel.schema)
            .id()
            .field("trace_id", .string, .required)
            .field("span_id", .string, .required)
            .field("activity", .string, .required)
            .field("subject", .string, .required)
            .field("user_id", .uuid, .required)
            .field("organisation_id", .uuid, .required)
            .field("status", .string, .required)
            .field("at", .datetime, .required)
            .create()
        try await (database as! any SQLDatabase).create(index: "processing_log_subject").on(ProcessingLogModel.schema)
            .column("subject").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ProcessingLogModel.schema).delete()
    }
}
