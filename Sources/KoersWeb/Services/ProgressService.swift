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
        let files = try await cases.files(at: [locationId], stages: Stage.allCases)
        var overdue: [ProgressReport.Entry] = []
        var upcoming: [ProgressReport.Entry] = []
        var suspended: [ProgressReport.Entry] = []
        for file in files where file.referral.referredOn <= day {
            for milestone in Deadlines.milestones(for: file, policy: location.deadlinePolicy, on: day) {
                let entry = ProgressReport.Entry(
                    trajectoryId: file.id,
                    name: file.identity.displayName,
                    milestone: milestone
                )
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
        return ProgressReport(
            location: location,
            on: day,
            overdue: overdue.sorted { $0.milestone.dueOn < $1.milestone.dueOn },
            upcoming: upcoming.sorted { $0.milestone.dueOn < $1.milestone.dueOn },
            suspended: suspended.sorted { $0.milestone.dueOn < $1.milestone.dueOn },
            stageTimes: Self.stageTimes(files, on: day)
        )
    }

    /// Median days in two spans: from referral to the admission decision (`.referral`), and from
    /// admission to outflow (`.active`); a case still in a span counts up to the reference date.
    static func stageTimes(_ files: [CaseFile], on day: Day) -> [ProgressReport.StageTime] {
        var spans: [Stage: [Int]] = [:]
        for file in files where file.referral.referredOn <= day {
            let decided = file.admission.map(\.decidedOn).flatMap { $0 <= day ? $0 : nil }
            spans[.referral, default: []].append(file.referral.referredOn.days(until: decided ?? day))
            if let admitted = file.admittedOn, admitted <= day {
                let left = file.outflow.map(\.leftOn).flatMap { $0 <= day ? $0 : nil }
                spans[.active, default: []].append(admitted.days(until: left ?? day))
            }
        }
        return [Stage.referral, .active].compactMap { stage in
            guard let values = spans[stage], !values.isEmpty else { return nil }
            let sorted = values.sorted()
            return ProgressReport.StageTime(stage: stage, cases: sorted.count, medianDays: sorted[sorted.count / 2])
        }
    }
}
