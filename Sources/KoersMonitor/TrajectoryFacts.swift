import Foundation
import KoersCore

/// Monitorfeiten: what the monitor's fact table keeps of one trajectory. Its record without
/// milestones, which depend on the day asked and the location's policy, and the inputs those
/// milestones are derived from. The monitor reads every trajectory on a first computation, so the
/// row is a compact binary encoding (``FactsEncoding``) rather than JSON, which cost five
/// microseconds a record to decode.
public struct TrajectoryFacts: Sendable, Hashable {
    public var record: MonitorRecord
    public var deadlines: DeadlineFacts

    public init(record: MonitorRecord, deadlines: DeadlineFacts) {
        self.record = record
        self.deadlines = deadlines
    }

    /// The facts of a case file, as the projection keeps them.
    public init(_ file: CaseFile) {
        self.init(record: MonitorRecord(facts: file), deadlines: DeadlineFacts(file))
    }

    /// The record with its milestones as they stand on `day` under `policy`. Consuming, so the
    /// monitor's first computation, which makes a million of them, moves each record rather than
    /// copying it; a caller that keeps the facts gets a copy implicitly.
    public consuming func record(policy: DeadlinePolicy, on day: Day) -> MonitorRecord {
        let milestones = Deadlines.milestones(for: deadlines, policy: policy, on: day)
        var record = self.record
        record.milestones = MonitorRecord.facts(of: milestones)
        return record
    }
}
