import Foundation
import KoersCore
import KoersStore

/// A case as the API shows it to one user: only the sections the access policy grants.
struct CaseDTO: Encodable {
    struct AdmissionDTO: Encodable {
        let evidence: AdmissionEvidence?
        let decision: AdmissionDecision?
    }

    struct EventDTO: Encodable {
        let sequence: Int
        let type: String
        let effectiveOn: Day
        let recordedAt: Date
        let user: String
        let organisation: String
        let party: Party
        let change: CaseChange
    }

    let id: UUID
    let personId: UUID
    let location: String
    let locationId: UUID
    let version: Int
    let stage: Stage
    let referral: Referral
    let previousTrajectoryId: UUID?
    let identity: Identity?
    let biometricallyIdentified: Bool?
    /// The AVIM's biometric identification, when recorded.
    let biometrics: BiometricIdentification?
    /// Decisions on possible registrations at other locations.
    let duplicateResolutions: [DuplicateResolution]?
    let admission: AdmissionDTO?
    let perspectives: [PerspectiveDecision]?
    let currentPerspective: Perspective?
    let support: [SupportPeriod]?
    let procedures: [Procedure]?
    let outflow: Outflow?
    let notes: [CaseNote]?
    let actionItems: [ActionItem]?
    let reviews: [Day]?
    let committeeRequests: [CommitteeRequestDTO]?
    let escalations: [EscalationDTO]?

    struct EscalationDTO: Encodable {
        let escalation: Escalation
        let decision: String?
        let decidedOn: Day?
        let daysToDecision: Int?
    }

    struct CommitteeRequestDTO: Encodable {
        let request: CommitteeRequest
        let advice: String?
        let advisedOn: Day?
    }

    init(_ record: CaseRecord, actor: Actor) {
        let f = record.file
        let s = AccessPolicy.sections(for: actor, in: f)
        id = f.id
        personId = f.personId
        location = record.locationName
        locationId = f.locationId
        version = f.version
        stage = f.stage
        referral = f.referral
        previousTrajectoryId = f.previousTrajectoryId
        identity = s.contains(.identity) ? f.identity : nil
        biometricallyIdentified = s.contains(.identity) ? f.evidence?.biometricallyIdentified : nil
        biometrics = s.contains(.identity) ? f.biometrics : nil
        duplicateResolutions = s.contains(.identity) ? f.duplicateResolutions : nil
        admission = s.contains(.admission) ? AdmissionDTO(evidence: f.evidence, decision: f.admission) : nil
        perspectives = s.contains(.perspective) ? f.perspectives : nil
        currentPerspective = s.contains(.perspective) ? f.currentPerspective : nil
        support = s.contains(.support) ? f.support : nil
        procedures = s.contains(.procedures) ? f.procedures : nil
        outflow = s.contains(.outflow) ? f.outflow : nil
        notes = s.contains(.notes) ? f.notes.filter { AccessPolicy.mayRead($0, actor: actor, in: f) } : nil
        actionItems = s.contains(.progress) ? f.actionItems : nil
        reviews = s.contains(.progress) ? f.reviews : nil
        escalations = s.contains(.progress)
            ? f.escalations.map { EscalationDTO(escalation: $0.escalation, decision: $0.decision, decidedOn: $0.decidedOn, daysToDecision: $0.daysToDecision) } : nil
        committeeRequests = (s.contains(.progress) && actor.party != .escalationBody) || actor.party == .committee
            ? f.committeeRequests.map { CommitteeRequestDTO(request: $0.request, advice: $0.advice, advisedOn: $0.advisedOn) } : nil
    }

    static func events(_ record: CaseRecord, actor: Actor) -> [EventDTO] {
        record.events.filter { AccessPolicy.mayRead($0.change, actor: actor, in: record.file) }.map {
            EventDTO(sequence: $0.sequence, type: $0.change.kind, effectiveOn: $0.effectiveOn, recordedAt: $0.recordedAt,
                     user: $0.userName, organisation: $0.organisationName, party: $0.party, change: $0.change)
        }
    }
}
