import Foundation
import Hummingbird
import KoersCore
import KoersStore

/// `/api/v1/transfers` and the request on a trajectory.
struct TransferAPIController {
    let transfers: TransferService
    let service: CaseService

    /// A transfer request and where it stands.
    struct TransferDTO: Codable, Sendable {
        let id: UUID
        let trajectoryId: UUID
        let fromLocationId: UUID
        let toLocationId: UUID
        let status: TransferStatus
        let reason: String
        let requestedOn: String
        let decidedOn: String?
        let note: String?
        let askedByReceiver: Bool
        /// Absent for a receiving location that asked, until the current location accepted.
        let summary: HandoverSummaryDTO?

        init(_ t: Transfer, actor: Actor) {
            id = t.id
            trajectoryId = t.trajectoryId
            fromLocationId = t.fromLocationId
            toLocationId = t.toLocationId
            status = t.status
            reason = t.reason
            requestedOn = t.requestedOn
            decidedOn = t.decidedOn
            note = t.note
            askedByReceiver = t.askedByReceiver
            summary =
                AccessPolicy.mayReadHandover(
                    actor,
                    from: t.fromLocationId,
                    to: t.toLocationId,
                    askedByReceiver: t.askedByReceiver,
                    accepted: t.status == .accepted
                ) ? HandoverSummaryDTO(t.summary) : nil
        }
    }

    func register(on group: RouterGroup<KoersRequestContext>) {
        group.post("trajectories/:id/transfers") { request, context in
            let actor = try context.requireActor()
            var input = try await JSONInput.read(request, form: TransferCommands.requestForm)
            if let header = request.headers[.ifMatch] {
                input.set(
                    "version",
                    header.replacingOccurrences(of: "W/", with: "").trimmingCharacters(
                        in: CharacterSet(charactersIn: "\" ")
                    )
                )
            }
            let file = try await transfers.request(
                try context.id("id"),
                input: input,
                actor: actor
            )
            let transfer = try await transfers.list(actor: actor).first {
                $0.trajectoryId == file.id && $0.status == .pending
            }
            var response = try json(transfer.map { TransferDTO($0, actor: actor) })
            response.status = .created
            return response
        }
        group.get("transfers") { _, context in
            let actor = try context.requireActor()
            return try json(try await transfers.list(actor: actor).map { TransferDTO($0, actor: actor) })
        }
        group.post("transfers/:tid/decision") { request, context in
            let actor = try context.requireActor()
            let transfer = try await transfers.decide(
                try context.id("tid"),
                input: try await JSONInput.read(request, form: TransferCommands.decisionForm),
                actor: actor
            )
            return try json(TransferDTO(transfer, actor: actor))
        }
    }

}
