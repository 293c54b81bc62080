import Foundation

/// Lopende termijn: a sub-deadline still open, as the deadline index keeps it, so the progress
/// view, the inbox and the agendas find what is due with one indexed query instead of deriving
/// every running case's milestones. It is evaluated on the day of the trajectory's latest dated
/// fact. Until a new fact, the milestone's only change is the calendar's: a running deadline falls
/// overdue after its due date, and a suspended one moves a day for every day it stays suspended.
public struct OpenDeadline: Sendable, Hashable, Codable {
    /// The milestone as it stood on `evaluatedOn`.
    public let milestone: Milestone
    public let evaluatedOn: Day
    /// The due date without the days of a suspension still running: the index's sort key.
    public let dueOn: Day
    public let suspendedSince: Day?
    public let extended: Bool

    /// The milestone on `day`, which is on or after `evaluatedOn`.
    public func milestone(on day: Day) -> Milestone {
        let state: MilestoneState
        var due = dueOn
        if let suspendedSince {
            state = .suspended
            due = due.adding(days: suspendedSince.days(until: day))
        } else if day > dueOn {
            state = .overdue
        } else {
            state = extended ? .extended : .scheduled
        }
        return Milestone(
            key: milestone.key,
            kind: milestone.kind,
            title: milestone.title,
            plannedOn: milestone.plannedOn,
            dueOn: due,
            state: state,
            metOn: nil,
            reason: milestone.reason,
            party: milestone.party
        )
    }

    /// The open deadlines of a trajectory under `policy`, evaluated on its latest dated fact; none
    /// for a trajectory that has ended.
    public static func open(in inputs: some DeadlineInputs, policy: DeadlinePolicy) -> [OpenDeadline] {
        guard let day = inputs.latestFact else { return [] }
        return Deadlines.milestones(for: inputs, policy: policy, on: day).compactMap { m in
            guard m.state.isOpen else { return nil }
            var since: Day?
            var extended = false
            for a in inputs.adjustments where a.key == m.key && a.on <= day {
                switch a.kind {
                case .suspend: since = since ?? a.on
                case .resume: since = nil
                case .extend: extended = true
                case .skip: break
                }
            }
            let due = m.state == .suspended ? m.dueOn.adding(days: -(since ?? day).days(until: day)) : m.dueOn
            return OpenDeadline(milestone: m, evaluatedOn: day, dueOn: due, suspendedSince: since, extended: extended)
        }
    }
}

extension DeadlineInputs {
    /// The latest day any of these inputs took effect: from then on, milestones change only with
    /// the calendar.
    public var latestFact: Day? {
        let days: [Day?] =
            [admittedOn, leftOn, firstPerspectiveOn] + reviews.map(Optional.some)
            + adjustments.map { Optional.some($0.on) }
            + actionItems.flatMap { [$0.assignedOn, $0.completedOn] }
        return days.compactMap { $0 }.max()
    }
}
