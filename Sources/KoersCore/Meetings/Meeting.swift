import Foundation

/// A case meeting as pages and the API need it.
public struct Meeting: Sendable, Identifiable {
    public let id: UUID
    public let locationId: UUID
    public let heldOn: Day
    public let chairName: String
    public let partiesPresent: [Party]
    public var agenda: [AgendaItem]

    public init(
        id: UUID,
        locationId: UUID,
        heldOn: Day,
        chairName: String,
        partiesPresent: [Party],
        agenda: [AgendaItem]
    ) {
        self.id = id
        self.locationId = locationId
        self.heldOn = heldOn
        self.chairName = chairName
        self.partiesPresent = partiesPresent
        self.agenda = agenda
    }
}
