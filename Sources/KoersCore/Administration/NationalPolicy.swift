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
    /// The outflow code list and each reason's category. An outflow keeps the category it was
    /// recorded with, so the monitor counts it as it was.
    public let outflowReasons: [OutflowReason]

    public init(
        version: Int,
        validFrom: Day,
        admission: AdmissionPolicy,
        regionalTies: RegionalTiesRule,
        monitorK: Int,
        outflowReasons: [OutflowReason] = OutflowReason.nationalDefault
    ) {
        self.version = version
        self.validFrom = validFrom
        self.admission = admission
        self.regionalTies = regionalTies
        self.monitorK = monitorK
        self.outflowReasons = outflowReasons
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
        FieldSpec("monitorK", .integer(2...50), required: true, summary: "The monitor's suppression threshold"),
        FieldSpec(
            "outflowReasons",
            .text(maxLength: 20000),
            required: true,
            summary: "The outflow code list, one reason per line: code;category;Dutch label;English label"
        )
    )

    /// The outflow code list as the form shows it: one reason per line.
    public static func lines(_ reasons: [OutflowReason]) -> String {
        reasons.map { "\($0.code);\($0.category.rawValue);\($0.label.nl);\($0.label.en)" }.joined(separator: "\n")
    }

    /// Reads the code list: every wrong line named, codes unique.
    static func outflowReasons(_ text: String, _ p: inout Parser) -> [OutflowReason] {
        var reasons: [OutflowReason] = []
        for (index, line) in text.split(whereSeparator: \.isNewline).enumerated() {
            let parts = line.split(separator: ";", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            let number = index + 1
            guard parts.count == 4, parts[0].wholeMatch(of: /[a-zA-Z][a-zA-Z0-9]{0,39}/) != nil,
                let category = OutcomeCategory(rawValue: parts[1]), !parts[2].isEmpty, !parts[3].isEmpty
            else {
                p.fail(
                    "outflowReasons",
                    "invalidLine",
                    nl: "Regel \(number): verwacht code;categorie;Nederlands;Engels, met categorie durable, "
                        + "semiDurable of none.",
                    en: "Line \(number): expected code;category;Dutch;English, with category durable, semiDurable "
                        + "or none."
                )
                continue
            }
            if reasons.contains(where: { $0.code == parts[0] }) {
                p.fail(
                    "outflowReasons",
                    "duplicateCode",
                    nl: "Regel \(number): de code \(parts[0]) staat er al.",
                    en: "Line \(number): the code \(parts[0]) is already listed."
                )
            }
            reasons.append(
                OutflowReason(code: parts[0], category: category, label: LocalizedText(nl: parts[2], en: parts[3]))
            )
        }
        return reasons
    }

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
        let reasons = outflowReasons(p.text("outflowReasons") ?? "", &p)
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
            monitorK: k!,
            outflowReasons: reasons
        )
    }
}
