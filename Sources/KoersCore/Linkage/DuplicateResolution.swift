import Foundation

/// A possible earlier registration of the same person at another LVV, as the intake check shows
/// it: where, since when, how strong and on which fields; never the other location's data.
public struct PossibleRegistration: Sendable, Hashable, Codable {
    /// The other registration's entry in the linkage index.
    public let entryId: UUID
    public let locationId: UUID
    public let locationName: String
    public let stage: Stage
    /// Referred on, or admitted on when admitted: what "active since" shows.
    public let since: Day
    /// `high` or `medium`.
    public let strength: String
    public let probability: Double
    /// The fields that agree, by name (givenName, surname, birthYear, …).
    public let agreeingFields: [String]

    public init(
        entryId: UUID,
        locationId: UUID,
        locationName: String,
        stage: Stage,
        since: Day,
        strength: String,
        probability: Double,
        agreeingFields: [String]
    ) {
        self.entryId = entryId
        self.locationId = locationId
        self.locationName = locationName
        self.stage = stage
        self.since = since
        self.strength = strength
        self.probability = probability
        self.agreeingFields = agreeingFields
    }
}

/// Afhandeling van een mogelijke dubbele registratie: what the location decided about a possible
/// earlier registration. Every decision is an event of the new registration.
public struct DuplicateResolution: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, CaseIterable, Codable {
        /// The same person: the other location is asked to transfer its trajectory here, and this
        /// registration stops.
        case samePersonTransfer
        /// The same person, who goes back to the other location: this registration stops.
        case samePersonStop
        /// Not the same person: remembered, never proposed again.
        case notSamePerson
        /// Not sure: the municipality (regievoerder) looks at it in its review queue.
        case review
        /// The same person, found when a city's registrations were imported: both registrations
        /// now belong to one person, and both stand as they are (histories, not a newcomer).
        case samePersonLinked

        public var label: LocalizedText {
            switch self {
            case .samePersonTransfer:
                LocalizedText(
                    nl: "Dezelfde persoon: overdracht vragen aan de andere LVV",
                    en: "Same person: ask the other LVV for a transfer"
                )
            case .samePersonStop:
                LocalizedText(
                    nl: "Dezelfde persoon: terugverwijzen, deze aanmelding stopt",
                    en: "Same person: refer back, this registration stops"
                )
            case .notSamePerson: LocalizedText(nl: "Niet dezelfde persoon", en: "Not the same person")
            case .review:
                LocalizedText(
                    nl: "Twijfel: naar de gemeente ter beoordeling",
                    en: "Unsure: send to the municipality for review"
                )
            case .samePersonLinked:
                LocalizedText(
                    nl: "Dezelfde persoon: registraties aan elkaar gekoppeld",
                    en: "Same person: registrations linked to one person"
                )
            }
        }

        /// Whether this decision ends the new registration.
        public var isSamePerson: Bool { self == .samePersonTransfer || self == .samePersonStop }
    }

    public let id: UUID
    public let entryId: UUID
    public let otherLocationId: UUID
    public let strength: String
    public let kind: Kind
    public let on: Day
    public let note: String?

    public init(id: UUID, entryId: UUID, otherLocationId: UUID, strength: String, kind: Kind, on: Day, note: String?) {
        self.id = id
        self.entryId = entryId
        self.otherLocationId = otherLocationId
        self.strength = strength
        self.kind = kind
        self.on = on
        self.note = note
    }
}

/// The rules for deciding about a possible earlier registration; pure, like the other commands.
public enum DuplicateCommands {
    /// A decision on one possible registration elsewhere (`entryId`).
    public static let form = Form(
        .uuid("entryId"),
        .choice("resolution", DuplicateResolution.Kind.self),
        .text("note", maxLength: 2000, required: false)
    )

