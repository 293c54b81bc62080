import FluentKit
import Foundation

/// One agency list compared with Koers at a location: who uploaded it, and what it held that Koers
/// does not know at the location, counted only.
public final class ReconciliationModel: Model, @unchecked Sendable {
    public static let schema = "reconciliations"

    @ID(key: .id) public var id: UUID?
    @Field(key: "location_id") public var locationId: UUID
    @Field(key: "source") public var source: String
    @Field(key: "file_name") public var fileName: String
    @Field(key: "user_name") public var userName: String
    @Field(key: "uploaded_at") public var uploadedAt: Date
    @Field(key: "unknown_count") public var unknownCount: Int
    @Field(key: "rejected_rows") public var rejectedRows: Int

    public init() {}
}

/// One line of a comparison, and how the municipality resolved it.
public final class ReconciliationLineModel: Model, @unchecked Sendable {
    public static let schema = "reconciliation_lines"

    @ID(key: .id) public var id: UUID?
    @Field(key: "reconciliation_id") public var reconciliationId: UUID
    @Field(key: "number") public var number: Int
    @Field(key: "status") public var status: String
    /// The line as JSON: both facts and their differences.
    @Field(key: "line") public var line: String
    /// What makes the line the same in a later comparison, so an explanation carries over.
    @Field(key: "line_key") public var lineKey: String
    /// `accepted` or `explained`; nil while open.
    @OptionalField(key: "resolution") public var resolution: String?
    @OptionalField(key: "note") public var note: String?
    @OptionalField(key: "resolved_by") public var resolvedBy: String?
    @OptionalField(key: "resolved_at") public var resolvedAt: Date?

    public init() {}
}
