import Foundation
import KoersCore

// The trajectory's sections as the API shows them: perspective, support, procedures, outflow and
// notes. Own types with today's field names, so that stored events and the API can change apart.

/// A perspective as decided or revised on a day.
struct PerspectiveDecisionDTO: Codable, Sendable {
    let perspective: Perspective
    let decidedOn: Day
    let note: String?
}

extension PerspectiveDecisionDTO {
    init(_ decision: PerspectiveDecision) {
        self.init(perspective: decision.perspective, decidedOn: decision.decidedOn, note: decision.note)
    }
}

/// One period of a support instrument; open while `endedOn` is absent.
struct SupportPeriodDTO: Codable, Sendable {
    let id: UUID
    let instrument: SupportInstrument
    let startedOn: Day
    let endedOn: Day?
    let note: String?
}

extension SupportPeriodDTO {
    init(_ period: SupportPeriod) {
        self.init(
            id: period.id,
            instrument: period.instrument,
            startedOn: period.startedOn,
            endedOn: period.endedOn,
            note: period.note
        )
    }
}

/// A procedure with its submission and, once known, its decision.
struct ProcedureDTO: Codable, Sendable {
    let id: UUID
    let kind: ProcedureKind
    let submittedOn: Day
    let reference: String?
    let outcome: ProcedureOutcome?
    let decidedOn: Day?
    /// Present when a party other than the deciding authority recorded the decision it was told.
    let decisionReportedBy: Party?
}

extension ProcedureDTO {
    init(_ procedure: Procedure) {
        self.init(
            id: procedure.id,
            kind: procedure.kind,
            submittedOn: procedure.submittedOn,
            reference: procedure.reference,
            outcome: procedure.outcome,
            decidedOn: procedure.decidedOn,
            decisionReportedBy: procedure.decisionReportedBy
        )
    }
}

/// How and when the trajectory ended (uitstroom).
struct OutflowDTO: Codable, Sendable {
    let leftOn: Day
    /// A code of the outflow reasons list (`GET /outflow-reasons`).
    let reasonCode: String
    let category: OutcomeCategory
    let note: String?
}

extension OutflowDTO {
    init(_ outflow: Outflow) {
        self.init(
            leftOn: outflow.leftOn,
            reasonCode: outflow.reasonCode,
            category: outflow.category,
            note: outflow.note
        )
    }
}

/// One entry of the outflow code list: a reason, its category and its labels.
struct OutflowReasonDTO: Codable, Sendable {
    let code: String
    let category: OutcomeCategory
    let label: LocalizedTextDTO
}

extension OutflowReasonDTO {
    init(_ reason: OutflowReason) {
        self.init(code: reason.code, category: reason.category, label: LocalizedTextDTO(reason.label))
    }
}

/// A rung of the escalation ladder: the code a request names, and its name.
struct EscalationLevelDTO: Codable, Sendable {
    let code: String
    let label: LocalizedTextDTO
}

extension EscalationLevelDTO {
    init(_ level: EscalationLevel) {
        self.init(code: level.code, label: LocalizedTextDTO(level.label))
    }
}

/// A note on a case, written by one organisation.
struct CaseNoteDTO: Codable, Sendable {
    let id: UUID
    let classification: NoteClassification
    let text: String
    let authorOrganisationId: UUID
    /// Parties beyond the author's organisation that may read a social or medical note.
    let sharedWith: [Party]
}

extension CaseNoteDTO {
    init(_ note: CaseNote) {
        self.init(
            id: note.id,
            classification: note.classification,
            text: note.text,
            authorOrganisationId: note.authorOrganisationId,
            sharedWith: note.sharedWith
        )
    }
}