    /// Validates a decision on `match` and returns the changes to this case: the decision, and for
    /// "same person" the end of this registration as not admitted (active at another LVV).
    public static func resolve(
        _ input: FormInput,
        on file: CaseFile,
        match: PossibleRegistration?,
        mayReview: Bool,
        id: UUID,
        today: Day
    ) throws(ValidationFailure) -> [CaseChange] {
        var p = Parser(input, form: form, today: today)
        let kind = p.choice("resolution", DuplicateResolution.Kind.self)
        let note = p.text("note")
        if file.stage.isClosed || file.stage == .active {
            p.fail(
                "resolution",
                "wrongStage",
                nl: "Over een mogelijke dubbele registratie wordt vóór de toelating beslist.",
                en: "A possible duplicate registration is decided before admission."
            )
        }
        if match == nil {
            p.fail(
                "resolution",
                "noMatch",
                nl: "Deze mogelijke registratie is niet (meer) gevonden.",
                en: "This possible registration was not found (any more)."
            )
        }
        if kind == .review && !mayReview {
            p.fail(
                "resolution",
                "reviewNotPossible",
                nl:
                    "Alleen een twijfelachtige (middelsterke) overeenkomst gaat naar de gemeente; de gemeente beslist "
                    + "zelf.",
                en: "Only an unsure (medium) match goes to the municipality; the municipality decides itself."
            )
        }
        if kind == .samePersonLinked {
            p.fail(
                "resolution",
                "importOnly",
                nl: "Koppelen is voor registraties die bij een import zijn gevonden; kies een andere beslissing.",
                en: "Linking is for registrations found at an import; choose another decision."
            )
        }
        requireReason(for: kind, note, &p)
        try p.finish()
        let resolution = DuplicateResolution(
            id: id,
            entryId: match!.entryId,
            otherLocationId: match!.locationId,
            strength: match!.strength,
            kind: kind!,
            on: today,
            note: note
        )
        var changes: [CaseChange] = [.duplicateResolved(resolution)]
        if kind!.isSamePerson {
            let reason = LocalizedText(
                nl: "Dezelfde persoon heeft een lopend traject bij \(match!.locationName).",
                en: "The same person has a running trajectory at \(match!.locationName)."
            )
            let criterion = CriterionResult(criterion: .notActiveElsewhere, status: .notMet, reason: reason)
            let check = AdmissionCheck(criteria: [criterion], flags: [], verdict: .notEligible, localDeviation: nil)
            changes.append(
                .admissionDecided(
                    AdmissionDecision(
                        outcome: .reject,
                        decidedOn: today,
                        motivation: note,
                        rejectionReason: .activeElsewhere,
                        check: check
                    )
                )
            )
        }
        return changes
    }
}

extension DuplicateCommands {
    /// The municipality's decision on a possible match an import found.
    public static let importForm = Form(
        .choice("resolution", DuplicateResolution.Kind.self),
        .text("note", maxLength: 2000, required: false)
    )

    /// Validates a decision on a match found at import: the same person (linked) or not, the
    /// latter with its reason, as at intake.
    public static func resolveImportMatch(
        _ input: FormInput,
        match: PossibleRegistration,
        id: UUID,
        today: Day
    ) throws(ValidationFailure) -> DuplicateResolution {
        var p = Parser(input, form: importForm, today: today)
        let kind = p.choice("resolution", DuplicateResolution.Kind.self)
        let note = p.text("note")
        if let kind, kind != .samePersonLinked && kind != .notSamePerson {
            p.fail(
                "resolution",
                "importChoice",
                nl: "Kies ‘dezelfde persoon’ of ‘niet dezelfde persoon’.",
                en: "Choose ‘same person’ or ‘not the same person’."
            )
        }
        requireReason(for: kind, note, &p)
        try p.finish()
        return DuplicateResolution(
            id: id,
            entryId: match.entryId,
            otherLocationId: match.locationId,
            strength: match.strength,
            kind: kind!,
            on: today,
            note: note
        )
    }
}

extension DuplicateCommands {
    /// "Not the same person" is remembered for good, so it needs its reason, at intake and at import
    /// alike.
    static func requireReason(for kind: DuplicateResolution.Kind?, _ note: String?, _ p: inout Parser) {
        guard kind == .notSamePerson && note == nil else { return }
        p.fail(
            "note",
            "required",
            nl: "Licht toe waarom het niet dezelfde persoon is (bijvoorbeeld: andere vingerafdrukken, andere "
                + "ouders).",
            en: "Explain why it is not the same person (for example: other fingerprints, other parents)."
        )
    }
}
