import Foundation
import KoersCore
import Plot

/// Casusoverleg pages: the list with a form to convene, one meeting with its agenda, and the minutes.
enum MeetingPages {
    static func list(
        _ env: PageEnvironment,
        meetings: [Meeting],
        locations: [Location],
        chairable: [Location],
        form: FormState
    ) -> [Node<HTML.BodyContext>] {
        let names = Dictionary(uniqueKeysWithValues: locations.map { ($0.id, $0.name) })
        var rows: [Node<HTML.TableContext>] = []
        for m in meetings {
            rows.append(
                .tr(
                    .td(
                        .a(.href(SiteURL.meeting(m.id).path), .text(m.heldOn.description))
                    ),
                    .td(.text(names[m.locationId] ?? "")),
                    .td(.text(m.chairName)),
                    .td(.text(String(m.agendaCount)))
                )
            )
        }
        var main: [Node<HTML.BodyContext>] = [.h1(.text(env.t("Casusoverleg (LSO)", "Case meetings (LSO)")))]
        main.append(
            rows.isEmpty
                ? .p(.text(env.t("Nog geen overleggen.", "No meetings yet.")))
                : Tables.scrolling(
                    .thead(
                        .tr(
                            .th(.text(env.t("Datum", "Date"))),
                            .th(.text(env.t("Locatie", "Location"))),
                            .th(.text(env.t("Voorzitter", "Chair"))),
                            .th(.text(env.t("Dossiers", "Cases")))
                        )
                    ),
                    .tbody(.group(rows))
                )
        )
        if !chairable.isEmpty {
            var fields: [Node<HTML.FormContext>] = []
            if chairable.count > 1 {
                fields.append(
                    FormFields.select(
                        form,
                        env,
                        name: "locationId",
                        label: env.t("Locatie", "Location"),
                        options: chairable.map { ($0.id.uuidString, $0.name) },
                        blank: env.t("— kies —", "— choose —"),
                        required: true
                    )
                )
            }
            let rest: [Node<HTML.FormContext>] = [
                FormFields.input(
                    form,
                    env,
                    name: "heldOn",
                    label: env.t("Datum van het overleg", "Meeting date"),
                    type: "date",
                    required: true,
                    width: "10"
                ),
                FormFields.choices(
                    form,
                    env,
                    name: "partiesPresent",
                    legend: env.t("Aanwezige partijen", "Parties present"),
                    options: [Party.municipality, .ngo, .ind, .dtv, .avim].map { ($0.rawValue, env.t($0.label)) },
                    multiple: true,
                    required: true,
                    inline: true
                ),
                FormFields.submit(env.t("Overleg beleggen", "Convene the meeting")),
            ]
            fields += rest
            main.append(
                .section(
                    .h2(.text(env.t("Nieuw overleg", "New meeting"))),
                    .p(
                        .class("hint"),
                        .text(
                            env.t(
                                "De agenda stelt zich samen uit de dossiers die aan tafel moeten: "
                                    + "toelatingsbesluiten, uitzonderingen, verlopen termijnen, periodieke "
                                    + "besprekingen "
                                    + "en actiepunten.",
                                "The agenda builds itself from the cases that need the table: admission decisions, "
                                    + "exceptions, overdue deadlines, periodic reviews and action items."
                            )
                        )
                    ),
                    FormFields.errorSummary(form, env),
                    FormFields.form(action: SiteURL.meetings.path, env: env, fields)
                )
            )
        }
        return main
    }

