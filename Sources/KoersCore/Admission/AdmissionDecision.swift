/// Toelatingsbesluit: admit, admit by exception (with the case meeting's motivation), or reject with a reason.
public struct AdmissionDecision: Sendable, Hashable, Codable {
    public enum Outcome: String, Sendable, CaseIterable, Codable {
        case admit, admitByException, reject

        public var label: LocalizedText {
            switch self {
            case .admit: LocalizedText(nl: "Toelaten", en: "Admit")
            case .admitByException:
                LocalizedText(nl: "Toelaten bij uitzondering (LSO)", en: "Admit by exception (case meeting)")
            case .reject: LocalizedText(nl: "Niet toelaten", en: "Reject")
            }
        }
    }

    public let outcome: Outcome
    public let decidedOn: Day
    /// Why the case meeting made an exception, or why a rejection with reason "other".
    public let motivation: String?
    public let rejectionReason: RejectionReason?
    /// The check as it stood when the decision was taken, so the decision stays explainable.
    public let check: AdmissionCheck

    public init(
        outcome: Outcome,
        decidedOn: Day,
        motivation: String?,
        rejectionReason: RejectionReason?,
        check: AdmissionCheck
    ) {
        self.outcome = outcome
        self.decidedOn = decidedOn
        self.motivation = motivation
        self.rejectionReason = rejectionReason
        self.check = check
    }

    /// Validates a decision against the check.
    ///
    /// Toelatingsbesluit: a motivation is needed for an exception, a reason for a rejection.
    public static let form = Form(
        .choice("outcome", Outcome.self),
        .day("decidedOn"),
        .text("motivation", maxLength: 4000, required: false),
        .choice("rejectionReason", RejectionReason.self, required: false)
    )

    /// Plain admission requires an eligible verdict; anything else needs an exception with a motivation.
    public static func parse(
        _ input: FormInput,
        check: AdmissionCheck,
        referredOn: Day,
        today: Day
    ) throws(ValidationFailure) -> AdmissionDecision {
        var p = Parser(input, form: form, today: today)
        let outcome = p.choice("outcome", Outcome.self)
        let day = p.day("decidedOn")
        let motivation = p.text("motivation")
        let reason = p.choice("rejectionReason", RejectionReason.self)
        if let day, day < referredOn {
            p.fail(
                "decidedOn",
                "beforeReferral",
                nl: "Het besluit ligt vóór de aanmelding (\(referredOn)).",
                en: "The decision is dated before the referral (\(referredOn))."
            )
        }
        switch outcome {
        case .admit?:
            if check.verdict != .eligible {
                let open = check.criteria.filter { $0.status != .met }.map(\.criterion.label)
                let flags = check.flags.map(\.flag.label)
                let items = open + flags
                p.fail(
                    "outcome",
                    "notEligible",
                    nl:
                        "Gewoon toelaten kan niet: \(items.map(\.nl).joined(separator: ", ")). Kies ‘toelaten bij "
                        + "uitzondering’ met een motivering van het LSO.",
                    en:
                        "Plain admission is not possible: \(items.map(\.en).joined(separator: ", ")). Choose ‘admit "
                        + "by exception’ with the case meeting's motivation."
                )
            }
        case .admitByException?:
            if (motivation ?? "").count < 10 {
                p.fail(
                    "motivation",
                    "motivationRequired",
                    nl: "Een uitzondering vraagt een schriftelijke motivering (minstens 10 tekens).",
                    en: "An exception needs a written motivation (at least 10 characters)."
                )
            }
        case .reject?:
            if reason == nil && !p.hasError("rejectionReason") {
                p.fail(
                    "rejectionReason",
                    "required",
                    nl: "Kies de reden van afwijzing.",
                    en: "Choose the reason for rejection."
                )
            }
            if reason == .other && motivation == nil {
                p.fail(
                    "motivation",
                    "motivationRequired",
                    nl: "Licht de reden ‘anders’ toe.",
                    en: "Explain the reason ‘other’."
                )
            }
        case nil:
            break
        }
        try p.finish()
        return AdmissionDecision(
            outcome: outcome!,
            decidedOn: day!,
            motivation: motivation,
            rejectionReason: outcome == .reject ? reason : nil,
            check: check
        )
    }
}

/// Reason code for a rejection at admission; the monitor counts rejections by it.
public enum RejectionReason: String, Sendable, CaseIterable, Codable {
    case lawfulStay, stateReception, asylumPending, notWilling, activeElsewhere, noRegionalTies
    case seriousEntryBan, safeCountry, freshRejection, criminalRecord, other

    public var label: LocalizedText {
        switch self {
        case .lawfulStay: LocalizedText(nl: "Heeft rechtmatig verblijf", en: "Has lawful stay")
        case .stateReception: LocalizedText(nl: "Recht op Rijksopvang", en: "Entitled to state reception")
        case .asylumPending: LocalizedText(nl: "Asielprocedure loopt nog", en: "Asylum procedure pending")
        case .notWilling: LocalizedText(nl: "Niet bereid mee te werken", en: "Not willing to cooperate")
        case .activeElsewhere: LocalizedText(nl: "Actief bij een andere LVV", en: "Active at another LVV")
        case .noRegionalTies: LocalizedText(nl: "Geen regiobinding", en: "No regional ties")
        case .seriousEntryBan: LocalizedText(nl: "Zwaar inreisverbod", en: "Serious entry ban")
        case .safeCountry: LocalizedText(nl: "Veilig land van herkomst", en: "Safe country of origin")
        case .freshRejection: LocalizedText(nl: "Net afgewezen asielaanvraag", en: "Fresh asylum rejection")
        case .criminalRecord: LocalizedText(nl: "Strafrechtelijk verleden", en: "Criminal record")
        case .other: LocalizedText(nl: "Anders", en: "Other")
        }
    }
}
