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
