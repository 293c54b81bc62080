import FluentKit
import Foundation
import KoersCore
import KoersMonitor

extension CaseStore {
    /// Every trajectory as a monitor record, with its milestones as they stand on `day` under its
    /// location's policy, from the read models kept beside the events (its facts and its summary):
    /// no event is read. The records carry no identity beyond gender, birth year and nationality.
    public func monitorRecords(locations: [Location], on day: Day) async throws -> [MonitorRecord] {
        let policies = Dictionary(uniqueKeysWithValues: locations.map { ($0.id, $0.deadlinePolicy) })
        let rows = try await TrajectoryModel.query(on: database.db)
            .filter(\.$locationId ~~ Array(policies.keys))
            .field(\.$id).field(\.$locationId).field(\.$monitorFacts).field(\.$summary)
            .all()
        let decoder = JSONDecoder()
        return try rows.map { row in
            guard let facts = row.monitorFacts, let summaryText = row.summary else { throw StoreError.notFound }
            let record = try decoder.decode(MonitorRecord.self, from: Data(facts.utf8))
            let summary = try decoder.decode(CaseSummary.self, from: Data(summaryText.utf8))
            let policy = policies[row.locationId] ?? .noDeadlines
            return record.with(milestones: Deadlines.milestones(for: summary, policy: policy, on: day))
        }
    }
}
