import FluentKit
import FluentSQL
import Foundation
import KoersCore
import KoersMonitor
import SQLKit

/// The read models of a trajectory as its fold gives them. One function per read model, called by
/// every writer in the transaction of the change: `CaseStore` for each change, the demo loader
/// (and any bulk writer) in batches, and `koers projections rebuild` from the events.
public enum Projections {
    /// The trajectory row's columns that lists filter on, and its summary.
    struct TrajectoryRow {
        let stage: String
        let perspective: String?
        let version: Int
        let locationId: UUID
        let admittedOn: String?
        let leftOn: String?
        let decidedOn: String?
        let summary: String
        /// What `summary` holds, for the deadline index.
        let caseSummary: CaseSummary
        /// The monitor's facts in their binary form, for the `monitor_facts` row.
        let facts: Data
        /// The record `facts` holds, for the stored monitor outputs' invalidation.
        let monitorRecord: MonitorRecord

        init(_ file: CaseFile) {
            stage = file.stage.rawValue
            perspective = file.currentPerspective?.rawValue
            version = file.version
            locationId = file.locationId
            admittedOn = file.admittedOn?.description
            leftOn = file.outflow?.leftOn.description
            decidedOn = file.admission?.decidedOn.description
            caseSummary = CaseSummary(file)
            summary = JSONCoding.string(caseSummary)
            let trajectoryFacts = TrajectoryFacts(file)
            monitorRecord = trajectoryFacts.record
            facts = Data(FactsEncoding.encode(trajectoryFacts))
        }

        /// Whether the stored row already holds this projection.
        func matches(_ row: TrajectoryModel) -> Bool {
            row.stage == stage && row.perspective == perspective && row.version == version
                && row.locationId == locationId && row.admittedOn == admittedOn && row.leftOn == leftOn
                && row.decidedOn == decidedOn && row.summary == summary
        }

        func apply(to row: TrajectoryModel, at date: Date) {
            row.stage = stage
            row.perspective = perspective
            row.version = version
            row.locationId = locationId
            row.admittedOn = admittedOn
            row.leftOn = leftOn
            row.decidedOn = decidedOn
            row.summary = summary
            row.updatedAt = date
        }
    }

    /// Writes the trajectory's `monitor_facts` row, and deletes the stored monitor outputs the
    /// change can alter: those on reference dates after the earliest day its facts changed, or any
    /// of its changes took effect (milestones).
    static func saveFacts(
        _ projected: TrajectoryRow,
        of trajectoryId: UUID,
        changes: [CaseChange],
        on db: any Database
    ) async throws {
        let row = try await MonitorFactsModel.find(trajectoryId, on: db)
        let old = try row.map { try FactsEncoding.decode($0.facts).record }
        if let row {
            if row.facts != projected.facts || row.locationId != projected.locationId {
                row.facts = projected.facts
                row.locationId = projected.locationId
                try await row.update(on: db)
            }
        } else {
            let created = MonitorFactsModel()
            created.id = trajectoryId
            created.locationId = projected.locationId
            created.facts = projected.facts
            try await created.create(on: db)
        }
        let days = [MonitorRecord.earliestDifference(old, projected.monitorRecord)] + changes.map(\.effectiveOn)
        guard let earliest = days.compactMap({ $0 }).min() else { return }
        try await MonitorOutputs.invalidate(after: earliest.adding(days: -1), on: db)
    }

    static let deadlineColumns = [
        "id", "trajectory_id", "location_id", "stage", "kind", "party", "due_on", "suspended_since", "name", "deadline",
    ]

    /// The deadline index's rows of a trajectory under its location's policy: none once it has ended.
    static func deadlineRows(_ summary: CaseSummary, policy: DeadlinePolicy) -> [[any SQLExpression]] {
        guard !summary.isClosed else { return [] }
        return OpenDeadline.open(in: summary, policy: policy).map { d in
            [
                SQLBind(UUID.timeOrdered()), SQLBind(summary.id), SQLBind(summary.locationId),
                SQLBind(summary.stage.rawValue),
                SQLBind(d.milestone.kind.rawValue), SQLBind(d.milestone.party?.rawValue), SQLBind(d.dueOn.description),
                SQLBind(d.suspendedSince?.description), SQLBind(summary.name), SQLBind(JSONCoding.string(d)),
            ]
        }
    }

