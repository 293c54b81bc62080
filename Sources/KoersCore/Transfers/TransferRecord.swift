import Foundation

/// Warme overdracht: what the departing location keeps, and the receiving one reads before deciding.
public struct HandoverSummary: Sendable, Codable {
    public let name: String
    public let birthDate: String?
    public let nationality: String
    public let stage: Stage
    public let perspective: Perspective?
    public let admittedOn: Day?
    public let pendingProcedures: [ProcedureKind]

    public init(_ file: CaseFile) {
        name = file.identity.displayName
        birthDate = file.identity.birthDate?.description
        nationality = file.identity.nationality
        stage = file.stage
        perspective = file.currentPerspective
        admittedOn = file.admittedOn
        pendingProcedures = file.procedures.filter(\.isPending).map(\.kind)
    }
}

/// A transfer as the service reads it.
public struct Transfer: Sendable {
    public let id: UUID
    public let trajectoryId: UUID
    public let fromLocationId: UUID
    public let toLocationId: UUID
    public let status: TransferStatus
    public let reason: String
    public let requestedOn: String
    public let decidedOn: String?
    public let note: String?
    public let summary: HandoverSummary
    /// Asked by the receiving location: the current one decides, and the receiving one reads the
    /// summary only once accepted.
    public let askedByReceiver: Bool

    public init(
        id: UUID,
        trajectoryId: UUID,
        fromLocationId: UUID,
        toLocationId: UUID,
        status: TransferStatus,
        reason: String,
        requestedOn: String,
        decidedOn: String?,
        note: String?,
        summary: HandoverSummary,
        askedByReceiver: Bool
    ) {
        self.id = id
        self.trajectoryId = trajectoryId
        self.fromLocationId = fromLocationId
        self.toLocationId = toLocationId
        self.status = status
        self.reason = reason
        self.requestedOn = requestedOn
        self.decidedOn = decidedOn
        self.note = note
        self.summary = summary
        self.askedByReceiver = askedByReceiver
    }
}
