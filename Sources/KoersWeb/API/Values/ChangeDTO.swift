import Foundation
import KoersCore

/// What one event of the timeline changed, as the API shows it (`CaseDTO.EventDTO.change`).
///
/// The stored event (``CaseChange``'s `Codable`) is the database's format: it reuses a key for
/// different things (`decision` is an admission decision, a meeting's decision or an escalation
/// body's text; `note` a case note or a transfer's note) and must keep reading every event ever
/// written. The API's shape is a contract with clients instead, so it is a type of its own: one
/// flat object with the event's `type` and, per payload, a property with one name and one type.
/// Only the properties of the event's type are present.
///
/// The properties are `var` with no value by default so that each case of the mapping names only
/// the parts it has; the DTO is still a value, encoded once.
struct ChangeDTO: Codable, Sendable {
    /// The event's type, as stored: `referred`, `intakeRecorded`, … (see ``CaseChange/kind``).
    var type: String
    /// `referred`.
    var referral: ReferralDTO? = nil
    /// `referred` and `intakeRecorded`.
    var identity: IdentityDTO? = nil
    /// `referred`: the person's earlier trajectory, when they returned.
    var previousTrajectoryId: UUID? = nil
    /// `intakeRecorded`.
    var evidence: AdmissionEvidenceDTO? = nil
    /// `admissionDecided`.
    var admissionDecision: AdmissionDecisionDTO? = nil
    /// `perspectiveSet`.
    var perspective: PerspectiveDecisionDTO? = nil
    /// `supportStarted`.
    var support: SupportPeriodDTO? = nil
    /// `supportEnded`: the period that ended, and when.
    var supportPeriodId: UUID? = nil
    var endedOn: Day? = nil
    /// `procedureSubmitted`.
    var procedure: ProcedureDTO? = nil
    /// `procedureDecided`: the procedure, its outcome and the day, and who reported it when a
    /// party other than the deciding authority recorded it.
    var procedureId: UUID? = nil
    var outcome: ProcedureOutcome? = nil
    var decidedOn: Day? = nil
    var reportedBy: Party? = nil
    /// `outflowRecorded`.
    var outflow: OutflowDTO? = nil
    /// `noteAdded`.
    var note: CaseNoteDTO? = nil
    /// `milestoneAdjusted`.
    var adjustment: MilestoneAdjustmentDTO? = nil
    /// `meetingDecisionRecorded`.
    var meetingDecision: RecordedMeetingDecisionDTO? = nil
    /// `actionItemAssigned`.
    var actionItem: ActionItemDTO? = nil
    /// `actionItemCompleted`: the item completed; the day is `on`.
    var actionItemId: UUID? = nil
    /// `transferRequested`.
    var transfer: TransferRequestDTO? = nil
    /// `transferDecided`: the request answered, whether it was accepted, and the receiving location's
    /// note; the day is `on`.
    var transferId: UUID? = nil
    var accepted: Bool? = nil
    var transferNote: String? = nil
    /// `committeeRequested`.
    var committeeRequest: CommitteeRequestDTO? = nil
    /// `committeeAdvised`: the request advised on and the advice; the day is `on`.
    var committeeRequestId: UUID? = nil
    var advice: String? = nil
    /// `escalated`.
    var escalation: EscalationDTO? = nil
    /// `escalationDecided`: the escalation decided and the body's decision; the day is `on`.
    var escalationId: UUID? = nil
    var escalationDecision: String? = nil
    /// `biometricsRecorded`.
    var biometrics: BiometricIdentificationDTO? = nil
    /// `duplicateResolved`.
    var resolution: DuplicateResolutionDTO? = nil
    /// The day of `reviewHeld`, `actionItemCompleted`, `transferDecided`, `committeeAdvised` and
    /// `escalationDecided`.
    var on: Day? = nil
    /// `reviewHeld`: the case meeting that held the review, if any.
    var meetingId: UUID? = nil
    /// `processingRestricted`: whether processing is now restricted (false: lifted), and why; the
    /// day is `on`.
    var restricted: Bool? = nil
    var restrictionReason: String? = nil
    /// `noteWithheld`: the note, whether it is now withheld from subject access (false: shown
    /// again), and the reason; the day is `on`.
    var withheldNoteId: UUID? = nil
    var withheld: Bool? = nil
    var withholdingReason: String? = nil
    /// `corrected`: the sequence number of the event whose fact is replaced, that event's type, and
    /// the reason; the new value is in the property that type uses.
    var supersedes: Int? = nil
    var correctedType: String? = nil
    var correctionReason: String? = nil
}

