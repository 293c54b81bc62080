import FluentKit
import Foundation
import KoersCore

/// LVV-locatie: a city's shelter-and-counselling location with its admission configuration.
public final class LocationModel: Model, @unchecked Sendable {
    public static let schema = "locations"

    @ID(key: .id) public var id: UUID?
    @Field(key: "name") public var name: String
    @Field(key: "slug") public var slug: String
    /// The regiobinding rule as JSON (``RegionalTiesRule``).
    @Field(key: "regional_ties_rule") public var regionalTiesRuleJSON: String
    /// The sub-deadline policy as JSON (``DeadlinePolicy``).
    @Field(key: "deadline_policy") public var deadlinePolicyJSON: String
    /// The region it serves; nil only for locations made before regions existed.
    @OptionalField(key: "region_id") public var regionId: UUID?

    public init() {}

    public init(
        id: UUID? = nil,
        name: String,
        slug: String,
        rule: RegionalTiesRule,
        deadlines: DeadlinePolicy = .noDeadlines
    ) {
        self.id = id
        self.name = name
        self.slug = slug
        self.regionalTiesRuleJSON = JSONCoding.string(rule)
        self.deadlinePolicyJSON = JSONCoding.string(deadlines)
    }

    public var regionalTiesRule: RegionalTiesRule {
        (try? JSONCoding.decode(RegionalTiesRule.self, regionalTiesRuleJSON)) ?? .national
    }

    public var deadlinePolicy: DeadlinePolicy {
        (try? JSONCoding.decode(DeadlinePolicy.self, deadlinePolicyJSON)) ?? .noDeadlines
    }
}

/// A member organisation of the network, of one party.
public final class OrganisationModel: Model, @unchecked Sendable {
    public static let schema = "organisations"

    @ID(key: .id) public var id: UUID?
    @Field(key: "name") public var name: String
    @Field(key: "party") public var party: String
    /// For an escalation body: its rung of the ladder (``EscalationLevel``).
    @OptionalField(key: "escalation_level") public var escalationLevel: String?
    /// A national body serves every location, including later ones.
    @Field(key: "national") public var national: Bool

    public init() {}

    public init(id: UUID? = nil, name: String, party: Party, escalationLevel: String? = nil, national: Bool = false) {
        self.id = id
        self.name = name
        self.party = party.rawValue
        self.escalationLevel = escalationLevel
        self.national = national
    }
}

/// Which locations an organisation serves.
public final class OrganisationLocationModel: Model, @unchecked Sendable {
    public static let schema = "organisation_locations"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organisation_id") public var organisationId: UUID
    @Field(key: "location_id") public var locationId: UUID

    public init() {}

    public init(organisationId: UUID, locationId: UUID) {
        self.organisationId = organisationId
        self.locationId = locationId
    }
}
