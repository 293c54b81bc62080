/// What the intake established for the admission check (toelatingstoets), criterion by criterion.
public struct AdmissionEvidence: Sendable, Hashable, Codable {
    /// Does the person have lawful stay (rechtmatig verblijf)? Admission needs "no".
    public var lawfulStay: Answer
    /// Is the person entitled to state reception (Rijksopvang)? Admission needs "no".
    public var stateReception: Answer
    /// Is the asylum procedure completed (final decision, no pending appeal)? Admission needs "yes".
    public var asylumProcedureCompleted: Answer
    /// Day of the last final asylum rejection, for the "fresh rejection" flag.
    public var lastAsylumRejectionOn: Day?
    /// Willing to work towards a durable solution? Admission needs "yes".
    public var willingToCooperate: Answer
    /// Declared to be in another LVV trajectory right now. Admission needs "no".
    public var activeAtOtherLocation: Answer
    /// Since when the person demonstrably stays in the region.
    public var inRegionSince: Day?
    public var regionalTies: [RegionalTie]
    /// Zwaar inreisverbod.
    public var seriousEntryBan: Bool
    public var criminalRecord: Bool
    /// Biometrically identified by AVIM.
    public var biometricallyIdentified: Bool
    /// Gemeente van verblijf: the CBS code of the municipality the person stays in, which the
    /// regiobinding criterion checks against the location's region. Nil in intakes recorded before
    /// regions existed.
    public var municipalityOfStay: String?

    public init(
        lawfulStay: Answer,
        stateReception: Answer,
        asylumProcedureCompleted: Answer,
        lastAsylumRejectionOn: Day?,
        willingToCooperate: Answer,
        activeAtOtherLocation: Answer,
        inRegionSince: Day?,
        regionalTies: [RegionalTie],
        seriousEntryBan: Bool,
        criminalRecord: Bool,
        biometricallyIdentified: Bool,
        municipalityOfStay: String? = nil
    ) {
        self.lawfulStay = lawfulStay
        self.stateReception = stateReception
        self.asylumProcedureCompleted = asylumProcedureCompleted
        self.lastAsylumRejectionOn = lastAsylumRejectionOn
        self.willingToCooperate = willingToCooperate
        self.activeAtOtherLocation = activeAtOtherLocation
        self.inRegionSince = inRegionSince
        self.regionalTies = regionalTies
        self.seriousEntryBan = seriousEntryBan
        self.criminalRecord = criminalRecord
        self.biometricallyIdentified = biometricallyIdentified
        self.municipalityOfStay = municipalityOfStay
    }

    /// The evidence fields of the intake form.
    public static let form = Form(
        .choice("lawfulStay", Answer.self),
        .choice("stateReception", Answer.self),
        .choice("asylumProcedureCompleted", Answer.self),
        .historicDay("lastAsylumRejectionOn"),
        .choice("willingToCooperate", Answer.self),
        .choice("activeAtOtherLocation", Answer.self),
        .historicDay("inRegionSince"),
        .choices("regionalTies", RegionalTie.self),
        .flag("seriousEntryBan"),
        .flag("criminalRecord"),
        .flag("biometricallyIdentified"),
        FieldSpec(
            "municipalityOfStay",
            .pattern("^GM[0-9]{4}$", maxLength: 6),
            required: false,
            summary: "Gemeente van verblijf: the CBS code of the municipality the person stays in"
        )
    )

    /// Reads the evidence fields of the intake form.
    public static func parse(_ p: inout Parser, referredOn: Day?) -> AdmissionEvidence? {
        let lawful = p.choice("lawfulStay", Answer.self)
        let reception = p.choice("stateReception", Answer.self)
        let asylum = p.choice("asylumProcedureCompleted", Answer.self)
        let rejection = p.day("lastAsylumRejectionOn")
        let willing = p.choice("willingToCooperate", Answer.self)
        let elsewhere = p.choice("activeAtOtherLocation", Answer.self)
        let since = p.day("inRegionSince")
        let ties = p.choices("regionalTies", RegionalTie.self)
        let municipality = p.value("municipalityOfStay")?.uppercased()
        if let municipality, !Municipality.isCBSCode(municipality) {
            p.fail(
                "municipalityOfStay",
                "invalidCode",
                nl: "Een CBS-code is GM met vier cijfers, bijvoorbeeld GM0518.",
                en: "A CBS code is GM and four digits, for example GM0518."
            )
        }
        guard let lawful, let reception, let asylum, let willing, let elsewhere else { return nil }
        return AdmissionEvidence(
            lawfulStay: lawful,
            stateReception: reception,
            asylumProcedureCompleted: asylum,
            lastAsylumRejectionOn: rejection,
            willingToCooperate: willing,
            activeAtOtherLocation: elsewhere,
            inRegionSince: since,
            regionalTies: ties,
            seriousEntryBan: p.flag("seriousEntryBan"),
            criminalRecord: p.flag("criminalRecord"),
            biometricallyIdentified: p.flag("biometricallyIdentified"),
            municipalityOfStay: municipality
        )
    }
}
