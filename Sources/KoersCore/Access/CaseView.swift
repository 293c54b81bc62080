import Foundation

/// What one user may read of one case: the access policy's single decision about it.
///
/// The case page, the step forms, the minutes and the API all render this view and never the
/// ``CaseFile`` itself, so that a page cannot show what the API withholds. A section the user may
/// not read is `nil`; free text follows the section it belongs to (see ``AccessPolicy/view(of:events:for:)``).
public struct CaseView: Sendable {
    public let id: UUID
    public let locationId: UUID
    public let version: Int
    public let stage: Stage
    public let referredOn: Day
    public let channel: ReferralChannel
    /// The sections the user may read.
    public let sections: Set<CaseSection>

    // Identity (Persoon)
    public let identity: Identity?
    public let personId: UUID?
    public let previousTrajectoryId: UUID?
    /// What the intake said about biometric identification.
    public let biometricallyIdentifiedAtIntake: Bool?
    public let biometrics: BiometricIdentification?
    public let duplicateResolutions: [DuplicateResolution]?

    /// The referrer's note (Toelichting bij aanmelding), read with the support section: it is the
    /// social context the NGO or municipality gave, not something an agency needs.
    public let referralNote: String?

    public let evidence: AdmissionEvidence?
    public let admission: AdmissionDecision?
    public let perspectives: [PerspectiveDecision]?
    public let support: [SupportPeriod]?
    public let procedures: [Procedure]?
    public let outflow: Outflow?
    /// The notes the user may read, oldest first.
    public let notes: [CaseNote]?
    public let actionItems: [ActionItem]?
    public let reviews: [Day]?
    public let committeeRequests: [CommitteeRecord]?
    public let escalations: [EscalationRecord]?
    /// The timeline as the user may read it: hidden events left out, unreadable parts removed.
    public let events: [CaseEvent]
    /// The restriction of processing in force: every party that opens the case reads why.
    public let restriction: ProcessingRestriction?
    /// The notes withheld from subject access, with the reason, as far as the user knows of it:
    /// their author's own.
    public let withheldNotes: [UUID: String]

    /// The heading of the case: the person's name, or a neutral reference when identity was not shared.
    public var title: LocalizedText {
        if let identity { return LocalizedText(nl: identity.displayName, en: identity.displayName) }
        let reference = id.shortReference
        return LocalizedText(nl: "Dossier \(reference)", en: "Case \(reference)")
    }

    /// The perspective in force, when the user may read perspectives.
    public var currentPerspective: Perspective? {
        perspectives?.max(by: { $0.decidedOn < $1.decidedOn })?.perspective
    }

    /// The day the person was admitted, when the user may read the admission.
    public var admittedOn: Day? {
        guard let admission, admission.outcome != .reject else { return nil }
        return admission.decidedOn
    }

    init(file: CaseFile, events: [CaseEvent], actor: Actor) {
        let s = AccessPolicy.sections(for: actor, in: file)
        id = file.id
        locationId = file.locationId
        version = file.version
        stage = file.stage
        referredOn = file.referral.referredOn
        channel = file.referral.channel
        sections = s
        let identityShown = s.contains(.identity)
        identity = identityShown ? file.identity : nil
        personId = identityShown ? file.personId : nil
        previousTrajectoryId = identityShown ? file.previousTrajectoryId : nil
        biometricallyIdentifiedAtIntake = identityShown ? file.evidence?.biometricallyIdentified : nil
        biometrics = identityShown ? file.biometrics : nil
        duplicateResolutions = identityShown ? file.duplicateResolutions : nil
        referralNote = AccessPolicy.mayReadReferralNote(actor, in: file) ? file.referral.note : nil
        evidence = s.contains(.admission) ? file.evidence : nil
        admission = s.contains(.admission) ? file.admission : nil
        perspectives = s.contains(.perspective) ? file.perspectives : nil
        support = s.contains(.support) ? file.support : nil
        procedures = s.contains(.procedures) ? file.procedures : nil
        outflow = s.contains(.outflow) ? file.outflow : nil
        notes = s.contains(.notes) ? file.notes.filter { AccessPolicy.mayRead($0, actor: actor, in: file) } : nil
        actionItems = s.contains(.progress) ? file.actionItems : nil
        reviews = s.contains(.progress) ? file.reviews : nil
        escalations = s.contains(.progress) ? file.escalations : nil
        committeeRequests = AccessPolicy.mayReadCommitteeRequests(actor, in: file) ? file.committeeRequests : nil
        restriction = file.restriction
        let own = Set(file.notes.filter { $0.authorOrganisationId == actor.organisationId }.map(\.id))
        withheldNotes = file.withheldNotes.filter { own.contains($0.key) }
        self.events = events.compactMap { event in
            AccessPolicy.readable(event.change, actor: actor, in: file).map { event.with($0) }
        }
    }
}

