import Foundation
import KoersCore
import KoersStatistics

/// Analyses of the monitor: what goes with a solution at outflow (logistic regression), how long
/// trajectories last (Kaplan–Meier) and how each kind of outflow accumulates over time
/// (Aalen–Johansen), national, on one reference date.
///
/// Small groups are protected with the monitor's k: a covariate level with fewer than k
/// trajectories, or fewer than k with or without the outcome, is merged into "other" (and that,
/// if still too small, into the reference level); curves are published only at fixed horizons
/// where at least k trajectories are still at risk; and a model or curve on fewer than k events is
/// refused, with the reason.
public struct MonitorAnalyses: Sendable {
    /// One logistic model and how its covariates were formed.
    public struct Model: Sendable {
        public let title: LocalizedText
        /// The fitted model; nil when refused.
        public let result: LogitResult?
        public let refusal: LocalizedText?
        /// Display labels of the model's variables (`gender=female` → "Geslacht: vrouw").
        public let labels: [String: LocalizedText]
        /// Each covariate's reference level.
        public let references: [LocalizedText]
        /// Levels merged because they were too small.
        public let merged: [LocalizedText]
    }

    /// An estimate at a horizon, with its 95% interval and the number still at risk.
    public struct Point: Sendable {
        public let months: Int
        public let value: Double
        public let lower: Double
        public let upper: Double
        public let atRisk: Int

        public init(months: Int, value: Double, lower: Double, upper: Double, atRisk: Int) {
            self.months = months
            self.value = value
            self.lower = lower
            self.upper = upper
            self.atRisk = atRisk
        }
    }

    /// A curve published at the horizons only.
    public struct Curve: Sendable {
        public let label: LocalizedText
        public let points: [Point]
    }

    public let peildatum: Day
    public let k: Int
    public let solution: Model
    public let durable: Model
    /// Share still in a trajectory (Kaplan–Meier) by months since admission; nil when refused.
    public let stay: Curve?
    /// Median days from admission to outflow, with the number of trajectories and of outflows.
    public let medianDays: Double?
    public let trajectories: Int
    public let outflows: Int
    /// Cumulative incidence of each kind of outflow, by months since admission.
    public let incidence: [Curve]
    public let curveRefusal: LocalizedText?

    /// The horizons at which curves are published, in months.
    public static let horizons = [3, 6, 12, 18, 24, 36]

