import FluentKit
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
        let monitorFacts: String
        /// The facts `monitorFacts` encodes, for the stored monitor outputs' invalidation.
        let monitorRecord: MonitorRecord

        init(_ file: CaseFile) {
            stage = file.stage.rawValue
            perspective = file.currentPerspective?.rawValue
            version = file.version
            locationId = file.locationId
            admittedOn = file.admittedOn?.description
            leftOn = file.outflow?.leftOn.description
            decidedOn = file.admission?.decidedOn.description
            summary = JSONCoding.string(CaseSummary(file))
            monitorRecord = MonitorRecord(facts: file)
            monitorFacts = JSONCoding.string(monitorRecord)
        }

        /// Whether the stored row already holds this projection.
        func matches(_ row: TrajectoryModel) -> Bool {
            row.stage == stage && row.perspective == perspective && row.version == version
                && row.locationId == locationId && row.admittedOn == admittedOn && row.leftOn == leftOn
                && row.decidedOn == decidedOn && row.summary == summary && row.monitorFacts == monitorFacts
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
            row.monitorFacts = monitorFacts
            row.updatedAt = date
        }
    }

    /// Deletes the stored monitor outputs a change can alter: those on reference dates after the
    /// earliest day its facts changed, or any of its changes took effect (milestones).
    static func invalidateMonitor(
        facts before: String?,
        _ projected: TrajectoryRow,
        changes: [CaseChange],
        on db: any Database
    ) async throws {
        let old = try before.map { try JSONCoding.decode(MonitorRecord.self, $0) }
        let days = [MonitorRecord.earliestDifference(old, projected.monitorRecord)] + changes.map(\.effectiveOn)
        guard let earliest = days.compactMap({ $0 }).min() else { return }
        try await MonitorOutputs.invalidate(after: earliest.adding(days: -1), on: db)
    }

    /// Rebuilds every trajectory's row and summary from its events, 500 trajectories at a time.
    /// Returns how many rows differed from what was stored.
    @discardableResult
    static func rebuildSummaries(on db: any Database, onlyMissing: Bool = false) async throws -> Int {
        if !onlyMissing { try await MonitorOutputs.invalidate(after: nil, on: db) }
        var changed = 0
        var after: UUID?
        while true {
            var query = TrajectoryModel.query(on: db).sort(\.$id).limit(500)
            if let after { query = query.filter(\.$id > after) }
            if onlyMissing {
                query = query.group(.or) { $0.filter(\.$summary == nil).filter(\.$monitorFacts == nil) }
            }
            let rows = try await query.all()
            guard let last = rows.last else { break }
            after = last.id
            let events = try await CaseEventModel.query(on: db).filter(\.$trajectoryId ~~ rows.compactMap(\.id))
                .sort(\.$trajectoryId).sort(\.$sequence).all()
            let grouped = Dictionary(grouping: try events.map(CaseStore.event), by: \.trajectoryId)
            for row in rows {
                guard
                    let file = CaseFile.fold(grouped[row.id!] ?? [], personId: row.personId, locationId: row.locationId)
                else { continue }
                let projected = TrajectoryRow(file)
                guard !projected.matches(row) else { continue }
                projected.apply(to: row, at: row.updatedAt)
                try await row.save(on: db)
                changed += 1
            }
        }
        return changed
    }
}
