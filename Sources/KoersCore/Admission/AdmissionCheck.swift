/// A national admission criterion or the location's regiobinding rule.
public enum Criterion: String, Sendable, CaseIterable, Codable {
    case noLawfulStay, noStateReception, asylumProcedureCompleted, willingToCooperate, notActiveElsewhere, regionalTies

    public var label: LocalizedText {
        switch self {
        case .noLawfulStay: LocalizedText(nl: "Geen rechtmatig verblijf", en: "No lawful stay")
        case .noStateReception: LocalizedText(nl: "Geen recht op Rijksopvang", en: "No right to state reception")
        case .asylumProcedureCompleted: LocalizedText(nl: "Asielprocedure doorlopen", en: "Asylum procedure completed")
        case .willingToCooperate:
            LocalizedText(
                nl: "Bereid mee te werken aan een duurzame oplossing",
                en: "Willing to work towards a durable solution"
            )
        case .notActiveElsewhere: LocalizedText(nl: "Niet actief bij een andere LVV", en: "Not active at another LVV")
        case .regionalTies: LocalizedText(nl: "Regiobinding", en: "Regional ties")
        }
    }
}

/// A circumstance that the local case meeting (LSO) must weigh before admission.
public enum AdmissionFlag: String, Sendable, CaseIterable, Codable {
    case seriousEntryBan, safeCountryOfOrigin, freshAsylumRejection, criminalRecord

    public var label: LocalizedText {
        switch self {
        case .seriousEntryBan: LocalizedText(nl: "Zwaar inreisverbod", en: "Serious entry ban")
        case .safeCountryOfOrigin: LocalizedText(nl: "Veilig land van herkomst", en: "Safe country of origin")
        case .freshAsylumRejection:
            LocalizedText(nl: "Komt direct uit een asielafwijzing", en: "Straight from a fresh asylum rejection")
        case .criminalRecord: LocalizedText(nl: "Strafrechtelijk verleden", en: "Criminal record")
        }
    }
}

/// Whether a criterion is met, with the reason in words a person can read.
public struct CriterionResult: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, CaseIterable, Codable { case met, notMet, unknown }
    public let criterion: Criterion
    public let status: Status
    public let reason: LocalizedText
}

/// A raised flag and why it was raised.
public struct FlagResult: Sendable, Hashable, Codable {
    public let flag: AdmissionFlag
    public let reason: LocalizedText
}

/// The outcome of the admission check as a whole.
public enum AdmissionVerdict: String, Sendable, CaseIterable, Codable {
    /// Every criterion met and no flag raised: may be admitted.
    case eligible
    /// Nothing fails, but something is unknown or flagged: the case meeting decides.
    case needsCaseMeeting
    /// A criterion is not met: admission only by exception, with a motivation.
    case notEligible

    public var label: LocalizedText {
        switch self {
        case .eligible: LocalizedText(nl: "Voldoet aan de criteria", en: "Meets the criteria")
        case .needsCaseMeeting: LocalizedText(nl: "Bespreken in het LSO", en: "To be discussed in the case meeting")
        case .notEligible: LocalizedText(nl: "Voldoet niet aan de criteria", en: "Does not meet the criteria")
        }
    }
}

/// Toelatingstoets: every criterion evaluated with its evidence and reason, and the flags for the meeting.
public struct AdmissionCheck: Sendable, Hashable, Codable {
    public let criteria: [CriterionResult]
    public let flags: [FlagResult]
    public let verdict: AdmissionVerdict
    /// The location's regiobinding deviation, shown so that local rules stay visible.
    public let localDeviation: LocalizedText?
    /// The version of the national policy the check applied (``NationalPolicy``); nil in checks
    /// made before policies had versions.
    public var policyVersion: Int?

