import FluentKit
import Foundation
import KoersCore
import SQLKit

/// Doorlooptijden: a location's median days per stage on a reference date, as computed, with the
/// moment and the location's latest change at that moment. The medians count every trajectory the
/// location ever ran, so they are computed by the database and kept, like the monitor's outputs,
/// in the database rather than one process's memory.
public struct StageTimeFigures: Sendable {
    /// One span's figure: how many trajectories, and their median days.
    public struct Figure: Sendable, Codable, Equatable {
        public let span: Stage
        public let cases: Int
        public let medianDays: Int
    }

    public let figures: [Figure]
    public let computedAt: Date
    /// The latest `updated_at` of the location's trajectories when the figures were computed.
    let latestChange: Date?
}

extension CaseStore {
    /// The stage times at a location on a day: the stored figures while nothing at the location
    /// changed since they were computed, or while they are younger than `maximumAge`; otherwise
    /// computed again and stored.
    public func stageTimes(
        at locationId: UUID,
        on day: Day,
        maximumAge: TimeInterval,
        now: Date
    ) async throws
        -> StageTimeFigures
    {
        let sql = database.sql
        struct Latest: Decodable { let latest: Date? }
        // Served by the index on (location_id, updated_at).
        let latest =
            try await sql.raw(
                "SELECT MAX(updated_at) AS latest FROM trajectories WHERE location_id = \(bind: locationId)"
            )
            .first(decoding: Latest.self)?.latest
        struct Stored: Decodable {
            let figures: String
            let computed_at: Date
            let latest_change: Date?
        }
        let stored = try await sql.raw(
            """
            SELECT figures, computed_at, latest_change FROM stage_time_figures
            WHERE location_id = \(bind: locationId) AND day = \(bind: day.description)
            """
        ).first(decoding: Stored.self)
        if let stored, stored.latest_change == latest || now.timeIntervalSince(stored.computed_at) < maximumAge {
            return StageTimeFigures(
                figures: try JSONCoding.decode([StageTimeFigures.Figure].self, stored.figures),
                computedAt: stored.computed_at,
                latestChange: stored.latest_change
            )
        }
        var figures: [StageTimeFigures.Figure] = []
        for span in [Stage.referral, .active] {
            if let time = try await medianDays(of: span, at: locationId, on: day) {
                figures.append(.init(span: span, cases: time.cases, medianDays: time.median))
            }
        }
        let body = JSONCoding.string(figures)
        // Whole seconds, so the moment reads back from either database exactly as it was returned.
        let now = Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
        try await database.write { db in
            let sql = db as! any SQLDatabase
            try await sql.delete(from: "stage_time_figures").where("location_id", .equal, SQLBind(locationId))
                .where("day", .equal, SQLBind(day.description)).run()
            try await sql.insert(into: "stage_time_figures")
                .columns("id", "location_id", "day", "figures", "computed_at", "latest_change")
                .values(
                    SQLBind(UUID()),
                    SQLBind(locationId),
                    SQLBind(day.description),
                    SQLBind(body),
                    SQLBind(now),
                    SQLBind(latest)
                )
                .run()
        }
        return StageTimeFigures(figures: figures, computedAt: now, latestChange: latest)
    }
}

struct CreateStageTimeFigures: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("stage_time_figures")
            .id()
            .field("location_id", .uuid, .required)
            .field("day", .string, .required)
            .field("figures", .string, .required)
            .field("computed_at", .datetime, .required)
            .field("latest_change", .datetime)
            .unique(on: "location_id", "day")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("stage_time_figures").delete()
    }
}
