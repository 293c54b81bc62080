import FluentKit
import Foundation
import KoersCore
import SQLKit

/// One row of the deadline index: an open sub-deadline and the case it belongs to.
public struct IndexedDeadline: Sendable {
    public let trajectoryId: UUID
    public let locationId: UUID
    public let stage: Stage
    public let name: String
    public let deadline: OpenDeadline
}

/// Which open sub-deadlines a query asks for, on a day on or after the facts they were evaluated on.
public enum DeadlineQuery: Sendable {
    /// Running and past due on the day (any kind, or all but action items).
    case overdue(on: Day, actionItems: Bool)
    /// Running and falling due from the day up to and including `through`.
    case upcoming(on: Day, through: Day)
    /// Suspended.
    case suspended
    /// Action items of a party, open (running or suspended), whatever their due date.
    case actionItems(of: Party)
}

extension CaseStore {
    /// Open sub-deadlines at the locations, in the given stages, soonest first (by due date, then
    /// case): one indexed query on the deadline index, `limit` rows from `offset`.
    public func openDeadlines(
        at locationIds: [UUID],
        stages: [Stage],
        _ query: DeadlineQuery,
        limit: Int,
        offset: Int = 0
    ) async throws -> [IndexedDeadline] {
        guard !locationIds.isEmpty else { return [] }
        let sql = database.db as! any SQLDatabase
        var select = sql.select().columns("trajectory_id", "location_id", "stage", "name", "deadline")
            .from(OpenDeadlineModel.schema)
        select = Self.filter(select, locationIds, stages, query)
        let rows = try await select.orderBy("due_on").orderBy("trajectory_id").orderBy("id")
            .limit(limit).offset(offset).all()
        return try rows.map { row in
            IndexedDeadline(
                trajectoryId: try row.decode(column: "trajectory_id", as: UUID.self),
                locationId: try row.decode(column: "location_id", as: UUID.self),
                stage: Stage(rawValue: try row.decode(column: "stage", as: String.self)) ?? .active,
                name: try row.decode(column: "name", as: String.self),
                deadline: try JSONCoding.decode(OpenDeadline.self, try row.decode(column: "deadline", as: String.self))
            )
        }
    }

    /// How many open sub-deadlines `openDeadlines` would find without a limit, counted up to `cap`.
    public func countOpenDeadlines(
        at locationIds: [UUID],
        stages: [Stage],
        _ query: DeadlineQuery,
        cap: Int = countCap
    ) async throws -> Int {
        guard !locationIds.isEmpty else { return 0 }
        let sql = database.db as! any SQLDatabase
        var inner = sql.select().column(SQLLiteral.numeric("1")).from(OpenDeadlineModel.schema)
        inner = Self.filter(inner, locationIds, stages, query).limit(cap + 1)
        struct Count: Decodable { let n: Int }
        let counted = try await sql.raw("SELECT COUNT(*) AS n FROM (\(inner.query)) capped").first(decoding: Count.self)
        return counted?.n ?? 0
    }

    /// The running cases at a location that may need a case meeting on `day`: waiting for an
    /// admission decision, with a sub-deadline due by then (or suspended), or with a committee
    /// advice or escalation decision returned. A superset: ``KoersCore/Agenda/build`` decides on
    /// their summaries. Its size follows what the agenda shows, not the location's history.
    public func agendaCandidates(at locationId: UUID, on day: Day) async throws -> [UUID] {
        let sql = database.db as! any SQLDatabase
        struct Row: Decodable { let id: UUID }
        let rows = try await sql.raw(
            """
            SELECT id FROM trajectories WHERE location_id = \(bind: locationId) AND stage = 'intake'
            UNION SELECT trajectory_id AS id FROM open_deadlines WHERE location_id = \(bind: locationId)
              AND stage IN ('intake', 'active') AND (suspended_since IS NOT NULL OR due_on <= \(bind: day.description))
            UNION SELECT c.trajectory_id AS id FROM committee_requests c JOIN trajectories t ON t.id = c.trajectory_id
              WHERE t.location_id = \(bind: locationId) AND t.stage IN ('intake', 'active') AND c.advised_on IS NOT NULL
            UNION SELECT e.trajectory_id AS id FROM escalations e JOIN trajectories t ON t.id = e.trajectory_id
              WHERE t.location_id = \(bind: locationId) AND t.stage IN ('intake', 'active') AND e.decided_on IS NOT NULL
            """
        ).all(decoding: Row.self)
        return rows.map(\.id)
    }

    private static func filter(
        _ select: SQLSelectBuilder,
        _ locationIds: [UUID],
        _ stages: [Stage],
        _ query: DeadlineQuery
    ) -> SQLSelectBuilder {
        var select = select.where("location_id", .in, SQLBind.group(locationIds))
            .where("stage", .in, SQLBind.group(stages.map(\.rawValue)))
        switch query {
        case .overdue(let day, let actionItems):
            select = select.where("suspended_since", .is, SQLLiteral.null).where("due_on", .lessThan, day.description)
            if !actionItems { select = select.where("kind", .notEqual, MilestoneKind.actionItem.rawValue) }
        case .upcoming(let day, let through):
            select = select.where("suspended_since", .is, SQLLiteral.null)
                .where("due_on", .greaterThanOrEqual, day.description)
                .where("due_on", .lessThanOrEqual, through.description)
        case .suspended:
            select = select.where("suspended_since", .isNot, SQLLiteral.null)
        case .actionItems(let party):
            select = select.where("kind", .equal, MilestoneKind.actionItem.rawValue).where(
                "party",
                .equal,
                party.rawValue
            )
        }
        return select
    }
}