    /// Evaluates the evidence against the national criteria and the location's regiobinding rule.
    ///
    /// - Parameters:
    ///   - activeElsewhere: the name of another location where the registration shows an active
    ///     trajectory for this person, if any; it overrides what was declared.
    ///   - stay: where the person stays, by the municipality recorded at intake, and whether that is
    ///     in the location's region; nil when no municipality was recorded.
    public static func evaluate(
        evidence e: AdmissionEvidence,
        nationality: String,
        rule: RegionalTiesRule,
        policy: AdmissionPolicy,
        on today: Day,
        activeElsewhere: String?,
        stay: Stay? = nil
    ) -> AdmissionCheck {
        var results: [CriterionResult] = []
        func add(_ c: Criterion, _ s: CriterionResult.Status, _ nl: String, _ en: String) {
            results.append(CriterionResult(criterion: c, status: s, reason: LocalizedText(nl: nl, en: en)))
        }
        switch e.lawfulStay {
        case .no:
            add(
                .noLawfulStay,
                .met,
                "Intake: de persoon heeft geen rechtmatig verblijf.",
                "Intake: the person has no lawful stay."
            )
        case .yes:
            add(
                .noLawfulStay,
                .notMet,
                "De persoon heeft rechtmatig verblijf en valt daarmee buiten de LVV.",
                "The person has lawful stay and so falls outside the LVV."
            )
        case .unknown:
            add(
                .noLawfulStay,
                .unknown,
                "Verblijfsstatus nog niet vastgesteld.",
                "Residence status not yet established."
            )
        }
        switch e.stateReception {
        case .no:
            add(
                .noStateReception,
                .met,
                "Intake: geen recht op opvang door het Rijk (COA).",
                "Intake: no right to state (COA) reception."
            )
        case .yes:
            add(
                .noStateReception,
                .notMet,
                "De persoon heeft recht op Rijksopvang; verwijs naar het COA.",
                "The person is entitled to state reception; refer to COA."
            )
        case .unknown:
            add(
                .noStateReception,
                .unknown,
                "Recht op Rijksopvang nog niet vastgesteld.",
                "Entitlement to state reception not yet established."
            )
        }
        switch e.asylumProcedureCompleted {
        case .yes:
            if let day = e.lastAsylumRejectionOn {
                add(
                    .asylumProcedureCompleted,
                    .met,
                    "Asielprocedure afgerond; laatste afwijzing op \(day).",
                    "Asylum procedure completed; last rejection on \(day)."
                )
            } else {
                add(.asylumProcedureCompleted, .met, "Asielprocedure afgerond.", "Asylum procedure completed.")
            }
        case .no:
            add(
                .asylumProcedureCompleted,
                .notMet,
                "Er loopt nog een asielprocedure of beroep.",
                "An asylum procedure or appeal is still pending."
            )
        case .unknown:
            add(
                .asylumProcedureCompleted,
                .unknown,
                "Onbekend of de asielprocedure is afgerond.",
                "Unknown whether the asylum procedure is completed."
            )
        }
        switch e.willingToCooperate {
        case .yes:
            add(
                .willingToCooperate,
                .met,
                "De persoon wil meewerken aan een duurzame oplossing.",
                "The person is willing to work towards a durable solution."
            )
        case .no:
            add(
                .willingToCooperate,
                .notMet,
                "De persoon wil niet meewerken aan een duurzame oplossing.",
                "The person is not willing to work towards a durable solution."
            )
        case .unknown:
            add(.willingToCooperate, .unknown, "Bereidheid nog niet besproken.", "Willingness not yet discussed.")
        }
        if let other = activeElsewhere {
            add(
                .notActiveElsewhere,
                .notMet,
                "De registratie toont een actief traject bij \(other); overweeg een overdracht.",
                "The registration shows an active trajectory at \(other); consider a transfer."
            )
        } else {
            switch e.activeAtOtherLocation {
            case .no:
                add(
                    .notActiveElsewhere,
                    .met,
                    "Geen actief traject bij een andere LVV bekend.",
                    "No active trajectory at another LVV known."
                )
            case .yes:
                add(
                    .notActiveElsewhere,
                    .notMet,
                    "De persoon verklaart actief te zijn bij een andere LVV.",
                    "The person states to be active at another LVV."
                )
            case .unknown:
                add(
                    .notActiveElsewhere,
                    .unknown,
                    "Niet nagevraagd of de persoon elders actief is.",
                    "Not asked whether the person is active elsewhere."
                )
            }
        }
        results.append(regionalTies(e, rule: rule, today: today, stay: stay))

        var flags: [FlagResult] = []
        func flag(_ f: AdmissionFlag, _ nl: String, _ en: String) {
            flags.append(FlagResult(flag: f, reason: LocalizedText(nl: nl, en: en)))
        }
        if e.seriousEntryBan {
            flag(.seriousEntryBan, "Er is een zwaar inreisverbod opgelegd.", "A serious entry ban has been imposed.")
        }
        if policy.safeCountries.contains(nationality) {
            let name = Country.named(nationality)
            flag(
                .safeCountryOfOrigin,
                "\(name?.nl ?? nationality) staat op de lijst van veilige landen van herkomst.",
                "\(name?.en ?? nationality) is on the list of safe countries of origin."
            )
        }
        if let day = e.lastAsylumRejectionOn, day.days(until: today) <= policy.freshRejectionDays {
            flag(
                .freshAsylumRejection,
                "Laatste asielafwijzing \(day.days(until: today)) dagen geleden (grens: \(policy.freshRejectionDays) "
                    + "dagen).",
                "Last asylum rejection \(day.days(until: today)) days ago (limit: \(policy.freshRejectionDays) days)."
            )
        }
        if e.criminalRecord {
            flag(.criminalRecord, "Er is een strafrechtelijk verleden gemeld.", "A criminal record has been reported.")
        }

        let verdict: AdmissionVerdict
        if results.contains(where: { $0.status == .notMet }) {
            verdict = .notEligible
        } else if results.contains(where: { $0.status == .unknown }) || !flags.isEmpty {
            verdict = .needsCaseMeeting
        } else {
            verdict = .eligible
        }
        return AdmissionCheck(criteria: results, flags: flags, verdict: verdict, localDeviation: rule.deviation)
    }

