import Foundation

/// A case meeting as pages and the API need it.
public struct Meeting: Sendable, Identifiable {
    public let id: UUID
    public let locationId: UUID
    public let heldOn: Day
    public let chairName: String
    public let partiesPresent: [Party]
    /// The agenda as kept; empty in lists of meetings, which carry only its size.
    public var agenda: [AgendaItem]
    /// How many cases the kept agenda holds.
    public var agendaCount: Int

    public init(
        id: UUID,
        locationId: UUID,
        heldOn: Day,
        chairName: String,
        partiesPresent: [Party],
        agenda: [AgendaItem],
        agendaCount: Int? = nil
    ) {
        self.id = id
        self.locationId = locationId
        self.heldOn = heldOn
        self.chairName = chairName
        self.partiesPresent = partiesPresent
        self.agenda = agenda
        self.agendaCount = agendaCount ?? agenda.count
    }
}

extension Meeting {
    /// Convening a meeting: the day, the case parties present (at least one) and, for a chair of
    /// several locations, which one.
    public static let form = Form(
        .day("heldOn", allowFuture: true),
        .choices(
            "partiesPresent",
            Party.self,
            only: Party.allCases.filter(AccessPolicy.caseParties.contains),
            required: true
        ),
        .uuid("locationId", required: false)
    )
}
