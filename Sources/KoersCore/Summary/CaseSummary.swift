import Foundation

/// What the sub-deadlines of a trajectory are derived from: its admission, its first real
/// perspective, the reviews held, the adjustments, the action items and its end. A ``CaseFile``
/// has them, and so does the much smaller ``CaseSummary`` that lists and queues read.
public protocol DeadlineInputs {
    var admittedOn: Day? { get }
    /// The day the trajectory ended, if it did.
    var leftOn: Day? { get }
    /// The first perspective decided other than "under investigation".
    var firstPerspectiveOn: Day? { get }
    /// Days on which the case meeting reviewed the case.
    var reviews: [Day] { get }
    var adjustments: [MilestoneAdjustment] { get }
    var actionItems: [ActionItem] { get }
}

extension CaseFile: DeadlineInputs {
    public var leftOn: Day? { outflow?.leftOn }

    public var firstPerspectiveOn: Day? {
        perspectives.filter { $0.perspective != .underInvestigation }.map(\.decidedOn).min()
    }
}

/// Samenvatting: what the lists, the progress view, agendas, queues and inboxes need of one
/// trajectory, kept beside its events in the same transaction. It is a cache of the fold, never
/// the truth: `koers projections rebuild` makes it again from the events, and milestone states
/// are still derived from it on the day asked.
public struct CaseSummary: Sendable, Hashable, Codable, DeadlineInputs {
    /// A decision of a case meeting on this case: which meeting, which day.
    public struct MeetingMark: Sendable, Hashable, Codable {
        public let meetingId: UUID
        public let on: Day
    }

    public let id: UUID
    public let personId: UUID
    public let locationId: UUID
    public let version: Int
    public let stage: Stage
    public let referredOn: Day
    /// The person's name as the case parties see it.
    public let name: String
    public let nationality: String
    /// The intake's evidence while the admission decision is open (the agenda checks it).
    public let evidence: AdmissionEvidence?
    public let admittedOn: Day?
    public let leftOn: Day?
    public let firstPerspectiveOn: Day?
    public let reviews: [Day]
    public let adjustments: [MilestoneAdjustment]
    public let actionItems: [ActionItem]
    public let meetingDecisions: [MeetingMark]
    /// Days the hardship committee advised.
    public let advisedOn: [Day]
    /// Days an escalation body decided.
    public let escalationsDecidedOn: [Day]

    /// The summary of a case as its events fold it.
    public init(_ file: CaseFile) {
        id = file.id
        personId = file.personId
        locationId = file.locationId
        version = file.version
        stage = file.stage
        referredOn = file.referral.referredOn
        name = file.identity.displayName
        nationality = file.identity.nationality
        evidence = file.stage == .intake ? file.evidence : nil
        admittedOn = file.admittedOn
        leftOn = file.leftOn
        firstPerspectiveOn = file.firstPerspectiveOn
        reviews = file.reviews
        adjustments = file.adjustments
        actionItems = file.actionItems
        meetingDecisions = file.meetingDecisions.map { MeetingMark(meetingId: $0.meetingId, on: $0.on) }
        advisedOn = file.committeeRequests.compactMap(\.advisedOn)
        escalationsDecidedOn = file.escalations.compactMap(\.decidedOn)
    }

    /// Whether the trajectory has ended (outflow or rejection).
    public var isClosed: Bool { stage.isClosed }

    /// The open action items, soonest first.
    public var openActionItems: [ActionItem] {
        actionItems.filter { $0.completedOn == nil }.sorted { $0.dueOn < $1.dueOn }
    }
}
