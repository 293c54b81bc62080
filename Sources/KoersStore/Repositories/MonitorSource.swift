import FluentKit
import Foundation
import KoersCore
import KoersMonitor
import SQLKit

extension CaseStore {
    /// Every trajectory as a monitor record, with its milestones as they stand on `day` under its
    /// location's policy, from the monitor's fact table kept beside the events: no event and no
    /// summary is read. The records carry no identity beyond gender, birth year and nationality.
    public func monitorRecords(locations: [Location], on day: Day) async throws -> [MonitorRecord] {
        let policies = Dictionary(uniqueKeysWithValues: locations.map { ($0.id, $0.deadlinePolicy) })
        let collected = Collected()
        let sql = database.db as! any SQLDatabase
        // Streamed row by row, so a million trajectories never sit in memory twice.
        try await sql.raw("SELECT facts FROM monitor_facts").run { row in
            collected.add {
                let facts = try FactsEncoding.decode(try row.decode(column: "facts", as: Data.self))
                guard let policy = policies[facts.record.locationId] else { return nil }
                return facts.record(policy: policy, on: day)
            }
        }
        return try collected.records()
    }
}

/// The records a streamed query delivers, one row at a time, on the database's thread.
private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var kept: [MonitorRecord] = []
    private var failure: (any Error)?

    func add(_ make: () throws -> MonitorRecord?) {
        lock.withLock {
            guard failure == nil else { return }
            do {
                if let record = try make() { kept.append(record) }
            } catch {
                failure = error
            }
        }
    }

    func records() throws -> [MonitorRecord] {
        try lock.withLock {
            if let failure { throw failure }
            return kept
        }
    }
}
