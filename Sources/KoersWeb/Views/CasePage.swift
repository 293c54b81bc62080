import Foundation
import KoersCore
import KoersStore
import Plot

/// The case page: identity, stage and the actions the user may take, each section the access
/// policy lets them see, the notes they may read, and the timeline of events.
enum CasePage {
    struct Model {
        let record: CaseRecord
        let actor: Actor
        let reasons: [OutflowReason]
        let history: [(id: UUID, stage: Stage, referredOn: String, locationId: UUID)]
        let noteForm: FormState
        let message: String?
        var milestones: [Milestone] = []
        var progressForm = FormState()
        var today = Day.today()
        /// Possible registrations of this person at other LVVs (the intake check).
        var possible: [PossibleRegistration] = []
        var duplicateForm = FormState()
        var duplicateEntry: UUID?
    }

    static func render(_ env: PageEnvironment, _ m: Model) -> [Node<HTML.BodyContext>] {
        let file = m.record.file
        let sections = AccessPolicy.sections(for: m.actor, in: file)
        var main: [Node<HTML.BodyContext>] = [
            .h1(.text(file.identity.displayName)),
            .p(.class("stage stage-\(file.stage.rawValue)"), .text(env.t("Fase: ", "Stage: ") + env.t(file.stage.label) + " · " + m.record.locationName)),
        ]
        if let message = m.message { main.append(.p(.class("notice"), .attribute(named: "role", value: "status"), .text(message))) }
        if !m.possible.isEmpty {
            main.append(DuplicatePages.warning(env, file: file, matches: m.possible, actor: m.actor, form: m.duplicateForm, formEntry: m.duplicateEntry))
        }
        main.append(actions(env, m))
        main.append(identity(env, m))
        if sections.contains(.admission) { main.append(admission(env, file)) }
        if sections.contains(.perspective) { main.append(perspectives(env, file)) }
        if sections.contains(.support) { main.append(support(env, m)) }
        if sections.contains(.procedures) { main.append(procedures(env, m)) }
        if sections.contains(.outflow), let outflow = file.outflow { main.append(outflowSection(env, outflow, m.reasons)) }
        if sections.contains(.progress) && (file.admittedOn != nil || !file.actionItems.isEmpty) {
            main.append(MilestonesSection.render(env, file: file, actor: m.actor, milestones: m.milestones, form: m.progressForm, today: m.today))
        }
        if !file.escalations.isEmpty && sections.contains(.progress) { main.append(escalations(env, m)) }
        if !file.committeeRequests.isEmpty && m.actor.party != .escalationBody && (sections.contains(.progress) || m.actor.party == .committee) { main.append(committee(env, m)) }
        if sections.contains(.notes) { main.append(notes(env, m)) }
        main.append(timeline(env, m))
        return main
    }

    static func caseURL(_ file: CaseFile, _ suffix: String = "") -> String {
        "/cases/" + file.id.uuidString.lowercased() + suffix
    }

    static func allowed(_ m: Model, _ action: CaseAction) -> Bool {
        AccessPolicy.decide(m.actor, action, in: m.record.file) == .allowed
    }

    static func actions(_ env: PageEnvironment, _ m: Model) -> Node<HTML.BodyContext> {
        let file = m.record.file
        var links: [Node<HTML.ListContext>] = []
        func add(_ action: CaseAction, _ path: String, _ nl: String, _ en: String) {
            if allowed(m, action) { links.append(.li(.a(.class("button"), .href(caseURL(file, path)), .text(env.t(nl, en))))) }
        }
        if !file.stage.isClosed {
            add(.recordBiometrics, "/biometrics", "Biometrische identificatie vastleggen", "Record biometric identification")
        }
        switch file.stage {
        case .referral:
            add(.recordIntake, "/intake", "Intake vastleggen", "Record intake")
        case .intake:
            add(.recordIntake, "/intake", "Intake bijwerken", "Update intake")
            add(.view, "/admission", "Toelatingstoets en besluit", "Admission check and decision")
        case .active:
            add(.setPerspective, "/perspective", "Perspectief vastleggen", "Record perspective")
            add(.manageSupport, "/support", "Instrument starten", "Start instrument")
            if ProcedureKind.allCases.contains(where: { allowed(m, .manageProcedure($0)) }) {
                links.append(.li(.a(.class("button"), .href(caseURL(file, "/procedures")), .text(env.t("Procedure vastleggen", "Record procedure")))))
            }
            add(.recordOutflow, "/outflow", "Uitstroom vastleggen", "Record outflow")
            if file.pendingTransfer == nil { add(.requestTransfer, "/transfer", "Overdracht aanvragen", "Request a transfer") }
            if !file.escalations.contains(where: { $0.decision == nil }) { add(.escalate, "/escalate", "Opschalen", "Escalate") }
            if !file.committeeRequests.contains(where: { $0.advice == nil }) {
                add(.requestCommitteeAdvice, "/committee", "Voorleggen aan de commissie", "Put to the hardship committee")
            }
        case .outflow, .rejected:
            if !m.history.contains(where: { !$0.stage.isClosed }) {
                add(.reopen, "/return", "Nieuw traject starten", "Start a new trajectory")
            }
        }
        guard !links.isEmpty else { return .group([]) }
        return .nav(.class("case-actions"), .attribute(named: "aria-label", value: env.t("Acties", "Actions")), .ul(.group(links)))
    }

