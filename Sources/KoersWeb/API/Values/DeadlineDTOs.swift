import Foundation
import KoersCore

// Sub-deadlines as the API shows them: action items, milestones, their adjustments and a
// location's policy. Own types with today's field names, so that stored events and the API can
// change apart.

/// Actiepunt: something one party must do for a case by a due date.
struct ActionItemDTO: Codable, Sendable {
    let id: UUID
    let party: Party
    let text: String
    let dueOn: Day
    let assignedOn: Day
    /// The case meeting that agreed it, if any.
    let meetingId: UUID?
    let completedOn: Day?
}

extension ActionItemDTO {
    init(_ item: ActionItem) {
        self.init(
            id: item.id,
            party: item.party,
            text: item.text,
            dueOn: item.dueOn,
            assignedOn: item.assignedOn,
            meetingId: item.meetingId,
            completedOn: item.completedOn
        )
    }
}

/// A change to one milestone's clock: suspended, resumed, extended or skipped.
struct MilestoneAdjustmentDTO: Codable, Sendable {
    /// The milestone's key (see ``MilestoneDTO/key``).
    let key: String
    let kind: MilestoneAdjustment.Kind
    /// The day the adjustment takes effect.
    let on: Day
    /// For an extension: the new due date.
    let until: Day?
    let reason: String?
}

extension MilestoneAdjustmentDTO {
    init(_ adjustment: MilestoneAdjustment) {
        self.init(
            key: adjustment.key,
            kind: adjustment.kind,
            on: adjustment.on,
            until: adjustment.until,
            reason: adjustment.reason
        )
    }
}

/// One sub-deadline of a trajectory on a reference date.
struct MilestoneDTO: Codable, Sendable {
    /// Stable within the trajectory: `perspective`, `maximumStay`, `review-1`, `action-<id>`.
    let key: String
    let kind: MilestoneKind
    let title: String?
    /// The due date as the policy set it.
    let plannedOn: Day
    /// The due date in force: after an extension, or moved by the days it was suspended.
    let dueOn: Day
    let state: MilestoneState
    let metOn: Day?
    /// Why it was suspended, extended or skipped.
    let reason: String?
    /// For action items: the party that must act.
    let party: Party?
}

extension MilestoneDTO {
    init(_ milestone: Milestone) {
        self.init(
            key: milestone.key,
            kind: milestone.kind,
            title: milestone.title,
            plannedOn: milestone.plannedOn,
            dueOn: milestone.dueOn,
            state: milestone.state,
            metOn: milestone.metOn,
            reason: milestone.reason,
            party: milestone.party
        )
    }
}

/// A location's sub-deadlines (deeltermijnbeleid); an absent field sets no deadline.
struct DeadlinePolicyDTO: Codable, Sendable {
    let perspectiveWithinWeeks: Int?
    let reviewEveryWeeks: Int?
    let maximumStayMonths: Int?
}

extension DeadlinePolicyDTO {
    init(_ policy: DeadlinePolicy) {
        self.init(
            perspectiveWithinWeeks: policy.perspectiveWithinWeeks,
            reviewEveryWeeks: policy.reviewEveryWeeks,
            maximumStayMonths: policy.maximumStayMonths
        )
    }
}