extension ChangeDTO {
    /// Every kind of change, and no default: a new kind of event does not compile until the API
    /// says how it shows it.
    init(_ change: CaseChange) {
        let type = change.kind
        switch change {
        case .referred(let referral, let identity, let previous):
            self.init(
                type: type,
                referral: ReferralDTO(referral),
                identity: IdentityDTO(identity),
                previousTrajectoryId: previous
            )
        case .intakeRecorded(let identity, let evidence):
            self.init(type: type, identity: IdentityDTO(identity), evidence: AdmissionEvidenceDTO(evidence))
        case .admissionDecided(let decision):
            self.init(type: type, admissionDecision: AdmissionDecisionDTO(decision))
        case .perspectiveSet(let decision):
            self.init(type: type, perspective: PerspectiveDecisionDTO(decision))
        case .supportStarted(let period):
            self.init(type: type, support: SupportPeriodDTO(period))
        case .supportEnded(let id, let endedOn):
            self.init(type: type, supportPeriodId: id, endedOn: endedOn)
        case .procedureSubmitted(let procedure):
            self.init(type: type, procedure: ProcedureDTO(procedure))
        case .procedureDecided(let id, let outcome, let decidedOn, let reportedBy):
            self.init(type: type, procedureId: id, outcome: outcome, decidedOn: decidedOn, reportedBy: reportedBy)
        case .outflowRecorded(let outflow):
            self.init(type: type, outflow: OutflowDTO(outflow))
        case .noteAdded(let note):
            self.init(type: type, note: CaseNoteDTO(note))
        case .milestoneAdjusted(let adjustment):
            self.init(type: type, adjustment: MilestoneAdjustmentDTO(adjustment))
        case .reviewHeld(let day, let meetingId):
            self.init(type: type, on: day, meetingId: meetingId)
        case .actionItemAssigned(let item):
            self.init(type: type, actionItem: ActionItemDTO(item))
        case .actionItemCompleted(let id, let day):
            self.init(type: type, actionItemId: id, on: day)
        case .meetingDecisionRecorded(let decision):
            self.init(type: type, meetingDecision: RecordedMeetingDecisionDTO(decision))
        case .transferRequested(let request):
            self.init(type: type, transfer: TransferRequestDTO(request))
        case .transferDecided(let id, let accepted, let day, let note):
            self.init(type: type, transferId: id, accepted: accepted, transferNote: note, on: day)
        case .committeeRequested(let request):
            self.init(type: type, committeeRequest: CommitteeRequestDTO(request))
        case .committeeAdvised(let id, let advice, let day):
            self.init(type: type, committeeRequestId: id, advice: advice, on: day)
        case .escalated(let escalation):
            self.init(type: type, escalation: EscalationDTO(escalation))
        case .escalationDecided(let id, let decision, let day):
            self.init(type: type, escalationId: id, escalationDecision: decision, on: day)
        case .biometricsRecorded(let biometrics):
            self.init(type: type, biometrics: BiometricIdentificationDTO(biometrics))
        case .duplicateResolved(let resolution):
            self.init(type: type, resolution: DuplicateResolutionDTO(resolution))
        case .processingRestricted(let r):
            self.init(type: type, on: r.on, restricted: r.restricted, restrictionReason: r.reason)
        case .noteWithheld(let w):
            self.init(
                type: type,
                on: w.on,
                withheldNoteId: w.noteId,
                withheld: w.withheld,
                withholdingReason: w.reason
            )
        case .corrected(let correction):
            // The new value in the same property the superseded event uses, so a client reads it
            // as it reads the original.
            self.init(correction.replacement)
            self.type = type
            supersedes = correction.supersedes
            correctedType = correction.replacement.kind
            correctionReason = correction.reason
        }
    }
}

/// Where a fact came from: `import` with the file's name, `agency` with the list's, or
/// `rectification` with the request's reference.
struct FactSourceDTO: Codable, Sendable {
    let kind: FactSource.Kind
    let reference: String
}
