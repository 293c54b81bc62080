import Foundation

/// A possible match an import found, in the municipality's review queue.
public struct ImportReview: Sendable, Hashable {
    public let id: UUID
    /// The imported registration.
    public let trajectoryId: UUID
    /// The other registration's index entry.
    public let entryId: UUID
    public let sentOn: String

    public init(id: UUID, trajectoryId: UUID, entryId: UUID, sentOn: String) {
        self.id = id
        self.trajectoryId = trajectoryId
        self.entryId = entryId
        self.sentOn = sentOn
    }
}
