import Foundation
import KoersCore
import KoersStore

/// A case as the API shows it to one user: only the sections the access policy grants.
///
/// Every part is one of the API's own types (`Values/`), mapped from the core's: the core types'
/// `Codable` is how events are stored, and the API's JSON must not change when storage does.
struct CaseDTO: Codable, Sendable {
    struct AdmissionDTO: Codable, Sendable {
        let evidence: AdmissionEvidenceDTO?
        let decision: AdmissionDecisionDTO?
    }

    /// One event of the timeline: who recorded what, when, and for which day.
    struct EventDTO: Codable, Sendable {
        let sequence: Int
        let type: String
        let effectiveOn: Day
        let recordedAt: Date
        let user: String
        let organisation: String
        let party: Party
        let change: ChangeDTO
        /// Where the fact came from when not from the recorder: an imported file, an agency's list.
        let source: FactSourceDTO?
    }

    let id: UUID
    let personId: UUID?
    let location: String
    let locationId: UUID
    let version: Int
    let stage: Stage
    let referral: ReferralDTO
    let previousTrajectoryId: UUID?
    let identity: IdentityDTO?
    let biometricallyIdentified: Bool?
    /// The AVIM's biometric identification, when recorded.
    let biometrics: BiometricIdentificationDTO?
    /// Decisions on possible registrations at other locations.
    let duplicateResolutions: [DuplicateResolutionDTO]?
    let admission: AdmissionDTO?
    let perspectives: [PerspectiveDecisionDTO]?
    let currentPerspective: Perspective?
    let support: [SupportPeriodDTO]?
    let procedures: [ProcedureDTO]?
    let outflow: OutflowDTO?
    let notes: [CaseNoteDTO]?
    let actionItems: [ActionItemDTO]?
    let reviews: [Day]?
    let committeeRequests: [CommitteeRecordDTO]?
    let escalations: [EscalationRecordDTO]?

    /// An escalation with the body's decision, once taken.
    struct EscalationRecordDTO: Codable, Sendable {
        let escalation: EscalationDTO
        let decision: String?
        let decidedOn: Day?
        let daysToDecision: Int?
    }

    /// A request to the hardship committee with its advice, once given.
    struct CommitteeRecordDTO: Codable, Sendable {
        let request: CommitteeRequestDTO
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
        referral = ReferralDTO(channel: v.channel, referredOn: v.referredOn, note: v.referralNote)
        previousTrajectoryId = v.previousTrajectoryId
        identity = v.identity.map { IdentityDTO($0) }
        biometricallyIdentified = v.biometricallyIdentifiedAtIntake
        biometrics = v.biometrics.map { BiometricIdentificationDTO($0) }
        duplicateResolutions = v.duplicateResolutions?.map { DuplicateResolutionDTO($0) }
        admission =
            v.sections.contains(.admission)
            ? AdmissionDTO(
                evidence: v.evidence.map { AdmissionEvidenceDTO($0) },
                decision: v.admission.map { AdmissionDecisionDTO($0) }
            ) : nil
        perspectives = v.perspectives?.map { PerspectiveDecisionDTO($0) }
        currentPerspective = v.currentPerspective
        support = v.support?.map { SupportPeriodDTO($0) }
        procedures = v.procedures?.map { ProcedureDTO($0) }
        outflow = v.outflow.map { OutflowDTO($0) }
        notes = v.notes?.map { CaseNoteDTO($0) }
        actionItems = v.actionItems?.map { ActionItemDTO($0) }
        reviews = v.reviews
        escalations = v.escalations?.map {
            EscalationRecordDTO(
                escalation: EscalationDTO($0.escalation),
                decision: $0.decision,
                decidedOn: $0.decidedOn,
                daysToDecision: $0.daysToDecision
            )
        }
        committeeRequests = v.committeeRequests?.map {
            CommitteeRecordDTO(request: CommitteeRequestDTO($0.request), advice: $0.advice, advisedOn: $0.advisedOn)
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
                change: ChangeDTO($0.change),
                source: $0.source.map { FactSourceDTO(kind: $0.kind, reference: $0.reference) }
            )
        }
    }
}
