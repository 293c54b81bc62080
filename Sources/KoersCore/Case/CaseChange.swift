import Foundation

/// One kind of change to a trajectory, with its data. Events are append-only; the case is their fold.
public enum CaseChange: Sendable, Hashable {
    case referred(Referral, identity: Identity, previousTrajectoryId: UUID?)
    case intakeRecorded(identity: Identity, evidence: AdmissionEvidence)
    case admissionDecided(AdmissionDecision)
    case perspectiveSet(PerspectiveDecision)
    case supportStarted(SupportPeriod)
    case supportEnded(id: UUID, endedOn: Day)
    case procedureSubmitted(Procedure)
    /// The decision on a procedure; `reportedBy` is set when a party other than the deciding
    /// authority recorded it as a fact it was told (for example the NGO, from the IND's letter).
    case procedureDecided(id: UUID, outcome: ProcedureOutcome, decidedOn: Day, reportedBy: Party? = nil)
    case outflowRecorded(Outflow)
    case noteAdded(CaseNote)
    /// A sub-deadline suspended, resumed, extended or skipped.
    case milestoneAdjusted(MilestoneAdjustment)
    /// The case was reviewed in the case meeting.
    case reviewHeld(on: Day, meetingId: UUID?)
    case actionItemAssigned(ActionItem)
    case actionItemCompleted(id: UUID, on: Day)
    /// The case meeting's written decision on this case.
    case meetingDecisionRecorded(RecordedMeetingDecision)
    case transferRequested(TransferRequest)
    /// The receiving location's answer; on acceptance the trajectory moves there with its history.
    case transferDecided(id: UUID, accepted: Bool, on: Day, note: String?)
    case committeeRequested(CommitteeRequest)
    case committeeAdvised(id: UUID, advice: String, on: Day)
    case escalated(Escalation)
    case escalationDecided(id: UUID, decision: String, on: Day)
    /// The AVIM recorded biometric identification (and what it said about the V-nummer).
    case biometricsRecorded(BiometricIdentification)
    /// The location decided about a possible registration of the same person at another LVV.
    case duplicateResolved(DuplicateResolution)
    /// Processing restricted (AVG art. 18), or the restriction lifted.
    case processingRestricted(ProcessingRestriction)
    /// A note withheld from subject access (AVG art. 15 lid 4), or shown again.
    case noteWithheld(NoteWithholding)
    /// An earlier event's fact superseded by a new value (``Correction``).
    indirect case corrected(Correction)

    /// The stable name stored with the event.
    public var kind: String {
        switch self {
        case .referred: "referred"
        case .intakeRecorded: "intakeRecorded"
        case .admissionDecided: "admissionDecided"
        case .perspectiveSet: "perspectiveSet"
        case .supportStarted: "supportStarted"
        case .supportEnded: "supportEnded"
        case .procedureSubmitted: "procedureSubmitted"
        case .procedureDecided: "procedureDecided"
        case .outflowRecorded: "outflowRecorded"
        case .noteAdded: "noteAdded"
        case .milestoneAdjusted: "milestoneAdjusted"
        case .reviewHeld: "reviewHeld"
        case .actionItemAssigned: "actionItemAssigned"
        case .actionItemCompleted: "actionItemCompleted"
        case .meetingDecisionRecorded: "meetingDecisionRecorded"
        case .transferRequested: "transferRequested"
        case .transferDecided: "transferDecided"
        case .committeeRequested: "committeeRequested"
        case .committeeAdvised: "committeeAdvised"
        case .escalated: "escalated"
        case .escalationDecided: "escalationDecided"
        case .biometricsRecorded: "biometricsRecorded"
        case .duplicateResolved: "duplicateResolved"
        case .processingRestricted: "processingRestricted"
        case .noteWithheld: "noteWithheld"
        case .corrected: "corrected"
        }
    }

    /// Which part of the case the change belongs to, for the access policy.
    public var section: CaseSection {
        switch self {
        case .referred, .intakeRecorded, .biometricsRecorded, .duplicateResolved, .processingRestricted: .identity
        case .admissionDecided: .admission
        case .perspectiveSet: .perspective
        case .supportStarted, .supportEnded: .support
        case .procedureSubmitted, .procedureDecided: .procedures
        case .outflowRecorded: .outflow
        case .noteAdded, .noteWithheld: .notes
        case .milestoneAdjusted, .reviewHeld, .actionItemAssigned, .actionItemCompleted, .meetingDecisionRecorded,
            .transferRequested, .transferDecided, .committeeRequested, .committeeAdvised, .escalated,
            .escalationDecided:
            .progress
        case .corrected(let c): c.replacement.section
        }
    }

