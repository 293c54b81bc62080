import Foundation

/// What the case meeting decided about one case, as the chair records it: always a written
/// decision, and optionally the review, an action item, an admission decision or a perspective.
/// Each part becomes its own event, all in one transaction, each carrying the meeting.
public enum MeetingDecision {
    /// The written decision, and optionally the parts it records: an admission decision, a
    /// perspective, the review, an action item, and a follow-up (escalation, committee or end) with
    /// that command's fields. Each part's own form decides what it requires once it is there.
    public static let form: Form = {
        let parts =
            AdmissionDecision.form.fields.filter { $0.name != "decidedOn" }
            + CaseCommands.perspectiveForm.fields.filter { $0.name == "perspective" }
            + DeadlineCommands.assignForm.fields + EscalationCommands.escalateForm.fields
            + CommitteeCommands.requestForm.fields
            + CaseCommands.outflowForm.fields.filter { $0.name != "leftOn" }
        return Form(
            .text("decision", maxLength: 4000),
            .flag("reviewed"),
            FieldSpec("followUp", .choice(["escalate", "committee", "end"]), required: false)
        ).adding(Form(parts.map { FieldSpec($0.name, $0.kind, required: false, summary: $0.summary) }))
    }()

    /// Reads the decision form for one agenda case and returns the changes to record, in order.
    public static func parse(
        _ input: FormInput,
        on file: CaseFile,
        meetingId: UUID,
        meetingDay: Day,
        check: AdmissionCheck?,
        actionItemId: UUID,
        today: Day,
        outflowReasons: [OutflowReason] = OutflowReason.nationalDefault,
        ladder: [EscalationLevel] = EscalationLevel.defaultLadder,
        followUpId: UUID = UUID(),
        chairParty: Party = .municipality
    ) throws(ValidationFailure) -> [CaseChange] {
        var p = Parser(input, form: form, today: today)
        if meetingDay > today {
            p.fail(
                "decision",
                "meetingNotHeld",
                nl: "Dit overleg is nog niet gehouden (\(meetingDay)); besluiten worden op of na die dag vastgelegd.",
                en: "This meeting has not been held yet (\(meetingDay)); decisions are recorded on or after that day."
            )
            try p.finish()
        }
        let text = p.text("decision")
        var changes: [CaseChange] = []
        var errors: [FieldError] = []
        func collect(_ body: () throws(ValidationFailure) -> CaseChange) {
            do { changes.append(try body()) } catch { errors += error.errors }
        }
        // Admission, when the case waits for it.
        if input.string("outcome") != nil {
            if let check, file.stage == .intake {
                var admission = input
                admission.set("decidedOn", meetingDay.description)
                collect { () throws(ValidationFailure) in
                    .admissionDecided(
                        try AdmissionDecision.parse(
                            admission,
                            check: check,
                            referredOn: file.referral.referredOn,
                            today: today
                        )
                    )
                }
            } else {
                p.fail(
                    "outcome",
                    "wrongStage",
                    nl: "Dit traject wacht niet op een toelatingsbesluit.",
                    en: "This trajectory is not awaiting an admission decision."
                )
            }
        }
        if input.string("perspective") != nil {
            var perspective = input
            perspective.set("decidedOn", meetingDay.description)
            perspective.set("note", text)
            var admitted = file
            for change in changes { admitted.apply(change) }
            collect { () throws(ValidationFailure) in
                try CaseCommands.setPerspective(perspective, on: admitted, today: today)
            }
        }
        if p.flag("reviewed") && file.stage == .active {
            changes.append(.reviewHeld(on: meetingDay, meetingId: meetingId))
        }
        if input.string("party") != nil || input.string("text") != nil || input.string("dueOn") != nil {
            collect { () throws(ValidationFailure) in
                try DeadlineCommands.assign(input, on: file, id: actionItemId, meetingId: meetingId, today: today)
            }
        }
        // The meeting may also send the case up the ladder, put it to the committee, or end it.
        var current = file
        for change in changes { current.apply(change) }
        switch p.value("followUp") {
        case "escalate"?:
            collect { () throws(ValidationFailure) in
                try EscalationCommands.escalate(input, on: current, id: followUpId, ladder: ladder, today: today)
            }
        case "committee"?:
            collect { () throws(ValidationFailure) in
                try CommitteeCommands.request(input, on: current, by: chairParty, id: followUpId, today: today)
            }
        case "end"?:
            var outflow = input
            outflow.set("leftOn", meetingDay.description)
            outflow.set("note", input.string("note") ?? text)
            collect { () throws(ValidationFailure) in
                try CaseCommands.recordOutflow(outflow, on: current, reasons: outflowReasons, today: today)
            }
        case nil:
            break
        case let other?:
            p.fail(
                "followUp",
                "unknownCode",
                nl: "Onbekende vervolgstap ‘\(other)’.",
                en: "Unknown follow-up ‘\(other)’."
            )
        }
        try ValidationFailure.combine(p.errors + errors)
        let decision = RecordedMeetingDecision(
            meetingId: meetingId,
            on: meetingDay,
            text: text!,
            parts: changes.compactMap(summary)
        )
        return [.meetingDecisionRecorded(decision)] + changes
    }

    /// One line of the minutes for a part of the decision.
    static func summary(_ change: CaseChange) -> LocalizedText? {
        switch change {
        case .admissionDecided(let d):
            let reason =
                d.rejectionReason.map { LocalizedText(nl: " — " + $0.label.nl, en: " — " + $0.label.en) }
                ?? LocalizedText(nl: "", en: "")
            return LocalizedText(
                nl: "Toelating: " + d.outcome.label.nl + reason.nl,
                en: "Admission: " + d.outcome.label.en + reason.en
            )
        case .perspectiveSet(let p):
            return LocalizedText(
                nl: "Perspectief: " + p.perspective.label.nl,
                en: "Perspective: " + p.perspective.label.en
            )
        case .reviewHeld:
            return LocalizedText(nl: "Periodiek besproken", en: "Periodic review held")
        case .actionItemAssigned(let item):
            return LocalizedText(
                nl: "Actiepunt \(item.party.label.nl) (uiterlijk \(item.dueOn)): \(item.text)",
                en: "Action item \(item.party.label.en) (due \(item.dueOn)): \(item.text)"
            )
        case .escalated(let e):
            let level = e.label
            return LocalizedText(
                nl: "Opgeschaald naar \(level.nl): \(e.question)",
                en: "Escalated to \(level.en): \(e.question)"
            )
        case .committeeRequested:
            return LocalizedText(
                nl: "Voorgelegd aan de commissie schrijnende gevallen",
                en: "Put to the hardship committee"
            )
        case .outflowRecorded(let o):
            return LocalizedText(
                nl: "Traject beëindigd: \(o.category.label.nl.lowercased())",
                en: "Trajectory ended: \(o.category.label.en.lowercased())"
            )
        default:
            return nil
        }
    }
}

extension ValidationFailure {
    /// Throws when there is anything to report.
    /// Every error once: the parts' parsers read the same input, and so report a field refused
    /// while reading it each.
    static func combine(_ errors: [FieldError]) throws(ValidationFailure) {
        var unique: [FieldError] = []
        for error in errors where !unique.contains(error) { unique.append(error) }
        if !unique.isEmpty { throw ValidationFailure(unique) }
    }
}
