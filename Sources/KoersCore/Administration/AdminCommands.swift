import Foundation

/// What the administrator submits to set up the network, each read by its form so the web
/// application and the API report the same field errors.
public enum AdminCommands {
    /// A new region.
    public static let regionForm = Form(.text("name", maxLength: 100))

    /// The CSV file of municipalities (its text).
    public static let municipalitiesForm = Form(.text("file", maxLength: 100_000))

    /// A new LVV location and its regiobinding rule: the national definition unless a deviation is
    /// described.
    public static let locationForm = Form(
        .text("name", maxLength: 100),
        FieldSpec("regionId", .uuid, required: true, summary: "The region the location serves"),
        FieldSpec(
            "minimumMonthsInRegion",
            .integer(0...60),
            required: true,
            summary: "Months of stay in the region that suffice on their own (national: 6)"
        ),
        .choices("acceptedTies", RegionalTie.self),
        .text("deviationNl", maxLength: 1000, required: false),
        .text("deviationEn", maxLength: 1000, required: false)
    )

    /// A new organisation: its party, and the locations it serves or, as a national body, all.
    public static let organisationForm = Form(
        .text("name", maxLength: 100),
        .choice("party", Party.self),
        FieldSpec(
            "escalationLevel",
            .text(maxLength: 40),
            required: false,
            summary: "For an escalation body: the code of its rung of the ladder (GET /escalation-levels)"
        ),
        .flag("national"),
        FieldSpec("locationIds", .uuids, required: false, summary: "The locations it serves")
    )

    /// An invitation: who, and for which organisation.
    public static let inviteForm = Form(
        FieldSpec("email", .pattern("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", maxLength: 200), required: true),
        .text("name", maxLength: 100),
        FieldSpec("organisationId", .uuid, required: true, summary: "The organisation the account works for")
    )

    /// The password an invited user chooses, twice.
    public static let passwordForm = Form(
        .text("password", maxLength: PasswordRules.maximumLength),
        .text("passwordAgain", maxLength: PasswordRules.maximumLength, required: false)
    )

    /// An account's new organisation.
    public static let moveForm = Form(
        FieldSpec("organisationId", .uuid, required: true, summary: "The organisation the account moves to")
    )

    /// The parties whose users must sign in with a second factor.
    public static let twoFactorForm = Form(.choices("parties", Party.self))

    /// A location as submitted.
    public struct NewLocation: Sendable, Equatable {
        public let name: String
        public let regionId: UUID
        public let rule: RegionalTiesRule
    }

    /// An organisation as submitted.
    public struct NewOrganisation: Sendable, Equatable {
        public let name: String
        public let party: Party
        public let escalationLevel: String?
        public let national: Bool
        public let locationIds: [UUID]
    }

    /// An invitation as submitted.
    public struct Invitation: Sendable, Equatable {
        public let email: String
        public let name: String
        public let organisationId: UUID
    }

    public static func region(_ input: FormInput, today: Day) throws(ValidationFailure) -> String {
        var p = Parser(input, form: regionForm, today: today)
        let name = p.text("name")
        try p.finish()
        return name!
    }

    public static func location(_ input: FormInput, today: Day) throws(ValidationFailure) -> NewLocation {
        var p = Parser(input, form: locationForm, today: today)
        let name = p.text("name")
        let region = p.uuid(
            "regionId",
            missing: LocalizedText(
                nl: "Kies de regio die de locatie bedient.",
                en: "Choose the region the location serves."
            )
        )
        let months = p.integer("minimumMonthsInRegion")
        let ties = p.choices("acceptedTies", RegionalTie.self)
        let nl = p.text("deviationNl")
        let en = p.text("deviationEn")
        let national = RegionalTiesRule.national
        let deviates = months != national.minimumMonthsInRegion || Set(ties) != Set(national.acceptedTies)
        // Whether the rule deviates is only known once both of its parts are readable.
        let readable = months != nil && !p.hasError("acceptedTies")
        if readable && deviates && (nl == nil || en == nil) && !p.hasError("deviationNl") {
            p.fail(
                nl == nil ? "deviationNl" : "deviationEn",
                "deviationUndescribed",
                nl: "Deze regel wijkt af van de landelijke definitie: beschrijf de afwijking in beide talen.",
                en: "This rule deviates from the national definition: describe the deviation in both languages."
            )
        }
        try p.finish()
        let deviation = deviates || nl != nil ? LocalizedText(nl: nl ?? en!, en: en ?? nl!) : nil
        return NewLocation(
            name: name!,
            regionId: region!,
            rule: RegionalTiesRule(minimumMonthsInRegion: months!, acceptedTies: ties, deviation: deviation)
        )
    }

