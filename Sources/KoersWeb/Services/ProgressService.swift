import Foundation
import KoersCore
import KoersStore

/// A coordinator's view of a location on a reference date: what is overdue, what falls due
/// soon, and how long cases spend in each stage.
public struct ProgressReport: Sendable {
    public struct Entry: Sendable {
        public let trajectoryId: UUID
        public let name: String
        public let milestone: Milestone
    }

    public struct StageTime: Sendable {
        public let stage: Stage
        public let cases: Int
        /// Median days in the stage, for cases that left it or are still in it on the date.
        public let medianDays: Int
    }

    public let location: Location
    public let on: Day
    public let overdue: [Entry]
    public let upcoming: [Entry]
    public let suspended: [Entry]
    public let stageTimes: [StageTime]
}

extension CaseService {
    /// The milestones of one case on a day, under its location's policy.
    public func milestones(_ record: CaseRecord, on day: Day? = nil) async throws -> [Milestone] {
        let policy = try await directory.location(record.file.locationId)?.deadlinePolicy ?? .noDeadlines
        return Deadlines.milestones(for: record.file, policy: policy, on: day ?? today())
    }

    /// Sets a location's sub-deadline policy; only its municipality may.
    public func setDeadlinePolicy(_ input: FormInput, for locationId: UUID, actor: Actor) async throws -> DeadlinePolicy
    {
        guard AccessPolicy.mayViewProgress(actor, at: locationId), try await directory.location(locationId) != nil
        else { throw AppError.notFound }
        guard AccessPolicy.mayConfigureDeadlines(actor, at: locationId) else { throw AppError.forbidden }
        let policy: DeadlinePolicy
        do { policy = try DeadlinePolicy.parse(input) } catch { throw AppError.invalid(error) }
        try await directory.setDeadlinePolicy(policy, for: locationId)
        return policy
    }

    /// The progress view for one of the user's locations. `horizon` days ahead count as upcoming.
    public func progress(
        at locationId: UUID,
        actor: Actor,
        on day: Day? = nil,
        horizon: Int = 28
    ) async throws -> ProgressReport {
        guard AccessPolicy.mayViewProgress(actor, at: locationId),
            let location = try await directory.location(locationId)
        else { throw AppError.notFound }
        let day = day ?? today()
        // The cases running on the day, from their summaries: what is still open, and what ended
        // on or after the day. The history before it costs nothing here.
        let running = try await cases.summaries(
            at: [locationId],
            stages: [.referral, .intake, .active],
            leftSince: day
        )
        var overdue: [ProgressReport.Entry] = []
        var upcoming: [ProgressReport.Entry] = []
        var suspended: [ProgressReport.Entry] = []
        for file in running where file.referredOn <= day {
            for milestone in Deadlines.milestones(for: file, policy: location.deadlinePolicy, on: day) {
                let entry = ProgressReport.Entry(trajectoryId: file.id, name: file.name, milestone: milestone)
                switch milestone.state {
                case .overdue: overdue.append(entry)
                case .suspended: suspended.append(entry)
                case .scheduled where milestone.dueOn <= day.adding(days: horizon),
                    .extended where milestone.dueOn <= day.adding(days: horizon):
                    upcoming.append(entry)
                default: break
                }
            }
        }
        var stageTimes: [ProgressReport.StageTime] = []
        for stage in [Stage.referral, .active] {
            if let time = try await cases.medianDays(of: stage, at: locationId, on: day) {
                stageTimes.append(ProgressReport.StageTime(stage: stage, cases: time.cases, medianDays: time.median))
            }
        }
        return ProgressReport(
            location: location,
            on: day,
            overdue: overdue.sorted { $0.milestone.dueOn < $1.milestone.dueOn },
            upcoming: upcoming.sorted { $0.milestone.dueOn < $1.milestone.dueOn },
            suspended: suspended.sorted { $0.milestone.dueOn < $1.milestone.dueOn },
            stageTimes: stageTimes
        )
    }
}
