import Foundation

/// A trajectory (traject) as the fold of its events: the state every page and rule reads.
public struct CaseFile: Sendable, Hashable {
    public let id: UUID
    public let personId: UUID
    /// The location the trajectory runs at now; a transfer moves it.
    public private(set) var locationId: UUID
    public private(set) var version: Int = 0
    public private(set) var stage: Stage = .referral
    public private(set) var identity: Identity
    public private(set) var referral: Referral
    public private(set) var previousTrajectoryId: UUID?
    public private(set) var evidence: AdmissionEvidence?
    public private(set) var admission: AdmissionDecision?
    public private(set) var perspectives: [PerspectiveDecision] = []
    public private(set) var support: [SupportPeriod] = []
    public private(set) var procedures: [Procedure] = []
    public private(set) var outflow: Outflow?
    public private(set) var notes: [CaseNote] = []
    public private(set) var adjustments: [MilestoneAdjustment] = []
    /// Days on which the case meeting reviewed the case.
    public private(set) var reviews: [Day] = []
    public private(set) var actionItems: [ActionItem] = []
    public private(set) var meetingDecisions: [RecordedMeetingDecision] = []
    public private(set) var transfers: [TransferRecord] = []
    public private(set) var committeeRequests: [CommitteeRecord] = []
    public private(set) var escalations: [EscalationRecord] = []
    /// The latest biometric identification recorded by the AVIM.
    public private(set) var biometrics: BiometricIdentification?
    /// Decisions about possible registrations of this person at other LVVs.
    public private(set) var duplicateResolutions: [DuplicateResolution] = []
    /// The corrections of earlier facts, in the order they were recorded.
    public private(set) var corrections: [Correction] = []
    /// The restriction of processing in force, if any.
    public private(set) var restriction: ProcessingRestriction?
    /// Notes withheld from subject access, with the reason shown in their place.
    public private(set) var withheldNotes: [UUID: String] = [:]

    /// Starts a case from its referral event.
    public init(
        id: UUID,
        personId: UUID,
        locationId: UUID,
        referral: Referral,
        identity: Identity,
        previousTrajectoryId: UUID?
    ) {
        self.id = id
        self.personId = personId
        self.locationId = locationId
        self.referral = referral
        self.identity = identity
        self.previousTrajectoryId = previousTrajectoryId
        self.version = 1
    }

    /// Folds events in sequence order; nil when the first is not a referral. An event a later
    /// correction supersedes is read with the correction's value, so the file is the corrected
    /// history.
    public static func fold(_ events: [CaseEvent], personId: UUID, locationId: UUID) -> CaseFile? {
        var replacements: [Int: CaseChange] = [:]
        for event in events {
            if case .corrected(let c) = event.change { replacements[c.supersedes] = c.replacement }
        }
        func change(_ event: CaseEvent) -> CaseChange { replacements[event.sequence] ?? event.change }
        guard let first = events.first, case .referred(let referral, let identity, let previous) = change(first) else {
            return nil
        }
        var file = CaseFile(
            id: first.trajectoryId,
            personId: personId,
            locationId: locationId,
            referral: referral,
            identity: identity,
            previousTrajectoryId: previous
        )
        for event in events.dropFirst() { file.apply(change(event)) }
        return file
    }

