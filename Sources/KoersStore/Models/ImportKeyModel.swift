import FluentKit
import Foundation

/// An imported trajectory's ids in the city's file, with the person and trajectory Koers made.
public final class ImportKeyModel: Model, @unchecked Sendable {
    public static let schema = "import_keys"

    @ID(key: .id) public var id: UUID?
    @Field(key: "location_id") public var locationId: UUID
    @Field(key: "source_person_id") public var sourcePersonId: String
    @Field(key: "source_trajectory_id") public var sourceTrajectoryId: String
    @Field(key: "person_id") public var personId: UUID
    @Field(key: "trajectory_id") public var trajectoryId: UUID
    @Field(key: "imported_at") public var importedAt: Date

    public init() {}
}

/// A file a user uploaded for an import, between its dry run and its commit.
public final class ImportUploadModel: Model, @unchecked Sendable {
    public static let schema = "import_uploads"

    @ID(key: .id) public var id: UUID?
    @Field(key: "location_id") public var locationId: UUID
    @Field(key: "user_id") public var userId: UUID
    @Field(key: "file_name") public var fileName: String
    @Field(key: "file") public var file: Data
    @Field(key: "mapping") public var mapping: Data
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}
