import Foundation
import KoersCore

// The progress section's records as the API shows them: escalations, requests to the hardship
// committee and the case meeting's decisions. Own types with today's field names, so that stored
// events and the API can change apart.

/// Opschaling: a stuck case put to a body with decision authority.
struct EscalationDTO: Codable, Sendable {
    let id: UUID
    /// A rung of the escalation ladder: `steeringGroup` or `national`.
    let level: String
    let question: String
    let proposedDecision: String
    let escalatedOn: Day
}

extension EscalationDTO {
    init(_ escalation: Escalation) {
        self.init(
            id: escalation.id,
            level: escalation.level,
            question: escalation.question,
            proposedDecision: escalation.proposedDecision,
            escalatedOn: escalation.escalatedOn
        )
    }
}

/// A case put to the hardship committee, with the parts of the dossier it may see.
struct CommitteeRequestDTO: Codable, Sendable {
    let id: UUID
    let request: String
    let sharedSections: [CaseSection]
    let requestedOn: Day
    let requestingParty: Party
}

extension CommitteeRequestDTO {
    init(_ request: CommitteeRequest) {
        self.init(
            id: request.id,
            request: request.request,
            sharedSections: request.sharedSections,
            requestedOn: request.requestedOn,
            requestingParty: request.requestingParty
        )
    }
}

/// The case meeting's written decision on a case, and a line per part it recorded.
struct RecordedMeetingDecisionDTO: Codable, Sendable {
    let meetingId: UUID
    let on: Day
    let text: String
    /// One line of the minutes per part (admission, perspective, review, action item, follow-up).
    let parts: [LocalizedTextDTO]
}

extension RecordedMeetingDecisionDTO {
    init(_ decision: RecordedMeetingDecision) {
        self.init(
            meetingId: decision.meetingId,
            on: decision.on,
            text: decision.text,
            parts: decision.parts.map { LocalizedTextDTO($0) }
        )
    }
}