    /// The day on which the change took effect.
    public var effectiveOn: Day? {
        switch self {
        case .referred(let r, _, _): r.referredOn
        case .intakeRecorded: nil
        case .admissionDecided(let d): d.decidedOn
        case .perspectiveSet(let p): p.decidedOn
        case .supportStarted(let s): s.startedOn
        case .supportEnded(_, let day): day
        case .procedureSubmitted(let p): p.submittedOn
        case .procedureDecided(_, _, let day, _): day
        case .outflowRecorded(let o): o.leftOn
        case .noteAdded: nil
        case .milestoneAdjusted(let a): a.on
        case .reviewHeld(let day, _): day
        case .actionItemAssigned(let item): item.assignedOn
        case .actionItemCompleted(_, let day): day
        case .meetingDecisionRecorded(let d): d.on
        case .transferRequested(let t): t.requestedOn
        case .transferDecided(_, _, let day, _): day
        case .committeeRequested(let r): r.requestedOn
        case .committeeAdvised(_, _, let day): day
        case .escalated(let e): e.escalatedOn
        case .escalationDecided(_, _, let day): day
        case .biometricsRecorded(let b): b.on
        case .duplicateResolved(let r): r.on
        case .processingRestricted(let r): r.on
        case .noteWithheld(let w): w.on
        case .corrected: nil
        }
    }
}

