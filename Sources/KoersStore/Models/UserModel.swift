import FluentKit
import Foundation

/// An account: one organisation, a bcrypt password hash, and whether it is disabled.
public final class UserModel: Model, @unchecked Sendable {
    public static let schema = "users"

    @ID(key: .id) public var id: UUID?
    @Field(key: "email") public var email: String
    @Field(key: "display_name") public var displayName: String
    @Field(key: "organisation_id") public var organisationId: UUID
    @Field(key: "password_hash") public var passwordHash: String
    @Field(key: "disabled") public var disabled: Bool
    @Field(key: "created_at") public var createdAt: Date
    /// The confirmed TOTP secret (base32), once the user has set up two-factor sign-in.
    @OptionalField(key: "totp_secret") public var totpSecret: String?
    /// The last TOTP time step signed in with: a code is accepted once.
    @OptionalField(key: "totp_last_step") public var totpLastStep: Int64?
    /// Signs in without a second factor whatever the party's rule: the demo's accounts only.
    @Field(key: "totp_exempt") public var totpExempt: Bool

    public init() {}

    public init(
        id: UUID? = nil,
        email: String,
        displayName: String,
        organisationId: UUID,
        passwordHash: String,
        totpExempt: Bool = false
    ) {
        self.id = id
        self.email = email
        self.displayName = displayName
        self.organisationId = organisationId
        self.passwordHash = passwordHash
        self.disabled = false
        self.createdAt = Date()
        self.totpExempt = totpExempt
    }
}

/// A server-side login session; the cookie holds the token, the table only its SHA-256.
public final class SessionModel: Model, @unchecked Sendable {
    public static let schema = "sessions"

    @ID(key: .id) public var id: UUID?
    @Field(key: "token_hash") public var tokenHash: String
    @Field(key: "user_id") public var userId: UUID
    @Field(key: "expires_at") public var expiresAt: Date
    @Field(key: "created_at") public var createdAt: Date
    /// The password was right but the second factor is still outstanding: not yet signed in.
    @Field(key: "pending") public var pending: Bool
    /// While setting up two-factor sign-in: the secret shown, kept until a code confirms it.
    @OptionalField(key: "totp_candidate") public var totpCandidate: String?

    public init() {}

    public init(tokenHash: String, userId: UUID, expiresAt: Date, pending: Bool = false, totpCandidate: String? = nil) {
        self.tokenHash = tokenHash
        self.userId = userId
        self.expiresAt = expiresAt
        self.createdAt = Date()
        self.pending = pending
        self.totpCandidate = totpCandidate
    }
}

/// An API bearer token; only its SHA-256 is stored.
public final class APITokenModel: Model, @unchecked Sendable {
    public static let schema = "api_tokens"

    @ID(key: .id) public var id: UUID?
    @Field(key: "token_hash") public var tokenHash: String
    @Field(key: "user_id") public var userId: UUID
    @Field(key: "name") public var name: String
    @Field(key: "created_at") public var createdAt: Date
    @OptionalField(key: "expires_at") public var expiresAt: Date?

    public init() {}

    public init(tokenHash: String, userId: UUID, name: String, expiresAt: Date?) {
        self.tokenHash = tokenHash
        self.userId = userId
        self.name = name
        self.createdAt = Date()
        self.expiresAt = expiresAt
    }
}

/// A failed login, kept briefly to throttle guessing.
public final class LoginFailureModel: Model, @unchecked Sendable {
    public static let schema = "login_failures"

    @ID(key: .id) public var id: UUID?
    @Field(key: "key") public var key: String
    @Field(key: "failed_at") public var failedAt: Date

    public init() {}

    public init(key: String, failedAt: Date) {
        self.key = key
        self.failedAt = failedAt
    }
}
