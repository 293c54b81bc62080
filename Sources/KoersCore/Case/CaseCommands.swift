import Foundation

/// The rules for every change to a case: each parses its input, checks it against the case as
/// it stands, and returns the change to record, or every field error at once.
///
/// Pure: no I/O. The store writes the returned change and the updated state in one transaction.
public enum CaseCommands {
    /// Aanmelding: a new person (or a returning one) referred to a location.
    public static func refer(_ input: FormInput, today: Day) throws(ValidationFailure) -> (Referral, Identity) {
        var p = Parser(input, form: referForm, today: today)
        let identity = Identity.parse(&p)
        let channel = p.choice("channel", ReferralChannel.self)
        let day = p.day("referredOn")
        let note = p.text("note")
        try p.finish()
        return (Referral(channel: channel!, referredOn: day!, note: note), identity!)
    }

    /// Intake: the identity as established and the evidence for the admission check.
    public static func recordIntake(
        _ input: FormInput,
        on file: CaseFile,
        today: Day
    ) throws(ValidationFailure) -> CaseChange {
        var p = Parser(input, form: intakeForm, today: today)
        requireStage(&p, file, [.referral, .intake], field: "stage")
        let identity = Identity.parse(&p)
        let evidence = AdmissionEvidence.parse(&p, referredOn: file.referral.referredOn)
        if let since = evidence?.inRegionSince, let birth = identity?.birthDate, since < birth.earliestDay {
            p.fail(
                "inRegionSince",
                "beforeBirth",
                nl: "Deze datum ligt vóór de geboortedatum.",
                en: "This date is before the birth date."
            )
        }
        try p.finish()
        return .intakeRecorded(identity: identity!, evidence: evidence!)
    }

    /// Toelatingsbesluit, checked against the admission check as it stands.
    public static func decideAdmission(
        _ input: FormInput,
        on file: CaseFile,
        check: AdmissionCheck,
        today: Day
    ) throws(ValidationFailure) -> CaseChange {
        var p = Parser(input, form: stageOnlyForm, today: today)
        requireStage(&p, file, [.intake], field: "stage")
        try p.finish()
        return .admissionDecided(
            try AdmissionDecision.parse(input, check: check, referredOn: file.referral.referredOn, today: today)
        )
    }

    /// A perspective decided or revised.
    public static func setPerspective(
        _ input: FormInput,
        on file: CaseFile,
        today: Day
    ) throws(ValidationFailure) -> CaseChange {
        var p = Parser(input, form: perspectiveForm, today: today)
        requireStage(&p, file, [.active], field: "stage")
        let perspective = p.choice("perspective", Perspective.self)
        let day = p.day("decidedOn")
        let note = p.text("note")
        notBeforeAdmission(&p, file, day, field: "decidedOn")
        if let day, let latest = file.perspectives.map(\.decidedOn).max(), day < latest {
            p.fail(
                "decidedOn",
                "beforeLatest",
                nl: "Er is al een perspectief vastgesteld op \(latest); een herziening kan niet eerder liggen.",
                en: "A perspective was already set on \(latest); a revision cannot be earlier."
            )
        }
        try p.finish()
        return .perspectiveSet(PerspectiveDecision(perspective: perspective!, decidedOn: day!, note: note))
    }

    /// An instrument started.
    public static func startSupport(
        _ input: FormInput,
        on file: CaseFile,
        id: UUID,
        today: Day
    ) throws(ValidationFailure) -> CaseChange {
        var p = Parser(input, form: startSupportForm, today: today)
        requireStage(&p, file, [.active], field: "stage")
        let instrument = p.choice("instrument", SupportInstrument.self)
        let day = p.day("startedOn")
        let note = p.text("note")
        notBeforeAdmission(&p, file, day, field: "startedOn")
        if let instrument,
            let open = file.support.first(where: {
                $0.isOpen && ($0.instrument == instrument || ($0.instrument.isShelter && instrument.isShelter))
            })
        {
            p.fail(
                "instrument",
                "alreadyOpen",
                nl: "‘\(open.instrument.label.nl)’ loopt al sinds \(open.startedOn); beëindig die eerst.",
                en: "‘\(open.instrument.label.en)’ has been running since \(open.startedOn); end it first."
            )
        }
        try p.finish()
        return .supportStarted(
            SupportPeriod(id: id, instrument: instrument!, startedOn: day!, endedOn: nil, note: note)
        )
    }