    static func row(_ label: String, _ value: String) -> Node<HTML.DescriptionListContext> {
        .group(.dt(.text(label)), .dd(.text(value)))
    }

    static func identity(_ env: PageEnvironment, _ m: Model) -> Node<HTML.BodyContext> {
        let file = m.record.file
        let i = file.identity
        var rows: [Node<HTML.DescriptionListContext>] = [
            row(env.t("Naam", "Name"), i.displayName),
            row(env.t("Aliassen", "Aliases"), i.aliases.isEmpty ? "—" : i.aliases.joined(separator: ", ")),
            row(env.t("Geboortedatum", "Birth date"), i.birthDate?.description ?? env.t("Onbekend", "Unknown")),
            row(env.t("Nationaliteit", "Nationality"), Labels.country(i.nationality, env)),
            row(env.t("Geslacht", "Gender"), env.t(i.gender.label)),
            row(env.t("V-nummer", "V-number"), i.vNumber?.digits ?? "—"),
            row(env.t("Biometrisch geïdentificeerd", "Biometrically identified"), biometricStatus(env, file)),
            row(env.t("Aangemeld op", "Referred on"), file.referral.referredOn.description + " (" + env.t(file.referral.channel.label).lowercased() + ")"),
        ]
        if let previous = file.previousTrajectoryId {
            rows.append(.group(.dt(.text(env.t("Vorig traject", "Previous trajectory"))), .dd(.a(.href("/cases/\(previous.uuidString.lowercased())"), .text(env.t("bekijken", "view"))))))
        }
        let later = m.history.filter { $0.id != file.previousTrajectoryId && $0.referredOn > file.referral.referredOn.description }
        for other in later {
            rows.append(.group(.dt(.text(env.t("Later traject", "Later trajectory"))), .dd(.a(.href("/cases/\(other.id.uuidString.lowercased())"), .text(other.referredOn)))))
        }
        return .section(.attribute(named: "aria-labelledby", value: "h-identity"), .h2(.id("h-identity"), .text(env.t("Persoon", "Person"))), .dl(.group(rows)))
    }

    /// The AVIM's record when there is one, otherwise what the intake said (not yet confirmed).
    static func biometricStatus(_ env: PageEnvironment, _ file: CaseFile) -> String {
        if let b = file.biometrics { return Labels.biometrics(b, env) + " (AVIM)" }
        guard let evidence = file.evidence else { return env.t("Nog niet vastgelegd", "Not recorded yet") }
        return evidence.biometricallyIdentified ? env.t("Ja, volgens de intake; nog niet vastgelegd door de AVIM", "Yes, according to the intake; not yet recorded by the AVIM")
            : env.t("Nee", "No")
    }

    static func admission(_ env: PageEnvironment, _ file: CaseFile) -> Node<HTML.BodyContext> {
        var content: [Node<HTML.BodyContext>] = [.h2(.id("h-admission"), .text(env.t("Toelating", "Admission")))]
        if let decision = file.admission {
            var rows: [Node<HTML.DescriptionListContext>] = [
                row(env.t("Besluit", "Decision"), env.t(decision.outcome.label)),
                row(env.t("Datum", "Date"), decision.decidedOn.description),
            ]
            if let reason = decision.rejectionReason { rows.append(row(env.t("Reden", "Reason"), env.t(reason.label))) }
            if let motivation = decision.motivation { rows.append(row(env.t("Motivering", "Motivation"), motivation)) }
            content.append(.dl(.group(rows)))
            content.append(.details(.summary(.text(env.t("Toets zoals die gold bij het besluit", "The check as it stood at the decision"))), AdmissionPage.checkTable(decision.check, env)))
        } else if file.evidence != nil {
            content.append(.p(.a(.href(caseURL(file, "/admission")), .text(env.t("Bekijk de toelatingstoets", "View the admission check")))))
        } else {
            content.append(.p(.text(env.t("Nog geen intake.", "No intake yet."))))
        }
        return .section(.attribute(named: "aria-labelledby", value: "h-admission"), .group(content))
    }

