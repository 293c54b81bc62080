import FluentKit
import Foundation

/// Verwerkingsregister: one processing activity as the administrator describes it.
final class RegisterEntryModel: Model, @unchecked Sendable {
    static let schema = "processing_register"

    @ID(key: .id) var id: UUID?
    /// The ``KoersCore/ProcessingActivity``'s code, as the log writes it.
    @Field(key: "activity") var activity: String
    @Field(key: "uri") var uri: String
    @Field(key: "name_nl") var nameNL: String
    @Field(key: "name_en") var nameEN: String
    @Field(key: "purpose_nl") var purposeNL: String
    @Field(key: "purpose_en") var purposeEN: String
    @Field(key: "legal_basis_nl") var legalBasisNL: String
    @Field(key: "legal_basis_en") var legalBasisEN: String
    @OptionalField(key: "retention_years") var retentionYears: Int?

    init() {}
}

/// Vernietigingslijst: the people whose retention period ended, as the administrator approves them
/// for destruction, and what was destroyed.
final class RetentionPlanModel: Model, @unchecked Sendable {
    static let schema = "retention_plans"

    @ID(key: .id) var id: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "created_by") var createdBy: String
    /// `proposed`, `approved` or `applied`.
    @Field(key: "status") var status: String
    /// The JSON of the ``RetentionPlan``'s items.
    @Field(key: "items") var items: String
    /// The decision to destroy (Archiefwet), as the administrator recorded it.
    @OptionalField(key: "decision") var decision: String?
    @OptionalField(key: "approved_by") var approvedBy: String?
    @OptionalField(key: "approved_at") var approvedAt: Date?
    @OptionalField(key: "applied_at") var appliedAt: Date?
    /// The JSON of the destruction report.
    @OptionalField(key: "report") var report: String?

    init() {}
}

/// The erasure register: the pseudonym of each person erased, so a restored backup erases them again.
final class ErasureModel: Model, @unchecked Sendable {
    static let schema = "erasures"

    @ID(key: .id) var id: UUID?
    /// The person's pseudonym, as the processing log writes it.
    @Field(key: "subject") var subject: String
    @Field(key: "erased_at") var erasedAt: Date
    @OptionalField(key: "plan_id") var planId: UUID?

    init() {}
}
