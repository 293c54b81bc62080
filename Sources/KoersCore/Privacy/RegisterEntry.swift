import Foundation

/// Verwerkingsregister (AVG art. 30): one processing activity as the controller describes it, with
/// the period its data is kept. The administrator maintains the register; the log refers to it.
public struct RegisterEntry: Sendable, Hashable, Codable {
    public let activity: ProcessingActivity
    /// The activity's identifier in the log (LDV's `processing_activity_id`).
    public var uri: String
    public var name: LocalizedText
    public var purpose: LocalizedText
    /// Grondslag: the article of the AVG and the law that allow it.
    public var legalBasis: LocalizedText
    /// Years after a person's last outflow that data processed under this activity is kept; nil
    /// keeps it the configured default.
    public var retentionYears: Int?

    public init(
        activity: ProcessingActivity,
        uri: String,
        name: LocalizedText,
        purpose: LocalizedText,
        legalBasis: LocalizedText,
        retentionYears: Int? = nil
    ) {
        self.activity = activity
        self.uri = uri
        self.name = name
        self.purpose = purpose
        self.legalBasis = legalBasis
        self.retentionYears = retentionYears
    }

    /// The fields the administrator edits.
    public static let form = Form(
        .text("uri"),
        .text("name_nl"),
        .text("name_en"),
        .text("purpose_nl", maxLength: 1000),
        .text("purpose_en", maxLength: 1000),
        .text("legal_basis_nl", maxLength: 1000),
        .text("legal_basis_en", maxLength: 1000),
        .integer("retention_years", 1...100)
    )

    /// The entry as the administrator changed it; every field error at once.
    public func edited(_ input: FormInput, today: Day) throws(ValidationFailure) -> RegisterEntry {
        var p = Parser(input, form: Self.form, today: today)
        let uri = p.text("uri")
        let nameNL = p.text("name_nl")
        let nameEN = p.text("name_en")
        let purposeNL = p.text("purpose_nl")
        let purposeEN = p.text("purpose_en")
        let basisNL = p.text("legal_basis_nl")
        let basisEN = p.text("legal_basis_en")
        let years = p.integer("retention_years")
        if let uri, URL(string: uri)?.scheme == nil || uri.contains(" ") {
            p.fail(
                "uri",
                "notURI",
                nl: "Geef een URI, bijvoorbeeld urn:koers:verwerking:inzage.",
                en: "Give a URI, for example urn:koers:verwerking:inzage."
            )
        }
        try p.finish()
        var entry = self
        entry.uri = uri!
        entry.name = LocalizedText(nl: nameNL!, en: nameEN!)
        entry.purpose = LocalizedText(nl: purposeNL!, en: purposeEN!)
        entry.legalBasis = LocalizedText(nl: basisNL!, en: basisEN!)
        entry.retentionYears = years
        return entry
    }
}
