import Foundation

/// Actiepunt: something one party must do for a case by a due date, usually agreed in the case meeting.
public struct ActionItem: Sendable, Hashable, Codable, Identifiable {
    public let id: UUID
    public let party: Party
    public let text: String
    public let dueOn: Day
    public let assignedOn: Day
    /// The case meeting that agreed it, if any.
    public let meetingId: UUID?
    public var completedOn: Day?

    public init(
        id: UUID,
        party: Party,
        text: String,
        dueOn: Day,
        assignedOn: Day,
        meetingId: UUID?,
        completedOn: Day? = nil
    ) {
        self.id = id
        self.party = party
        self.text = text
        self.dueOn = dueOn
        self.assignedOn = assignedOn
        self.meetingId = meetingId
        self.completedOn = completedOn
    }

    public var milestoneKey: String { "action-" + id.uuidString.lowercased() }
}

/// A change to one milestone's clock: suspended (opgeschort), resumed, extended (verlengd) or skipped (vervallen).
public struct MilestoneAdjustment: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, CaseIterable, Codable { case suspend, resume, extend, skip }
    public let key: String
    public let kind: Kind
    /// The day the adjustment takes effect.
    public let on: Day
    /// For an extension: the new due date.
    public let until: Day?
    public let reason: String?

    public init(key: String, kind: Kind, on: Day, until: Day?, reason: String?) {
        self.key = key
        self.kind = kind
        self.on = on
        self.until = until
        self.reason = reason
    }
}