    /// A new organisation. An escalation body's rung is one of `ladder`, the latest policy
    /// version's, so a body can be set up before the version that adds its rung applies.
    public static func organisation(
        _ input: FormInput,
        ladder: [EscalationLevel],
        today: Day
    ) throws(ValidationFailure) -> NewOrganisation {
        var p = Parser(input, form: organisationForm, today: today)
        let name = p.text("name")
        let party = p.choice("party", Party.self)
        let level = p.value("escalationLevel")
        if let level, EscalationLevel.named(level, in: ladder) == nil {
            p.fail(
                "escalationLevel",
                "unknownCode",
                nl: "‘\(level)’ is geen trede van de escalatieladder.",
                en: "‘\(level)’ is not a rung of the escalation ladder."
            )
        }
        let national = p.flag("national")
        let locations = p.uuids("locationIds")
        if party == .escalationBody && level == nil && !p.hasError("escalationLevel") {
            p.fail(
                "escalationLevel",
                "required",
                nl: "Kies de trede van de escalatieladder.",
                en: "Choose the rung of the escalation ladder."
            )
        }
        if let party, party != .escalationBody, level != nil {
            p.fail(
                "escalationLevel",
                "notAnEscalationBody",
                nl: "Alleen een escalatie-orgaan heeft een trede.",
                en: "Only an escalation body has a rung."
            )
        }
        if let party, !national, locations.isEmpty, party != .admin, party != .monitor {
            p.fail(
                "locationIds",
                "required",
                nl: "Kies de locaties die de organisatie bedient, of maak haar landelijk.",
                en: "Choose the locations the organisation serves, or make it national."
            )
        }
        try p.finish()
        return NewOrganisation(
            name: name!,
            party: party!,
            escalationLevel: level,
            national: national,
            locationIds: national ? [] : locations
        )
    }

    public static func invitation(_ input: FormInput, today: Day) throws(ValidationFailure) -> Invitation {
        var p = Parser(input, form: inviteForm, today: today)
        let email = p.value("email")
        if let email, email.wholeMatch(of: /[^@\s]+@[^@\s]+\.[^@\s]+/) == nil {
            p.fail("email", "invalidEmail", nl: "Geen geldig e-mailadres.", en: "Not a valid e-mail address.")
        }
        let name = p.text("name")
        let organisation = p.uuid(
            "organisationId",
            missing: LocalizedText(
                nl: "Een account hoort bij een organisatie: kies er een.",
                en: "An account belongs to an organisation: choose one."
            )
        )
        try p.finish()
        return Invitation(email: email!.lowercased(), name: name!, organisationId: organisation!)
    }

    /// The chosen password, checked against ``PasswordRules`` for this account.
    public static func password(
        _ input: FormInput,
        email: String,
        name: String,
        today: Day
    ) throws(ValidationFailure) -> String {
        var p = Parser(input, form: passwordForm, today: today)
        // Not trimmed: spaces are part of a passphrase.
        let password = input.raw("password")
        _ = p.text("password")
        // The reader reports a blank or overlong one; the rules say everything else that is wrong.
        let read = p.hasError("password")
        for error in PasswordRules.errors(password, again: input.raw("passwordAgain"), email: email, name: name)
        where !(error.field == "password" && read) {
            p.fail(error.field, error.code, nl: error.message.nl, en: error.message.en)
        }
        try p.finish()
        return password
    }
}
