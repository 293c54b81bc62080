import Foundation

/// Landelijk beleid: the national configuration in force from a day until the next version: the
/// admission policy's parameters, the national regiobinding definition, the monitor's k, the outflow
/// code list and the escalation ladder. A decision records the version it was made under.
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
    /// Opschalingsladder: the rungs above the case meeting, lowest first. A later version keeps every
    /// rung of the one before, in the same order, as escalations and bodies name them by code.
    public let escalationLadder: [EscalationLevel]

    public init(
        version: Int,
        validFrom: Day,
        admission: AdmissionPolicy,
        regionalTies: RegionalTiesRule,
        monitorK: Int,
        outflowReasons: [OutflowReason] = OutflowReason.nationalDefault,
        escalationLadder: [EscalationLevel] = EscalationLevel.defaultLadder
    ) {
        self.version = version
        self.validFrom = validFrom
        self.admission = admission
        self.regionalTies = regionalTies
        self.monitorK = monitorK
        self.outflowReasons = outflowReasons
        self.escalationLadder = escalationLadder
    }

    private enum CodingKeys: String, CodingKey {
        case version, validFrom, admission, regionalTies, monitorK, outflowReasons, escalationLadder
    }

    /// Versions stored before the ladder was part of the policy read as having the default ladder.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        version = try c.decode(Int.self, forKey: .version)
        validFrom = try c.decode(Day.self, forKey: .validFrom)
        admission = try c.decode(AdmissionPolicy.self, forKey: .admission)
        regionalTies = try c.decode(RegionalTiesRule.self, forKey: .regionalTies)
        monitorK = try c.decode(Int.self, forKey: .monitorK)
        outflowReasons = try c.decode([OutflowReason].self, forKey: .outflowReasons)
        escalationLadder =
            try c.decodeIfPresent([EscalationLevel].self, forKey: .escalationLadder) ?? EscalationLevel.defaultLadder
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

    /// The version in force on a day among `versions` (first first): the last that started on or
    /// before it, else the first.
    public static func inForce(on day: Day, in versions: [NationalPolicy]) -> NationalPolicy {
        versions.last { $0.validFrom <= day } ?? versions[0]
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
        ),
        FieldSpec(
            "escalationLadder",
            .text(maxLength: 4000),
            required: true,
            summary: "The escalation ladder, lowest rung first, one per line: code;Dutch label;English label"
        )
    )

    /// The outflow code list as the form shows it: one reason per line.
    public static func lines(_ reasons: [OutflowReason]) -> String {
        reasons.map { "\($0.code);\($0.category.rawValue);\($0.label.nl);\($0.label.en)" }.joined(separator: "\n")
    }

    /// The ladder as the form shows it: one rung per line.
    public static func lines(_ ladder: [EscalationLevel]) -> String {
        ladder.map { "\($0.code);\($0.label.nl);\($0.label.en)" }.joined(separator: "\n")
    }

    /// Reads the ladder: every wrong line named, codes unique, and every rung of the current ladder
    /// still there in the same order, so no escalation or body loses the rung it names.
    static func escalationLadder(
        _ text: String,
        after current: [EscalationLevel],
        _ p: inout Parser
    )
        -> [EscalationLevel]
    {
        var ladder: [EscalationLevel] = []
        for (index, line) in text.split(whereSeparator: \.isNewline).enumerated() {
            let parts = line.split(separator: ";", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            let number = index + 1
            guard parts.count == 3, parts[0].wholeMatch(of: /[a-zA-Z][a-zA-Z0-9]{0,39}/) != nil,
                !parts[1].isEmpty, !parts[2].isEmpty
            else {
                p.fail(
                    "escalationLadder",
                    "invalidLine",
                    nl: "Regel \(number): verwacht code;Nederlands;Engels.",
                    en: "Line \(number): expected code;Dutch;English."
                )
                continue
            }
            if ladder.contains(where: { $0.code == parts[0] }) {
                p.fail(
                    "escalationLadder",
                    "duplicateCode",
                    nl: "Regel \(number): de code \(parts[0]) staat er al.",
                    en: "Line \(number): the code \(parts[0]) is already listed."
                )
            }
            ladder.append(EscalationLevel(code: parts[0], label: LocalizedText(nl: parts[1], en: parts[2])))
        }
        guard !p.hasError("escalationLadder") else { return ladder }
        let kept = ladder.map(\.code).filter { code in current.contains { $0.code == code } }
        if let missing = current.first(where: { level in !ladder.contains { $0.code == level.code } }) {
            p.fail(
                "escalationLadder",
                "rungRemoved",
                nl: "De trede \(missing.code) ontbreekt: een trede blijft, want opschalingen en organen noemen haar.",
                en: "The rung \(missing.code) is missing: a rung stays, as escalations and bodies name it."
            )
        } else if kept != current.map(\.code) {
            p.fail(
                "escalationLadder",
                "rungsReordered",
                nl: "De bestaande treden blijven in hun volgorde: \(current.map(\.code).joined(separator: " → ")).",
                en: "The existing rungs keep their order: \(current.map(\.code).joined(separator: " → "))."
            )
        }
        return ladder
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
        let ladder = escalationLadder(p.text("escalationLadder") ?? "", after: current.escalationLadder, &p)
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
            outflowReasons: reasons,
            escalationLadder: ladder
        )
    }
}
