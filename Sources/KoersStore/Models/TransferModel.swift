import FluentKit
import Foundation
import KoersCore

/// A transfer as both locations need to see it: the receiving one before it may open the case,
/// the departing one after it may not any more. Written with the transfer's events, in their transaction.
public final class TransferModel: Model, @unchecked Sendable {
    public static let schema = "transfers"

    @ID(key: .id) public var id: UUID?
    @Field(key: "trajectory_id") public var trajectoryId: UUID
    @Field(key: "from_location_id") public var fromLocationId: UUID
    @Field(key: "to_location_id") public var toLocationId: UUID
    @Field(key: "status") public var status: String
    @Field(key: "reason") public var reason: String
    @Field(key: "requested_on") public var requestedOn: String
    @OptionalField(key: "decided_on") public var decidedOn: String?
    @OptionalField(key: "note") public var note: String?
    /// The hand-over summary (``HandoverSummary``) as JSON.
    @Field(key: "summary") public var summaryJSON: String
    /// Asked by the receiving location after the intake check (``TransferRequest/askedByReceiver``).
    @OptionalField(key: "asked_by_receiver") public var askedByReceiver: Bool?

    public init() {}
}

struct CreateTransfers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(TransferModel.schema)
            .id()
            .field("trajectory_id", .uuid, .required, .references(TrajectoryModel.schema, "id"))
            .field("from_location_id", .uuid, .required)
            .field("to_location_id", .uuid, .required)
            .field("status", .string, .required)
            .field("reason", .string, .required)
            .field("requested_on", .string, .required)
            .field("decided_on", .string)
            .field("note", .string)
            .field("summary", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(TransferModel.schema).delete()
    }
}

/// A case put to the hardship committee, as its inbox lists them; written with the events.
public final class CommitteeQueueModel: Model, @unchecked Sendable {
    public static let schema = "committee_requests"

    @ID(key: .id) public var id: UUID?
    @Field(key: "trajectory_id") public var trajectoryId: UUID
    @Field(key: "location_id") public var locationId: UUID
    @Field(key: "requested_on") public var requestedOn: String
    @OptionalField(key: "advised_on") public var advisedOn: String?

    public init() {}
}

struct CreateCommitteeRequests: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CommitteeQueueModel.schema)
            .id()
            .field("trajectory_id", .uuid, .required, .references(TrajectoryModel.schema, "id"))
            .field("location_id", .uuid, .required)
            .field("requested_on", .string, .required)
            .field("advised_on", .string)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CommitteeQueueModel.schema).delete()
    }
}

/// A case escalated to a body, as the body's inbox lists them; written with the events.
public final class EscalationQueueModel: Model, @unchecked Sendable {
    public static let schema = "escalations"

    @ID(key: .id) public var id: UUID?
    @Field(key: "trajectory_id") public var trajectoryId: UUID
    @Field(key: "location_id") public var locationId: UUID
    @Field(key: "level") public var level: String
    @Field(key: "escalated_on") public var escalatedOn: String
    @OptionalField(key: "decided_on") public var decidedOn: String?

    public init() {}
}

struct CreateEscalations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(OrganisationModel.schema).field("escalation_level", .string).update()
        try await database.schema(EscalationQueueModel.schema)
            .id()
            .field("trajectory_id", .uuid, .required, .references(TrajectoryModel.schema, "id"))
            .field("location_id", .uuid, .required)
            .field("level", .string, .required)
            .field("escalated_on", .string, .required)
            .field("decided_on", .string)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(EscalationQueueModel.schema).delete()
        try await database.schema(OrganisationModel.schema).deleteField("escalation_level").update()
    }
}
