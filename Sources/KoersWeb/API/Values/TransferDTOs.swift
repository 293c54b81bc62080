import Foundation
import KoersCore

// Transfers (overdracht) as the API shows them. Own types, so that stored events and the API can
// change apart.

/// A request that another location take over the trajectory.
struct TransferRequestDTO: Codable, Sendable {
    let id: UUID
    let fromLocationId: UUID
    let toLocationId: UUID
    let reason: String
    let requestedOn: Day
    /// Asked by the receiving location, so the current one decides. Always present: the stored
    /// event leaves it out when false, which is storage's economy and not the API's concern.
    let askedByReceiver: Bool
}

extension TransferRequestDTO {
    init(_ request: TransferRequest) {
        self.init(
            id: request.id,
            fromLocationId: request.fromLocationId,
            toLocationId: request.toLocationId,
            reason: request.reason,
            requestedOn: request.requestedOn,
            askedByReceiver: request.askedByReceiver ?? false
        )
    }
}

/// Warme overdracht: what the receiving location reads of the case before deciding.
struct HandoverSummaryDTO: Codable, Sendable {
    let name: String
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    let birthDate: String?
    let nationality: String
    let stage: Stage
    let perspective: Perspective?
    let admittedOn: Day?
    let pendingProcedures: [ProcedureKind]
}

extension HandoverSummaryDTO {
    init(_ summary: HandoverSummary) {
        self.init(
            name: summary.name,
            birthDate: summary.birthDate,
            nationality: summary.nationality,
            stage: summary.stage,
            perspective: summary.perspective,
            admittedOn: summary.admittedOn,
            pendingProcedures: summary.pendingProcedures
        )
    }
}