extension CaseView {
    /// The case as its data subject receives it (AVG art. 15): every section and event, except that
    /// a note its author withholds (art. 15 lid 4) keeps only its place and the reason, and the
    /// withholding itself, the author's decision, is not an event of the person's timeline.
    init(subjectAccessOf file: CaseFile, events: [CaseEvent]) {
        func shown(_ note: CaseNote) -> CaseNote {
            guard file.withheldNotes[note.id] != nil else { return note }
            return CaseNote(
                id: note.id,
                classification: note.classification,
                text: "",
                authorOrganisationId: note.authorOrganisationId,
                sharedWith: note.sharedWith
            )
        }
        id = file.id
        locationId = file.locationId
        version = file.version
        stage = file.stage
        referredOn = file.referral.referredOn
        channel = file.referral.channel
        sections = Set(CaseSection.allCases)
        identity = file.identity
        personId = file.personId
        previousTrajectoryId = file.previousTrajectoryId
        biometricallyIdentifiedAtIntake = file.evidence?.biometricallyIdentified
        biometrics = file.biometrics
        duplicateResolutions = file.duplicateResolutions
        referralNote = file.referral.note
        evidence = file.evidence
        admission = file.admission
        perspectives = file.perspectives
        support = file.support
        procedures = file.procedures
        outflow = file.outflow
        notes = file.notes.map(shown)
        actionItems = file.actionItems
        reviews = file.reviews
        escalations = file.escalations
        committeeRequests = file.committeeRequests
        restriction = file.restriction
        withheldNotes = file.withheldNotes
        self.events = events.compactMap { event in
            let change: CaseChange
            switch event.change {
            case .noteWithheld: return nil
            case .noteAdded(let note): change = .noteAdded(shown(note))
            default: change = event.change
            }
            return event.with(change)
        }
    }
}

extension AccessPolicy {
    /// A case as its data subject receives it in a subject-access document.
    public static func subjectView(of file: CaseFile, events: [CaseEvent]) -> CaseView {
        CaseView(subjectAccessOf: file, events: events)
    }

    /// The one decision about what a user reads of a case. Free text follows its section: the
    /// admission's motivation the admission, a perspective's note the perspective, a support
    /// instrument's note the support, the outflow's note the outflow, a transfer's note the
    /// progress; the referral's note is read with the support (NGO and municipality, and the
    /// committee when support was shared with it); case notes by their own classification.
    public static func view(of file: CaseFile, events: [CaseEvent], for actor: Actor) -> CaseView {
        CaseView(file: file, events: events, actor: actor)
    }

    /// Whether the user reads the referrer's note: whoever reads the support section.
    public static func mayReadReferralNote(_ actor: Actor, in file: CaseFile) -> Bool {
        sections(for: actor, in: file).contains(.support)
    }

    /// Whether the user reads the requests to the hardship committee and its advice: the committee
    /// itself, and the case parties that read the case's progress; never an escalation body.
    public static func mayReadCommitteeRequests(_ actor: Actor, in file: CaseFile) -> Bool {
        switch actor.party {
        case .committee: file.committeeSections != nil
        case .escalationBody: false
        default: sections(for: actor, in: file).contains(.progress)
        }
    }

    /// An event as the user may read it: `nil` when hidden, otherwise with every part the user may
    /// not read removed (the referral's note from the referral event).
    public static func readable(_ change: CaseChange, actor: Actor, in file: CaseFile) -> CaseChange? {
        // A correction is read as the fact it carries: its value and reason follow that section.
        if case .corrected(let c) = change {
            return readable(c.replacement, actor: actor, in: file).map {
                .corrected(Correction(supersedes: c.supersedes, replacement: $0, reason: c.reason, source: c.source))
            }
        }
        guard mayRead(change, actor: actor, in: file) else { return nil }
        if case .referred(var referral, let identity, let previous) = change, !mayReadReferralNote(actor, in: file) {
            referral.note = nil
            return .referred(referral, identity: identity, previousTrajectoryId: previous)
        }
        return change
    }
}

extension CaseEvent {
    /// The same event as a reader receives it: its change with what they may not read removed.
    func with(_ change: CaseChange) -> CaseEvent {
        CaseEvent(
            id: id,
            trajectoryId: trajectoryId,
            sequence: sequence,
            change: change,
            userId: userId,
            userName: userName,
            organisationId: organisationId,
            organisationName: organisationName,
            party: party,
            recordedAt: recordedAt,
            effectiveOn: effectiveOn,
            source: source
        )
    }
}