    public static func build(
        records: [MonitorRecord],
        locations: [MonitorLocation],
        peildatum: Day,
        k: Int
    ) -> MonitorAnalyses {
        let asOf = peildatum.adding(days: -1)
        let names = Dictionary(uniqueKeysWithValues: locations.map { ($0.id, $0.name) })
        // Indices of the records, read through a buffer: a copy of a record retains every array it
        // holds, and a million copies cost more than the models themselves.
        var left: [Int] = []
        // Time from admission to outflow; who is still in a trajectory is censored on the reference date.
        var times: [Double] = []
        var causes: [String?] = []
        records.withUnsafeBufferPointer { r in
            for i in r.indices where r[i].admitted(by: asOf) {
                let gone = r[i].leftBy(asOf)
                if gone && r[i].outcome != nil { left.append(i) }
                times.append(Double(r[i].admissionOn!.days(until: gone ? r[i].outflowOn! : asOf)))
                causes.append(gone ? r[i].outcome?.rawValue : nil)
            }
        }
        let outcomes = left.map { records[$0].outcome! }
        // The covariates are the same for both models; only the outcome differs.
        let covariates = covariates(records, left, locations: names)
        let solution = model(
            covariates,
            y: outcomes.map { $0 != OutcomeCategory.none },
            title: LocalizedText(nl: "Kans op een oplossing bij uitstroom", en: "Odds of a solution at outflow"),
            k: k
        )
        let durable = model(
            covariates,
            y: outcomes.map { $0 == .durable },
            title: LocalizedText(
                nl: "Kans op een bestendige oplossing bij uitstroom",
                en: "Odds of a durable solution at outflow"
            ),
            k: k
        )

        let outflows = causes.compactMap { $0 }.count
        var stay: Curve?
        var incidence: [Curve] = []
        var median: Double?
        var refusal: LocalizedText?
        // Still running after each horizon: counted once for every curve.
        let atRisk = Dictionary(
            uniqueKeysWithValues: horizons.map { months in
                (months, times.filter { $0 > Double(months) * daysPerMonth }.count)
            }
        )
        let eventsPerCause = Dictionary(grouping: causes.compactMap { $0 }, by: { $0 }).mapValues(\.count)
        if outflows < k || OutcomeCategory.allCases.contains(where: { (eventsPerCause[$0.rawValue] ?? 0) < k }) {
            refusal = LocalizedText(
                nl: "Te weinig uitstroom (minder dan \(k) per soort) om curves te publiceren.",
                en: "Too little outflow (fewer than \(k) of a kind) to publish curves."
            )
        } else if let km = try? KaplanMeier.fit(time: times, event: causes.map { $0 != nil }, minimumGroup: k),
            let cif = try? CumulativeIncidence.fit(time: times, cause: causes, minimumGroup: k)
        {
            median = km.median
            stay = Curve(
                label: LocalizedText(nl: "Nog in traject", en: "Still in a trajectory"),
                points: horizons.compactMap { months in
                    let (index, risk) = (step(km.times, months), atRisk[months]!)
                    guard risk >= k else { return nil }
                    guard let i = index else {
                        return Point(months: months, value: 1, lower: 1, upper: 1, atRisk: risk)
                    }
                    return Point(
                        months: months,
                        value: km.survival[i],
                        lower: km.lower[i],
                        upper: km.upper[i],
                        atRisk: risk
                    )
                }
            )
            for category in OutcomeCategory.allCases {
                guard let c = cif.causes.firstIndex(of: category.rawValue) else { continue }
                incidence.append(
                    Curve(
                        label: category.label,
                        points: horizons.compactMap { months in
                            let (index, risk) = (step(cif.times, months), atRisk[months]!)
                            guard risk >= k else { return nil }
                            guard let i = index else {
                                return Point(months: months, value: 0, lower: 0, upper: 0, atRisk: risk)
                            }
                            return Point(
                                months: months,
                                value: cif.incidence[c][i],
                                lower: cif.lower[c][i],
                                upper: cif.upper[c][i],
                                atRisk: risk
                            )
                        }
                    )
                )
            }
        }
        return MonitorAnalyses(
            peildatum: peildatum,
            k: k,
            solution: solution,
            durable: durable,
            stay: stay,
            medianDays: median,
            trajectories: times.count,
            outflows: outflows,
            incidence: incidence,
            curveRefusal: refusal
        )
    }

    /// Days in a month, for reading the curves at whole months.
    static let daysPerMonth = 30.4375

    /// The last estimate at or before `months`.
    private static func step(_ estimateTimes: [Double], _ months: Int) -> Int? {
        estimateTimes.lastIndex { $0 <= Double(months) * daysPerMonth }
    }

    /// A covariate: each record's level as a code into `levels`, and how levels read. Codes, not
    /// strings: a million trajectories' levels are counted and merged several times per model.
    private struct Covariate {
        let name: String
        let label: LocalizedText
        var levels: [String]
        var codes: [Int]
        let levelLabel: (String) -> LocalizedText

        /// Levels named in `levels`, each row's level given by its index there.
        init(
            name: String,
            label: LocalizedText,
            levels: [String],
            codes: [Int],
            levelLabel: @escaping (String) -> LocalizedText
        ) {
            self.name = name
            self.label = label
            self.levelLabel = levelLabel
            // Levels numbered in the order rows first show them, as the models have always listed them.
            var renumbered = Array(repeating: -1, count: levels.count)
            var order: [String] = []
            self.codes = codes.map { code in
                if renumbered[code] < 0 {
                    renumbered[code] = order.count
                    order.append(levels[code])
                }
                return renumbered[code]
            }
            self.levels = order
        }

        /// A level read as "Covariate: level".
        func describe(_ level: String) -> LocalizedText {
            let l = levelLabel(level)
            return LocalizedText(nl: "\(label.nl): \(l.nl)", en: "\(label.en): \(l.en)")
        }
    }

    static let other = NationalityGroups.other