    static func meeting(
        _ env: PageEnvironment,
        meeting m: Meeting,
        location: String,
        agenda: AgendaPage,
        mayChair: Bool,
        search: String?,
        found: [CaseListItem],
        errors: [UUID: FormState],
        today: Day,
        outflowReasons: [OutflowReason],
        ladder: [EscalationLevel]
    ) -> [Node<HTML.BodyContext>] {
        // A page of the agenda at a time, each case with its decision form: the page stays small
        // however many cases need the table.
        let total = agenda.items.count
        var main: [Node<HTML.BodyContext>] = [
            .h1(.text(env.t("Casusoverleg ", "Case meeting ") + location + " — " + m.heldOn.description)),
            .p(
                .text(
                    env.t("Voorzitter: ", "Chair: ") + m.chairName + " · " + env.t("Aanwezig: ", "Present: ")
                        + m.partiesPresent.map { env.t($0.label) }.joined(separator: ", ")
                ),
                .text(" · "),
                .a(.href(SiteURL.minutes(m.id).path), .text(env.t("Verslag", "Minutes")))
            ),
        ]
        if m.heldOn > today {
            main.append(
                .p(
                    .class("notice"),
                    .text(
                        env.t(
                            "Dit overleg is gepland; besluiten worden vanaf \(m.heldOn) vastgelegd. Werk de agenda "
                                + "vlak voor het overleg bij.",
                            "This meeting is planned; decisions are recorded from \(m.heldOn). Update the agenda just "
                                + "before the meeting."
                        )
                    )
                )
            )
        }
        var items: [Node<HTML.ListContext>] = []
        for (offset, e) in agenda.entries.enumerated() {
            let index = agenda.first + offset
            let id = e.item.trajectoryId.uuidString.lowercased()
            var content: [Node<HTML.BodyContext>] = [
                .h3(
                    .a(.href(SiteURL.caseFile(e.item.trajectoryId).path), .text(e.name)),
                    .text(" · " + env.t(e.stage.label))
                ),
                .p(.class("meta"), .text(reasons(env, e))),
            ]
            for d in e.decisions {
                content.append(
                    .div(
                        .class("decision"),
                        .p(
                            .strong(.text(env.t("Besluit: ", "Decision: ") + d.text))
                        ),
                        .ul(
                            .group(d.parts.map { Node<HTML.ListContext>.li(.text(env.t($0))) })
                        )
                    )
                )
            }
            if mayChair {
                let up: [Node<HTML.FormContext>] = [
                    FormFields.hidden("trajectoryId", id),
                    FormFields.submit(env.t("Omhoog", "Move up"), secondary: true),
                ]
                let down: [Node<HTML.FormContext>] = [
                    FormFields.hidden("trajectoryId", id),
                    FormFields.submit(env.t("Omlaag", "Move down"), secondary: true),
                ]
                content.append(
                    .div(
                        .class("inline-form"),
                        .if(index > 0, FormFields.form(action: SiteURL.agendaMove(m.id, .up).path, env: env, up)),
                        .if(
                            index < total - 1,
                            FormFields.form(action: SiteURL.agendaMove(m.id, .down).path, env: env, down)
                        )
                    )
                )
                if e.decisions.isEmpty && !e.stage.isClosed && m.heldOn <= today {
                    content.append(
                        decisionForm(
                            env,
                            meeting: m.id,
                            entry: e,
                            form: errors[e.item.trajectoryId] ?? FormState(),
                            reasons: outflowReasons,
                            ladder: ladder
                        )
                    )
                }
            }
            items.append(.li(.class("agenda-item"), .id("case-\(id)"), .group(content)))
        }
        main.append(
            .section(
                .h2(.text(env.t("Agenda", "Agenda") + " (\(total))")),
                agenda.entries.isEmpty
                    ? .p(.text(env.t("Geen dossiers op de agenda.", "No cases on the agenda.")))
                    : .ol(
                        .class("agenda"),
                        .attribute(named: "start", value: String(agenda.first + 1)),
                        .group(items)
                    ),
                ProgressPage.pager(
                    env,
                    id: "agenda",
                    page: agenda.page,
                    pages: agenda.pages,
                    total: total,
                    href: { SiteURL.meeting(m.id).with([("page", String($0))]) },
                    more: nil
                )
            )
        )
        if mayChair {
            let onAgenda = Set(agenda.items.map(\.trajectoryId))
            let refresh: [Node<HTML.FormContext>] = [
                FormFields.submit(env.t("Agenda bijwerken", "Update the agenda"), secondary: true)
            ]
            main.append(
                .section(
                    .id("chair"),
                    .h2(.text(env.t("Voorzitter", "Chair"))),
                    FormFields.form(action: SiteURL.agendaRefresh(m.id).path, env: env, refresh),
                    .element(named: "form", nodes: caseSearch(env, meeting: m.id, search: search)),
                    addResults(env, meeting: m.id, search: search, found: found, onAgenda: onAgenda)
                )
            )
        }
        return main
    }

    /// The chair's search for a running case to add, by name or V-nummer.
    private static func caseSearch(_ env: PageEnvironment, meeting: UUID, search: String?) -> [Node<HTML.FormContext>] {
        [
            .attribute(named: "method", value: "get"),
            // The answer opens at this section rather than at the top of a long agenda.
            .attribute(named: "action", value: SiteURL.meeting(meeting).at("chair")),
            .class("filters"),
            .attribute(named: "role", value: "search"),
            FormFields.input(
                FormState(input: FormInput(single: ["zoek": search ?? ""])),
                env,
                name: "zoek",
                label: env.t("Dossier toevoegen: zoek op naam of V-nummer", "Add a case: search by name or V-number"),
                type: "search"
            ),
            FormFields.submit(env.t("Zoeken", "Search"), secondary: true),
        ]
    }

