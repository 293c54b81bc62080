import Foundation

/// The rules for changing a case's sub-deadlines, reviews and action items. Like ``CaseCommands``:
/// pure, every field error at once, checked against the milestones as they stand today.
public enum DeadlineCommands {
    /// Suspend, resume, extend (to `until`, required then) or skip a milestone.
    public static let adjustForm = Form(
        .choice("action", MilestoneAdjustment.Kind.self),
        .day("on"),
        .day("until", allowFuture: true, required: false),
        .text("reason", maxLength: 2000, required: false)
    )
    /// A review held by the case meeting.
    public static let reviewForm = Form(.day("on"))
    /// An action item for a party, due on a day.
    public static let assignForm = Form(
        .choice("party", Party.self),
        .text("text", maxLength: 2000),
        .day("dueOn", allowFuture: true)
    )
    /// An action item done.
    public static let completeForm = Form(.day("on"))

    /// Suspend, resume, extend or skip the milestone `key`.
    public static func adjust(
        _ input: FormInput,
        key: String,
        on file: CaseFile,
        policy: DeadlinePolicy,
        today: Day
    ) throws(ValidationFailure) -> CaseChange {
        var p = Parser(input, form: adjustForm, today: today)
        let kind = p.choice("action", MilestoneAdjustment.Kind.self)
        let day = p.day("on")
        let reason = p.text("reason")
        guard let milestone = Deadlines.milestones(for: file, policy: policy, on: today).first(where: { $0.key == key })
        else {
            throw ValidationFailure(
                p.errors + [
                    FieldError(
                        field: "key",
                        code: "unknownMilestone",
                        message: LocalizedText(
                            nl: "Deze termijn bestaat niet (meer) voor dit traject.",
                            en: "This deadline does not exist (any more) for this trajectory."
                        )
                    )
                ]
            )
        }
        if let day, let admitted = file.admittedOn, day < admitted {
            p.fail(
                "on",
                "beforeAdmission",
                nl: "De datum ligt vóór de toelating (\(admitted)).",
                en: "The date is before the admission (\(admitted))."
            )
        }
        var until: Day?
        switch kind {
        case .suspend?:
            if !(milestone.state == .scheduled || milestone.state == .overdue || milestone.state == .extended) {
                p.fail(
                    "action",
                    "notOpen",
                    nl: "Alleen een lopende termijn kan worden opgeschort.",
                    en: "Only a running deadline can be suspended."
                )
            }
            if reason == nil {
                p.fail(
                    "reason",
                    "required",
                    nl: "Geef de reden van opschorting.",
                    en: "Give the reason for suspending."
                )
            }
        case .resume?:
            if milestone.state != .suspended {
                p.fail(
                    "action",
                    "notSuspended",
                    nl: "Deze termijn is niet opgeschort.",
                    en: "This deadline is not suspended."
                )
            } else if let day, let since = file.adjustments.last(where: { $0.key == key && $0.kind == .suspend })?.on,
                day < since
            {
                p.fail(
                    "on",
                    "beforeSuspension",
                    nl: "Hervatten kan niet vóór de opschorting (\(since)).",
                    en: "Cannot resume before the suspension (\(since))."
                )
            }
        case .extend?:
            if !milestone.state.isOpen || milestone.state == .suspended {
                p.fail(
                    "action",
                    "notOpen",
                    nl: "Alleen een lopende termijn kan worden verlengd.",
                    en: "Only a running deadline can be extended."
                )
            }
            until = p.day("until")
            if until == nil && !p.hasError("until") {
                p.fail("until", "required", nl: "Vul een datum in.", en: "Enter a date.")
            }
            if let until, until <= milestone.dueOn {
                p.fail(
                    "until",
                    "notLater",
                    nl: "De nieuwe datum moet na de huidige (\(milestone.dueOn)) liggen.",
                    en: "The new date must be after the current one (\(milestone.dueOn))."
                )
            }
            if reason == nil {
                p.fail("reason", "required", nl: "Geef de reden van verlenging.", en: "Give the reason for extending.")
            }
        case .skip?:
            if !milestone.state.isOpen {
                p.fail(
                    "action",
                    "notOpen",
                    nl: "Deze termijn loopt niet meer.",
                    en: "This deadline is no longer running."
                )
            }
            if reason == nil {
                p.fail(
                    "reason",
                    "required",
                    nl: "Geef de reden waarom de termijn vervalt.",
                    en: "Give the reason for skipping."
                )
            }
        case nil:
            break
        }
        try p.finish()
        return .milestoneAdjusted(MilestoneAdjustment(key: key, kind: kind!, on: day!, until: until, reason: reason))
    }

    /// The case meeting reviewed the case.
    public static func review(
        _ input: FormInput,
        on file: CaseFile,
        meetingId: UUID?,
        today: Day
    ) throws(ValidationFailure) -> CaseChange {
        var p = Parser(input, form: reviewForm, today: today)
        if file.stage != .active {
            p.fail(
                "stage",
                "wrongStage",
                nl: "Alleen een actief traject wordt periodiek besproken.",
                en: "Only an active trajectory is reviewed."
            )
        }
        let day = p.day("on")
        if let day, let admitted = file.admittedOn, day < admitted {
            p.fail(
                "on",
                "beforeAdmission",
                nl: "De bespreking ligt vóór de toelating (\(admitted)).",
                en: "The review is before the admission (\(admitted))."
            )
        }
        try p.finish()
        return .reviewHeld(on: day!, meetingId: meetingId)
    }

    /// An action item for one party, due on a day (today or later).
    public static func assign(
        _ input: FormInput,
        on file: CaseFile,
        id: UUID,
        meetingId: UUID?,
        today: Day
    ) throws(ValidationFailure) -> CaseChange {
        var p = Parser(input, form: assignForm, today: today)
        if file.stage.isClosed {
            p.fail("stage", "wrongStage", nl: "Dit traject is afgesloten.", en: "This trajectory is closed.")
        }
        let party = p.choice("party", Party.self)
        if let party, !AccessPolicy.caseParties.contains(party) {
            p.fail(
                "party",
                "notCaseParty",
                nl: "Kies een partij aan de casustafel.",
                en: "Choose a party at the case table."
            )
        }
        let text = p.text("text")
        let due = p.day("dueOn")
        if let due, due < today {
            p.fail("dueOn", "inPast", nl: "De uiterste datum ligt in het verleden.", en: "The due date is in the past.")
        }
        try p.finish()
        return .actionItemAssigned(
            ActionItem(id: id, party: party!, text: text!, dueOn: due!, assignedOn: today, meetingId: meetingId)
        )
    }

    /// An action item done.
    public static func complete(
        _ input: FormInput,
        on file: CaseFile,
        itemId: UUID,
        today: Day
    ) throws(ValidationFailure) -> CaseChange {
        var p = Parser(input, form: completeForm, today: today)
        let day = p.day("on")
        if let item = file.actionItems.first(where: { $0.id == itemId }) {
            if item.completedOn != nil {
                p.fail(
                    "on",
                    "alreadyDone",
                    nl: "Dit actiepunt is al afgerond.",
                    en: "This action item is already done."
                )
            } else if let day, day < item.assignedOn {
                p.fail(
                    "on",
                    "beforeAssigned",
                    nl: "Afronden kan niet vóór het toewijzen (\(item.assignedOn)).",
                    en: "Cannot complete before it was assigned (\(item.assignedOn))."
                )
            }
        } else {
            p.fail("itemId", "notFound", nl: "Onbekend actiepunt.", en: "Unknown action item.")
        }
        try p.finish()
        return .actionItemCompleted(id: itemId, on: day!)
    }
}
