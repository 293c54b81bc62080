import FluentKit
import Foundation
import KoersCore
import SQLKit

/// What Koers holds about one person, read for a subject-access request (AVG art. 15): their
/// trajectories with every event, and every processing the log holds under their pseudonym.
public struct SubjectAccessStore: Sendable {
    let cases: CaseStore

    public init(cases: CaseStore) {
        self.cases = cases
    }

    /// The people with a trajectory at these locations whose name or V-nummer matches, at most
    /// 50, each with the trajectories found.
    public func persons(matching text: String, at locationIds: Set<UUID>) async throws -> [UUID: [CaseListItem]] {
        let (items, _) = try await cases.list(CaseListQuery(locationIds: locationIds, text: text, pageSize: 50))
        guard !items.isEmpty else { return [:] }
        let rows = try await TrajectoryModel.query(on: cases.database.db).filter(\.$id ~~ items.map(\.trajectoryId))
            .all()
        let persons = Dictionary(uniqueKeysWithValues: rows.map { ($0.id!, $0.personId) })
        return Dictionary(grouping: items) { persons[$0.trajectoryId]! }
    }

    /// Every trajectory of the person, oldest first, unlogged: the caller logs the access once.
    public func trajectories(of personId: UUID) async throws -> [CaseRecord] {
        let rows = try await TrajectoryModel.query(on: cases.database.db).filter(\.$personId == personId)
            .sort(\.$referredOn).sort(\.$id).all()
        var records: [CaseRecord] = []
        for row in rows {
            if let record = try await cases.load(row.id!, context: nil) { records.append(record) }
        }
        return records
    }

    /// Every processing of the person's data the log holds, oldest first, with the organisation's
    /// name as it is now.
    public func processing(of personId: UUID) async throws -> [LoggedProcessing] {
        struct Row: Decodable {
            let started_at: Date?
            let at: Date
            let activity: String
            let status: String
            let trace_id: String
            let span_id: String
            let parent_span_id: String?
            let operation: String?
            let name: String?
            let party: String?
        }
        let rows = try await cases.database.sql.raw(
            """
            SELECT p.started_at, p.at, p.activity, p.status, p.trace_id, p.span_id, p.parent_span_id, p.operation, \
            o.name, o.party FROM processing_log p LEFT JOIN organisations o ON o.id = p.organisation_id \
            WHERE p.subject = \(bind: cases.log.subject(personId)) ORDER BY p.at, p.id
            """
        ).all(decoding: Row.self)
        return rows.map {
            LoggedProcessing(
                startedAt: $0.started_at,
                endedAt: $0.at,
                activityCode: $0.activity,
                status: $0.status,
                organisationName: $0.name ?? "?",
                party: $0.party.flatMap(Party.init(rawValue:)),
                traceId: $0.trace_id,
                spanId: $0.span_id,
                parentSpanId: $0.parent_span_id,
                operation: $0.operation
            )
        }
    }

    /// Logs that a subject-access document was produced for the person.
    public func recordAccess(to personId: UUID, context: ProcessingContext) async throws {
        try await cases.logOutside(.subjectAccess, person: personId, context: context)
    }
}
