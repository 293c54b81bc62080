import Foundation
import KoersCore
import KoersMonitor

extension CaseStore {
    /// Every trajectory as a monitor record, with its milestones as they stand on `day` under its
    /// location's policy. The records carry no identity beyond gender, birth year and nationality.
    public func monitorRecords(locations: [Location], on day: Day) async throws -> [MonitorRecord] {
        let policies = Dictionary(uniqueKeysWithValues: locations.map { ($0.id, $0.deadlinePolicy) })
        let files = try await files(at: Set(locations.map(\.id)), stages: Stage.allCases)
        return files.map { file in
            MonitorRecord(
                file,
                milestones: Deadlines.milestones(for: file, policy: policies[file.locationId] ?? .noDeadlines, on: day)
            )
        }
    }
}
