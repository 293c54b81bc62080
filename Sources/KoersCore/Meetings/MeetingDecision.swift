import Foundation

/// What the case meeting decided about one case, as the chair records it: always a written
/// decision, and optionally the review, an action item, an admission decision or a perspective.
/// Each part becomes its own event, all in one transaction, each carrying the meeting.
public enum MeetingDecision {
    /// Reads the decision form for one agenda case and returns the changes to record, in order.
    public static func parse(_ input: FormInput, on file: CaseFile, meetingId: UUID, meetingDay: Day, check: AdmissionCheck?, actionItemId: UUID, today: Day) throws(ValidationFailure) -> [CaseChange] {
        var p = Parser(input, today: today)
        if meetingDay > today {
            p.fail("decision", "meetingNotHeld", nl: "Dit overleg is nog niet gehouden (\(meetingDay)); besluiten worden op of na die dag vastgelegd.",
                   en: "This meeting has not been held yet (\(meetingDay)); decisions are recorded on or after that day.")
            try p.finish()
        }
        let text = p.required("decision", maxLength: 4000)
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
                collect { () throws(ValidationFailure) in .admissionDecided(try AdmissionDecision.parse(admission, check: check, referredOn: file.referral.referredOn, today: today)) }
            } else {
                p.fail("outcome", "wrongStage", nl: "Dit traject wacht niet op een toelatingsbesluit.", en: "This trajectory is not awaiting an admission decision.")
            }
        }
        if input.string("perspective") != nil {
            var perspective = input
            perspective.set("decidedOn", meetingDay.description)
            perspective.set("note", text)
            var admitted = file
            for change in changes { admitted.apply(change) }
            collect { () throws(ValidationFailure) in try CaseCommands.setPerspective(perspective, on: admitted, today: today) }
        }
        if p.flag("reviewed") && file.stage == .active {
            changes.append(.reviewHeld(on: meetingDay, meetingId: meetingId))
        }
        if input.string("party") != nil || input.string("text") != nil || input.string("dueOn") != nil {
            collect { () throws(ValidationFailure) in try DeadlineCommands.assign(input, on: file, id: actionItemId, meetingId: meetingId, today: today) }
        }
        try ValidationFailure.combine(p.errors + errors)
        let decision = RecordedMeetingDecision(meetingId: meetingId, on: meetingDay, text: text!, parts: changes.compactMap(summary))
        return [.meetingDecisionRecorded(decision)] + changes
    }

    /// One line of the minutes for a part of the decision.
    static func summary(_ change: CaseChange) -> LocalizedText? {
        switch change {
        case .admissionDecided(let d):
            let reason = d.rejectionReason.map { LocalizedText(nl: " — " + $0.label.nl, en: " — " + $0.label.en) } ?? LocalizedText(nl: "", en: "")
            return LocalizedText(nl: "Toelating: " + d.outcome.label.nl + reason.nl, en: "Admission: " + d.outcome.label.en + reason.en)
        case .perspectiveSet(let p):
            return LocalizedText(nl: "Perspectief: " + p.perspective.label.nl, en: "Perspective: " + p.perspective.label.en)
        case .reviewHeld:
            return LocalizedText(nl: "Periodiek besproken", en: "Periodic review held")
        case .actionItemAssigned(let item):
            return LocalizedText(nl: "Actiepunt \(item.party.label.nl) (uiterlijk \(item.dueOn)): \(item.text)", en: "Action item \(item.party.label.en) (due \(item.dueOn)): \(item.text)")
        default:
            return nil
        }
    }
}

extension ValidationFailure {
    /// Throws when there is anything to report.
    static func combine(_ errors: [FieldError]) throws(ValidationFailure) {
        if !errors.isEmpty { throw ValidationFailure(errors) }
    }
}
