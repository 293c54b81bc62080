import Foundation

/// Who a person is, as far as the registration knows: names, aliases, birth date, nationality, gender, V-nummer.
public struct Identity: Sendable, Hashable, Codable {
    public var givenNames: String?
    public var surname: String
    /// Other names and spellings the person is known by (aliassen).
    public var aliases: [String]
    public var birthDate: PartialDate?
    /// ISO 3166-1 alpha-3, or XXA (stateless) / XXX (unknown).
    public var nationality: String
    public var gender: Gender
    public var vNumber: VNumber?

    public init(
        givenNames: String?,
        surname: String,
        aliases: [String] = [],
        birthDate: PartialDate?,
        nationality: String,
        gender: Gender,
        vNumber: VNumber?
    ) {
        self.givenNames = givenNames
        self.surname = surname
        self.aliases = aliases
        self.birthDate = birthDate
        self.nationality = nationality
        self.gender = gender
        self.vNumber = vNumber
    }

    /// "Given names Surname", as shown in lists.
    public var displayName: String {
        [givenNames, surname].compactMap { $0 }.joined(separator: " ")
    }

    /// The identity's fields, shared by referral and intake. A nationality is one of ``Country/all``
    /// (ISO 3166 alpha-3, or ICAO's codes for stateless and unknown); a V-number has ten digits,
    /// spaces and dots allowed.
    public static let form = Form(
        .text("givenNames", required: false),
        .text("surname"),
        FieldSpec("aliases", .texts(maxItems: 20, maxLength: 200), required: false),
        FieldSpec("birthDate", .partialDate, required: false),
        FieldSpec("nationality", .choice(Country.all.map(\.code)), required: true),
        .choice("gender", Gender.self),
        FieldSpec("vNumber", .pattern("^[ .]*([0-9][ .]*){10}$", maxLength: 30), required: false)
    )

    /// Reads the identity fields shared by referral and intake.
    ///
    /// Surname, nationality and gender are required; a birth date may be a year or a year and month.
    public static func parse(_ p: inout Parser) -> Identity? {
        let given = p.text("givenNames")
        let surname = p.text("surname")
        let aliases =
            p.value("aliases").map { text in
                text.split(whereSeparator: { $0 == "," || $0 == "\n" || $0 == ";" })
                    .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            } ?? []
        if aliases.count > 20 {
            p.fail("aliases", "tooMany", nl: "Maximaal 20 aliassen.", en: "At most 20 aliases.")
        }
        var birthDate: PartialDate?
        if let text = p.value("birthDate") {
            if let value = PartialDate(text) {
                if value.earliestDay > p.today {
                    p.fail(
                        "birthDate",
                        "inFuture",
                        nl: "De geboortedatum ligt in de toekomst.",
                        en: "The birth date is in the future."
                    )
                } else if value.year < p.today.year - 120 {
                    p.fail(
                        "birthDate",
                        "tooOld",
                        nl: "De geboortedatum ligt meer dan 120 jaar terug.",
                        en: "The birth date is more than 120 years ago."
                    )
                } else {
                    birthDate = value
                }
            } else {
                p.fail(
                    "birthDate",
                    "invalidDate",
                    nl: "Gebruik JJJJ, JJJJ-MM of JJJJ-MM-DD.",
                    en: "Use YYYY, YYYY-MM or YYYY-MM-DD."
                )
            }
        }
        var nationality: String?
        let missingNationality = LocalizedText(
            nl: "Kies een nationaliteit (of ‘Onbekend’).",
            en: "Choose a nationality (or ‘Unknown’)."
        )
        if let code = p.value("nationality", missing: missingNationality) {
            if let country = Country.named(code), country.code == code {
                nationality = country.code
            } else {
                p.fail(
                    "nationality",
                    "unknownCode",
                    nl: "‘\(code)’ is geen ISO 3166-landcode (drie letters), XXA (staatloos) of XXX (onbekend).",
                    en: "‘\(code)’ is not an ISO 3166 alpha-3 country code, XXA (stateless) or XXX (unknown)."
                )
            }
        }
        let gender = p.choice("gender", Gender.self)
        var vNumber: VNumber?
        if let text = p.value("vNumber") {
            if let value = VNumber(text) {
                vNumber = value
            } else {
                p.fail(
                    "vNumber",
                    "invalidVNumber",
                    nl: "Een V-nummer heeft precies 10 cijfers.",
                    en: "A V-number has exactly 10 digits."
                )
            }
        }
        guard let surname, let nationality, let gender else { return nil }
        return Identity(
            givenNames: given,
            surname: surname,
            aliases: aliases,
            birthDate: birthDate,
            nationality: nationality,
            gender: gender,
            vNumber: vNumber
        )
    }
}
