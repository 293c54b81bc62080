import Foundation
import KoersCore
import Plot

/// The small forms that change an active case: perspective, support, procedures, decisions, outflow.
enum StepPages {
    static func frame(
        _ env: PageEnvironment,
        _ s: FormState,
        record: CaseRecord,
        title: String,
        action: SiteURL,
        _ fields: [Node<HTML.FormContext>]
    ) -> [Node<HTML.BodyContext>] {
        [
            .h1(.text(title + ": " + record.file.identity.displayName)),
            .p(
                .a(
                    .href(SiteURL.caseFile(record.file.id).path),
                    .text(env.t("← Terug naar het dossier", "← Back to the case"))
                )
            ),
            FormFields.errorSummary(s, env),
            FormFields.form(action: action.path, env: env, version: record.file.version, fields),
        ]
    }

    static func perspective(_ env: PageEnvironment, _ state: FormState, record: CaseRecord) -> [Node<HTML.BodyContext>]
    {
        let s = state.labelled(["decidedOn": LocalizedText(nl: "Vastgesteld op", en: "Decided on")])
        let fields: [Node<HTML.FormContext>] = [
            FormFields.choices(
                s,
                env,
                name: "perspective",
                options: Labels.options(Perspective.self, env) { $0.label },
                required: true
            ),
            FormFields.input(s, env, name: "decidedOn", type: "date", required: true, width: "10"),
            FormFields.textarea(s, env, name: "note", label: env.t("Toelichting", "Note")),
            FormFields.submit(env.t("Perspectief vastleggen", "Record perspective")),
        ]
        return frame(
            env,
            s,
            record: record,
            title: env.t("Perspectief", "Perspective"),
            action: .caseStep(record.file.id, .perspective),
            fields
        )
    }

    static func support(_ env: PageEnvironment, _ s: FormState, record: CaseRecord) -> [Node<HTML.BodyContext>] {
        let fields: [Node<HTML.FormContext>] = [
            FormFields.select(
                s,
                env,
                name: "instrument",
                label: env.t("Instrument", "Instrument"),
                options: Labels.options(SupportInstrument.self, env) { $0.label },
                blank: env.t("— kies —", "— choose —"),
                required: true
            ),
            FormFields.input(
                s,
                env,
                name: "startedOn",
                label: env.t("Startdatum", "Start date"),
                type: "date",
                required: true,
                width: "10"
            ),
            FormFields.textarea(s, env, name: "note", label: env.t("Toelichting", "Note")),
            FormFields.submit(env.t("Instrument starten", "Start instrument")),
        ]
        return frame(
            env,
            s,
            record: record,
            title: env.t("Ondersteuning", "Support"),
            action: .caseStep(record.file.id, .support),
            fields
        )
    }

    static func procedure(
        _ env: PageEnvironment,
        _ s: FormState,
        record: CaseRecord,
        allowedKinds: [ProcedureKind]
    ) -> [Node<HTML.BodyContext>] {
        let fields: [Node<HTML.FormContext>] = [
            FormFields.select(
                s,
                env,
                name: "kind",
                label: env.t("Procedure", "Procedure"),
                options: allowedKinds.map { ($0.rawValue, env.t($0.label)) },
                blank: env.t("— kies —", "— choose —"),
                required: true
            ),
            FormFields.input(
                s,
                env,
                name: "submittedOn",
                label: env.t("Datum indiening", "Submission date"),
                type: "date",
                required: true,
                width: "10"
            ),
            FormFields.input(s, env, name: "reference", label: env.t("Kenmerk", "Reference")),
            FormFields.submit(env.t("Procedure vastleggen", "Record procedure")),
        ]
        return frame(
            env,
            s,
            record: record,
            title: env.t("Procedure", "Procedure"),
            action: .caseStep(record.file.id, .procedures),
            fields
        )
    }

    static func procedureDecision(
        _ env: PageEnvironment,
        _ state: FormState,
        record: CaseRecord,
        procedure: Procedure,
        party: Party
    ) -> [Node<HTML.BodyContext>] {
        let s = state.labelled(procedureDecisionLabels)
        let fields: [Node<HTML.FormContext>] = [
            .p(
                .text(
                    env.t(procedure.kind.label) + env.t(", ingediend op ", ", submitted on ")
                        + procedure.submittedOn.description
                )
            ),
            reportingHint(env, procedure: procedure, party: party),
            FormFields.choices(
                s,
                env,
                name: "outcome",
                options: Labels.options(ProcedureOutcome.self, env) { $0.label },
                required: true,
                inline: true
            ),
            FormFields.input(s, env, name: "decidedOn", type: "date", required: true, width: "10"),
            FormFields.submit(env.t("Beslissing vastleggen", "Record decision")),
        ]
        return frame(
            env,
            s,
            record: record,
            title: env.t("Beslissing", "Decision"),
            action: .procedureDecision(record.file.id, procedure: procedure.id),
            fields
        )
    }

