import Foundation
import Hummingbird
import KoersCore
import KoersMonitor
import KoersStatistics

/// `/api/v1/monitor`: the monitor party's published figures on a reference date as JSON, the same
/// suppressed cells and analyses the monitor page shows, and nothing the page withholds.
struct MonitorAPIController {
    let service: CaseService

    /// The monitor on one reference date (peildatum).
    struct MonitorDTO: Codable, Sendable {
        let peildatum: String
        let k: Int
        let locations: [String]
        /// Per location, in the order of `locations`. A list rather than an object keyed by name, so
        /// the answer has a schema with named fields.
        let medianDaysToOutflow: [LocationMedianDTO]
        /// All locations together; absent where fewer than k left.
        let nationalMedianDaysToOutflow: Int?
        /// Null cells are suppressed.
        let tables: [MonitorTableDTO]
        let analyses: AnalysesDTO?
    }

    /// Median days from admission to outflow at one location.
    struct LocationMedianDTO: Codable, Sendable {
        let location: String
        /// Absent where fewer than k left.
        let medianDays: Int?
    }

    /// One protected table as published: row and column labels, and a count per cell. The API's
    /// own type, with the download's field names, so the monitor's export can change apart.
    struct MonitorTableDTO: Codable, Sendable {
        let id: String
        let title: String
        let rows: [String]
        let columns: [String]
        /// Row by row; null where the cell is suppressed (fewer than k).
        let cells: [[Int?]]
    }

    /// The regression and survival analyses, as the page publishes them.
    struct AnalysesDTO: Codable, Sendable {
        let solution: ModelDTO
        let durable: ModelDTO
        /// Share still in a trajectory by months since admission; null when refused.
        let stay: CurveDTO?
        /// Cumulative incidence of each kind of outflow by months since admission.
        let incidence: [CurveDTO]
        /// Why the curves are not published, when they are not.
        let curveRefusal: String?
        let medianDays: Double?
        let trajectories: Int
        let outflows: Int

        init(_ analyses: MonitorAnalyses, language: Language) {
            solution = ModelDTO(analyses.solution, language: language)
            durable = ModelDTO(analyses.durable, language: language)
            stay = analyses.stay.map { CurveDTO($0, language: language) }
            incidence = analyses.incidence.map { CurveDTO($0, language: language) }
            curveRefusal = analyses.curveRefusal?.text(language)
            medianDays = analyses.medianDays
            trajectories = analyses.trajectories
            outflows = analyses.outflows
        }
    }

    /// One logistic model: odds ratios per variable against the references, or why it is refused.
    struct ModelDTO: Codable, Sendable {
        /// One variable's odds ratio against its reference, with its 95% interval and p-value.
        struct Variable: Codable, Sendable {
            let name: String
            let label: String
            let oddsRatio: Double
            let lower: Double
            let upper: Double
            let pValue: Double
        }
        let title: String
        let refusal: String?
        let variables: [Variable]
        let references: [String]
        let merged: [String]
        let n: Int?
        let events: Int?
        let logLikelihood: Double?
        let nullLogLikelihood: Double?
        let mcFaddenR2: Double?
        let warnings: [String]

        init(_ model: MonitorAnalyses.Model, language: Language) {
            title = model.title.text(language)
            refusal = model.refusal?.text(language)
            let result = model.result
            // The intercept is not published, as on the page.
            variables =
                result.map { r in
                    r.variables.indices.dropFirst().map { i in
                        Variable(
                            name: r.variables[i],
                            label: model.labels[r.variables[i]]?.text(language) ?? r.variables[i],
                            oddsRatio: r.oddsRatios[i],
                            lower: r.oddsRatioIntervals[i][0],
                            upper: r.oddsRatioIntervals[i][1],
                            pValue: r.pValues[i]
                        )
                    }
                } ?? []
            references = model.references.map { $0.text(language) }
            merged = model.merged.map { $0.text(language) }
            n = result?.n
            events = result?.events
            logLikelihood = result?.logLikelihood
            nullLogLikelihood = result?.nullLogLikelihood
            mcFaddenR2 = result?.mcFaddenR2
            warnings = result?.warnings ?? []
        }
    }

    /// A curve at the published horizons, with 95% intervals and the number still at risk.
    struct CurveDTO: Codable, Sendable {
        /// The curve at one horizon.
        struct Point: Codable, Sendable {
            let months: Int
            let value: Double
            let lower: Double
            let upper: Double
            let atRisk: Int
        }
        let label: String
        let points: [Point]

        init(_ curve: MonitorAnalyses.Curve, language: Language) {
            label = curve.label.text(language)
            points = curve.points.map {
                Point(months: $0.months, value: $0.value, lower: $0.lower, upper: $0.upper, atRisk: $0.atRisk)
            }
        }
    }

    func register(on group: RouterGroup<KoersRequestContext>) {
        group.get("monitor") { request, context in
            let actor = try context.requireActor()
            // The policy first: another party learns nothing, not even that its date was wrong.
            guard AccessPolicy.mayViewMonitor(actor) else { throw AppError.notFound }
            let day = try referenceDate(request)
            let language = context.language
            // Stored like the page and downloads: computed once per reference date until a change.
            // The "-2": the medians became a list, so answers stored in the earlier shape are not served.
            let output = try await service.monitorOutput(
                actor: actor,
                peildatum: day,
                variant: "api-\(language.rawValue)-2"
            ) { report, _ in
                let published = PublishedReport(report, language: language)
                let dto = MonitorDTO(
                    peildatum: published.peildatum,
                    k: published.k,
                    locations: published.locations,
                    // `medianDays` holds one per location, in order, and the national one last.
                    medianDaysToOutflow: zip(published.locations, report.medianDays).map {
                        LocationMedianDTO(location: $0, medianDays: $1)
                    },
                    nationalMedianDaysToOutflow: report.medianDays.last ?? nil,
                    tables: published.tables.map { MonitorTableDTO($0) },
                    analyses: report.analyses.map { AnalysesDTO($0, language: language) }
                )
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                return try encoder.encode(dto)
            }
            return Response(
                status: .ok,
                headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(bytes: output.body))
            )
        }
    }

    /// The `referenceDate` query parameter: a quarter's first day; the latest by default.
    private func referenceDate(_ request: Request) throws -> Day? {
        guard let day = try APIController.queryDay("referenceDate", of: request) else { return nil }
        guard QuarterGrid.isReferenceDate(day) else {
            throw AppError.invalid(
                ValidationFailure([
                    FieldError(
                        field: "referenceDate",
                        code: "notQuarterStart",
                        message: .init(
                            nl: "De peildatum is de eerste dag van een kwartaal (1 januari, 1 april, 1 juli of "
                                + "1 oktober).",
                            en: "The reference date is a quarter's first day (1 January, 1 April, 1 July or "
                                + "1 October)."
                        )
                    )
                ])
            )
        }
        try CaseService.refuseFuture(day, today: service.today(), field: "referenceDate")
        return day
    }
}

extension MonitorAPIController.MonitorTableDTO {
    init(_ table: PublishedTable) {
        self.init(id: table.id, title: table.title, rows: table.rows, columns: table.columns, cells: table.cells)
    }
}