    static func perspectives(_ env: PageEnvironment, _ file: CaseFile) -> Node<HTML.BodyContext> {
        var rows: [Node<HTML.TableContext>] = []
        for p in file.perspectives.sorted(by: { $0.decidedOn > $1.decidedOn }) {
            rows.append(.tr(.td(.text(p.decidedOn.description)), .td(.text(env.t(p.perspective.label))), .td(.text(p.note ?? ""))))
        }
        return .section(.attribute(named: "aria-labelledby", value: "h-perspective"),
                        .h2(.id("h-perspective"), .text(env.t("Perspectief", "Perspective"))),
                        rows.isEmpty ? .p(.text(env.t("Nog geen perspectief vastgesteld.", "No perspective decided yet."))) :
                            .table(.thead(.tr(.th(.text(env.t("Datum", "Date"))), .th(.text(env.t("Perspectief", "Perspective"))), .th(.text(env.t("Toelichting", "Note"))))), .tbody(.group(rows))))
    }

    static func support(_ env: PageEnvironment, _ m: Model) -> Node<HTML.BodyContext> {
        let file = m.record.file
        var rows: [Node<HTML.TableContext>] = []
        let mayEnd = allowed(m, .manageSupport) && file.stage == .active
        for s in file.support {
            var end: Node<HTML.BodyContext> = .text(s.endedOn?.description ?? env.t("loopt", "ongoing"))
            if s.isOpen && mayEnd {
                let fieldName = "endedOn"
                let id = "end-" + s.id.uuidString.lowercased()
                let fields: [Node<HTML.FormContext>] = [
                    .label(.for(id), .class("visually-hidden"), .text(env.t("Einddatum ", "End date ") + env.t(s.instrument.label))),
                    .selfClosedElement(named: "input", attributes: [Attribute<HTML.InputContext>.attribute(named: "type", value: "date"), .attribute(named: "id", value: id), .name(fieldName), Attribute(name: "required", value: nil, ignoreIfValueIsEmpty: false)]),
                    FormFields.submit(env.t("Beëindigen", "End"), secondary: true),
                ]
                end = .div(.class("inline-form"), FormFields.form(action: caseURL(file, "/support/\(s.id.uuidString.lowercased())/end"), env: env, version: file.version, fields))
            }
            rows.append(.tr(.td(.text(env.t(s.instrument.label))), .td(.text(s.startedOn.description)), .td(end)))
        }
        return .section(.attribute(named: "aria-labelledby", value: "h-support"),
                        .h2(.id("h-support"), .text(env.t("Ondersteuning", "Support"))),
                        rows.isEmpty ? .p(.text(env.t("Nog geen instrumenten.", "No instruments yet."))) :
                            .table(.thead(.tr(.th(.text(env.t("Instrument", "Instrument"))), .th(.text(env.t("Start", "Start"))), .th(.text(env.t("Einde", "End"))))), .tbody(.group(rows))))
    }

    static func procedures(_ env: PageEnvironment, _ m: Model) -> Node<HTML.BodyContext> {
        let file = m.record.file
        var rows: [Node<HTML.TableContext>] = []
        for p in file.procedures {
            var decision: Node<HTML.BodyContext> = .text(p.outcome.map { env.t($0.label) + " (" + (p.decidedOn?.description ?? "") + ")" } ?? env.t("in behandeling", "pending"))
            if p.isPending && allowed(m, .manageProcedure(p.kind)) && (file.stage == .active || file.stage == .outflow) {
                decision = .group(decision, .text(" "), .a(.href(caseURL(file, "/procedures/\(p.id.uuidString.lowercased())/decision")), .text(env.t("Beslissing vastleggen", "Record decision"))))
            }
            rows.append(.tr(.td(.text(env.t(p.kind.label))), .td(.text(p.submittedOn.description)), .td(.text(p.reference ?? "")), .td(decision)))
        }
        return .section(.attribute(named: "aria-labelledby", value: "h-procedures"),
                        .h2(.id("h-procedures"), .text(env.t("Procedures", "Procedures"))),
                        rows.isEmpty ? .p(.text(env.t("Nog geen procedures.", "No procedures yet."))) :
                            .table(.thead(.tr(.th(.text(env.t("Procedure", "Procedure"))), .th(.text(env.t("Ingediend", "Submitted"))), .th(.text(env.t("Kenmerk", "Reference"))), .th(.text(env.t("Beslissing", "Decision"))))), .tbody(.group(rows))))
    }

