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
    /// Restrict processing (AVG art. 18), or lift the restriction: the municipality.
    case restrict
    /// Withhold one's own note from subject access (AVG art. 15 lid 4), or show it again.
    case withholdNote(UUID)

    /// The processing activity recorded in the processing log.
    var activity: ProcessingActivity {
        switch self {
        case .intake: .intake
        case .admission: .admission
        case .perspective: .perspective
        case .startSupport: .supportStart
        case .endSupport: .supportEnd
        case .submitProcedure: .procedureSubmit
        case .decideProcedure: .procedureDecide
        case .outflow: .outflow
        case .note: .note
        case .adjustMilestone: .deadlineAdjust
        case .review: .review
        case .assignActionItem: .actionItemAssign
        case .completeActionItem: .actionItemComplete
        case .requestCommittee: .committeeRequest
        case .adviseCommittee: .committeeAdvise
        case .escalate: .escalate
        case .decideEscalation: .escalationDecide
        case .biometrics: .biometrics
        case .restrict: .restrict
        case .withholdNote: .noteWithhold
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
        case .restrict: PrivacyCommands.restrictForm
        case .withholdNote: PrivacyCommands.withholdForm
        }
    }
}
