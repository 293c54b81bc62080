import Foundation
import KoersCore
import KoersStore
import Plot

/// The small forms that change an active case: perspective, support, procedures, decisions, outflow.
enum StepPages {
    static func frame(_ env: PageEnvironment, _ s: FormState, record: CaseRecord, title: String, action: String, _ fields: [Node<HTML.FormContext>]) -> [Node<HTML.BodyContext>] {
        let id = record.file.id.uuidString.lowercased()
        return [
            .h1(.text(title + ": " + record.file.identity.displayName)),
            .p(.a(.href("/cases/\(id)"), .text(env.t("← Terug naar het dossier", "← Back to the case")))),
            FormFields.errorSummary(s, env),
            FormFields.form(action: "/cases/\(id)/\(action)", env: env, version: record.file.version, fields),
        ]
    }

    static func perspective(_ env: PageEnvironment, _ s: FormState, record: CaseRecord) -> [Node<HTML.BodyContext>] {
        let fields: [Node<HTML.FormContext>] = [
            FormFields.choices(s, env, name: "perspective", legend: env.t("Perspectief", "Perspective"), options: Labels.options(Perspective.self, env) { $0.label }, required: true),
            FormFields.input(s, env, name: "decidedOn", label: env.t("Vastgesteld op", "Decided on"), type: "date", required: true, width: "10"),
            FormFields.textarea(s, env, name: "note", label: env.t("Toelichting", "Note")),
            FormFields.submit(env.t("Perspectief vastleggen", "Record perspective")),
        ]
        return frame(env, s, record: record, title: env.t("Perspectief", "Perspective"), action: "perspective", fields)
    }

    static func support(_ env: PageEnvironment, _ s: FormState, record: CaseRecord) -> [Node<HTML.BodyContext>] {
        let fields: [Node<HTML.FormContext>] = [
            FormFields.select(s, env, name: "instrument", label: env.t("Instrument", "Instrument"), options: Labels.options(SupportInstrument.self, env) { $0.label }, blank: env.t("— kies —", "— choose —"), required: true),
            FormFields.input(s, env, name: "startedOn", label: env.t("Startdatum", "Start date"), type: "date", required: true, width: "10"),
            FormFields.textarea(s, env, name: "note", label: env.t("Toelichting", "Note")),
            FormFields.submit(env.t("Instrument starten", "Start instrument")),
        ]
        return frame(env, s, record: record, title: env.t("Ondersteuning", "Support"), action: "support", fields)
    }

    static func procedure(_ env: PageEnvironment, _ s: FormState, record: CaseRecord, allowedKinds: [ProcedureKind]) -> [Node<HTML.BodyContext>] {
        let fields: [Node<HTML.FormContext>] = [
            FormFields.select(s, env, name: "kind", label: env.t("Procedure", "Procedure"), options: allowedKinds.map { ($0.rawValue, env.t($0.label)) }, blank: env.t("— kies —", "— choose —"), required: true),
            FormFields.input(s, env, name: "submittedOn", label: env.t("Datum indiening", "Submission date"), type: "date", required: true, width: "10"),
            FormFields.input(s, env, name: "reference", label: env.t("Kenmerk", "Reference")),
            FormFields.submit(env.t("Procedure vastleggen", "Record procedure")),
        ]
        return frame(env, s, record: record, title: env.t("Procedure", "Procedure"), action: "procedures", fields)
    }

    static func procedureDecision(_ env: PageEnvironment, _ s: FormState, record: CaseRecord, procedure: Procedure) -> [Node<HTML.BodyContext>] {
        let fields: [Node<HTML.FormContext>] = [
            .p(.text(env.t(procedure.kind.label) + env.t(", ingediend op ", ", submitted on ") + procedure.submittedOn.description)),
            FormFields.choices(s, env, name: "outcome", legend: env.t("Beslissing", "Decision"), options: Labels.options(ProcedureOutcome.self, env) { $0.label }, required: true, inline: true),
            FormFields.input(s, env, name: "decidedOn", label: env.t("Datum beslissing", "Decision date"), type: "date", required: true, width: "10"),
            FormFields.submit(env.t("Beslissing vastleggen", "Record decision")),
        ]
        return frame(env, s, record: record, title: env.t("Beslissing", "Decision"), action: "procedures/\(procedure.id.uuidString.lowercased())/decision", fields)
    }

