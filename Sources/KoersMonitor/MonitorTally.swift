import Foundation
import KoersCore

/// The one pass behind `MonitorCounts`: each record's facts as runs of reports, counted in parts
/// at once for large populations and added up.
extension MonitorCounts {
    /// What every part of the pass needs to know.
    struct TallyContext: Sendable {
        let grid: QuarterGrid
        let reports: Int
        let shapes: [(Int, Int)]
        let column: [UUID: Int]
        let groupIndex: [String: Int]
        let reasonIndex: [String: Int]
    }

    /// Holds one part's tally while the parts run at once; each part writes only its own box, and
    /// `concurrentPerform` returns only when every part is done.
    final class TallyBox: @unchecked Sendable {
        var tally: Tally?
    }

    /// The counts of a run of records.
    struct Tally {
        var runs: [Runs]
        var firstSeen: FirstAdmissions
        var durations: [[Int]]

        init(_ records: ArraySlice<MonitorRecord>, _ context: TallyContext) {
            let reports = context.reports
            let grid = context.grid
            runs = context.shapes.map { Runs(reports: reports, rows: $0.0, columns: $0.1) }
            firstSeen = FirstAdmissions(capacity: records.count)
            durations = Array(repeating: [], count: context.column.count)
            func index(_ kind: TableKind) -> Int { TableKind.allCases.firstIndex(of: kind)! }
            let (headline, inflow, outflow, category, reason) = (
                index(.headline), index(.inflow), index(.outflow), index(.outcomeCategory), index(.outcomeReason)
            )
            let (perspective, support, rejections, duration) = (
                index(.perspective), index(.support), index(.rejections), index(.duration)
            )
            let (byGender, byNationality) = (index(.outcomeByGender), index(.outcomeByNationality))
            let last = reports - 1
            let noPerspective = Perspective.allCases.count
            let other = context.groupIndex["other"]!
            let perspectiveIndex = Dictionary(uniqueKeysWithValues: Perspective.allCases.enumerated().map { ($1, $0) })
            let supportIndex = Dictionary(
                uniqueKeysWithValues: SupportInstrument.allCases.enumerated().map { ($1, $0) }
            )
            let rejectionIndex = Dictionary(
                uniqueKeysWithValues: RejectionReason.allCases.enumerated().map { ($1, $0) }
            )
            let categoryIndex = Dictionary(uniqueKeysWithValues: OutcomeCategory.allCases.enumerated().map { ($1, $0) })

            for r in records {
                guard let to = context.column[r.locationId] else { continue }
                let from = r.transferredFrom.flatMap { context.column[$0] } ?? to
                let switchAt = r.transferredOn.map(grid.firstReport(counting:)) ?? 0
                /// Counts `row` in reports start..<end at the location of each report (before the transfer, the old
                /// one).
                func add(_ table: Int, _ row: Int, from start: Int, until end: Int = reports) {
                    let start = max(start, 1)
                    guard start < end else { return }
                    if start < switchAt { runs[table].add(row, from, start, min(end, switchAt)) }
                    if max(start, switchAt) < end { runs[table].add(row, to, max(start, switchAt), end) }
                }
                add(headline, HeadlineRow.referred.rawValue, from: grid.firstReport(counting: r.referredOn))
                let admitted =
                    r.admission.flatMap { $0 == .reject ? nil : r.admissionOn }.map(grid.firstReport(counting:))
                    ?? reports
                let left = r.outflowOn.map(grid.firstReport(counting:)) ?? reports
                if admitted < reports {
                    // A person counts once given a trajectory; a referral turned down is no trajectory.
                    firstSeen.keepEarliest(r.personId, admitted)
                    add(inflow, admitted - 1, from: admitted)
                }
                add(headline, HeadlineRow.trajectories.rawValue, from: admitted)
                add(headline, HeadlineRow.active.rawValue, from: admitted, until: left)
                if r.admission == .reject, let on = r.admissionOn {
                    add(rejections, rejectionIndex[r.rejectionReason ?? .other]!, from: grid.firstReport(counting: on))
                }
                if let on = r.hasaSubmittedOn {
                    add(headline, HeadlineRow.hasaSubmitted.rawValue, from: grid.firstReport(counting: on))
                }
                if let on = r.hasaDecidedOn {
                    add(headline, HeadlineRow.hasaDecided.rawValue, from: grid.firstReport(counting: on))
                    if r.hasaOutcome == .granted {
                        add(headline, HeadlineRow.hasaGranted.rawValue, from: grid.firstReport(counting: on))
                    }
                }
                if r.transferredFrom != nil, switchAt < reports {
                    runs[headline].add(HeadlineRow.transfersReceived.rawValue, to, max(switchAt, 1), reports)
                }
                for milestone in r.milestones {
                    if let met = milestone.met {
                        add(headline, HeadlineRow.milestonesMet.rawValue, from: grid.firstReport(counting: met))
                    }
                    // Overdue on a reference date while running: due before the day the report describes, and not met
                    // by then.
                    let overdueUntil = min(left, milestone.met.map(grid.firstReport(counting:)) ?? reports)
                    add(
                        headline,
                        HeadlineRow.milestonesOverdue.rawValue,
                        from: max(admitted, grid.firstReport(overdue: milestone.due)),
                        until: overdueUntil
                    )
                }
                for day in r.escalatedOn {
                    add(headline, HeadlineRow.escalations.rawValue, from: grid.firstReport(counting: day))
                }
                for use in r.support {
                    add(
                        support,
                        supportIndex[use.instrument]!,
                        from: max(grid.firstReport(counting: use.from), admitted)
                    )
                }
                // Active trajectories by the perspective they had on each reference date: the latest
                // decided before it; of decisions on one day the first recorded, as `MonitorRecord.perspective(on:)`
                // has it.
                if admitted < left {
                    var current = noPerspective
                    var since = admitted
                    var previousDay: Day?
                    let inOrder = zip(r.perspectives, r.perspectives.dropFirst()).allSatisfy { $0.on <= $1.on }
                    let decisions =
                        inOrder
                        ? r.perspectives
                        : r.perspectives.enumerated().sorted { ($0.element.on, $0.offset) < ($1.element.on, $1.offset) }
                            .map(\.element)
                    for decision in decisions where decision.on != previousDay {
                        previousDay = decision.on
                        let report = grid.firstReport(counting: decision.on)
                        guard report < left else { break }
                        if report > since {
                            add(perspective, current, from: since, until: report)
                            since = report
                        }
                        current = perspectiveIndex[decision.perspective]!
                    }
                    add(perspective, current, from: since, until: left)
                }
                if left < reports, let outcome = r.outcome {
                    let c = categoryIndex[outcome]!
                    add(outflow, left - 1, from: left)
                    add(category, c, from: left)
                    add(reason, context.reasonIndex[r.outcomeReason ?? "other"]!, from: left)
                    let days = r.admissionOn.map { $0.days(until: r.outflowOn!) } ?? 0
                    add(duration, MonitorCounts.durationBucket(days), from: left)
                    runs[byGender].add(MonitorCounts.genderRows.firstIndex(of: r.gender) ?? 2, c, max(left, 1), reports)
                    runs[byNationality].add(context.groupIndex[r.nationality] ?? other, c, max(left, 1), reports)
                    if left <= last { durations[to].append(days) }
                }
            }
        }

