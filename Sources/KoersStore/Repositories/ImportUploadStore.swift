import FluentKit
import Foundation
import KoersCore

/// An upload between the dry run and the commit, as the web application keeps it: only for the
/// user who sent it, and for a day at most, since it holds the city's personal data.
public struct ImportUpload: Sendable {
    public let id: UUID
    public let locationId: UUID
    public let fileName: String
    public let file: Data
    public let mapping: Data
}

/// Keeps uploads for the commit that follows their dry run.
public struct ImportUploadStore: Sendable {
    let database: KoersDatabase
    /// How long an upload waits for its commit.
    public static let lifetime: TimeInterval = 24 * 3600

    public init(database: KoersDatabase) {
        self.database = database
    }

    /// Keeps an upload and returns its id; uploads older than a day go first.
    public func keep(
        file: Data,
        named fileName: String,
        mapping: Data,
        at locationId: UUID,
        for userId: UUID,
        now: Date = Date()
    ) async throws -> UUID {
        try await database.write { db in
            try await ImportUploadModel.query(on: db).filter(\.$createdAt < now.addingTimeInterval(-Self.lifetime))
                .delete()
            let model = ImportUploadModel()
            model.id = UUID.timeOrdered()
            model.locationId = locationId
            model.userId = userId
            model.fileName = fileName
            model.file = file
            model.mapping = mapping
            model.createdAt = now
            try await model.create(on: db)
            return model.id!
        }
    }

    /// The user's upload, if it is theirs and still kept.
    public func upload(_ id: UUID, of userId: UUID, now: Date = Date()) async throws -> ImportUpload? {
        guard let m = try await ImportUploadModel.find(id, on: database.db), m.userId == userId,
            m.createdAt >= now.addingTimeInterval(-Self.lifetime)
        else { return nil }
        return ImportUpload(id: id, locationId: m.locationId, fileName: m.fileName, file: m.file, mapping: m.mapping)
    }

    public func remove(_ id: UUID) async throws {
        try await ImportUploadModel.query(on: database.db).filter(\.$id == id).delete()
    }
}