    /// An instrument ended.
    public static func endSupport(
        _ input: FormInput,
        on file: CaseFile,
        supportId: UUID,
        today: Day
    ) throws(ValidationFailure) -> CaseChange {
        var p = Parser(input, form: endSupportForm, today: today)
        requireStage(&p, file, [.active], field: "stage")
        let day = p.day("endedOn")
        if let period = file.support.first(where: { $0.id == supportId }) {
            if !period.isOpen {
                p.fail(
                    "endedOn",
                    "alreadyEnded",
                    nl: "Dit instrument is al beëindigd.",
                    en: "This instrument has already ended."
                )
            } else if let day, day < period.startedOn {
                p.fail(
                    "endedOn",
                    "beforeStart",
                    nl: "De einddatum ligt vóór de start (\(period.startedOn)).",
                    en: "The end date is before the start (\(period.startedOn))."
                )
            }
        } else {
            p.fail("supportId", "notFound", nl: "Onbekend instrument.", en: "Unknown instrument.")
        }
        try p.finish()
        return .supportEnded(id: supportId, endedOn: day!)
    }

    /// A procedure submitted.
    public static func submitProcedure(
        _ input: FormInput,
        on file: CaseFile,
        id: UUID,
        today: Day
    ) throws(ValidationFailure) -> CaseChange {
        var p = Parser(input, form: submitProcedureForm, today: today)
        requireStage(&p, file, [.active], field: "stage")
        let kind = p.choice("kind", ProcedureKind.self)
        let day = p.day("submittedOn")
        let reference = p.text("reference")
        if let day, day < file.referral.referredOn {
            p.fail(
                "submittedOn",
                "beforeReferral",
                nl: "De indiening ligt vóór de aanmelding (\(file.referral.referredOn)).",
                en: "The submission is before the referral (\(file.referral.referredOn))."
            )
        }
        try p.finish()
        return .procedureSubmitted(
            Procedure(id: id, kind: kind!, submittedOn: day!, reference: reference, outcome: nil, decidedOn: nil)
        )
    }

    /// The decision on a procedure.
    /// The decision on a procedure. Recorded by the deciding authority it is the authority's own;
    /// recorded by another party (the NGO or municipality, who hear of it first) it is kept as a
    /// fact that party reported, and shown so.
    public static func decideProcedure(
        _ input: FormInput,
        on file: CaseFile,
        procedureId: UUID,
        by party: Party,
        today: Day
    ) throws(ValidationFailure) -> CaseChange {
        var p = Parser(input, form: decideProcedureForm, today: today)
        requireStage(&p, file, [.active, .outflow], field: "stage")
        let outcome = p.choice("outcome", ProcedureOutcome.self)
        let day = p.day("decidedOn")
        if let procedure = file.procedures.first(where: { $0.id == procedureId }) {
            if !procedure.isPending {
                p.fail(
                    "outcome",
                    "alreadyDecided",
                    nl: "Op deze procedure is al beslist.",
                    en: "This procedure has already been decided."
                )
            } else if let day, day < procedure.submittedOn {
                p.fail(
                    "decidedOn",
                    "beforeSubmission",
                    nl: "De beslissing ligt vóór de indiening (\(procedure.submittedOn)).",
                    en: "The decision is before the submission (\(procedure.submittedOn))."
                )
            }
        } else {
            p.fail("procedureId", "notFound", nl: "Onbekende procedure.", en: "Unknown procedure.")
        }
        try p.finish()
        let kind = file.procedures.first { $0.id == procedureId }?.kind
        let reportedBy = kind.map { $0.decidingAuthority == party } == true ? nil : party
        return .procedureDecided(id: procedureId, outcome: outcome!, decidedOn: day!, reportedBy: reportedBy)
    }

    /// Uitstroom, with a reason from the configured code list.
    public static func recordOutflow(
        _ input: FormInput,
        on file: CaseFile,
        reasons: [OutflowReason],
        today: Day
    ) throws(ValidationFailure) -> CaseChange {
        var p = Parser(input, form: outflowForm, today: today)
        requireStage(&p, file, [.active], field: "stage")
        let day = p.day("leftOn")
        let note = p.text("note")
        var reason: OutflowReason?
        let missing = LocalizedText(nl: "Kies de uitstroomreden.", en: "Choose the outflow reason.")
        if let code = p.value("reason", missing: missing) {
            reason = reasons.first { $0.code == code }
            if reason == nil {
                p.fail(
                    "reason",
                    "unknownCode",
                    nl: "‘\(code)’ staat niet in de lijst van uitstroomredenen.",
                    en: "‘\(code)’ is not in the list of outflow reasons."
                )
            }
        }
        if let day, let admitted = file.admittedOn, day < admitted {
            p.fail(
                "leftOn",
                "beforeAdmission",
                nl: "De uitstroom ligt vóór de toelating (\(admitted)).",
                en: "The outflow is before the admission (\(admitted))."
            )
        }
        if reason?.code == "other" && note == nil {
            p.fail("note", "required", nl: "Licht de reden ‘anders’ toe.", en: "Explain the reason ‘other’.")
        }
        try p.finish()
        return .outflowRecorded(Outflow(leftOn: day!, reasonCode: reason!.code, category: reason!.category, note: note))
    }

