import Foundation
import KoersCore

/// A change to an existing case, as a route asks for it.
public enum CaseOperation: Sendable {
    case intake, admission, perspective, startSupport
    case endSupport(UUID)
    case submitProcedure
    case decideProcedure(UUID)
    case outflow, note
    /// Suspend, resume, extend or skip the milestone with this key.
    case adjustMilestone(String)
    case review
    case assignActionItem
    case completeActionItem(UUID)
    case requestCommittee
    case adviseCommittee(UUID)
    case escalate
    case decideEscalation(UUID)
    /// The AVIM's biometric identification.
    case biometrics

    /// The processing activity recorded in the processing log.
    var activity: String {
        switch self {
        case .intake: "case.intake"
        case .admission: "case.admission"
        case .perspective: "case.perspective"
        case .startSupport: "case.support.start"
        case .endSupport: "case.support.end"
        case .submitProcedure: "case.procedure.submit"
        case .decideProcedure: "case.procedure.decide"
        case .outflow: "case.outflow"
        case .note: "case.note"
        case .adjustMilestone: "case.deadline.adjust"
        case .review: "case.review"
        case .assignActionItem: "case.actionItem.assign"
        case .completeActionItem: "case.actionItem.complete"
        case .requestCommittee: "case.committee.request"
        case .adviseCommittee: "case.committee.advise"
        case .escalate: "case.escalate"
        case .decideEscalation: "case.escalation.decide"
        case .biometrics: "case.biometrics"
        }
    }

    /// The fields the operation reads: the parser's rules and the published request body alike.
    public var form: Form {
        switch self {
        case .intake: CaseCommands.intakeForm
        case .admission: AdmissionDecision.form
        case .perspective: CaseCommands.perspectiveForm
        case .startSupport: CaseCommands.startSupportForm
        case .endSupport: CaseCommands.endSupportForm
        case .submitProcedure: CaseCommands.submitProcedureForm
        case .decideProcedure: CaseCommands.decideProcedureForm
        case .outflow: CaseCommands.outflowForm
        case .note: CaseCommands.noteForm
        case .adjustMilestone: DeadlineCommands.adjustForm
        case .review: DeadlineCommands.reviewForm
        case .assignActionItem: DeadlineCommands.assignForm
        case .completeActionItem: DeadlineCommands.completeForm
        case .requestCommittee: CommitteeCommands.requestForm
        case .adviseCommittee: CommitteeCommands.adviceForm
        case .escalate: EscalationCommands.escalateForm
        case .decideEscalation: EscalationCommands.decisionForm
        case .biometrics: BiometricCommands.form
        }
    }
}