    static func outflowSection(_ env: PageEnvironment, _ o: Outflow, _ reasons: [OutflowReason]) -> Node<HTML.BodyContext> {
        let label = reasons.first { $0.code == o.reasonCode }?.label ?? LocalizedText(nl: o.reasonCode, en: o.reasonCode)
        return .section(.attribute(named: "aria-labelledby", value: "h-outflow"), .h2(.id("h-outflow"), .text(env.t("Uitstroom", "Outflow"))),
                        .dl(row(env.t("Datum", "Date"), o.leftOn.description), row(env.t("Uitkomst", "Outcome"), env.t(o.category.label) + " — " + env.t(label)),
                            row(env.t("Toelichting", "Note"), o.note ?? "—")))
    }

    static func notes(_ env: PageEnvironment, _ m: Model) -> Node<HTML.BodyContext> {
        let file = m.record.file
        let byId = Dictionary(m.record.events.map { ($0.change, $0) }, uniquingKeysWith: { a, _ in a })
        var items: [Node<HTML.ListContext>] = []
        for note in file.notes.reversed() where AccessPolicy.mayRead(note, actor: m.actor, in: file) {
            let event = byId[.noteAdded(note)]
            let meta = [env.t(note.classification.label), event?.organisationName, event.map { Labels.dateTime($0.recordedAt, env) }].compactMap { $0 }.joined(separator: " · ")
            let shared = note.sharedWith.isEmpty ? "" : env.t(" · gedeeld met ", " · shared with ") + note.sharedWith.map { env.t($0.label) }.joined(separator: ", ")
            items.append(.li(.class("note note-\(note.classification.rawValue)"), .p(.class("meta"), .text(meta + shared)), .p(.text(note.text))))
        }
        var content: [Node<HTML.BodyContext>] = [.h2(.id("h-notes"), .text(env.t("Notities", "Notes")))]
        content.append(items.isEmpty ? .p(.text(env.t("Geen notities die u kunt lezen.", "No notes you can read."))) : .ul(.class("notes"), .group(items)))
        if allowed(m, .addNote) {
            let classes = NoteClassification.allCases.filter { AccessPolicy.mayWrite($0, actor: m.actor) }.map { ($0.rawValue, env.t($0.label)) }
            let sharable: [Party] = [.ngo, .municipality, .ind, .dtv, .avim, .committee].filter { $0 != m.actor.party }
            var fields: [Node<HTML.FormContext>] = [
                FormFields.errorSummary(m.noteForm, env),
                FormFields.choices(m.noteForm, env, name: "classification", legend: env.t("Soort notitie", "Kind of note"), options: classes, required: true, inline: true),
                FormFields.textarea(m.noteForm, env, name: "text", label: env.t("Notitie", "Note"), required: true),
            ]
            if classes.count > 1 {
                fields.append(FormFields.choices(m.noteForm, env, name: "sharedWith", legend: env.t("Sociale of medische notitie delen met", "Share a social or medical note with"),
                                                 options: sharable.map { ($0.rawValue, env.t($0.label)) }, multiple: true,
                                                 hint: env.t("Zonder keuze blijft de notitie bij uw organisatie.", "Without a choice the note stays with your organisation."), inline: true))
            }
            fields.append(FormFields.submit(env.t("Notitie toevoegen", "Add note")))
            content.append(FormFields.form(action: caseURL(file, "/notes"), env: env, version: nil, fields))
        }
        return .section(.attribute(named: "aria-labelledby", value: "h-notes"), .group(content))
    }

    /// Requests to the hardship committee, what was shared, and its advice (or the form to give it).
    static func committee(_ env: PageEnvironment, _ m: Model) -> Node<HTML.BodyContext> {
        let file = m.record.file
        var items: [Node<HTML.ListContext>] = []
        for record in file.committeeRequests {
            var content: [Node<HTML.BodyContext>] = [
                .p(.strong(.text(env.t("Verzoek van ", "Request from ") + env.t(record.request.requestingParty.label) + " (" + record.request.requestedOn.description + "): ")), .text(record.request.request)),
                .p(.class("meta"), .text(env.t("Gedeeld: ", "Shared: ") + record.request.sharedSections.map { env.t(Self.sectionLabel($0)) }.joined(separator: ", "))),
            ]
            if let advice = record.advice {
                content.append(.p(.strong(.text(env.t("Advies", "Advice") + " (" + (record.advisedOn?.description ?? "") + "): ")), .text(advice)))
            } else if allowed(m, .adviseCommittee) {
                let fields: [Node<HTML.FormContext>] = [
                    FormFields.errorSummary(m.progressForm, env),
                    FormFields.textarea(m.progressForm, env, name: "advice", label: env.t("Advies van de commissie", "The committee's advice"), required: true),
                    FormFields.submit(env.t("Advies vastleggen", "Record the advice")),
                ]
                content.append(FormFields.form(action: caseURL(file, "/committee/\(record.request.id.uuidString.lowercased())/advice"), env: env, version: file.version, fields))
            } else {
                content.append(.p(.text(env.t("Wacht op advies.", "Awaiting advice."))))
            }
            items.append(.li(.group(content)))
        }
        return .section(.attribute(named: "aria-labelledby", value: "h-committee"), .h2(.id("h-committee"), .text(env.t("Commissie schrijnende gevallen", "Hardship committee"))), .ul(.class("notes"), .group(items)))
    }

