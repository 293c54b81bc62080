import Foundation
import HTTPTypes
import Hummingbird
import KoersCore
import KoersStore

/// `/api/v1/meetings` and `/api/v1/action-items`: the case meeting as JSON.
struct MeetingAPIController {
    let meetings: MeetingService

    /// A case meeting, with its agenda when shown on its own (empty in lists).
    struct MeetingDTO: Codable, Sendable {
        /// One case on the agenda: why it is there and what this meeting decided on it.
        struct Entry: Codable, Sendable {
            let trajectoryId: UUID
            let name: String
            let stage: Stage
            let reasons: [AgendaReason]
            let decisions: [RecordedMeetingDecisionDTO]
        }
        let id: UUID
        let locationId: UUID
        let heldOn: Day
        let chair: String
        let partiesPresent: [Party]
        let agenda: [Entry]

        init(_ m: Meeting, entries: [AgendaEntry]) {
            id = m.id
            locationId = m.locationId
            heldOn = m.heldOn
            chair = m.chairName
            partiesPresent = m.partiesPresent
            agenda = entries.map {
                Entry(
                    trajectoryId: $0.item.trajectoryId,
                    name: $0.name,
                    stage: $0.stage,
                    reasons: $0.item.reasons,
                    decisions: $0.decisions.map { RecordedMeetingDecisionDTO($0) }
                )
            }
        }
    }

    /// What waits for the user's organisation.
    struct InboxDTO: Codable, Sendable {
        /// A case put to the hardship committee.
        struct CommitteeEntry: Codable, Sendable {
            let trajectoryId: UUID
            /// Absent when the identity was not shared with the committee.
            let name: String?
            let requestedOn: Day
            let advisedOn: Day?
        }
        let actionItems: [OpenActionItemDTO]
        let meetings: [MeetingDTO]
        let overdue: [APIController.ProgressDTO.Entry]
        let committee: [CommitteeEntry]
        let escalations: [EscalationEntry]
        let transfers: [TransferAPIController.TransferDTO]

        /// A case escalated to the user's body.
        struct EscalationEntry: Codable, Sendable {
            let trajectoryId: UUID
            let name: String
            let level: String
            let escalatedOn: Day
            let decidedOn: Day?
        }
    }

    func register(on group: RouterGroup<KoersRequestContext>) {
        group.get("meetings") { _, context in
            let actor = try context.requireActor()
            return try json(try await meetings.list(actor: actor).map { MeetingDTO($0, entries: []) })
        }
        group.post("meetings") { request, context in
            let actor = try context.requireActor()
            let meeting = try await meetings.create(try await JSONInput.read(request, form: Meeting.form), actor: actor)
            var response = try json(MeetingDTO(meeting, entries: try await meetings.entries(meeting, actor: actor)))
            response.status = .created
            response.headers[.location] = "/api/v1/meetings/\(meeting.id.uuidString.lowercased())"
            return response
        }
        group.get("meetings/:mid") { _, context in try await show(context) }
        group.get("meetings/:mid/minutes") { _, context in try await show(context) }
        group.post("meetings/:mid/agenda") { request, context in
            let input = try await JSONInput.read(request, form: MeetingService.agendaAddForm)
            if !input.rejected.isEmpty { throw AppError.invalid(ValidationFailure(input.rejected)) }
            try await meetings.add(
                input.string("trajectoryId").flatMap(UUID.init(uuidString:)),
                to: try context.id("mid"),
                actor: try context.requireActor()
            )
            return try await show(context)
        }
        group.post("meetings/:mid/agenda/refresh") { _, context in
            try await meetings.refreshAgenda(
                try context.id("mid"),
                actor: try context.requireActor()
            )
            return try await show(context)
        }
        group.put("meetings/:mid/agenda/order") { request, context in
            let input = try await JSONInput.read(request, form: MeetingService.agendaOrderForm)
            if !input.rejected.isEmpty { throw AppError.invalid(ValidationFailure(input.rejected)) }
            let ids = input.all("trajectoryIds").compactMap(UUID.init(uuidString:))
            try await meetings.reorder(
                ids,
                in: try context.id("mid"),
                actor: try context.requireActor()
            )
            return try await show(context)
        }
        group.post("meetings/:mid/cases/:id/decision") { request, context in
            let actor = try context.requireActor()
            guard let header = request.headers[.ifMatch],
                let version = Int(
                    header.replacingOccurrences(of: "W/", with: "").trimmingCharacters(
                        in: CharacterSet(charactersIn: "\" ")
                    )
                )
            else {
                throw AppError.preconditionRequired
            }
            let file = try await meetings.decide(
                try context.id("id"),
                in: try context.id("mid"),
                input: try await JSONInput.read(request, form: MeetingDecision.form),
                expectedVersion: version,
                actor: actor
            )
            var response = try await show(context)
            response.headers[.eTag] = "\"\(file.version)\""
            return response
        }
        group.get("inbox") { _, context in
            let actor = try context.requireActor()
            let inbox = try await meetings.inbox(actor: actor)
            return try json(
                InboxDTO(
                    actionItems: inbox.actionItems.items.map { OpenActionItemDTO($0) },
                    meetings: inbox.meetings.map { MeetingDTO($0, entries: []) },
                    overdue: inbox.overdue.entries.map { APIController.ProgressDTO.Entry($0) },
                    committee: inbox.committee.map {
                        InboxDTO.CommitteeEntry(
                            trajectoryId: $0.trajectoryId,
                            name: $0.name,
                            requestedOn: $0.request.request.requestedOn,
                            advisedOn: $0.request.advisedOn
                        )
                    },
                    escalations: inbox.escalations.map {
                        InboxDTO.EscalationEntry(
                            trajectoryId: $0.trajectoryId,
                            name: $0.name,
                            level: $0.record.escalation.level,
                            escalatedOn: $0.record.escalation.escalatedOn,
                            decidedOn: $0.record.decidedOn
                        )
                    },
                    transfers: inbox.transfers.map { TransferAPIController.TransferDTO($0, actor: actor) }
                )
            )
        }
        group.get("action-items") { _, context in
            let actor = try context.requireActor()
            return try json(
                try await meetings.openActionItems(actor: actor).items.map { OpenActionItemDTO($0) }
            )
        }
    }

    private func show(_ context: KoersRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let meeting = try await meetings.meeting(try context.id("mid"), actor: actor)
        return try json(MeetingDTO(meeting, entries: try await meetings.entries(meeting, actor: actor)))
    }

}

/// An open action item of the user's party, with the case it belongs to (`GET /action-items` and
/// the inbox).
struct OpenActionItemDTO: Codable, Sendable {
    let trajectoryId: UUID
    let name: String
    let item: ActionItemDTO
}

extension OpenActionItemDTO {
    init(_ open: (trajectoryId: UUID, name: String, item: ActionItem)) {
        self.init(trajectoryId: open.trajectoryId, name: open.name, item: ActionItemDTO(open.item))
    }
}