    /// A case note; agencies write general notes only.
    public static func addNote(
        _ input: FormInput,
        by actor: Actor,
        id: UUID,
        today: Day
    ) throws(ValidationFailure) -> CaseChange {
        var p = Parser(input, form: noteForm, today: today)
        let classification = p.choice("classification", NoteClassification.self)
        let text = p.text("text")
        let shared = p.choices("sharedWith", Party.self)
        if let classification, !AccessPolicy.mayWrite(classification, actor: actor) {
            p.fail(
                "classification",
                "notAllowed",
                nl: "Uw organisatie kan alleen algemene notities schrijven.",
                en: "Your organisation can write general notes only."
            )
        }
        try p.finish()
        return .noteAdded(
            CaseNote(
                id: id,
                classification: classification!,
                text: text!,
                authorOrganisationId: actor.organisationId,
                sharedWith: classification == .general ? [] : shared
            )
        )
    }

    // MARK: Forms

    /// Aanmelding: who, how and when; `locationId` only when the user works at several locations.
    public static let referForm = Identity.form.adding(
        Form(
            .choice("channel", ReferralChannel.self),
            .day("referredOn"),
            .text("note", maxLength: 4000, required: false),
            .uuid("locationId", required: false)
        )
    )
    /// A returning person's new referral: the identity is the earlier trajectory's.
    public static let returnForm = Form(
        .choice("channel", ReferralChannel.self),
        .day("referredOn"),
        .text("note", maxLength: 4000, required: false)
    )
    public static let intakeForm = Identity.form.adding(AdmissionEvidence.form)
    /// The admission decision reads its own form (``AdmissionDecision/form``); this one only the stage.
    static let stageOnlyForm = Form()
    public static let perspectiveForm = Form(
        .choice("perspective", Perspective.self),
        .day("decidedOn"),
        .text("note", maxLength: 4000, required: false)
    )
    public static let startSupportForm = Form(
        .choice("instrument", SupportInstrument.self),
        .day("startedOn"),
        .text("note", maxLength: 4000, required: false)
    )
    public static let endSupportForm = Form(.day("endedOn"))
    public static let submitProcedureForm = Form(
        .choice("kind", ProcedureKind.self),
        .day("submittedOn"),
        .text("reference", maxLength: 100, required: false)
    )
    public static let decideProcedureForm = Form(.choice("outcome", ProcedureOutcome.self), .day("decidedOn"))
    /// `reason` is a code of the configured list (`GET /outflow-reasons`), so not a closed set here.
    public static let outflowForm = Form(
        .day("leftOn"),
        .text("reason", maxLength: 64),
        .text("note", maxLength: 4000, required: false)
    )
    /// Monitor and administrators read no notes, so a note is never shared with them.
    public static let noteForm = Form(
        .choice("classification", NoteClassification.self),
        .text("text", maxLength: 10_000),
        .choices("sharedWith", Party.self, only: Party.allCases.filter { ![.monitor, .admin, .privacy].contains($0) })
    )

    // MARK: Shared checks

    private static func requireStage(_ p: inout Parser, _ file: CaseFile, _ allowed: [Stage], field: String) {
        guard !allowed.contains(file.stage) else { return }
        p.fail(
            field,
            "wrongStage",
            nl: "Dit kan niet in de fase ‘\(file.stage.label.nl)’.",
            en: "Not possible in the stage ‘\(file.stage.label.en)’."
        )
    }

    private static func notBeforeAdmission(_ p: inout Parser, _ file: CaseFile, _ day: Day?, field: String) {
        if let day, let admitted = file.admittedOn, day < admitted {
            p.fail(
                field,
                "beforeAdmission",
                nl: "Deze datum ligt vóór de toelating (\(admitted)).",
                en: "This date is before the admission (\(admitted))."
            )
        }
    }
}
