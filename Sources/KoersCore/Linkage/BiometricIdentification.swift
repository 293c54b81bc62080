import Foundation

/// Biometrische identificatie: the AVIM's record that the person's fingerprints and photo were
/// taken and checked in the national systems, and what that said about the V-nummer.
public struct BiometricIdentification: Sendable, Hashable, Codable {
    /// What the identification said about the V-nummer on the registration.
    public enum VNumberCheck: String, Sendable, CaseIterable, Codable {
        /// The registered V-nummer is the person's.
        case confirmed
        /// The person has another V-nummer, now registered.
        case corrected
        /// The person is not known in the national systems under any V-nummer.
        case notKnown

        public var label: LocalizedText {
            switch self {
            case .confirmed: LocalizedText(nl: "V-nummer bevestigd", en: "V-number confirmed")
            case .corrected: LocalizedText(nl: "V-nummer gecorrigeerd", en: "V-number corrected")
            case .notKnown:
                LocalizedText(nl: "Niet bekend in de vreemdelingenketen", en: "Not known in the immigration systems")
            }
        }
    }

    /// Whether the identification took place; `false` records that it could not (yet) be done.
    public let identified: Bool
    public let on: Day
    public let vNumberCheck: VNumberCheck?
    /// The V-nummer as the identification gave it (confirmed or corrected).
    public let vNumber: VNumber?
    public let note: String?

    public init(identified: Bool, on: Day, vNumberCheck: VNumberCheck?, vNumber: VNumber?, note: String?) {
        self.identified = identified
        self.on = on
        self.vNumberCheck = vNumberCheck
        self.vNumber = vNumber
        self.note = note
    }
}

/// The rules for recording biometric identification; pure, like the other commands.
public enum BiometricCommands {
    /// Whether the AVIM identified the person, when, and, if so, what became of the V-nummer
    /// (`vNumberCheck` required then; `vNumber` when corrected or added).
    public static let form = Form(
        .choice("identified", YesNo.self),
        .day("identifiedOn"),
        .choice("vNumberCheck", BiometricIdentification.VNumberCheck.self, required: false),
        FieldSpec("vNumber", .pattern("^[ .]*([0-9][ .]*){10}$", maxLength: 30), required: false),
        .text("note", maxLength: 2000, required: false)
    )

    /// Validates the AVIM's record: the date, and for an identification what became of the V-nummer.
    public static func record(_ input: FormInput, on file: CaseFile, today: Day) throws(ValidationFailure) -> CaseChange
    {
        var p = Parser(input, form: form, today: today)
        let identified = p.choice("identified", YesNo.self)
        let day = p.day("identifiedOn")
        let note = p.text("note")
        var check: BiometricIdentification.VNumberCheck?
        var vNumber: VNumber?
        if let day, day < file.referral.referredOn {
            p.fail(
                "identifiedOn",
                "beforeReferral",
                nl: "De datum ligt vóór de aanmelding (\(file.referral.referredOn)).",
                en: "The date is before the referral (\(file.referral.referredOn))."
            )
        }
        if identified == .yes {
            check = p.choice("vNumberCheck", BiometricIdentification.VNumberCheck.self)
            if check == nil && !p.hasError("vNumberCheck") {
                p.fail("vNumberCheck", "required", nl: "Maak een keuze.", en: "Make a choice.")
            }
            let text = p.value("vNumber")
            switch check {
            case .confirmed?:
                if let current = file.identity.vNumber {
                    vNumber = current
                } else {
                    p.fail(
                        "vNumberCheck",
                        "nothingToConfirm",
                        nl:
                            "Er staat geen V-nummer geregistreerd om te bevestigen; kies ‘gecorrigeerd’ en vul het "
                            + "V-nummer in.",
                        en: "No V-number is registered to confirm; choose ‘corrected’ and enter the V-number."
                    )
                }
            case .corrected?:
                if let text {
                    if let value = VNumber(text) {
                        vNumber = value
                        if value == file.identity.vNumber {
                            p.fail(
                                "vNumber",
                                "unchanged",
                                nl: "Dit is het geregistreerde V-nummer; kies ‘bevestigd’.",
                                en: "This is the registered V-number; choose ‘confirmed’."
                            )
                        }
                    } else {
                        p.fail(
                            "vNumber",
                            "invalidVNumber",
                            nl: "Een V-nummer heeft precies 10 cijfers.",
                            en: "A V-number has exactly 10 digits."
                        )
                    }
                } else {
                    p.fail("vNumber", "required", nl: "Vul het juiste V-nummer in.", en: "Enter the correct V-number.")
                }
            case .notKnown?, nil:
                break
            }
        }
        try p.finish()
        return .biometricsRecorded(
            BiometricIdentification(
                identified: identified == .yes,
                on: day!,
                vNumberCheck: check,
                vNumber: vNumber,
                note: note
            )
        )
    }
}

/// A yes/no answer on a form.
public enum YesNo: String, Sendable, CaseIterable, Codable {
    case yes, no
}