    /// The covariates of the records at `indices`, as level codes, before small levels are merged.
    private static func covariates(
        _ records: [MonitorRecord],
        _ indices: [Int],
        locations: [UUID: String]
    ) -> [Covariate] {
        var nationalityCounts: [String: Int] = [:]
        for i in indices { nationalityCounts[records[i].nationality, default: 0] += 1 }
        let top = NationalityGroups.top(counts: nationalityCounts)
        let topIndex = Dictionary(uniqueKeysWithValues: top.enumerated().map { ($1, $0) })
        // Gender "other" is the covariate's "other" level; every other value is a level of its own.
        let genders: [Gender] = Gender.allCases.filter { $0 != .other }
        let names = Array(Set(locations.values)).sorted()
        let nameIndex = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        let locationIndex = locations.mapValues { nameIndex[$0]! }
        var gender: [Int] = []
        var age: [Int] = []
        var nationality: [Int] = []
        var location: [Int] = []
        gender.reserveCapacity(indices.count)
        age.reserveCapacity(indices.count)
        nationality.reserveCapacity(indices.count)
        location.reserveCapacity(indices.count)
        // One pass, by index: a million records are read once and never copied.
        for i in indices {
            gender.append(genders.firstIndex(of: records[i].gender) ?? genders.count)
            age.append(ageGroupIndex(records[i]) ?? ageGroups.count)
            nationality.append(topIndex[records[i].nationality] ?? top.count)
            let place = records[i].outflowOn.map { records[i].location(on: $0) }.flatMap { locationIndex[$0] }
            location.append(place ?? names.count)
        }
        return [
            Covariate(
                name: "gender",
                label: LocalizedText(nl: "Geslacht", en: "Gender"),
                levels: genders.map(\.rawValue) + [other],
                codes: gender
            ) { code in
                switch code {
                case "female": LocalizedText(nl: "vrouw", en: "woman")
                case "male": LocalizedText(nl: "man", en: "man")
                default: LocalizedText(nl: "anders of onbekend", en: "other or unknown")
                }
            },
            Covariate(
                name: "age",
                label: LocalizedText(nl: "Leeftijd bij uitstroom", en: "Age at outflow"),
                levels: ageGroups + [other],
                codes: age
            ) { code in
                code == other
                    ? LocalizedText(nl: "onbekend of overig", en: "unknown or other")
                    : LocalizedText(nl: code, en: code)
            },
            Covariate(
                name: "nationality",
                label: LocalizedText(nl: "Nationaliteit", en: "Nationality"),
                levels: top + [other],
                codes: nationality
            ) { code in
                code == other ? LocalizedText(nl: "overig", en: "other") : LocalizedText(nl: code, en: code)
            },
            Covariate(
                name: "location",
                label: LocalizedText(nl: "Locatie", en: "Location"),
                levels: names + [other],
                codes: location
            ) { code in
                code == other ? LocalizedText(nl: "overig", en: "other") : LocalizedText(nl: code, en: code)
            },
        ]
    }

    private static func model(
        _ covariates: [Covariate],
        y: [Bool],
        title: LocalizedText,
        k: Int
    ) -> Model {
        let events = y.lazy.filter { $0 }.count
        guard y.count >= k, events >= k, y.count - events >= k else {
            return Model(
                title: title,
                result: nil,
                refusal: LocalizedText(
                    nl: "Te weinig uitstroom of uitkomsten (minder dan \(k)) voor dit model.",
                    en: "Too little outflow or too few outcomes (fewer than \(k)) for this model."
                ),
                labels: [:],
                references: [],
                merged: []
            )
        }
        var merged: [LocalizedText] = []
        var references: [LocalizedText] = []
        var names = ["Intercept"]
        var labels: [String: LocalizedText] = ["Intercept": LocalizedText(nl: "Constante", en: "Intercept")]
        // Per covariate, each original level's column in the design (0 for the reference level).
        var columnOfLevel: [[Int]] = []
        var codes: [[Int]] = []
        for covariate in covariates {
            let protected = protect(covariate.codes, levels: covariate.levels, y: y, k: k)
            for level in protected.merged { merged.append(covariate.describe(level)) }
            let (counts, levelNames) = (protected.counts, protected.levels)
            // The largest level is the reference, so every odds ratio compares with the usual case.
            let levels = counts.indices.filter { counts[$0] > 0 }.sorted { a, b in
                (counts[a], levelNames[b]) > (counts[b], levelNames[a])
            }
            var column = Array(repeating: 0, count: levelNames.count)
            guard let reference = levels.first else { continue }
            references.append(covariate.describe(levelNames[reference]))
            for level in levels.dropFirst() {
                let name = "\(covariate.name)=\(levelNames[level])"
                column[level] = names.count
                names.append(name)
                labels[name] = covariate.describe(levelNames[level])
            }
            columnOfLevel.append(column)
            codes.append(protected.codes)
        }
        // Rows with the same levels share one fitted probability: the model is fitted on each
        // distinct row once, counted, in the order the rows first occur.
        var patternIndex: [[Int]: Int] = [:]
        var patterns: [[Double]] = []
        var counts: [Double] = []
        var successes: [Double] = []
        var key = Array(repeating: 0, count: codes.count)
        for i in y.indices {
            for c in codes.indices { key[c] = codes[c][i] }
            let j: Int
            if let known = patternIndex[key] {
                j = known
            } else {
                j = patterns.count
                patternIndex[key] = j
                var row = Array(repeating: 0.0, count: names.count)
                row[0] = 1
                for c in codes.indices where columnOfLevel[c][key[c]] > 0 { row[columnOfLevel[c][key[c]]] = 1 }
                patterns.append(row)
                counts.append(0)
                successes.append(0)
            }
            counts[j] += 1
            if y[i] { successes[j] += 1 }
        }
        do {
            let result = try Logistic.fit(
                patterns: patterns,
                counts: counts,
                successes: successes,
                names: names,
                minimumGroup: k
            )
            return Model(
                title: title,
                result: result,
                refusal: nil,
                labels: labels,
                references: references,
                merged: merged
            )
        } catch {
            return Model(
                title: title,
                result: nil,
                refusal: LocalizedText(
                    nl: "Het model is niet te schatten: \(error)",
                    en: "The model cannot be fitted: \(error)"
                ),
                labels: labels,
                references: references,
                merged: merged
            )
        }
    }

