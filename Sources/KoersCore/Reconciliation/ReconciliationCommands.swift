import Foundation

/// Taking an agency's fact into Koers: the corrections or new events that make a case say what
/// the list says. Pure, like the other commands; the store writes what this returns.
public enum ReconciliationCommands {
    /// The trajectory a fact of the list belongs to, among the person's trajectories at the
    /// location: the one running on the fact's date, else the latest begun before it, else the first.
    public static func trajectory(for date: Day, among files: [CaseFile]) -> CaseFile? {
        let sorted = files.sorted { $0.referral.referredOn < $1.referral.referredOn }
        if let running = sorted.last(where: { $0.referral.referredOn <= date && ($0.outflow?.leftOn ?? date) >= date })
        {
            return running
        }
        return sorted.last { $0.referral.referredOn <= date } ?? sorted.first
    }

    /// The changes that take `line`'s listed fact into `events`, the trajectory's history.
    /// Refused, with a reason, when the line cannot be accepted or the case no longer fits it.
    public static func accept(
        _ line: ReconciliationLine,
        source: AgencySource,
        reason: String,
        factSource: FactSource,
        reasons: [OutflowReason],
        file: CaseFile,
        events: [CaseEvent]
    ) throws(ValidationFailure) -> [CaseChange] {
        guard line.mayAccept, let listed = line.listed else {
            throw refusal(
                nl: "Deze regel kan alleen worden verklaard: de lijst heeft geen feit om over te nemen.",
                en: "This line can only be explained: the list has no fact to take in."
            )
        }
        switch source {
        case .ind:
            return try acceptDecision(listed, line.registered?.procedureId, reason, factSource, events)
        case .dtv:
            return try acceptDeparture(listed, reason, factSource, reasons, file, events)
        }
    }

    private static func acceptDecision(
        _ listed: AgencyFact,
        _ procedureId: UUID?,
        _ reason: String,
        _ source: FactSource,
        _ events: [CaseEvent]
    ) throws(ValidationFailure) -> [CaseChange] {
        guard let procedureId else {
            let id = UUID.timeOrdered()
            let procedure = Procedure(
                id: id,
                kind: .hasa,
                submittedOn: listed.date,
                reference: nil,
                outcome: nil,
                decidedOn: nil
            )
            var changes: [CaseChange] = [.procedureSubmitted(procedure)]
            if let outcome = listed.outcome, let decidedOn = listed.decidedOn {
                changes.append(.procedureDecided(id: id, outcome: outcome, decidedOn: decidedOn))
            }
            return changes
        }
        var changes: [CaseChange] = []
        let submitted = events.first {
            if case .procedureSubmitted(let p) = $0.change { return p.id == procedureId }
            return false
        }
        if let submitted, case .procedureSubmitted(let p) = current(submitted, in: events), p.submittedOn != listed.date
        {
            let replacement = Procedure(
                id: p.id,
                kind: p.kind,
                submittedOn: listed.date,
                reference: p.reference,
                outcome: p.outcome,
                decidedOn: p.decidedOn
            )
            changes.append(
                try CorrectionCommands.correct(
                    submitted.sequence,
                    with: .procedureSubmitted(replacement),
                    reason: reason,
                    source: source,
                    in: events
                )
            )
        }
        guard let outcome = listed.outcome, let decidedOn = listed.decidedOn else { return changes }
        let decided = events.first {
            if case .procedureDecided(let id, _, _, _) = $0.change { return id == procedureId }
            return false
        }
        if let decided {
            if case .procedureDecided(_, let was, let wasOn, let reportedBy) = current(decided, in: events),
                was != outcome || wasOn != decidedOn
            {
                changes.append(
                    try CorrectionCommands.correct(
                        decided.sequence,
                        with: .procedureDecided(
                            id: procedureId,
                            outcome: outcome,
                            decidedOn: decidedOn,
                            reportedBy: reportedBy
                        ),
                        reason: reason,
                        source: source,
                        in: events
                    )
                )
            }
        } else {
            changes.append(.procedureDecided(id: procedureId, outcome: outcome, decidedOn: decidedOn))
        }
        return changes
    }

    private static func acceptDeparture(
        _ listed: AgencyFact,
        _ reason: String,
        _ source: FactSource,
        _ reasons: [OutflowReason],
        _ file: CaseFile,
        _ events: [CaseEvent]
    ) throws(ValidationFailure) -> [CaseChange] {
        guard let code = listed.reasonCode, let known = reasons.first(where: { $0.code == code }) else {
            throw refusal(
                nl: "De soort vertrek staat niet in de uitstroomlijst van het beleid.",
                en: "The kind of departure is not in the policy's outflow list."
            )
        }
        let recorded = events.last {
            if case .outflowRecorded = $0.change { return true }
            return false
        }
        guard let recorded else {
            return [
                .outflowRecorded(Outflow(leftOn: listed.date, reasonCode: code, category: known.category, note: nil))
            ]
        }
        guard case .outflowRecorded(let was) = current(recorded, in: events) else { return [] }
        let replacement = Outflow(leftOn: listed.date, reasonCode: code, category: known.category, note: was.note)
        guard replacement != was else { return [] }
        return [
            try CorrectionCommands.correct(
                recorded.sequence,
                with: .outflowRecorded(replacement),
                reason: reason,
                source: source,
                in: events
            )
        ]
    }

    /// The event's fact as the latest correction left it.
    private static func current(_ event: CaseEvent, in events: [CaseEvent]) -> CaseChange {
        CorrectionCommands.current(event.sequence, in: events) ?? event.change
    }

    private static func refusal(nl: String, en: String) -> ValidationFailure {
        ValidationFailure([
            FieldError(field: "resolution", code: "notAcceptable", message: LocalizedText(nl: nl, en: en))
        ])
    }
}

/// Afhandeling: how the municipality resolved a line of a comparison.
public enum ReconciliationResolution: String, Sendable, Hashable, Codable, CaseIterable {
    /// The agency's fact was taken into Koers, as a correction or a new event.
    case accepted
    /// The difference is explained, with a note; Koers keeps its own fact.
    case explained

    public var label: LocalizedText {
        switch self {
        case .accepted: LocalizedText(nl: "Feit van de ketenpartner overgenomen", en: "Agency's fact taken in")
        case .explained: LocalizedText(nl: "Verklaard", en: "Explained")
        }
    }
}

extension ReconciliationCommands {
    /// The municipality's decision on one line.
    public static let form = Form(
        .choice("resolution", ReconciliationResolution.self),
        .text("note", maxLength: 2000, required: false)
    )

    /// Validates a decision on `line`: accepting only where the list has a fact to take in, and
    /// an explanation only with its note.
    public static func resolution(
        _ input: FormInput,
        for line: ReconciliationLine,
        today: Day
    ) throws(ValidationFailure) -> (ReconciliationResolution, note: String?) {
        var p = Parser(input, form: form, today: today)
        let kind = p.choice("resolution", ReconciliationResolution.self)
        let note = p.text("note")
        if kind == .accepted && !line.mayAccept {
            p.fail(
                "resolution",
                "notAcceptable",
                nl: "Deze regel kan alleen worden verklaard: de lijst heeft geen feit om over te nemen.",
                en: "This line can only be explained: the list has no fact to take in."
            )
        }
        if kind == .explained && note == nil {
            p.fail(
                "note",
                "required",
                nl: "Licht toe waarom Koers en de lijst verschillen.",
                en: "Explain why Koers and the list differ."
            )
        }
        try p.finish()
        return (kind!, note)
    }
}