    /// The running cases the search found, each with its button to put it on the agenda.
    private static func addResults(
        _ env: PageEnvironment,
        meeting: UUID,
        search: String?,
        found: [CaseListItem],
        onAgenda: Set<UUID>
    ) -> Node<HTML.BodyContext> {
        guard let search else { return .group([]) }
        guard !found.isEmpty else {
            return .p(
                .attribute(named: "role", value: "status"),
                .text(
                    env.t(
                        "Geen lopend dossier gevonden voor \u{201C}\(search)\u{201D}.",
                        "No running case found for \u{201C}\(search)\u{201D}."
                    )
                )
            )
        }
        return .ul(
            .class("found"),
            .forEach(found) { item in
                let label = "\(item.name) (\(env.t(item.stage.label)))"
                guard !onAgenda.contains(item.trajectoryId) else {
                    return .li(.text(label + env.t(" — staat al op de agenda", " — already on the agenda")))
                }
                return .li(
                    FormFields.form(
                        action: SiteURL.agenda(meeting).path,
                        env: env,
                        [
                            FormFields.hidden("trajectoryId", item.trajectoryId.uuidString.lowercased()),
                            .text(label + " "),
                            FormFields.submit(env.t("Op de agenda", "Add to the agenda"), secondary: true),
                        ]
                    )
                )
            }
        )
    }

    /// The decision form's own words for its fields, shared by the fields and the error summary.
    static let decisionLabels: [String: LocalizedText] = [
        "decision": LocalizedText(nl: "Besluit van het overleg", en: "The meeting's decision"),
        "outcome": LocalizedText(nl: "Toelatingsbesluit", en: "Admission decision"),
        "motivation": LocalizedText(
            nl: "Motivering (verplicht bij uitzondering)",
            en: "Motivation (required for an exception)"
        ),
        "party": LocalizedText(nl: "Actiepunt voor", en: "Action item for"),
        "text": LocalizedText(nl: "Actiepunt", en: "Action item"),
        "followUp": LocalizedText(nl: "Vervolgstap", en: "Follow-up"),
        "level": LocalizedText(nl: "Opschalen naar", en: "Escalate to"),
        "question": LocalizedText(nl: "Vraag aan het escalatieoverleg", en: "Question to the escalation body"),
        "request": LocalizedText(nl: "Verzoek aan de commissie", en: "Request to the committee"),
        "reason": LocalizedText(nl: "Uitstroomreden (bij beëindigen)", en: "Outflow reason (when ending)"),
    ]