    /// Applies one change; every rule about what may happen lives in ``CaseCommands``, not here.
    /// A correction is only recorded here: what it changes reaches back to an earlier event, so
    /// only ``fold(_:personId:locationId:)`` over the whole history shows it.
    public mutating func apply(_ change: CaseChange) {
        version += 1
        switch change {
        case .corrected(let correction):
            corrections.append(correction)
        case .referred(let r, let identity, let previous):
            referral = r
            self.identity = identity
            previousTrajectoryId = previous
        case .intakeRecorded(let identity, let evidence):
            self.identity = identity
            self.evidence = evidence
            if stage == .referral { stage = .intake }
        case .admissionDecided(let decision):
            admission = decision
            stage = decision.outcome == .reject ? .rejected : .active
        case .perspectiveSet(let p):
            perspectives.append(p)
        case .supportStarted(let s):
            support.append(s)
        case .supportEnded(let id, let day):
            if let i = support.firstIndex(where: { $0.id == id }) { support[i].endedOn = day }
        case .procedureSubmitted(let p):
            procedures.append(p)
        case .procedureDecided(let id, let outcome, let day, let reportedBy):
            if let i = procedures.firstIndex(where: { $0.id == id }) {
                procedures[i].outcome = outcome
                procedures[i].decidedOn = day
                procedures[i].decisionReportedBy = reportedBy
            }
        case .outflowRecorded(let o):
            outflow = o
            stage = .outflow
            for i in support.indices where support[i].endedOn == nil { support[i].endedOn = o.leftOn }
        case .noteAdded(let note):
            notes.append(note)
        case .milestoneAdjusted(let adjustment):
            adjustments.append(adjustment)
        case .reviewHeld(let day, _):
            reviews.append(day)
        case .actionItemAssigned(let item):
            actionItems.append(item)
        case .actionItemCompleted(let id, let day):
            if let i = actionItems.firstIndex(where: { $0.id == id }) { actionItems[i].completedOn = day }
        case .meetingDecisionRecorded(let decision):
            meetingDecisions.append(decision)
        case .escalated(let escalation):
            escalations.append(EscalationRecord(escalation: escalation, decision: nil, decidedOn: nil))
        case .escalationDecided(let id, let decision, let day):
            if let i = escalations.firstIndex(where: { $0.escalation.id == id }) {
                escalations[i].decision = decision
                escalations[i].decidedOn = day
            }
        case .committeeRequested(let request):
            committeeRequests.append(CommitteeRecord(request: request, advice: nil, advisedOn: nil))
        case .committeeAdvised(let id, let advice, let day):
            if let i = committeeRequests.firstIndex(where: { $0.request.id == id }) {
                committeeRequests[i].advice = advice
                committeeRequests[i].advisedOn = day
            }
        case .biometricsRecorded(let b):
            biometrics = b
            if b.vNumberCheck == .corrected, let v = b.vNumber { identity.vNumber = v }
        case .duplicateResolved(let r):
            duplicateResolutions.append(r)
        case .processingRestricted(let r):
            restriction = r.restricted ? r : nil
        case .noteWithheld(let w):
            withheldNotes[w.noteId] = w.withheld ? w.reason : nil
        case .transferRequested(let request):
            transfers.append(TransferRecord(request: request, status: .pending, decidedOn: nil))
        case .transferDecided(let id, let accepted, let day, _):
            if let i = transfers.firstIndex(where: { $0.request.id == id }) {
                transfers[i].status = accepted ? .accepted : .declined
                transfers[i].decidedOn = day
                if accepted { locationId = transfers[i].request.toLocationId }
            }
        }
    }

    /// The perspective in force: the latest decision.
    public var currentPerspective: Perspective? {
        perspectives.max(by: { $0.decidedOn < $1.decidedOn })?.perspective
    }

    /// The perspective in force on a reference date (peildatum).
    public func perspective(on day: Day) -> Perspective? {
        perspectives.filter { $0.decidedOn <= day }.max(by: { $0.decidedOn < $1.decidedOn })?.perspective
    }

    /// The parts of the dossier shared with the hardship committee, over all its requests; nil when
    /// the case was never put to it.
    public var committeeSections: Set<CaseSection>? {
        committeeRequests.isEmpty ? nil : Set(committeeRequests.flatMap(\.request.sharedSections))
    }

    /// The transfer request waiting for an answer, if any.
    public var pendingTransfer: TransferRequest? {
        transfers.first { $0.status == .pending }?.request
    }

    /// The day the person was admitted, if admitted.
    public var admittedOn: Day? {
        guard let admission, admission.outcome != .reject else { return nil }
        return admission.decidedOn
    }
}

/// A decision of the case meeting on this case, with a line for each part recorded with it
/// (admission, perspective, review, action item); the minutes are made of these.
public struct RecordedMeetingDecision: Sendable, Hashable, Codable {
    public let meetingId: UUID
    public let on: Day
    public let text: String
    public let parts: [LocalizedText]

    public init(meetingId: UUID, on: Day, text: String, parts: [LocalizedText]) {
        self.meetingId = meetingId
        self.on = on
        self.text = text
        self.parts = parts
    }
}
