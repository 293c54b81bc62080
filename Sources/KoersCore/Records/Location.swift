import Foundation

/// A location as pages and rules need it.
public struct Location: Sendable, Hashable, Identifiable {
    public let id: UUID
    public let name: String
    public let slug: String
    public let regionalTiesRule: RegionalTiesRule
    public let deadlinePolicy: DeadlinePolicy

    public init(
        id: UUID,
        name: String,
        slug: String,
        regionalTiesRule: RegionalTiesRule,
        deadlinePolicy: DeadlinePolicy
    ) {
        self.id = id
        self.name = name
        self.slug = slug
        self.regionalTiesRule = regionalTiesRule
        self.deadlinePolicy = deadlinePolicy
    }
}