    /// One agenda case's decision form. Its field ids are scoped by the case, so that eight forms
    /// on one page keep unique ids and the error summary links to this form's fields.
    static func decisionForm(
        _ env: PageEnvironment,
        meeting: UUID,
        entry e: AgendaEntry,
        form: FormState,
        reasons: [OutflowReason],
        ladder: [EscalationLevel]
    ) -> Node<HTML.BodyContext> {
        let id = e.item.trajectoryId.uuidString.lowercased()
        let s = form.scoped("d-" + e.item.trajectoryId.shortReference + "-").labelled(decisionLabels)
        var fields: [Node<HTML.FormContext>] = [
            FormFields.errorSummary(s, env),
            FormFields.textarea(s, env, name: "decision", required: true),
        ]
        if e.stage == .intake {
            fields.append(
                FormFields.select(
                    s,
                    env,
                    name: "outcome",
                    options: AdmissionDecision.Outcome.allCases.map { ($0.rawValue, env.t($0.label)) },
                    blank: env.t("— geen —", "— none —")
                )
            )
            fields.append(
                FormFields.select(
                    s,
                    env,
                    name: "rejectionReason",
                    options: Labels.options(RejectionReason.self, env) { $0.label },
                    blank: env.t("— alleen bij afwijzing —", "— only when rejecting —")
                )
            )
            fields.append(FormFields.textarea(s, env, name: "motivation"))
        }
        if e.stage == .active {
            fields.append(
                FormFields.select(
                    s,
                    env,
                    name: "perspective",
                    options: Labels.options(Perspective.self, env) { $0.label },
                    blank: env.t("— ongewijzigd —", "— unchanged —")
                )
            )
            fields.append(
                FormFields.checkbox(
                    s,
                    name: "reviewed",
                    label: env.t("Geldt als periodieke bespreking", "Counts as the periodic review")
                )
            )
        }
        let parties: [Party] = [.ngo, .municipality, .ind, .dtv, .avim]
        let actionItem: [Node<HTML.FormContext>] = [
            FormFields.select(
                s,
                env,
                name: "party",
                options: parties.map { ($0.rawValue, env.t($0.label)) },
                blank: env.t("— geen actiepunt —", "— no action item —")
            ),
            FormFields.input(s, env, name: "text"),
            FormFields.input(s, env, name: "dueOn", type: "date", width: "10"),
        ]
        fields += actionItem
        let followUps = [
            ("escalate", env.t("Opschalen", "Escalate")),
            ("committee", env.t("Voorleggen aan de commissie schrijnende gevallen", "Put to the hardship committee")),
            ("end", env.t("Traject beëindigen", "End the trajectory")),
        ]
        var outflowOptions: [(String, String)] = []
        for category in OutcomeCategory.allCases {
            for reason in reasons where reason.category == category {
                outflowOptions.append((reason.code, env.t(category.label) + " — " + env.t(reason.label)))
            }
        }
        let followUp: [Node<HTML.FormContext>] = [
            FormFields.select(
                s,
                env,
                name: "followUp",
                options: followUps,
                blank: env.t("— geen —", "— none —")
            ),
            FormFields.select(
                s,
                env,
                name: "level",
                options: ladder.map { ($0.code, env.t($0.label)) },
                blank: env.t("— kies —", "— choose —")
            ),
            FormFields.textarea(s, env, name: "question"),
            FormFields.textarea(s, env, name: "proposedDecision"),
            FormFields.textarea(s, env, name: "request"),
            FormFields.choices(
                s,
                env,
                name: "sharedSections",
                options: CommitteeCommands.shareable.map { ($0.rawValue, env.t(CasePage.sectionLabel($0))) },
                multiple: true,
                inline: true
            ),
            FormFields.select(
                s,
                env,
                name: "reason",
                options: outflowOptions,
                blank: env.t("— kies —", "— choose —")
            ),
        ]
        let followUpErrors = [
            "followUp", "level", "question", "proposedDecision", "request", "sharedSections", "reason",
        ]
        .contains { s.error($0) != nil }
        var folded: [Node<HTML.FormContext>] = []
        if followUpErrors {
            folded.append(.attribute(Attribute(name: "open", value: nil, ignoreIfValueIsEmpty: false)))
        }
        folded.append(
            .element(
                named: "summary",
                nodes: [
                    Node<HTML.FormContext>.text(
                        env.t(
                            "Vervolgstap: opschalen, commissie of beëindigen",
                            "Follow-up: escalate, committee or end"
                        )
                    )
                ]
            )
        )
        folded.append(.group(followUp))
        fields.append(.element(named: "details", nodes: folded))
        fields.append(FormFields.hidden("trajectoryId", id))
        fields.append(FormFields.submit(env.t("Besluit vastleggen", "Record the decision")))
        return .details(
            .attribute(Attribute(name: "open", value: nil, ignoreIfValueIsEmpty: false)),
            .summary(.text(env.t("Besluit vastleggen", "Record the decision"))),
            FormFields.form(action: SiteURL.meetingDecisions(meeting).path, env: env, version: e.version, fields)
        )
    }

    /// The reasons a case is on the agenda, naming which action items are due and for whom.
    static func reasons(_ env: PageEnvironment, _ e: AgendaEntry) -> String {
        e.item.reasons.map { reason in
            guard reason == .actionItemDue, !e.dueActionItems.isEmpty else { return env.t(reason.label) }
            let items = e.dueActionItems.map {
                "‘\($0.text)’ (" + env.t($0.party.label) + ", " + env.t("uiterlijk ", "due ") + $0.dueOn.description
                    + ")"
            }
            return env.t(reason.label) + ": " + items.joined(separator: "; ")
        }.joined(separator: " · ")
    }

