import Foundation

/// Landelijk beleid: the national configuration in force from a day until the next version: the
/// admission policy's parameters, the national regiobinding definition and the monitor's k. A
/// decision records the version it was made under.
public struct NationalPolicy: Sendable, Hashable, Codable {
    public let version: Int
    public let validFrom: Day
    public let admission: AdmissionPolicy
    /// The national definition; a location that deviates keeps its own rule.
    public let regionalTies: RegionalTiesRule
    /// The monitor publishes no cell of 1 to k − 1 people.
    public let monitorK: Int

    public init(version: Int, validFrom: Day, admission: AdmissionPolicy, regionalTies: RegionalTiesRule, monitorK: Int)
    {
        self.version = version
        self.validFrom = validFrom
        self.admission = admission
        self.regionalTies = regionalTies
        self.monitorK = monitorK
    }

    /// The first version, in force from the start: the national defaults and the configured k.
    public static func initial(monitorK: Int) -> NationalPolicy {
        NationalPolicy(
            version: 1,
            validFrom: Parser.earliestEvent,
            admission: .national,
            regionalTies: .national,
            monitorK: monitorK
        )
    }

    /// The rule a location applies: its own when it deviates, else this version's national one.
    public func rule(at location: Location) -> RegionalTiesRule {
        location.regionalTiesRule.deviation == nil ? regionalTies : location.regionalTiesRule
    }

    /// A new version as the administrator submits it.
    public static let form = Form(
        .day("validFrom", allowFuture: true),
        FieldSpec(
            "freshRejectionDays",
            .integer(1...365),
            required: true,
            summary: "A final asylum rejection younger than this many days is fresh"
        ),
        .text("safeCountries", maxLength: 2000, required: false),
        FieldSpec(
            "minimumMonthsInRegion",
            .integer(0...60),
            required: true,
            summary: "The national regiobinding definition: months of stay that suffice"
        ),
        .choices("acceptedTies", RegionalTie.self),
        FieldSpec("monitorK", .integer(2...50), required: true, summary: "The monitor's suppression threshold")
    )

    /// Reads a new version after `current`, the latest one. It starts after the latest and not
    /// before today, so no decision already made changes its version; k changes only on a quarter's
    /// first day, as the monitor publishes per quarter.
    public static func parse(
        _ input: FormInput,
        after current: NationalPolicy,
        today: Day
    ) throws(ValidationFailure) -> NationalPolicy {
        var p = Parser(input, form: form, today: today)
        let validFrom = p.day("validFrom")
        let days = p.integer("freshRejectionDays")
        let months = p.integer("minimumMonthsInRegion")
        let ties = p.choices("acceptedTies", RegionalTie.self)
        let k = p.integer("monitorK")
        var countries: Set<String> = []
        for code in (p.text("safeCountries") ?? "").split(whereSeparator: { ",; \n".contains($0) }) {
            let upper = code.uppercased()
            if Country.named(upper) == nil {
                p.fail(
                    "safeCountries",
                    "unknownCountry",
                    nl: "Onbekende landcode ‘\(code)’ (ISO 3166 alpha-3).",
                    en: "Unknown country code ‘\(code)’ (ISO 3166 alpha-3)."
                )
            }
            countries.insert(upper)
        }
        if let validFrom {
            if validFrom <= current.validFrom {
                p.fail(
                    "validFrom",
                    "overlaps",
                    nl: "Versie \(current.version) geldt vanaf \(current.validFrom); een nieuwe versie begint daarna.",
                    en: "Version \(current.version) applies from \(current.validFrom); a new version starts after it."
                )
            } else if validFrom < today {
                p.fail(
                    "validFrom",
                    "inPast",
                    nl: "Een nieuwe versie begint vandaag of later: besluiten die al genomen zijn houden hun versie.",
                    en: "A new version starts today or later: decisions already made keep their version."
                )
            }
            if let k, k != current.monitorK, !(validFrom.day == 1 && (validFrom.month - 1) % 3 == 0) {
                p.fail(
                    "monitorK",
                    "notQuarterStart",
                    nl: "k verandert alleen op de eerste dag van een kwartaal.",
                    en: "k changes only on a quarter's first day."
                )
            }
        }
        try p.finish()
        return NationalPolicy(
            version: current.version + 1,
            validFrom: validFrom!,
            admission: AdmissionPolicy(safeCountries: countries, freshRejectionDays: days!),
            regionalTies: RegionalTiesRule(
                minimumMonthsInRegion: months!,
                acceptedTies: ties,
                deviation: nil
            ),
            monitorK: k!
        )
    }
}
