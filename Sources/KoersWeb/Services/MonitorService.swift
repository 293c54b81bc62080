import Foundation
import KoersCore
import KoersMonitor
import KoersStore

extension CaseService {
    /// The national monitor on a reference date (a quarter's first day; the latest one by
    /// default), suppressed at k. Only the monitor party may ask.
    /// k is the one the national policy sets on the reference date.
    public func monitor(actor: Actor, peildatum: Day?) async throws -> MonitorReport {
        guard AccessPolicy.mayViewMonitor(actor) else { throw AppError.notFound }
        let day = peildatum ?? Self.latestReferenceDate(before: today())
        return try await monitorReport(peildatum: day, k: try await policies.inForce(on: day).monitorK)
    }

    /// The same report for the operator's command line (`koers monitor`), which has the database
    /// itself and so no user to check.
    public func monitorReport(peildatum: Day?, k: Int) async throws -> MonitorReport {
        let peildatum = peildatum ?? Self.latestReferenceDate(before: today())
        let locations = try await directory.locations()
        let records = try await cases.monitorRecords(locations: locations, on: peildatum.adding(days: -1))
        let monitorLocations = locations.map { MonitorLocation(id: $0.id, name: $0.name) }
        let built = await computedAside {
            MonitorReport.build(
                records: records,
                locations: monitorLocations,
                peildatum: peildatum,
                k: k,
                analyses: true
            )
        }
        guard let report = built else {
            throw AppError.invalid(
                ValidationFailure([
                    FieldError(
                        field: "peildatum",
                        code: "notQuarterStart",
                        message: LocalizedText(
                            nl:
                                "De peildatum is altijd de eerste dag van een kwartaal (1 januari, 1 april, 1 juli of "
                                + "1 oktober).",
                            en:
                                "The reference date is always the first day of a quarter (1 January, 1 April, 1 July "
                                + "or 1 October)."
                        )
                    )
                ])
            )
        }
        return report
    }

    /// One published output of the monitor (a page, the report, a download): served from the
    /// stored outputs when nothing relevant changed since it was computed, otherwise computed,
    /// rendered and stored. Only the monitor party may ask.
    public func monitorOutput(
        actor: Actor,
        peildatum: Day?,
        variant: String,
        render: (MonitorReport, Date) throws -> Data
    ) async throws -> (body: Data, computedAt: Date) {
        guard AccessPolicy.mayViewMonitor(actor) else { throw AppError.notFound }
        let day = peildatum ?? Self.latestReferenceDate(before: today())
        // The k of the national policy in force on the reference date.
        let k = try await policies.inForce(on: day).monitorK
        // Only a quarter's first day is a reference date; anything else is refused, never stored.
        guard day.day == 1 && (day.month - 1) % 3 == 0 else {
            let report = try await monitorReport(peildatum: day, k: k)
            return (try render(report, Date()), Date())
        }
        let outputs = cases.monitorOutputs
        if let stored = try await outputs.stored(peildatum: day, k: k, variant: variant) { return stored }
        let now = Date()
        // Claimed before reading, so a change made while computing deletes the claim.
        let claim = try await outputs.reserve(peildatum: day, k: k, variant: variant, at: now)
        let report = try await monitorReport(peildatum: day, k: k)
        let body = try render(report, now)
        if let claim { try await outputs.fill(claim, body: body, computedAt: now) }
        return (body, now)
    }

    /// The last quarter start on or before `day`.
    public static func latestReferenceDate(before day: Day) -> Day {
        Day(year: day.year, month: (day.month - 1) / 3 * 3 + 1, day: 1)!
    }

    /// Refuses a reference date after the current quarter's end, naming `field`: the monitor
    /// describes quarters that have begun (the running one up to today), and a date far ahead would
    /// only cost time (the fuzzing asked for 2420-01-01, 1,620 quarters).
    static func refuseFuture(_ day: Day, today: Day, field: String) throws {
        guard day > latestReferenceDate(before: today).adding(months: 3) else { return }
        throw AppError.invalid(
            ValidationFailure([
                FieldError(
                    field: field,
                    code: "inFuture",
                    message: .init(
                        nl: "De peildatum ligt na het einde van het lopende kwartaal.",
                        en: "The reference date is after the end of the current quarter."
                    )
                )
            ])
        )
    }
}