    static func minutes(
        _ env: PageEnvironment,
        meeting m: Meeting,
        location: String,
        entries: [AgendaEntry]
    ) -> [Node<HTML.BodyContext>] {
        var items: [Node<HTML.ListContext>] = []
        for e in entries {
            var content: [Node<HTML.BodyContext>] = [.h3(.text(e.name)), .p(.class("meta"), .text(reasons(env, e)))]
            if e.decisions.isEmpty {
                content.append(.p(.text(env.t("Geen besluit vastgelegd.", "No decision recorded."))))
            }
            for d in e.decisions {
                content.append(
                    .p(
                        .strong(.text(d.text))
                    )
                )
                content.append(
                    .ul(
                        .group(d.parts.map { Node<HTML.ListContext>.li(.text(env.t($0))) })
                    )
                )
            }
            items.append(.li(.group(content)))
        }
        return [
            .h1(
                .text(
                    env.t("Verslag casusoverleg ", "Minutes of the case meeting ") + location + " — "
                        + m.heldOn.description
                )
            ),
            .p(
                .text(
                    env.t("Voorzitter: ", "Chair: ") + m.chairName + ". " + env.t("Aanwezig: ", "Present: ")
                        + m.partiesPresent.map { env.t($0.label) }.joined(separator: ", ") + "."
                )
            ),
            .p(
                .class("hint"),
                .text(
                    env.t(
                        "Dit verslag toont wat uw organisatie van elk dossier mag zien.",
                        "These minutes show what your organisation may see of each case."
                    )
                )
            ),
            .ol(.class("minutes"), .group(items)),
        ]
    }

    static func inbox(_ env: PageEnvironment, party: Party, inbox: Inbox, today: Day) -> [Node<HTML.BodyContext>] {
        if party == .committee { return committeeInbox(env, inbox: inbox) }
        if party == .escalationBody { return escalationInbox(env, inbox: inbox) }
        var main = actionItems(env, party: party, items: inbox.actionItems, today: today)
        main[0] = .h1(.text(env.t("Inbox", "Inbox")))
        var meetings: [Node<HTML.ListContext>] = []
        for m in inbox.meetings {
            let count =
                m.agendaCount == 1
                ? env.t("1 dossier", "1 case") : env.t("\(m.agendaCount) dossiers", "\(m.agendaCount) cases")
            meetings.append(
                .li(
                    .a(.href(SiteURL.meeting(m.id).path), .text(m.heldOn.description)),
                    .text(" — " + count)
                )
            )
        }
        main.append(
            .section(
                .h2(.text(env.t("Komende casusoverleggen", "Upcoming case meetings"))),
                meetings.isEmpty ? .p(.text(env.t("Geen.", "None."))) : .ul(.group(meetings))
            )
        )
        if !inbox.overdue.isEmpty {
            main.append(
                ProgressPage.table(
                    env,
                    id: "inbox-overdue",
                    title: env.t("Verlopen deeltermijnen", "Overdue sub-deadlines"),
                    list: inbox.overdue,
                    more: (
                        env.t("Alle verlopen deeltermijnen in Voortgang", "All overdue sub-deadlines in Progress"),
                        SiteURL.progress.path
                    )
                )
            )
        }
        if !inbox.transfers.isEmpty {
            var items: [Node<HTML.ListContext>] = []
            for t in inbox.transfers.prefix(50) {
                items.append(
                    .li(
                        .a(
                            .href(SiteURL.transfers.at("transfer-\(t.id.uuidString.lowercased())")),
                            .text(t.summary.name)
                        ),
                        .text(" — " + t.reason)
                    )
                )
            }
            main.append(
                .section(
                    .h2(
                        .text(
                            env.t("Overdrachten om te beoordelen", "Transfers to decide")
                                + " (\(inbox.transfers.count))"
                        )
                    ),
                    .ul(.group(items))
                )
            )
        }
        return main
    }

    static func escalationInbox(_ env: PageEnvironment, inbox: Inbox) -> [Node<HTML.BodyContext>] {
        var rows: [Node<HTML.TableContext>] = []
        for e in inbox.escalations {
            rows.append(
                .tr(
                    .td(
                        .a(.href(SiteURL.caseFile(e.trajectoryId).at("h-escalation")), .text(e.name))
                    ),
                    .td(.text(e.record.escalation.question)),
                    .td(.text(e.record.escalation.escalatedOn.description)),
                    .td(
                        .text(
                            e.record.decision == nil
                                ? env.t("Wacht op besluit", "Awaiting decision")
                                : env.t(
                                    "Besloten na \(e.record.daysToDecision ?? 0) dagen",
                                    "Decided after \(e.record.daysToDecision ?? 0) days"
                                )
                        )
                    )
                )
            )
        }
        return [
            .h1(.text(env.t("Inbox escalatieoverleg", "Escalation body inbox"))),
            rows.isEmpty
                ? .p(.text(env.t("Geen opgeschaalde dossiers.", "No escalated cases.")))
                : Tables.scrolling(
                    .thead(
                        .tr(
                            .th(.text(env.t("Dossier", "Case"))),
                            .th(.text(env.t("Vraag", "Question"))),
                            .th(.text(env.t("Opgeschaald", "Escalated"))),
                            .th(.text(env.t("Stand", "State")))
                        )
                    ),
                    .tbody(.group(rows))
                ),
            answeredHint(env),
        ]
    }