extension CaseChange: Codable {
    private enum Keys: String, CodingKey {
        case type, referral, identity, previousTrajectoryId, evidence, decision, perspective, support, id, endedOn,
            procedure, outcome, decidedOn, outflow, note, adjustment, on, meetingId, actionItem, transfer, accepted,
            committeeRequest, advice, escalation, biometrics, resolution, reportedBy, correction, restriction,
            withholding
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        switch try c.decode(String.self, forKey: .type) {
        case "referred":
            self = .referred(
                try c.decode(Referral.self, forKey: .referral),
                identity: try c.decode(Identity.self, forKey: .identity),
                previousTrajectoryId: try c.decodeIfPresent(UUID.self, forKey: .previousTrajectoryId)
            )
        case "intakeRecorded":
            self = .intakeRecorded(
                identity: try c.decode(Identity.self, forKey: .identity),
                evidence: try c.decode(AdmissionEvidence.self, forKey: .evidence)
            )
        case "admissionDecided": self = .admissionDecided(try c.decode(AdmissionDecision.self, forKey: .decision))
        case "perspectiveSet": self = .perspectiveSet(try c.decode(PerspectiveDecision.self, forKey: .perspective))
        case "supportStarted": self = .supportStarted(try c.decode(SupportPeriod.self, forKey: .support))
        case "supportEnded":
            self = .supportEnded(
                id: try c.decode(UUID.self, forKey: .id),
                endedOn: try c.decode(Day.self, forKey: .endedOn)
            )
        case "procedureSubmitted": self = .procedureSubmitted(try c.decode(Procedure.self, forKey: .procedure))
        case "procedureDecided":
            self = .procedureDecided(
                id: try c.decode(UUID.self, forKey: .id),
                outcome: try c.decode(ProcedureOutcome.self, forKey: .outcome),
                decidedOn: try c.decode(Day.self, forKey: .decidedOn),
                reportedBy: try c.decodeIfPresent(Party.self, forKey: .reportedBy)
            )
        case "outflowRecorded": self = .outflowRecorded(try c.decode(Outflow.self, forKey: .outflow))
        case "noteAdded": self = .noteAdded(try c.decode(CaseNote.self, forKey: .note))
        case "milestoneAdjusted": self = .milestoneAdjusted(try c.decode(MilestoneAdjustment.self, forKey: .adjustment))
        case "reviewHeld":
            self = .reviewHeld(
                on: try c.decode(Day.self, forKey: .on),
                meetingId: try c.decodeIfPresent(UUID.self, forKey: .meetingId)
            )
        case "actionItemAssigned": self = .actionItemAssigned(try c.decode(ActionItem.self, forKey: .actionItem))
        case "actionItemCompleted":
            self = .actionItemCompleted(
                id: try c.decode(UUID.self, forKey: .id),
                on: try c.decode(Day.self, forKey: .on)
            )
        case "meetingDecisionRecorded":
            self = .meetingDecisionRecorded(try c.decode(RecordedMeetingDecision.self, forKey: .decision))
        case "transferRequested": self = .transferRequested(try c.decode(TransferRequest.self, forKey: .transfer))
        case "committeeRequested":
            self = .committeeRequested(try c.decode(CommitteeRequest.self, forKey: .committeeRequest))
        case "committeeAdvised":
            self = .committeeAdvised(
                id: try c.decode(UUID.self, forKey: .id),
                advice: try c.decode(String.self, forKey: .advice),
                on: try c.decode(Day.self, forKey: .on)
            )
        case "escalated": self = .escalated(try c.decode(Escalation.self, forKey: .escalation))
        case "escalationDecided":
            self = .escalationDecided(
                id: try c.decode(UUID.self, forKey: .id),
                decision: try c.decode(String.self, forKey: .decision),
                on: try c.decode(Day.self, forKey: .on)
            )
        case "transferDecided":
            self = .transferDecided(
                id: try c.decode(UUID.self, forKey: .id),
                accepted: try c.decode(Bool.self, forKey: .accepted),
                on: try c.decode(Day.self, forKey: .on),
                note: try c.decodeIfPresent(String.self, forKey: .note)
            )
        case "biometricsRecorded":
            self = .biometricsRecorded(try c.decode(BiometricIdentification.self, forKey: .biometrics))
        case "duplicateResolved": self = .duplicateResolved(try c.decode(DuplicateResolution.self, forKey: .resolution))
        case "corrected": self = .corrected(try c.decode(Correction.self, forKey: .correction))
        case "processingRestricted":
            self = .processingRestricted(try c.decode(ProcessingRestriction.self, forKey: .restriction))
        case "noteWithheld": self = .noteWithheld(try c.decode(NoteWithholding.self, forKey: .withholding))
        case let other:
            throw DecodingError.dataCorruptedError(
                forKey: .type,
                in: c,
                debugDescription: "unknown event type \(other)"
            )
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(kind, forKey: .type)
        switch self {
        case .referred(let r, let identity, let previous):
            try c.encode(r, forKey: .referral)
            try c.encode(identity, forKey: .identity)
            try c.encodeIfPresent(previous, forKey: .previousTrajectoryId)
        case .intakeRecorded(let identity, let evidence):
            try c.encode(identity, forKey: .identity)
            try c.encode(evidence, forKey: .evidence)
        case .admissionDecided(let d): try c.encode(d, forKey: .decision)
        case .perspectiveSet(let p): try c.encode(p, forKey: .perspective)
        case .supportStarted(let s): try c.encode(s, forKey: .support)
        case .supportEnded(let id, let day):
            try c.encode(id, forKey: .id)
            try c.encode(day, forKey: .endedOn)
        case .procedureSubmitted(let p): try c.encode(p, forKey: .procedure)
        case .procedureDecided(let id, let outcome, let day, let reportedBy):
            try c.encode(id, forKey: .id)
            try c.encode(outcome, forKey: .outcome)
            try c.encode(day, forKey: .decidedOn)
            try c.encodeIfPresent(reportedBy, forKey: .reportedBy)
        case .outflowRecorded(let o): try c.encode(o, forKey: .outflow)
        case .noteAdded(let n): try c.encode(n, forKey: .note)
        case .milestoneAdjusted(let a): try c.encode(a, forKey: .adjustment)
        case .reviewHeld(let day, let meeting):
            try c.encode(day, forKey: .on)
            try c.encodeIfPresent(meeting, forKey: .meetingId)
        case .actionItemAssigned(let item): try c.encode(item, forKey: .actionItem)
        case .actionItemCompleted(let id, let day):
            try c.encode(id, forKey: .id)
            try c.encode(day, forKey: .on)
        case .meetingDecisionRecorded(let d): try c.encode(d, forKey: .decision)
        case .transferRequested(let t): try c.encode(t, forKey: .transfer)
        case .committeeRequested(let r): try c.encode(r, forKey: .committeeRequest)
        case .escalated(let e): try c.encode(e, forKey: .escalation)
        case .escalationDecided(let id, let decision, let day):
            try c.encode(id, forKey: .id)
            try c.encode(decision, forKey: .decision)
            try c.encode(day, forKey: .on)
        case .committeeAdvised(let id, let advice, let day):
            try c.encode(id, forKey: .id)
            try c.encode(advice, forKey: .advice)
            try c.encode(day, forKey: .on)
        case .transferDecided(let id, let accepted, let day, let note):
            try c.encode(id, forKey: .id)
            try c.encode(accepted, forKey: .accepted)
            try c.encode(day, forKey: .on)
            try c.encodeIfPresent(note, forKey: .note)
        case .biometricsRecorded(let b): try c.encode(b, forKey: .biometrics)
        case .duplicateResolved(let r): try c.encode(r, forKey: .resolution)
        case .corrected(let correction): try c.encode(correction, forKey: .correction)
        case .processingRestricted(let r): try c.encode(r, forKey: .restriction)
        case .noteWithheld(let w): try c.encode(w, forKey: .withholding)
        }
    }
}
