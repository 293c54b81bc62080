import Foundation
import KoersCore
import KoersMonitor

extension CaseStore {
    /// Every trajectory as a monitor record, with its milestones as they stand on `day` under its
    /// location's policy, from the monitor's fact table kept beside the events: no event and no
    /// summary is read. The records carry no identity beyond gender, birth year and nationality.
    public func monitorRecords(locations: [Location], on day: Day) async throws -> [MonitorRecord] {
        let policies = Dictionary(uniqueKeysWithValues: locations.map { ($0.id, $0.deadlinePolicy) })
        return try await database.scanBlobs(table: "monitor_facts", column: "facts") { bytes in
            let facts = try FactsEncoding.decode(bytes)
            guard let policy = policies[facts.record.locationId] else { return nil }
            return facts.record(policy: policy, on: day)
        }
    }
}