    /// Replaces a trajectory's rows in the deadline index.
    static func saveDeadlines(_ summary: CaseSummary, on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        try await sql.delete(from: OpenDeadlineModel.schema).where("trajectory_id", .equal, SQLBind(summary.id)).run()
        let policy = try await LocationModel.find(summary.locationId, on: db)?.deadlinePolicy ?? .noDeadlines
        try await sql.insert(
            into: OpenDeadlineModel.schema,
            columns: deadlineColumns,
            batched: deadlineRows(summary, policy: policy)
        )
    }

    /// Rewrites the deadline index of the running trajectories at `locationIds` (all when nil)
    /// from their summaries: after a policy changes, and when a migration adds the index.
    static func rebuildDeadlines(at locationIds: [UUID]?, on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        var delete = sql.delete(from: OpenDeadlineModel.schema)
        if let locationIds { delete = delete.where("location_id", .in, SQLBind.group(locationIds)) }
        try await delete.run()
        let policies = Dictionary(
            uniqueKeysWithValues: try await LocationModel.query(on: db).all().map { ($0.id!, $0.deadlinePolicy) }
        )
        var after: UUID?
        while true {
            var query = TrajectoryModel.query(on: db).filter(
                \.$stage ~~ [Stage.referral, .intake, .active].map(\.rawValue)
            )
            .field(\.$id).field(\.$summary).sort(\.$id).limit(1000)
            if let locationIds { query = query.filter(\.$locationId ~~ locationIds) }
            if let after { query = query.filter(\.$id > after) }
            let rows = try await query.all()
            guard let last = rows.last else { break }
            after = last.id
            var values: [[any SQLExpression]] = []
            for row in rows {
                guard let text = row.summary else { continue }
                let summary = try JSONCoding.decode(CaseSummary.self, text)
                values += deadlineRows(summary, policy: policies[summary.locationId] ?? .noDeadlines)
            }
            try await sql.insert(into: OpenDeadlineModel.schema, columns: deadlineColumns, batched: values)
        }
    }

    /// Rebuilds every trajectory's row, summary and monitor facts from its events, 500
    /// trajectories at a time. Returns how many trajectories differed from what was stored; when
    /// any did, every stored monitor output is deleted. The deadline index is read from the
    /// summaries, so callers rebuild it afterwards (`rebuildDeadlines`).
    @discardableResult
    static func rebuildSummaries(on db: any Database, onlyMissing: Bool = false) async throws -> Int {
        if !onlyMissing { try await MonitorOutputs.invalidate(after: nil, on: db) }
        var changed = 0
        var after: UUID?
        while true {
            var query = TrajectoryModel.query(on: db).sort(\.$id).limit(500)
            if let after { query = query.filter(\.$id > after) }
            if onlyMissing {
                query = query.group(.or) {
                    $0.filter(\.$summary == nil).filter(
                        .sql(unsafeRaw: "NOT EXISTS (SELECT 1 FROM monitor_facts f WHERE f.id = trajectories.id)")
                    )
                }
            }
            let rows = try await query.all()
            guard let last = rows.last else { break }
            after = last.id
            let stored = try await MonitorFactsModel.query(on: db).filter(\.$id ~~ rows.compactMap(\.id)).all()
            let facts = Dictionary(uniqueKeysWithValues: stored.map { ($0.id!, $0) })
            var missing: [[any SQLExpression]] = []
            // An erased person's facts were cut from them; the events would tie them back.
            let erased = Set(
                try await PersonModel.query(on: db).filter(\.$id ~~ Set(rows.map(\.personId)))
                    .filter(\.$erasedAt != nil).all().compactMap(\.id)
            )
            for (row, file) in try await CaseStore.fold(rows, on: db) {
                let projected = TrajectoryRow(file)
                let existing = facts[file.id]
                let rowDiffers = !projected.matches(row)
                let factsDiffer =
                    !(erased.contains(file.personId) && existing != nil)
                    && (existing?.facts != projected.facts || existing?.locationId != projected.locationId)
                guard rowDiffers || factsDiffer else { continue }
                changed += 1
                if rowDiffers {
                    projected.apply(to: row, at: row.updatedAt)
                    try await row.save(on: db)
                }
                if let existing, factsDiffer {
                    existing.facts = projected.facts
                    existing.locationId = projected.locationId
                    try await existing.update(on: db)
                } else if existing == nil {
                    missing.append([SQLBind(file.id), SQLBind(projected.locationId), SQLBind(projected.facts)])
                }
            }
            try await (db as! any SQLDatabase).insert(
                into: MonitorFactsModel.schema,
                columns: ["id", "location_id", "facts"],
                batched: missing
            )
        }
        if onlyMissing && changed > 0 { try await MonitorOutputs.invalidate(after: nil, on: db) }
        return changed
    }
}
