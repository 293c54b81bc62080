import Foundation

/// Who made a change: the user, their organisation and its party.
public struct Actor: Sendable, Hashable, Codable {
    public let userId: UUID
    public let organisationId: UUID
    public let party: Party
    /// Location ids the actor's organisation serves.
    public let locationIds: Set<UUID>
    public let displayName: String
    public let organisationName: String
    /// For an escalation body: the rung of the ladder it decides at.
    public let escalationLevel: String?

    public init(
        userId: UUID,
        organisationId: UUID,
        party: Party,
        locationIds: Set<UUID>,
        displayName: String,
        organisationName: String,
        escalationLevel: String? = nil
    ) {
        self.userId = userId
        self.organisationId = organisationId
        self.party = party
        self.locationIds = locationIds
        self.displayName = displayName
        self.organisationName = organisationName
        self.escalationLevel = escalationLevel
    }
}

/// An append-only record of one change to a trajectory: what, who, which organisation,
/// when it was recorded and when it took effect.
public struct CaseEvent: Sendable, Hashable, Codable, Identifiable {
    public let id: UUID
    public let trajectoryId: UUID
    /// 1 for the first event; also the trajectory's version after this event.
    public let sequence: Int
    public let change: CaseChange
    public let userId: UUID
    public let userName: String
    public let organisationId: UUID
    public let organisationName: String
    public let party: Party
    public let recordedAt: Date
    /// Ingangsdatum: the day the change took effect (the recording day when it has none of its own).
    public let effectiveOn: Day
    /// Where the fact came from when not from the recorder: an imported file, an agency's list.
    public let source: FactSource?

    public init(
        id: UUID,
        trajectoryId: UUID,
        sequence: Int,
        change: CaseChange,
        userId: UUID,
        userName: String,
        organisationId: UUID,
        organisationName: String,
        party: Party,
        recordedAt: Date,
        effectiveOn: Day,
        source: FactSource? = nil
    ) {
        self.id = id
        self.trajectoryId = trajectoryId
        self.sequence = sequence
        self.change = change
        self.userId = userId
        self.userName = userName
        self.organisationId = organisationId
        self.organisationName = organisationName
        self.party = party
        self.recordedAt = recordedAt
        self.effectiveOn = effectiveOn
        self.source = source
    }
}
