import FluentKit
import Foundation
import KoersCore

/// Case meetings of a location. Decisions are case events; the meeting keeps its agenda.
public struct MeetingStore: Sendable {
    let database: KoersDatabase

    public init(database: KoersDatabase) {
        self.database = database
    }

    public func create(
        locationId: UUID,
        heldOn: Day,
        chair: Actor,
        partiesPresent: [Party],
        agenda: [AgendaItem]
    ) async throws -> Meeting {
        let m = MeetingModel()
        m.locationId = locationId
        m.heldOn = heldOn.description
        m.chairUserId = chair.userId
        m.chairName = chair.displayName
        m.partiesPresentJSON = JSONCoding.string(partiesPresent)
        m.agendaJSON = JSONCoding.string(agenda)
        m.agendaCount = agenda.count
        m.updatedAt = Date()
        try await m.create(on: database.db)
        return try Self.meeting(m)
    }

    public func meeting(_ id: UUID) async throws -> Meeting? {
        try await MeetingModel.find(id, on: database.db).map(Self.meeting)
    }

    /// The meetings of some locations, newest first.
    /// The meetings at the locations, latest first; `limit` keeps a page small over the years.
    /// Meetings at the locations, latest first, without their agendas (``Meeting/agendaCount``
    /// says how many cases each holds): what lists of meetings show.
    public func meetings(at locationIds: Set<UUID>, limit: Int? = nil) async throws -> [Meeting] {
        guard !locationIds.isEmpty else { return [] }
        let query = MeetingModel.query(on: database.db).filter(\.$locationId ~~ Array(locationIds))
            .field(\.$id).field(\.$locationId).field(\.$heldOn).field(\.$chairName).field(\.$partiesPresentJSON)
            .field(\.$agendaCount).field(\.$updatedAt)
            .sort(\.$heldOn, .descending)
        if let limit { query.limit(limit) }
        return try await query.all().map { m in
            Meeting(
                id: m.id!,
                locationId: m.locationId,
                heldOn: Day(m.heldOn) ?? Day(m.updatedAt),
                chairName: m.chairName,
                partiesPresent: try JSONCoding.decode([Party].self, m.partiesPresentJSON),
                agenda: [],
                agendaCount: m.agendaCount ?? 0
            )
        }
    }

    public func setAgenda(_ agenda: [AgendaItem], of id: UUID) async throws {
        guard let m = try await MeetingModel.find(id, on: database.db) else { throw StoreError.notFound }
        m.agendaJSON = JSONCoding.string(agenda)
        m.agendaCount = agenda.count
        m.updatedAt = Date()
        try await m.save(on: database.db)
    }

    static func meeting(_ m: MeetingModel) throws -> Meeting {
        Meeting(
            id: m.id!,
            locationId: m.locationId,
            heldOn: Day(m.heldOn) ?? Day(m.updatedAt),
            chairName: m.chairName,
            partiesPresent: try JSONCoding.decode([Party].self, m.partiesPresentJSON),
            agenda: try JSONCoding.decode([AgendaItem].self, m.agendaJSON)
        )
    }
}