        /// Adds another part's tally.
        mutating func add(_ other: Tally) {
            for i in runs.indices { runs[i].add(other.runs[i]) }
            for i in durations.indices { durations[i] += other.durations[i] }
            other.firstSeen.forEachEntry { firstSeen.keepEarliest(hi: $0, lo: $1, $2) }
        }
    }

    /// Each person's first report with an admitted trajectory: an open-addressing table on the
    /// person id's two halves, because a general dictionary of a million UUIDs dominated the pass.
    struct FirstAdmissions {
        private var hi: [UInt64]
        private var lo: [UInt64]
        private var first: [Int32]
        private var count = 0
        private let mask: Int

        init(capacity: Int) {
            var size = 16
            while size < capacity * 2 { size <<= 1 }
            hi = Array(repeating: 0, count: size)
            lo = Array(repeating: 0, count: size)
            first = Array(repeating: -1, count: size)
            mask = size - 1
        }

        mutating func keepEarliest(_ id: UUID, _ report: Int) {
            let (h, l) = withUnsafeBytes(of: id.uuid) {
                (
                    $0.loadUnaligned(fromByteOffset: 0, as: UInt64.self),
                    $0.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
                )
            }
            keepEarliest(hi: h, lo: l, report)
        }

        mutating func keepEarliest(hi h: UInt64, lo l: UInt64, _ report: Int) {
            // A table is sized for its own part; merged parts may need more room.
            if (count + 1) * 2 > first.count { grow() }
            var slot =
                Int(truncatingIfNeeded: ((h ^ (l &* 0x9E37_79B9_7F4A_7C15)) &* 0xBF58_476D_1CE4_E5B9) >> 20) & mask
            while first[slot] >= 0 {
                if hi[slot] == h && lo[slot] == l {
                    first[slot] = min(first[slot], Int32(report))
                    return
                }
                slot = (slot + 1) & mask
            }
            hi[slot] = h
            lo[slot] = l
            first[slot] = Int32(report)
            count += 1
        }

        private mutating func grow() {
            var bigger = FirstAdmissions(capacity: first.count)
            forEachEntry { bigger.keepEarliest(hi: $0, lo: $1, $2) }
            self = bigger
        }

        func forEachEntry(_ body: (UInt64, UInt64, Int) -> Void) {
            for slot in first.indices where first[slot] >= 0 { body(hi[slot], lo[slot], Int(first[slot])) }
        }

        func forEachFirstReport(_ body: (Int) -> Void) {
            for value in first where value >= 0 { body(Int(value)) }
        }
    }

    /// Runs of reports per cell: +1 where a count starts, −1 where it stops; summed over reports at the end.
    struct Runs {
        let rows: Int
        let columns: Int
        var edges: [Int]

        init(reports: Int, rows: Int, columns: Int) {
            self.rows = rows
            self.columns = columns
            edges = Array(repeating: 0, count: (reports + 1) * rows * columns)
        }

        /// Counts one in cell (row, column) of reports start..<end.
        mutating func add(_ row: Int, _ column: Int, _ start: Int, _ end: Int) {
            guard start < end else { return }
            edges[(start * rows + row) * columns + column] += 1
            edges[(end * rows + row) * columns + column] -= 1
        }

        mutating func add(_ other: Runs) {
            for i in edges.indices { edges[i] += other.edges[i] }
        }

        /// counts[report][row][column].
        func totals() -> [[[Int]]] {
            let size = rows * columns
            let reports = edges.count / max(size, 1) - 1
            var running = Array(repeating: 0, count: size)
            var result: [[[Int]]] = []
            result.reserveCapacity(reports)
            for m in 0..<reports {
                for i in 0..<size { running[i] += edges[m * size + i] }
                result.append((0..<rows).map { Array(running[$0 * columns..<($0 + 1) * columns]) })
            }
            return result
        }
    }
}
