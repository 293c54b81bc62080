import Foundation
import KoersCore
import KoersStore

/// A case as the API shows it to one user: only the sections the access policy grants.
struct CaseDTO: Codable {
    struct AdmissionDTO: Codable {
        let evidence: AdmissionEvidence?
        let decision: AdmissionDecision?
    }

    struct EventDTO: Codable {
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
    let personId: UUID?
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

    struct EscalationDTO: Codable {
        let escalation: Escalation
        let decision: String?
        let decidedOn: Day?
        let daysToDecision: Int?
    }

    struct CommitteeRequestDTO: Codable {
        let request: CommitteeRequest
        let advice: String?
        let advisedOn: Day?
    }

    /// The case as the access policy's one view of it shows it to the user.
    init(_ record: CaseRecord, actor: Actor) {
        let v = AccessPolicy.view(of: record.file, events: record.events, for: actor)
        id = v.id
        personId = v.personId
        location = record.locationName
        locationId = v.locationId
        version = v.version
        stage = v.stage
        referral = Referral(channel: v.channel, referredOn: v.referredOn, note: v.referralNote)
        previousTrajectoryId = v.previousTrajectoryId
        identity = v.identity
        biometricallyIdentified = v.biometricallyIdentifiedAtIntake
        biometrics = v.biometrics
        duplicateResolutions = v.duplicateResolutions
        admission = v.sections.contains(.admission) ? AdmissionDTO(evidence: v.evidence, decision: v.admission) : nil
        perspectives = v.perspectives
        currentPerspective = v.currentPerspective
        support = v.support
        procedures = v.procedures
        outflow = v.outflow
        notes = v.notes
        actionItems = v.actionItems
        reviews = v.reviews
        escalations = v.escalations?.map {
            EscalationDTO(
                escalation: $0.escalation,
                decision: $0.decision,
                decidedOn: $0.decidedOn,
                daysToDecision: $0.daysToDecision
            )
        }
        committeeRequests = v.committeeRequests?.map {
            CommitteeRequestDTO(request: $0.request, advice: $0.advice, advisedOn: $0.advisedOn)
        }
    }

    /// The timeline as the access policy's view shows it: hidden events out, unreadable parts removed.
    static func events(_ record: CaseRecord, actor: Actor) -> [EventDTO] {
        AccessPolicy.view(of: record.file, events: record.events, for: actor).events.map {
            EventDTO(
                sequence: $0.sequence,
                type: $0.change.kind,
                effectiveOn: $0.effectiveOn,
                recordedAt: $0.recordedAt,
                user: $0.userName,
                organisation: $0.organisationName,
                party: $0.party,
                change: $0.change
            )
        }
    }
}