    /// Where the person stays: the municipality recorded at intake, its region, and the region the
    /// location serves.
    public struct Stay: Sendable, Hashable {
        public let municipality: String
        public let cbsCode: String
        /// Nil when the code is not in the network's list of municipalities.
        public let region: String?
        public let locationRegion: String?

        public init(municipality: String, cbsCode: String, region: String?, locationRegion: String?) {
            self.municipality = municipality
            self.cbsCode = cbsCode
            self.region = region
            self.locationRegion = locationRegion
        }

        public var inLocationRegion: Bool { region != nil && region == locationRegion }
    }

    private static func regionalTies(
        _ e: AdmissionEvidence,
        rule: RegionalTiesRule,
        today: Day,
        stay: Stay?
    ) -> CriterionResult {
        guard let stay else { return regionalTies(e, rule: rule, today: today) }
        guard stay.inLocationRegion else {
            let place = stay.region.map { "\(stay.municipality) (regio \($0))" } ?? stay.cbsCode
            let placeEn = stay.region.map { "\(stay.municipality) (region \($0))" } ?? stay.cbsCode
            let served = stay.locationRegion ?? "?"
            return CriterionResult(
                criterion: .regionalTies,
                status: .notMet,
                reason: LocalizedText(
                    nl: "Verblijft in \(place), buiten de regio \(served) die deze locatie bedient.",
                    en: "Stays in \(placeEn), outside the region \(served) this location serves."
                )
            )
        }
        let result = regionalTies(e, rule: rule, today: today)
        let region = stay.region ?? ""
        return CriterionResult(
            criterion: .regionalTies,
            status: result.status,
            reason: LocalizedText(
                nl: "Verblijft in \(stay.municipality), regio \(region). " + result.reason.nl,
                en: "Stays in \(stay.municipality), region \(region). " + result.reason.en
            )
        )
    }

    private static func regionalTies(_ e: AdmissionEvidence, rule: RegionalTiesRule, today: Day) -> CriterionResult {
        let accepted = e.regionalTies.filter { rule.acceptedTies.contains($0) }
        if let tie = accepted.first {
            return CriterionResult(
                criterion: .regionalTies,
                status: .met,
                reason: LocalizedText(
                    nl: "Regiobinding aangetoond: \(tie.label.nl.lowercased()).",
                    en: "Regional ties shown: \(tie.label.en.lowercased())."
                )
            )
        }
        if let since = e.inRegionSince {
            let threshold = today.adding(months: -rule.minimumMonthsInRegion)
            if since <= threshold {
                return CriterionResult(
                    criterion: .regionalTies,
                    status: .met,
                    reason: LocalizedText(
                        nl: "Aantoonbaar in de regio sinds \(since), ten minste \(rule.minimumMonthsInRegion) maanden.",
                        en: "Demonstrably in the region since \(since), at least \(rule.minimumMonthsInRegion) months."
                    )
                )
            }
            return CriterionResult(
                criterion: .regionalTies,
                status: .notMet,
                reason: LocalizedText(
                    nl:
                        "In de regio sinds \(since): korter dan de vereiste \(rule.minimumMonthsInRegion) maanden, en "
                        + "geen andere erkende binding.",
                    en:
                        "In the region since \(since): shorter than the required \(rule.minimumMonthsInRegion) "
                        + "months, and no other accepted tie."
                )
            )
        }
        if !e.regionalTies.isEmpty {
            return CriterionResult(
                criterion: .regionalTies,
                status: .notMet,
                reason: LocalizedText(
                    nl: "De genoemde binding telt op deze locatie niet; verblijfsduur in de regio onbekend.",
                    en: "The stated tie does not count at this location; length of stay in the region unknown."
                )
            )
        }
        return CriterionResult(
            criterion: .regionalTies,
            status: .unknown,
            reason: LocalizedText(
                nl: "Nog geen bewijs van regiobinding vastgelegd.",
                en: "No evidence of regional ties recorded yet."
            )
        )
    }
}
