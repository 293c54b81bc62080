import Foundation

extension AdmissionEvidence {
    /// Nothing known: the evidence of a decision taken outside Koers.
    public static let unknown = AdmissionEvidence(
        lawfulStay: .unknown,
        stateReception: .unknown,
        asylumProcedureCompleted: .unknown,
        lastAsylumRejectionOn: nil,
        willingToCooperate: .unknown,
        activeAtOtherLocation: .unknown,
        inRegionSince: nil,
        regionalTies: [],
        seriousEntryBan: false,
        criminalRecord: false,
        biometricallyIdentified: false
    )
}

/// Whether two changes state the same fact as an import reads it: the values a file carries,
/// not the ids Koers gives nor the check it made.
public enum ImportedFact {
    public static func same(_ a: CaseChange, _ b: CaseChange) -> Bool {
        switch (a, b) {
        case (.referred(let r1, let i1, _), .referred(let r2, let i2, _)):
            return r1.referredOn == r2.referredOn && r1.channel == r2.channel && i1 == i2
        case (.admissionDecided(let d1), .admissionDecided(let d2)):
            return d1.outcome == d2.outcome && d1.decidedOn == d2.decidedOn && d1.rejectionReason == d2.rejectionReason
        case (.perspectiveSet(let p1), .perspectiveSet(let p2)):
            return p1.perspective == p2.perspective && p1.decidedOn == p2.decidedOn
        case (.supportStarted(let s1), .supportStarted(let s2)):
            return s1.instrument == s2.instrument && s1.startedOn == s2.startedOn
        case (.supportEnded(_, let e1), .supportEnded(_, let e2)):
            return e1 == e2
        case (.procedureSubmitted(let p1), .procedureSubmitted(let p2)):
            return p1.kind == p2.kind && p1.submittedOn == p2.submittedOn
        case (.procedureDecided(_, let o1, let d1, _), .procedureDecided(_, let o2, let d2, _)):
            return o1 == o2 && d1 == d2
        case (.outflowRecorded(let o1), .outflowRecorded(let o2)):
            return o1.leftOn == o2.leftOn && o1.reasonCode == o2.reasonCode
        default:
            return false
        }
    }

    /// `new` carrying the ids of `old`, so a correction keeps what other events refer to.
    public static func keepingIds(of old: CaseChange, _ new: CaseChange) -> CaseChange {
        switch (old, new) {
        case (.referred(_, _, let previous), .referred(let r, let i, _)):
            return .referred(r, identity: i, previousTrajectoryId: previous)
        case (.supportStarted(let s1), .supportStarted(let s2)):
            return .supportStarted(
                SupportPeriod(
                    id: s1.id,
                    instrument: s2.instrument,
                    startedOn: s2.startedOn,
                    endedOn: nil,
                    note: s2.note
                )
            )
        case (.supportEnded(let id, _), .supportEnded(_, let end)):
            return .supportEnded(id: id, endedOn: end)
        case (.procedureSubmitted(let p1), .procedureSubmitted(let p2)):
            return .procedureSubmitted(
                Procedure(
                    id: p1.id,
                    kind: p2.kind,
                    submittedOn: p2.submittedOn,
                    reference: p1.reference,
                    outcome: nil,
                    decidedOn: nil
                )
            )
        case (.procedureDecided(let id, _, _, _), .procedureDecided(_, let outcome, let day, let by)):
            return .procedureDecided(id: id, outcome: outcome, decidedOn: day, reportedBy: by)
        default:
            return new
        }
    }
}
