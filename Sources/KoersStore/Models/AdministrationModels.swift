import FluentKit
import Foundation

/// LVV-regio (``KoersCore/Region``).
public final class RegionModel: Model, @unchecked Sendable {
    public static let schema = "regions"

    @ID(key: .id) public var id: UUID?
    @Field(key: "name") public var name: String

    public init() {}

    public init(id: UUID? = nil, name: String) {
        self.id = id
        self.name = name
    }
}

/// A municipality by its CBS code, in one region.
public final class MunicipalityModel: Model, @unchecked Sendable {
    public static let schema = "municipalities"

    @ID(key: .id) public var id: UUID?
    @Field(key: "cbs_code") public var cbsCode: String
    @Field(key: "name") public var name: String
    @Field(key: "region_id") public var regionId: UUID

    public init() {}

    public init(cbsCode: String, name: String, regionId: UUID) {
        self.cbsCode = cbsCode
        self.name = name
        self.regionId = regionId
    }
}

/// A one-time link that lets an invited user set their password; only its SHA-256 is stored.
public final class InvitationModel: Model, @unchecked Sendable {
    public static let schema = "invitations"

    @ID(key: .id) public var id: UUID?
    @Field(key: "token_hash") public var tokenHash: String
    @Field(key: "user_id") public var userId: UUID
    @Field(key: "expires_at") public var expiresAt: Date
    @OptionalField(key: "used_at") public var usedAt: Date?
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    public init(tokenHash: String, userId: UUID, expiresAt: Date, now: Date) {
        self.tokenHash = tokenHash
        self.userId = userId
        self.expiresAt = expiresAt
        self.createdAt = now
    }
}

/// One administrative change: who, when, to what, and the object before and after, as JSON.
public final class AdminChangeModel: Model, @unchecked Sendable {
    public static let schema = "admin_changes"

    @ID(key: .id) public var id: UUID?
    @Field(key: "at") public var at: Date
    @Field(key: "user_id") public var userId: UUID?
    @Field(key: "user_name") public var userName: String
    @Field(key: "object_kind") public var objectKind: String
    @Field(key: "object_id") public var objectId: UUID
    @Field(key: "action") public var action: String
    @OptionalField(key: "before") public var before: String?
    @OptionalField(key: "after") public var after: String?
    /// Its place in the administration's chain, and its hash.
    @OptionalField(key: "chain_seq") public var chainSeq: Int?
    @OptionalField(key: "hash") public var hash: String?

    public init() {}

    public init(
        at: Date,
        userId: UUID?,
        userName: String,
        objectKind: String,
        objectId: UUID,
        action: String,
        before: String?,
        after: String?
    ) {
        self.at = at
        self.userId = userId
        self.userName = userName
        self.objectKind = objectKind
        self.objectId = objectId
        self.action = action
        self.before = before
        self.after = after
    }
}

/// Per party: whether its users must sign in with a second factor (TOTP).
public final class PartySettingModel: Model, @unchecked Sendable {
    public static let schema = "party_settings"

    @ID(key: .id) public var id: UUID?
    @Field(key: "party") public var party: String
    @Field(key: "requires_totp") public var requiresTOTP: Bool

    public init() {}

    public init(party: String, requiresTOTP: Bool) {
        self.party = party
        self.requiresTOTP = requiresTOTP
    }
}

/// One version of the national policy (``KoersCore/NationalPolicy``), as JSON, by its number.
public final class PolicyVersionModel: Model, @unchecked Sendable {
    public static let schema = "policy_versions"

    @ID(key: .id) public var id: UUID?
    @Field(key: "version") public var version: Int
    /// `YYYY-MM-DD`, so that text order is day order.
    @Field(key: "valid_from") public var validFrom: String
    @Field(key: "policy") public var policyJSON: String
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    public init(version: Int, validFrom: String, policyJSON: String, createdAt: Date) {
        self.version = version
        self.validFrom = validFrom
        self.policyJSON = policyJSON
        self.createdAt = createdAt
    }
}