    /// Queues list every open question and only the latest answered ones.
    static func answeredHint(_ env: PageEnvironment) -> Node<HTML.BodyContext> {
        .p(
            .class("hint"),
            .text(
                env.t(
                    "Alle openstaande en de laatste \(Inbox.answeredShown) beantwoorde.",
                    "Every open one and the latest \(Inbox.answeredShown) answered."
                )
            )
        )
    }

    static func committeeInbox(_ env: PageEnvironment, inbox: Inbox) -> [Node<HTML.BodyContext>] {
        var rows: [Node<HTML.TableContext>] = []
        for e in inbox.committee {
            let name = e.name ?? env.t("Dossier ", "Case ") + e.trajectoryId.shortReference
            rows.append(
                .tr(
                    .td(
                        .a(.href(SiteURL.caseFile(e.trajectoryId).at("h-committee")), .text(name))
                    ),
                    .td(.text(e.request.request.requestedOn.description)),
                    .td(
                        .text(
                            e.request.advice == nil
                                ? env.t("Wacht op advies", "Awaiting advice")
                                : env.t("Geadviseerd ", "Advised ") + (e.request.advisedOn?.description ?? "")
                        )
                    )
                )
            )
        }
        return [
            .h1(.text(env.t("Inbox commissie schrijnende gevallen", "Hardship committee inbox"))),
            .p(
                .text(
                    env.t(
                        "De commissie ziet van elk dossier alleen de delen die de aanvrager deelde.",
                        "The committee sees of each case only the parts the requester shared."
                    )
                )
            ),
            rows.isEmpty
                ? .p(.text(env.t("Geen verzoeken.", "No requests.")))
                : Tables.scrolling(
                    .thead(
                        .tr(
                            .th(.text(env.t("Dossier", "Case"))),
                            .th(.text(env.t("Voorgelegd", "Requested"))),
                            .th(.text(env.t("Stand", "State")))
                        )
                    ),
                    .tbody(.group(rows))
                ),
            answeredHint(env),
        ]
    }

    static func actionItems(
        _ env: PageEnvironment,
        party: Party,
        items open: OpenActionItems,
        today: Day
    ) -> [Node<HTML.BodyContext>] {
        var rows: [Node<HTML.TableContext>] = []
        // The inbox shows the soonest ones; the longer list is on its own page.
        for entry in open.items {
            let overdue = entry.item.dueOn < today
            rows.append(
                .tr(
                    .class(overdue ? "milestone-overdue" : ""),
                    .td(
                        .a(.href(SiteURL.caseFile(entry.trajectoryId).at("h-progress")), .text(entry.name))
                    ),
                    .td(.text(entry.item.text)),
                    .td(.text(entry.item.dueOn.description + (overdue ? env.t(" (verlopen)", " (overdue)") : "")))
                )
            )
        }
        return [
            .h1(.text(env.t("Onze open actiepunten", "Our open action items"))),
            .h2(.text(env.t("Open actiepunten voor ", "Open action items for ") + env.t(party.label))),
            rows.isEmpty
                ? .p(.text(env.t("Geen open actiepunten.", "No open action items.")))
                : Tables.scrolling(
                    .thead(
                        .tr(
                            .th(.text(env.t("Dossier", "Case"))),
                            .th(.text(env.t("Actiepunt", "Action item"))),
                            .th(.text(env.t("Uiterlijk", "Due")))
                        )
                    ),
                    .tbody(.group(rows))
                ),
            .if(
                open.total > open.items.count,
                .p(
                    .text(
                        env.t(
                            "De eerste \(open.items.count) van \(ProgressPage.count(open.total, env)). ",
                            "The first \(open.items.count) of \(ProgressPage.count(open.total, env)). "
                        )
                    ),
                    .a(
                        .href(SiteURL.openActionItems.path),
                        .text(env.t("Meer open actiepunten", "More open action items"))
                    )
                )
            ),
        ]
    }
}
