import FluentKit
import Foundation
import KoersCore
import SQLKit

extension CaseStore {
    /// The median days of a span at a location on a reference date, computed by the database
    /// from the trajectory rows (no events): from referral to the admission decision
    /// (`.referral`), and from admission to outflow (`.active`). A case still in a span counts up
    /// to the reference date. Returns the number of cases and the median, or nil without cases.
    public func medianDays(of span: Stage, at locationId: UUID, on day: Day) async throws -> (cases: Int, median: Int)?
    {
        let sql = database.sql
        let (start, end) = span == .referral ? ("referred_on", "decided_on") : ("admitted_on", "left_on")
        let on = day.description
        func filter() -> SQLQueryString {
            "location_id = \(bind: locationId) AND \(unsafeRaw: start) IS NOT NULL "
                + "AND \(unsafeRaw: start) <= \(bind: on)"
        }
        struct Count: Decodable { let n: Int }
        let count =
            try await sql.raw("SELECT COUNT(*) AS n FROM trajectories WHERE \(filter())")
            .first(decoding: Count.self)?.n ?? 0
        guard count > 0 else { return nil }
        let until: SQLQueryString =
            "CASE WHEN \(unsafeRaw: end) IS NOT NULL AND \(unsafeRaw: end) <= \(bind: on) "
            + "THEN \(unsafeRaw: end) ELSE \(bind: on) END"
        let days: SQLQueryString =
            database.kind == .sqlite
            ? "CAST(julianday(\(until)) - julianday(\(unsafeRaw: start)) AS INTEGER)"
            : "(CAST(\(until) AS date) - CAST(\(unsafeRaw: start) AS date))"
        struct Value: Decodable { let d: Int }
        let median = try await sql.raw(
            "SELECT \(days) AS d FROM trajectories WHERE \(filter()) "
                + "ORDER BY d LIMIT 1 OFFSET \(unsafeRaw: String(count / 2))"
        ).first(decoding: Value.self)?.d
        return median.map { (count, $0) }
    }
}
