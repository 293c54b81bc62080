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