    /// The six nationalities most often among those who left, the rest as "other": the same
    /// groups as the monitor's table of outflow by nationality.
    public static func nationalityGroups(_ records: [MonitorRecord]) -> [String] {
        let top = Set(NationalityGroups.top(records.map(\.nationality)))
        return records.map { top.contains($0.nationality) ? $0.nationality : other }
    }

    /// Age groups at outflow, as the evaluation's background characteristics.
    public static func ageGroup(_ r: MonitorRecord) -> String {
        ageGroupIndex(r).map { ageGroups[$0] } ?? other
    }

    /// The age groups at outflow, youngest first.
    static let ageGroups = ["18–29", "30–39", "40–49", "50+"]

    /// An age within each group, for a record whose exact birth year was erased.
    static let representativeAges = [25, 35, 45, 55]

    /// The age group's position in ``ageGroups``; nil when unknown.
    static func ageGroupIndex(_ r: MonitorRecord) -> Int? {
        guard let year = r.birthYear, let out = r.outflowOn else { return nil }
        switch out.year - year {
        case ..<30: return 0
        case 30..<40: return 1
        case 40..<50: return 2
        default: return 3
        }
    }

    /// Merges levels with fewer than k trajectories, or fewer than k with or without the outcome,
    /// into "other"; and "other", if still too small, into the largest level. Gives the merged
    /// codes, the number of trajectories per level afterwards, and the levels merged away, by name.
    static func protect(
        _ codes: [Int],
        levels: [String],
        y: [Bool],
        k: Int
    ) -> (codes: [Int], levels: [String], counts: [Int], merged: [String]) {
        var levels = levels
        var otherCode = levels.firstIndex(of: other) ?? -1
        if otherCode < 0 {
            otherCode = levels.count
            levels.append(other)
        }
        var n = Array(repeating: 0, count: levels.count)
        var events = Array(repeating: 0, count: levels.count)
        for (code, outcome) in zip(codes, y) {
            n[code] += 1
            if outcome { events[code] += 1 }
        }
        // Merging one level into "other" changes no other level's counts, so each is judged once.
        func small(_ code: Int) -> Bool { n[code] < k || events[code] < k || n[code] - events[code] < k }
        let otherGiven = n[otherCode] > 0
        var target = Array(levels.indices)
        var merged: [String] = []
        for code in levels.indices where code != otherCode && n[code] > 0 && small(code) {
            target[code] = otherCode
            n[otherCode] += n[code]
            events[otherCode] += events[code]
            n[code] = 0
            events[code] = 0
            merged.append(levels[code])
        }
        if n[otherCode] > 0 && small(otherCode) {
            let kept = levels.indices.filter { $0 != otherCode && n[$0] > 0 }
            if let largest = kept.max(by: { (n[$0], levels[$1]) < (n[$1], levels[$0]) }) {
                for code in levels.indices where target[code] == otherCode { target[code] = largest }
                n[largest] += n[otherCode]
                events[largest] += events[otherCode]
                n[otherCode] = 0
                if otherGiven { merged.append(other) }
            }
        }
        return (codes.map { target[$0] }, levels, n, merged.sorted())
    }
}