    /// Escalations up the ladder: question, proposal, and the body's decision with the days it took.
    static func escalations(_ env: PageEnvironment, _ m: Model) -> Node<HTML.BodyContext> {
        let file = m.record.file
        var items: [Node<HTML.ListContext>] = []
        for record in file.escalations {
            let e = record.escalation
            var content: [Node<HTML.BodyContext>] = [
                .p(.strong(.text((EscalationLevel.named(e.level).map { env.t($0.label) } ?? e.level) + " · " + e.escalatedOn.description))),
                .p(.text(env.t("Vraag: ", "Question: ") + e.question)),
                .p(.text(env.t("Voorgesteld besluit: ", "Proposed decision: ") + e.proposedDecision)),
            ]
            if let decision = record.decision {
                content.append(.p(.strong(.text(env.t("Besluit", "Decision") + " (" + (record.decidedOn?.description ?? "") + env.t(", na \(record.daysToDecision ?? 0) dagen): ", ", after \(record.daysToDecision ?? 0) days): "))), .text(decision)))
            } else if allowed(m, .decideEscalation) {
                let fields: [Node<HTML.FormContext>] = [
                    FormFields.errorSummary(m.progressForm, env),
                    FormFields.textarea(m.progressForm, env, name: "decision", label: env.t("Besluit", "Decision"), required: true),
                    FormFields.submit(env.t("Besluit vastleggen", "Record the decision")),
                ]
                content.append(FormFields.form(action: caseURL(file, "/escalations/\(e.id.uuidString.lowercased())/decision"), env: env, version: file.version, fields))
            } else {
                content.append(.p(.text(env.t("Wacht op besluit.", "Awaiting decision."))))
            }
            items.append(.li(.group(content)))
        }
        return .section(.attribute(named: "aria-labelledby", value: "h-escalation"), .h2(.id("h-escalation"), .text(env.t("Opschaling", "Escalation"))), .ul(.class("notes"), .group(items)))
    }

    static func sectionLabel(_ section: CaseSection) -> LocalizedText {
        switch section {
        case .identity: LocalizedText(nl: "Persoon", en: "Person")
        case .admission: LocalizedText(nl: "Toelating", en: "Admission")
        case .perspective: LocalizedText(nl: "Perspectief", en: "Perspective")
        case .support: LocalizedText(nl: "Ondersteuning", en: "Support")
        case .procedures: LocalizedText(nl: "Procedures", en: "Procedures")
        case .outflow: LocalizedText(nl: "Uitstroom", en: "Outflow")
        case .notes: LocalizedText(nl: "Algemene en met de commissie gedeelde notities", en: "General notes and notes shared with the committee")
        case .progress: LocalizedText(nl: "Deeltermijnen, besluiten en actiepunten", en: "Sub-deadlines, decisions and action items")
        }
    }

    static func timeline(_ env: PageEnvironment, _ m: Model) -> Node<HTML.BodyContext> {
        var items: [Node<HTML.ListContext>] = []
        for event in m.record.events.reversed() where AccessPolicy.mayRead(event.change, actor: m.actor, in: m.record.file) {
            items.append(.li(
                .p(.strong(.text(Labels.describe(event.change, env, reasons: m.reasons)))),
                .p(.class("meta"), .text(env.t("Ingang ", "Effective ") + event.effectiveOn.description + " · " + env.t("vastgelegd ", "recorded ") + Labels.dateTime(event.recordedAt, env)
                    + " · " + event.userName + " (" + event.organisationName + ")"))))
        }
        return .section(.attribute(named: "aria-labelledby", value: "h-timeline"), .h2(.id("h-timeline"), .text(env.t("Tijdlijn", "Timeline"))), .ol(.class("timeline"), .group(items)))
    }
}
