import Foundation

/// Bewaartermijn: one person whose retention period has ended, as a destruction list names them:
/// by pseudonym and their trajectories, never by name.
public struct RetentionItem: Sendable, Hashable, Codable {
    public struct Trajectory: Sendable, Hashable, Codable {
        public let id: UUID
        public let location: String
        /// The day it ended: the outflow, or the decision not to admit.
        public let endedOn: Day

        public init(id: UUID, location: String, endedOn: Day) {
            self.id = id
            self.location = location
            self.endedOn = endedOn
        }
    }

    public let personId: UUID
    /// The person's pseudonym, as the processing log and the erasure register write it.
    public let subject: String
    public let trajectories: [Trajectory]
    /// The longest period of the activities that processed the person's data.
    public let retentionYears: Int
    /// The day the period ended.
    public let dueOn: Day

    public init(personId: UUID, subject: String, trajectories: [Trajectory], retentionYears: Int, dueOn: Day) {
        self.personId = personId
        self.subject = subject
        self.trajectories = trajectories
        self.retentionYears = retentionYears
        self.dueOn = dueOn
    }
}

/// Vernietigingslijst: a plan is proposed, approved by the administrator with the decision to
/// destroy (the Archiefwet asks for one before destruction), then applied.
public enum RetentionStatus: String, Sendable, Codable, CaseIterable {
    case proposed, approved, applied

    public var label: LocalizedText {
        switch self {
        case .proposed: LocalizedText(nl: "Voorgesteld", en: "Proposed")
        case .approved: LocalizedText(nl: "Goedgekeurd", en: "Approved")
        case .applied: LocalizedText(nl: "Vernietigd", en: "Destroyed")
        }
    }
}

/// A destruction list and what became of it.
public struct RetentionPlan: Sendable, Identifiable {
    public let id: UUID
    public let createdAt: Date
    public let createdBy: String
    public let status: RetentionStatus
    public let items: [RetentionItem]
    public let decision: String?
    public let approvedBy: String?
    public let approvedAt: Date?
    public let appliedAt: Date?
    public let report: DestructionReport?

    public init(
        id: UUID,
        createdAt: Date,
        createdBy: String,
        status: RetentionStatus,
        items: [RetentionItem],
        decision: String?,
        approvedBy: String?,
        approvedAt: Date?,
        appliedAt: Date?,
        report: DestructionReport?
    ) {
        self.id = id
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.status = status
        self.items = items
        self.decision = decision
        self.approvedBy = approvedBy
        self.approvedAt = approvedAt
        self.appliedAt = appliedAt
        self.report = report
    }

    /// The administrator's approval: the decision to destroy, by reference.
    public static let approvalForm = Form(.text("decision", maxLength: 500))
}

/// Verklaring van vernietiging: what a plan destroyed, for the archive.
public struct DestructionReport: Sendable, Hashable, Codable {
    public let planId: UUID
    public let decision: String
    public let approvedBy: String
    public let appliedBy: String
    public let appliedAt: Date
    /// The people erased, by pseudonym, with their trajectories.
    public let items: [RetentionItem]
    /// Rows changed per table.
    public let rows: [String: Int]

    public init(
        planId: UUID,
        decision: String,
        approvedBy: String,
        appliedBy: String,
        appliedAt: Date,
        items: [RetentionItem],
        rows: [String: Int]
    ) {
        self.planId = planId
        self.decision = decision
        self.approvedBy = approvedBy
        self.appliedBy = appliedBy
        self.appliedAt = appliedAt
        self.items = items
        self.rows = rows
    }
}
