import Foundation

/// The inputs of a trajectory's sub-deadlines and nothing else: what the monitor keeps beside its
/// facts so milestones can be derived on any reference date without the case summary. Action
/// items keep their dates and party; their text and meeting are left out, as no count needs them.
public struct DeadlineFacts: Sendable, Hashable, DeadlineInputs {
    public var admittedOn: Day?
    public var leftOn: Day?
    public var firstPerspectiveOn: Day?
    public var reviews: [Day]
    public var adjustments: [MilestoneAdjustment]
    public var actionItems: [ActionItem]

    public init(
        admittedOn: Day? = nil,
        leftOn: Day? = nil,
        firstPerspectiveOn: Day? = nil,
        reviews: [Day] = [],
        adjustments: [MilestoneAdjustment] = [],
        actionItems: [ActionItem] = []
    ) {
        self.admittedOn = admittedOn
        self.leftOn = leftOn
        self.firstPerspectiveOn = firstPerspectiveOn
        self.reviews = reviews
        self.adjustments = adjustments
        self.actionItems = actionItems
    }

    /// The deadline inputs of a case file or summary.
    public init(_ inputs: some DeadlineInputs) {
        self.init(
            admittedOn: inputs.admittedOn,
            leftOn: inputs.leftOn,
            firstPerspectiveOn: inputs.firstPerspectiveOn,
            reviews: inputs.reviews,
            adjustments: inputs.adjustments.map {
                MilestoneAdjustment(key: $0.key, kind: $0.kind, on: $0.on, until: $0.until, reason: nil)
            },
            actionItems: inputs.actionItems.map {
                ActionItem(
                    id: $0.id,
                    party: $0.party,
                    text: "",
                    dueOn: $0.dueOn,
                    assignedOn: $0.assignedOn,
                    meetingId: nil,
                    completedOn: $0.completedOn
                )
            }
        )
    }
}
