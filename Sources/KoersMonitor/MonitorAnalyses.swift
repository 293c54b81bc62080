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
        // Indices, not copies: a record holds several arrays, and a million copies cost more than
        // the models themselves.
        let left = records.indices.filter { i in
            records[i].leftBy(asOf) && records[i].admitted(by: asOf) && records[i].outcome != nil
        }
        let outcomes = left.map { records[$0].outcome! }
        // The covariates are the same for both models; only the outcome differs.
        let covariates = covariates(records, left, locations: names)
        let solution = model(
            covariates,
            y: outcomes.map { $0 != OutcomeCategory.none ? 1 : 0 },
            title: LocalizedText(nl: "Kans op een oplossing bij uitstroom", en: "Odds of a solution at outflow"),
            k: k
        )
        let durable = model(
            covariates,
            y: outcomes.map { $0 == .durable ? 1 : 0 },
            title: LocalizedText(
                nl: "Kans op een bestendige oplossing bij uitstroom",
                en: "Odds of a durable solution at outflow"
            ),
            k: k
        )

        // Time from admission to outflow; who is still in a trajectory is censored on the reference date.
        var times: [Double] = []
        var causes: [String?] = []
        for i in records.indices where records[i].admitted(by: asOf) {
            let gone = records[i].leftBy(asOf)
            times.append(Double(records[i].admissionOn!.days(until: gone ? records[i].outflowOn! : asOf)))
            causes.append(gone ? records[i].outcome?.rawValue : nil)
        }
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

    /// A covariate: each record's level code, and how levels read.
    private struct Covariate {
        let name: String
        let label: LocalizedText
        var values: [String]
        let levelLabel: (String) -> LocalizedText
    }

    static let other = NationalityGroups.other

    /// The covariates of the records at `indices`, as level codes, before small levels are merged.
    private static func covariates(
        _ records: [MonitorRecord],
        _ indices: [Int],
        locations: [UUID: String]
    ) -> [Covariate] {
        let top = Set(NationalityGroups.top(indices.lazy.map { records[$0].nationality }))
        return [
            Covariate(
                name: "gender",
                label: LocalizedText(nl: "Geslacht", en: "Gender"),
                values: indices.map { records[$0].gender == .other ? other : records[$0].gender.rawValue }
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
                values: indices.map { ageGroup(records[$0]) }
            ) { code in
                code == other
                    ? LocalizedText(nl: "onbekend of overig", en: "unknown or other")
                    : LocalizedText(nl: code, en: code)
            },
            Covariate(
                name: "nationality",
                label: LocalizedText(nl: "Nationaliteit", en: "Nationality"),
                values: indices.map { top.contains(records[$0].nationality) ? records[$0].nationality : other }
            ) { code in
                code == other ? LocalizedText(nl: "overig", en: "other") : LocalizedText(nl: code, en: code)
            },
            Covariate(
                name: "location",
                label: LocalizedText(nl: "Locatie", en: "Location"),
                values: indices.map { i in
                    records[i].outflowOn.map { records[i].location(on: $0) }.flatMap { locations[$0] } ?? other
                }
            ) { code in
                code == other ? LocalizedText(nl: "overig", en: "other") : LocalizedText(nl: code, en: code)
            },
        ]
    }

    private static func model(
        _ covariates: [Covariate],
        y: [Double],
        title: LocalizedText,
        k: Int
    ) -> Model {
        let events = Int(y.reduce(0, +))
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
        var covariates = covariates
        var merged: [LocalizedText] = []
        var references: [LocalizedText] = []
        var columns: [[Double]] = [Array(repeating: 1, count: y.count)]
        var names = ["Intercept"]
        var labels: [String: LocalizedText] = ["Intercept": LocalizedText(nl: "Constante", en: "Intercept")]
        for c in covariates.indices {
            let before = Set(covariates[c].values)
            protect(&covariates[c].values, y: y, k: k)
            for level in before.subtracting(covariates[c].values).sorted() {
                let l = covariates[c].levelLabel(level)
                merged.append(
                    LocalizedText(nl: "\(covariates[c].label.nl): \(l.nl)", en: "\(covariates[c].label.en): \(l.en)")
                )
            }
            let counts = Dictionary(grouping: covariates[c].values, by: { $0 }).mapValues(\.count)
            // The largest level is the reference, so every odds ratio compares with the usual case.
            let levels = counts.keys.sorted { (counts[$0]!, $1) > (counts[$1]!, $0) }
            guard let reference = levels.first else { continue }
            let rl = covariates[c].levelLabel(reference)
            references.append(
                LocalizedText(nl: "\(covariates[c].label.nl): \(rl.nl)", en: "\(covariates[c].label.en): \(rl.en)")
            )
            for level in levels.dropFirst() {
                let name = "\(covariates[c].name)=\(level)"
                names.append(name)
                let l = covariates[c].levelLabel(level)
                labels[name] = LocalizedText(
                    nl: "\(covariates[c].label.nl): \(l.nl)",
                    en: "\(covariates[c].label.en): \(l.en)"
                )
                columns.append(covariates[c].values.map { $0 == level ? 1 : 0 })
            }
        }
        let x = (0..<y.count).map { i in columns.map { $0[i] } }
        do {
            let result = try Logistic.fit(y: y, x: x, names: names, minimumGroup: k)
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
        guard let year = r.birthYear, let out = r.outflowOn else { return other }
        switch out.year - year {
        case ..<30: return "18–29"
        case 30..<40: return "30–39"
        case 40..<50: return "40–49"
        default: return "50+"
        }
    }

    /// Merges levels with fewer than k trajectories, or fewer than k with or without the outcome,
    /// into "other"; and "other", if still too small, into the largest level.
    static func protect(_ values: inout [String], y: [Double], k: Int) {
        func small(_ level: String) -> Bool {
            var n = 0
            var events = 0.0
            for (v, o) in zip(values, y) where v == level {
                n += 1
                events += o
            }
            return n < k || events < Double(k) || Double(n) - events < Double(k)
        }
        for level in Set(values).sorted() where level != other && small(level) {
            values = values.map { $0 == level ? other : $0 }
        }
        if values.contains(other) && small(other) {
            let counts = Dictionary(grouping: values.filter { $0 != other }, by: { $0 }).mapValues(\.count)
            guard let largest = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key else { return }
            values = values.map { $0 == other ? largest : $0 }
        }
    }
}
