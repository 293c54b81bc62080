import Foundation
import Hummingbird
import KoersCore
import KoersStore

/// `/api/v1/transfers` and the request on a trajectory.
struct TransferAPIController {
    let transfers: TransferService
    let service: CaseService

    struct TransferDTO: Encodable {
        let id: UUID
        let trajectoryId: UUID
        let fromLocationId: UUID
        let toLocationId: UUID
        let status: TransferStatus
        let reason: String
        let requestedOn: String
        let decidedOn: String?
        let note: String?
        let summary: HandoverSummary

        init(_ t: Transfer) {
            id = t.id; trajectoryId = t.trajectoryId; fromLocationId = t.fromLocationId; toLocationId = t.toLocationId; status = t.status
            reason = t.reason; requestedOn = t.requestedOn; decidedOn = t.decidedOn; note = t.note; summary = t.summary
        }
    }

    func register(on group: RouterGroup<KoersRequestContext>) {
        group.post("trajectories/:id/transfers") { request, context in
            let actor = try context.requireActor()
            var input = try await JSONInput.read(request)
            if let header = request.headers[.ifMatch] { input.set("version", header.replacingOccurrences(of: "W/", with: "").trimmingCharacters(in: CharacterSet(charactersIn: "\" "))) }
            let file = try await transfers.request(try context.parameters.require("id", as: UUID.self), input: input, actor: actor)
            let transfer = try await transfers.list(actor: actor).first { $0.trajectoryId == file.id && $0.status == .pending }
            var response = try json(transfer.map(TransferDTO.init))
            response.status = .created
            return response
        }
        group.get("transfers") { _, context in
            try json(try await transfers.list(actor: try context.requireActor()).map(TransferDTO.init))
        }
        group.post("transfers/:tid/decision") { request, context in
            let transfer = try await transfers.decide(try context.parameters.require("tid", as: UUID.self), input: try await JSONInput.read(request), actor: try context.requireActor())
            return try json(TransferDTO(transfer))
        }
    }

}
