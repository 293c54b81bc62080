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