    /// The procedure decision form's own words for its fields, used by the fields and the error summary.
    static let procedureDecisionLabels: [String: LocalizedText] = [
        "outcome": LocalizedText(nl: "Beslissing", en: "Decision"),
        "decidedOn": LocalizedText(nl: "Datum beslissing", en: "Decision date"),
    ]

    /// Who records the decision: the deciding agency itself, or another party reporting it.
    static func reportingHint(_ env: PageEnvironment, procedure: Procedure, party: Party) -> Node<HTML.FormContext> {
        let authority = procedure.kind.decidingAuthority
        guard authority != party else { return .group([]) }
        return .p(
            .class("hint"),
            .text(
                env.t(
                    "U legt de beslissing van de \(env.t(authority.label)) vast zoals die u is gemeld; het dossier "
                        + "toont haar als gemeld door uw organisatie.",
                    "You record the \(env.t(authority.label))'s decision as it was reported to you; the case shows it "
                        + "as reported by your organisation."
                )
            )
        )
    }

    static func committee(_ env: PageEnvironment, _ s: FormState, record: CaseRecord) -> [Node<HTML.BodyContext>] {
        // Nothing is shared by default: the requester ticks each part the committee may see.
        let state = s
        let fields: [Node<HTML.FormContext>] = [
            FormFields.textarea(
                state,
                env,
                name: "request",
                label: env.t("Schriftelijk verzoek", "Written request"),
                hint: env.t(
                    "Waarom is dit een schrijnend geval, en welk advies vraagt u?",
                    "Why is this a case of hardship, and what advice do you ask?"
                ),
                required: true
            ),
            FormFields.choices(
                state,
                env,
                name: "sharedSections",
                legend: env.t("Wat de commissie mag zien", "What the committee may see"),
                options: CommitteeCommands.shareable.map { ($0.rawValue, env.t(CasePage.sectionLabel($0))) },
                multiple: true,
                hint: env.t(
                    "De commissie ziet alleen wat u hier aanvinkt.",
                    "The committee sees only what you tick here."
                ),
                required: true
            ),
            FormFields.submit(env.t("Voorleggen", "Put to the committee")),
        ]
        return frame(
            env,
            s,
            record: record,
            title: env.t("Commissie schrijnende gevallen", "Hardship committee"),
            action: .caseStep(record.file.id, .committee),
            fields
        )
    }

    static func escalate(
        _ env: PageEnvironment,
        _ state: FormState,
        record: CaseRecord,
        ladder: [EscalationLevel]
    ) -> [Node<HTML.BodyContext>] {
        let s = state.labelled([
            "level": LocalizedText(nl: "Opschalen naar", en: "Escalate to"),
            "question": LocalizedText(nl: "Vraag aan het escalatieoverleg", en: "Question to the escalation body"),
        ])
        let fields: [Node<HTML.FormContext>] = [
            FormFields.choices(
                s,
                env,
                name: "level",
                options: ladder.map { ($0.code, env.t($0.label)) },
                required: true
            ),
            FormFields.textarea(s, env, name: "question", required: true),
            FormFields.textarea(s, env, name: "proposedDecision", required: true),
            FormFields.submit(env.t("Opschalen", "Escalate")),
        ]
        return frame(
            env,
            s,
            record: record,
            title: env.t("Opschalen", "Escalate"),
            action: .caseStep(record.file.id, .escalate),
            fields
        )
    }

    static func outflow(
        _ env: PageEnvironment,
        _ state: FormState,
        record: CaseRecord,
        reasons: [OutflowReason]
    ) -> [Node<HTML.BodyContext>] {
        let s = state.labelled(["reason": LocalizedText(nl: "Uitkomst", en: "Outcome")])
        var options: [(String, String)] = []
        for category in OutcomeCategory.allCases {
            for reason in reasons where reason.category == category {
                options.append((reason.code, env.t(category.label) + " — " + env.t(reason.label)))
            }
        }
        let fields: [Node<HTML.FormContext>] = [
            FormFields.input(
                s,
                env,
                name: "leftOn",
                label: env.t("Datum uitstroom", "Outflow date"),
                type: "date",
                required: true,
                width: "10"
            ),
            FormFields.choices(s, env, name: "reason", options: options, required: true),
            FormFields.textarea(
                s,
                env,
                name: "note",
                hint: env.t("Verplicht bij ‘anders’.", "Required for ‘other’.")
            ),
            FormFields.submit(env.t("Uitstroom vastleggen", "Record outflow")),
        ]
        return frame(
            env,
            s,
            record: record,
            title: env.t("Uitstroom", "Outflow"),
            action: .caseStep(record.file.id, .outflow),
            fields
        )
    }
}