    static func committee(_ env: PageEnvironment, _ s: FormState, record: CaseRecord) -> [Node<HTML.BodyContext>] {
        var input = s.input
        if s.values("sharedSections").isEmpty && !s.hasErrors {
            var values = input.values
            values["sharedSections"] = [CaseSection.identity, .perspective, .procedures].map(\.rawValue)
            input = FormInput(values)
        }
        let state = FormState(input: input, errors: s.errors, formMessage: s.formMessage)
        let fields: [Node<HTML.FormContext>] = [
            FormFields.textarea(state, env, name: "request", label: env.t("Schriftelijk verzoek", "Written request"),
                                hint: env.t("Waarom is dit een schrijnend geval, en welk advies vraagt u?", "Why is this a case of hardship, and what advice do you ask?"), required: true),
            FormFields.choices(state, env, name: "sharedSections", legend: env.t("Wat de commissie mag zien", "What the committee may see"),
                               options: CommitteeCommands.shareable.map { ($0.rawValue, env.t(CasePage.sectionLabel($0))) }, multiple: true,
                               hint: env.t("De commissie ziet alleen wat u hier aanvinkt.", "The committee sees only what you tick here."), required: true),
            FormFields.submit(env.t("Voorleggen", "Put to the committee")),
        ]
        return frame(env, s, record: record, title: env.t("Commissie schrijnende gevallen", "Hardship committee"), action: "committee", fields)
    }

    static func escalate(_ env: PageEnvironment, _ s: FormState, record: CaseRecord) -> [Node<HTML.BodyContext>] {
        let fields: [Node<HTML.FormContext>] = [
            FormFields.choices(s, env, name: "level", legend: env.t("Naar", "To"), options: EscalationLevel.ladder.map { ($0.code, env.t($0.label)) }, required: true),
            FormFields.textarea(s, env, name: "question", label: env.t("Vraag aan het escalatieoverleg", "Question to the escalation body"), required: true),
            FormFields.textarea(s, env, name: "proposedDecision", label: env.t("Voorgesteld besluit", "Proposed decision"), required: true),
            FormFields.submit(env.t("Opschalen", "Escalate")),
        ]
        return frame(env, s, record: record, title: env.t("Opschalen", "Escalate"), action: "escalate", fields)
    }

    static func outflow(_ env: PageEnvironment, _ s: FormState, record: CaseRecord, reasons: [OutflowReason]) -> [Node<HTML.BodyContext>] {
        var options: [(String, String)] = []
        for category in OutcomeCategory.allCases {
            for reason in reasons where reason.category == category {
                options.append((reason.code, env.t(category.label) + " — " + env.t(reason.label)))
            }
        }
        let fields: [Node<HTML.FormContext>] = [
            FormFields.input(s, env, name: "leftOn", label: env.t("Datum uitstroom", "Outflow date"), type: "date", required: true, width: "10"),
            FormFields.choices(s, env, name: "reason", legend: env.t("Uitkomst", "Outcome"), options: options, required: true),
            FormFields.textarea(s, env, name: "note", label: env.t("Toelichting", "Note"), hint: env.t("Verplicht bij ‘anders’.", "Required for ‘other’.")),
            FormFields.submit(env.t("Uitstroom vastleggen", "Record outflow")),
        ]
        return frame(env, s, record: record, title: env.t("Uitstroom", "Outflow"), action: "outflow", fields)
    }
}
