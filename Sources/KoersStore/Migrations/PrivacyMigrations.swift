import FluentKit
import Foundation
import KoersCore
import SQLKit

/// The processing log's fields of the Logboek dataverwerkingen beyond the first ones: the parent
/// span, the operation, its start and the subject's id type. Older entries keep them empty.
struct ExtendProcessingLog: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds one at a time.
        try await database.schema(ProcessingLogModel.schema).field("parent_span_id", .string).update()
        try await database.schema(ProcessingLogModel.schema).field("operation", .string).update()
        try await database.schema(ProcessingLogModel.schema).field("subject_type", .string).update()
        try await database.schema(ProcessingLogModel.schema).field("started_at", .datetime).update()
    }

    func revert(on database: any Database) async throws {
        for field in ["parent_span_id", "operation", "subject_type", "started_at"] {
            try await database.schema(ProcessingLogModel.schema).deleteField(.string(field)).update()
        }
    }
}

/// The processing register, filled with the default entries; ``ProcessingRegisterStore`` adds the
/// entries of activities added later when the database is migrated.
struct CreateProcessingRegister: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(RegisterEntryModel.schema)
            .id()
            .field("activity", .string, .required)
            .field("uri", .string, .required)
            .field("name_nl", .string, .required)
            .field("name_en", .string, .required)
            .field("purpose_nl", .string, .required)
            .field("purpose_en", .string, .required)
            .field("legal_basis_nl", .string, .required)
            .field("legal_basis_en", .string, .required)
            .field("retention_years", .int)
            .unique(on: "activity")
            .create()
        // The privacy officer reads whole files of persons: a second factor, as for the case parties.
        let setting =
            try await PartySettingModel.query(on: database).filter(\.$party == Party.privacy.rawValue).first()
            ?? PartySettingModel(party: Party.privacy.rawValue, requiresTOTP: true)
        setting.requiresTOTP = true
        try await setting.save(on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(RegisterEntryModel.schema).delete()
    }
}

/// The tamper-evident record: a hash per case event (per trajectory, by sequence), per processing-
/// log entry (per day and shard) and per administrative change, each over its content and the row
/// before it; and the heads of the shared chains. Rows written before get theirs when the database
/// is migrated (the `audit_chains` fill).
struct AddAuditChains: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CaseEventModel.schema).field("payload_hash", .string).update()
        try await database.schema(CaseEventModel.schema).field("hash", .string).update()
        try await database.schema(ProcessingLogModel.schema).field("chain", .string).update()
        try await database.schema(ProcessingLogModel.schema).field("chain_seq", .int).update()
        try await database.schema(ProcessingLogModel.schema).field("hash", .string).update()
        try await database.schema(AdminChangeModel.schema).field("chain_seq", .int).update()
        try await database.schema(AdminChangeModel.schema).field("hash", .string).update()
        try await database.schema(ChainHeads.schema)
            .field("chain", .string, .identifier(auto: false))
            .field("seq", .int, .required)
            .field("hash", .string, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "processing_log_chain").on(ProcessingLogModel.schema).column("chain")
            .column("chain_seq").run()
        try await sql.raw("INSERT INTO read_model_fills (name) VALUES ('audit_chains')").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ChainHeads.schema).delete()
    }
}

/// Retention: the plans the administrator approves, the erasure register, and when a person was
/// erased.
struct CreateRetention: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(RetentionPlanModel.schema)
            .id()
            .field("created_at", .datetime, .required)
            .field("created_by", .string, .required)
            .field("status", .string, .required)
            .field("items", .string, .required)
            .field("decision", .string)
            .field("approved_by", .string)
            .field("approved_at", .datetime)
            .field("applied_at", .datetime)
            .field("report", .string)
            .create()
        try await database.schema(ErasureModel.schema)
            .id()
            .field("subject", .string, .required)
            .field("erased_at", .datetime, .required)
            .field("plan_id", .uuid)
            .unique(on: "subject")
            .create()
        try await database.schema(PersonModel.schema).field("erased_at", .datetime).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ErasureModel.schema).delete()
        try await database.schema(RetentionPlanModel.schema).delete()
    }
}
