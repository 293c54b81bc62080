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

        public init(trajectoryId: UUID, name: String, milestone: Milestone) {
            self.trajectoryId = trajectoryId
            self.name = name
            self.milestone = milestone
        }

        /// A row of the deadline index as it stands on `day`.
        init(_ row: IndexedDeadline, on day: Day) {
            self.init(trajectoryId: row.trajectoryId, name: row.name, milestone: row.deadline.milestone(on: day))
        }
    }

    public struct StageTime: Sendable {
        public let stage: Stage
        public let cases: Int
        /// Median days in the stage, for cases that left it or are still in it on the date.
        public let medianDays: Int
    }

    /// One page of a list, with how many the whole list holds (counted up to
    /// ``KoersStore/CaseStore/countCap``, then "more than").
    public struct Page: Sendable {
        public let entries: [Entry]
        public let total: Int
        /// The page shown, from 1.
        public let page: Int

        public var isEmpty: Bool { total == 0 }

        public static let empty = Page(entries: [], total: 0, page: 1)
    }

    /// Rows a list shows at once: a page stays small however many cases a location runs.
    public static let pageSize = 100

    public let location: Location
    public let on: Day
    public let overdue: Page
    public let upcoming: Page
    public let suspended: Page
    public let stageTimes: [StageTime]
    /// When the stage times were computed (they may be up to 15 minutes old).
    public let stageTimesComputedAt: Date
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

    /// The progress view for one of the user's locations, one page of each list (`pages` by list:
    /// "overdue", "upcoming", "suspended"). `horizon` days ahead count as upcoming.
    public func progress(
        at locationId: UUID,
        actor: Actor,
        on day: Day? = nil,
        pages: [String: Int] = [:],
        horizon: Int = 28
    ) async throws -> ProgressReport {
        guard AccessPolicy.mayViewProgress(actor, at: locationId),
            let location = try await directory.location(locationId)
        else { throw AppError.notFound }
        let today = today()
        let day = day ?? today
        let lists =
            day >= today
            ? try await indexedLists(at: locationId, on: day, horizon: horizon, pages: pages)
            : try await derivedLists(at: location, on: day, horizon: horizon, pages: pages)
        // Medians over the location's whole history: kept in the database, computed again once the
        // location changed and the kept ones are older than a quarter of an hour.
        let times = try await cases.stageTimes(at: locationId, on: day, maximumAge: 15 * 60, now: Date())
        return ProgressReport(
            location: location,
            on: day,
            overdue: lists.overdue,
            upcoming: lists.upcoming,
            suspended: lists.suspended,
            stageTimes: times.figures.map {
                ProgressReport.StageTime(stage: $0.span, cases: $0.cases, medianDays: $0.medianDays)
            },
            stageTimesComputedAt: times.computedAt
        )
    }

    typealias Lists = (overdue: ProgressReport.Page, upcoming: ProgressReport.Page, suspended: ProgressReport.Page)

    static let running: [Stage] = [.referral, .intake, .active]

    /// Today and later: a page of each list from the deadline index, a query per page and per count.
    private func indexedLists(
        at locationId: UUID,
        on day: Day,
        horizon: Int,
        pages: [String: Int]
    ) async throws
        -> Lists
    {
        func page(_ name: String, _ query: DeadlineQuery) async throws -> ProgressReport.Page {
            let total = try await cases.countOpenDeadlines(at: [locationId], stages: Self.running, query)
            let size = ProgressReport.pageSize
            let page = min(max(pages[name] ?? 1, 1), max(1, (total + size - 1) / size))
            let rows = try await cases.openDeadlines(
                at: [locationId],
                stages: Self.running,
                query,
                limit: size,
                offset: (page - 1) * size
            )
            return ProgressReport.Page(entries: rows.map { .init($0, on: day) }, total: total, page: page)
        }
        // A suspended deadline's due date moves with the calendar, so the (few) suspended ones are
        // ordered here rather than by the index.
        let suspended = try await cases.openDeadlines(
            at: [locationId],
            stages: Self.running,
            .suspended,
            limit: CaseStore.countCap
        ).map { ProgressReport.Entry($0, on: day) }
        return (
            try await page("overdue", .overdue(on: day, actionItems: true)),
            try await page("upcoming", .upcoming(on: day, through: day.adding(days: horizon))),
            Self.page(suspended, pages["suspended"])
        )
    }

    /// A day in the past: derived from the summaries of the cases running on that day, as the
    /// index holds deadlines as they stand now.
    private func derivedLists(
        at location: Location,
        on day: Day,
        horizon: Int,
        pages: [String: Int]
    ) async throws
        -> Lists
    {
        let running = try await cases.summaries(at: [location.id], stages: Self.running, leftSince: day)
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
        return (
            Self.page(overdue, pages["overdue"]),
            Self.page(upcoming, pages["upcoming"]),
            Self.page(suspended, pages["suspended"])
        )
    }

    /// One page of a list held whole, soonest first.
    static func page(_ entries: [ProgressReport.Entry], _ requested: Int?) -> ProgressReport.Page {
        let sorted = entries.sorted {
            ($0.milestone.dueOn, $0.trajectoryId.uuidString) < ($1.milestone.dueOn, $1.trajectoryId.uuidString)
        }
        let size = ProgressReport.pageSize
        let page = min(max(requested ?? 1, 1), max(1, (sorted.count + size - 1) / size))
        let shown = sorted[min((page - 1) * size, sorted.count)..<min(page * size, sorted.count)]
        return ProgressReport.Page(entries: Array(shown), total: sorted.count, page: page)
    }
}
