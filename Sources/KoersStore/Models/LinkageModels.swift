import FluentKit
import Foundation
import SQLKit

/// One registration in the linkage index: only its encodings, where it runs, its stage and since
/// when. No name, birth date or V-nummer; those stay in the location's own case tables.
public final class LinkageEntryModel: Model, @unchecked Sendable {
    public static let schema = "linkage_entries"

    @ID(key: .id) public var id: UUID?
    @Field(key: "trajectory_id") public var trajectoryId: UUID
    @Field(key: "location_id") public var locationId: UUID
    @Field(key: "stage") public var stage: String
    /// Admitted on, or referred on before admission.
    @Field(key: "since") public var since: String
    /// ``EncodedPerson/serialized``: Bloom filters and keyed tokens.
    @Field(key: "encoding") public var encoding: Data
    @Field(key: "updated_at") public var updatedAt: Date

    public init() {}
}

/// "Not the same person": a pair of index entries never proposed again.
public final class LinkageDecisionModel: Model, @unchecked Sendable {
    public static let schema = "linkage_decisions"

    @ID(key: .id) public var id: UUID?
    @Field(key: "entry_a") public var entryA: UUID
    @Field(key: "entry_b") public var entryB: UUID
    @Field(key: "decided_on") public var decidedOn: String

    public init() {}
}

/// A possible duplicate sent to the municipality's review queue; written with its event.
public final class LinkageReviewModel: Model, @unchecked Sendable {
    public static let schema = "linkage_reviews"

    @ID(key: .id) public var id: UUID?
    @Field(key: "trajectory_id") public var trajectoryId: UUID
    @Field(key: "location_id") public var locationId: UUID
    @Field(key: "entry_id") public var entryId: UUID
    @Field(key: "strength") public var strength: String
    @Field(key: "sent_on") public var sentOn: String
    @OptionalField(key: "decided_on") public var decidedOn: String?
    /// `import` for a match the import of a city's registration found; nil for one sent from intake.
    @OptionalField(key: "origin") public var origin: String?

    public init() {}
}

struct CreateLinkageIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(LinkageEntryModel.schema)
            .id()
            .field("trajectory_id", .uuid, .required, .references(TrajectoryModel.schema, "id"))
            .field("location_id", .uuid, .required)
            .field("stage", .string, .required)
            .field("since", .string, .required)
            .field("encoding", .data, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "trajectory_id")
            .create()
        // The blocking keys: one row per (entry, key), looked up by key.
        try await database.schema("linkage_keys")
            .field("entry_id", .uuid, .required, .references(LinkageEntryModel.schema, "id"))
            .field("block_key", .int64, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.raw("CREATE INDEX linkage_keys_key ON linkage_keys (block_key)").run()
        try await sql.raw("CREATE INDEX linkage_keys_entry ON linkage_keys (entry_id)").run()
        try await database.schema(LinkageDecisionModel.schema)
            .id()
            .field("entry_a", .uuid, .required)
            .field("entry_b", .uuid, .required)
            .field("decided_on", .string, .required)
            .create()
        try await database.schema(LinkageReviewModel.schema)
            .id()
            .field("trajectory_id", .uuid, .required, .references(TrajectoryModel.schema, "id"))
            .field("location_id", .uuid, .required)
            .field("entry_id", .uuid, .required)
            .field("strength", .string, .required)
            .field("sent_on", .string, .required)
            .field("decided_on", .string)
            .create()
        try await database.schema(TransferModel.schema).field("asked_by_receiver", .bool).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(TransferModel.schema).deleteField("asked_by_receiver").update()
        try await database.schema(LinkageReviewModel.schema).delete()
        try await database.schema(LinkageDecisionModel.schema).delete()
        try await database.schema("linkage_keys").delete()
        try await database.schema(LinkageEntryModel.schema).delete()
    }
}
