import Foundation

/// An organisation as the administrator sees it.
public struct OrganisationSummary: Sendable, Hashable {
    public let id: UUID
    public let name: String
    public let party: Party
    public let escalationLevel: String?
    /// A national body serves every location, including later ones.
    public let national: Bool
    public let locationIds: [UUID]

    public init(id: UUID, name: String, party: Party, escalationLevel: String?, national: Bool, locationIds: [UUID]) {
        self.id = id
        self.name = name
        self.party = party
        self.escalationLevel = escalationLevel
        self.national = national
        self.locationIds = locationIds
    }
}

/// An account as the administrator sees it: invited (no password yet), active or disabled.
public struct AccountSummary: Sendable, Hashable {
    public enum State: String, Sendable, CaseIterable, Codable {
        case invited, active, disabled
    }
    public let id: UUID
    public let email: String
    public let displayName: String
    public let organisationId: UUID
    public let state: State

    public init(id: UUID, email: String, displayName: String, organisationId: UUID, state: State) {
        self.id = id
        self.email = email
        self.displayName = displayName
        self.organisationId = organisationId
        self.state = state
    }
}

/// One entry of an object's administrative history: who, when, what, and the object before and
/// after as JSON.
public struct AdminChange: Sendable, Hashable {
    public let at: Date
    public let userName: String
    public let objectKind: String
    public let action: String
    public let before: String?
    public let after: String?

    public init(at: Date, userName: String, objectKind: String, action: String, before: String?, after: String?) {
        self.at = at
        self.userName = userName
        self.objectKind = objectKind
        self.action = action
        self.before = before
        self.after = after
    }
}

/// What an invitation link stands for, while it can still be used.
public struct OpenInvitation: Sendable {
    public let userId: UUID
    public let email: String
    public let displayName: String

    public init(userId: UUID, email: String, displayName: String) {
        self.userId = userId
        self.email = email
        self.displayName = displayName
    }
}

/// Who made an administrative change: a signed-in administrator, or the setup command.
public struct ChangeAuthor: Sendable {
    public let userId: UUID?
    public let name: String

    public init(userId: UUID?, name: String) {
        self.userId = userId
        self.name = name
    }
}
