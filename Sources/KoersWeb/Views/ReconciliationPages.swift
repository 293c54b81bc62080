import Foundation
import KoersCore
import Plot

/// Afstemmen: the agencies' lists compared with Koers, line by line, for the municipality to resolve.
enum ReconciliationPages {
    static let labels: [String: LocalizedText] = [
        "locationId": LocalizedText(nl: "Locatie", en: "Location"),
        "source": LocalizedText(nl: "Lijst van", en: "List from"),
        "file": LocalizedText(nl: "Lijst (CSV of XLSX)", en: "List (CSV or XLSX)"),
        "resolution": LocalizedText(nl: "Afhandeling", en: "Resolution"),
        "note": LocalizedText(nl: "Toelichting", en: "Note"),
    ]

    /// The upload form and the comparisons made before.
    static func index(
        _ env: PageEnvironment,
        locations: [Location],
        runs: [ReconciliationSummary],
        _ s: FormState
    ) -> [Node<HTML.BodyContext>] {
        let s = s.labelled(labels)
        let names = Dictionary(uniqueKeysWithValues: locations.map { ($0.id, $0.name) })
        return [
            .h1(.text(env.t("Afstemmen met IND en DT&V", "Reconcile with the IND and DT&V"))),
            .p(
                .text(
                    env.t(
                        "Vergelijk de lijst van de IND (besluiten op herhaalde asielaanvragen: V-nummer, Ingediend, "
                            + "Besluitdatum, Uitkomst) of van DT&V (vertrek: V-nummer, Vertrekdatum, Soort) met wat "
                            + "Koers op uw locatie vastlegt. Per regel ziet u of het overeenkomt; wat verschilt, "
                            + "neemt u over of verklaart u. V-nummers die Koers op de locatie niet kent, worden "
                            + "alleen geteld.",
                        "Compare the IND's list (decisions on repeat asylum applications: V-nummer, Ingediend, "
                            + "Besluitdatum, Uitkomst) or DT&V's (departures: V-nummer, Vertrekdatum, Soort) with "
                            + "what Koers holds at your location. Each line says whether they agree; what differs "
                            + "you take in or explain. V-nummers Koers does not know at the location are only counted."
                    )
                )
            ),
            FormFields.errorSummary(s, env),
            FormFields.form(
                action: SiteURL.reconciliations.path,
                env: env,
                multipart: true,
                [
                    FormFields.select(
                        s,
                        env,
                        name: "locationId",
                        options: locations.map { ($0.id.uuidString.lowercased(), $0.name) },
                        required: true
                    ),
                    FormFields.choices(
                        s,
                        env,
                        name: "source",
                        options: Labels.options(AgencySource.self, env, \.label),
                        required: true
                    ),
                    FormFields.input(
                        s,
                        env,
                        name: "file",
                        type: "file",
                        required: true
                    ),
                    FormFields.submit(env.t("Vergelijken", "Compare")),
                ]
            ),
            .h2(.text(env.t("Eerdere vergelijkingen", "Earlier comparisons"))),
            runs.isEmpty
                ? .p(.text(env.t("Nog geen.", "None yet.")))
                : .div(
                    .class("table-scroll"),
                    .attribute(named: "tabindex", value: "0"),
                    .table(
                        .thead(
                            .tr(
                                .th(.text(env.t("Vergeleken", "Compared"))),
                                .th(.text(env.t("Locatie", "Location"))),
                                .th(.text(env.t("Lijst", "List"))),
                                .th(.text(env.t("Open", "Open"))),
                                .th(.text(env.t("Afgestemd", "Reconciled")))
                            )
                        ),
                        .tbody(
                            .forEach(runs) { run in
                                .tr(
                                    .td(.text(Labels.dateTime(run.uploadedAt, env))),
                                    .td(.text(names[run.locationId] ?? "")),
                                    .td(
                                        .a(
                                            .href(SiteURL.reconciliation(run.id).path),
                                            .text("\(run.source.agencyName): \(run.fileName)")
                                        )
                                    ),
                                    .td(.text(String(run.open))),
                                    .td(.text("\(run.reconciled) / \(run.lines)"))
                                )
                            }
                        )
                    )
                ),
        ]
    }

    /// One comparison: the counts, the open lines each with its decision, and those resolved.
    /// `failed` is the line whose decision was refused, with its errors.
    static func reconciliation(
        _ env: PageEnvironment,
        _ run: Reconciliation,
        location: String,
        failed: (line: UUID, state: FormState)?,
        notice: String?
    ) -> [Node<HTML.BodyContext>] {
        let open = run.lines.filter(\.isOpen)
        let resolved = run.lines.filter { $0.resolution != nil }
        func count(_ status: ReconciliationLine.Status) -> Int { run.lines.count { $0.line.status == status } }
        var summary: [Node<HTML.ListContext>] = ReconciliationLine.Status.allCases.map { status in
            .li(.text("\(env.t(status.label)): \(count(status))"))
        }
        summary.append(
            .li(
                .text(
                    env.t(
                        "V-nummers die Koers op deze locatie niet kent (alleen geteld): \(run.unknownVNumbers)",
                        "V-nummers Koers does not know at this location (counted only): \(run.unknownVNumbers)"
                    )
                )
            )
        )
        if run.rejectedRows > 0 {
            summary.append(
                .li(.text(env.t("Onleesbare rijen: \(run.rejectedRows)", "Unreadable rows: \(run.rejectedRows)")))
            )
        }
        return [
            .h1(.text(env.t("Afstemming ", "Reconciliation ") + "\(run.source.agencyName): \(run.fileName)")),
            .if(
                notice != nil,
                .p(
                    .class("notice"),
                    .attribute(named: "role", value: "status"),
                    .text(notice ?? "")
                )
            ),
            .p(
                .class("meta"),
                .text(
                    env.t(
                        "\(location), vergeleken door \(run.userName) op \(Labels.dateTime(run.uploadedAt, env)). "
                            + "Afgestemd: \(run.reconciled) van \(run.lines.count) regels.",
                        "\(location), compared by \(run.userName) on \(Labels.dateTime(run.uploadedAt, env)). "
                            + "Reconciled: \(run.reconciled) of \(run.lines.count) lines."
                    )
                )
            ),
            .ul(.group(summary)),
            .h2(.text(env.t("Te beoordelen (\(open.count))", "To resolve (\(open.count))"))),
            open.isEmpty
                ? .p(
                    .text(
                        env.t(
                            "Niets: elke regel komt overeen of is afgehandeld.",
                            "Nothing: every line agrees or is resolved."
                        )
                    )
                )
                : .group(
                    open.map { line in
                        let state = failed?.line == line.id ? failed!.state : FormState()
                        return openLine(env, run, line, state.labelled(labels).scoped("l\(line.number)-"))
                    }
                ),
            .h2(.text(env.t("Afgehandeld (\(resolved.count))", "Resolved (\(resolved.count))"))),
            resolved.isEmpty
                ? .p(.text(env.t("Nog niets.", "Nothing yet.")))
                : .div(
                    .class("table-scroll"),
                    .attribute(named: "tabindex", value: "0"),
                    .table(
                        .thead(
                            .tr(
                                .th(.text(env.t("Regel", "Line"))),
                                .th(.text(env.t("Soort", "Kind"))),
                                .th(.text("V-nummer")),
                                .th(.text(env.t("Afhandeling", "Resolution"))),
                                .th(.text(env.t("Toelichting", "Note"))),
                                .th(.text(env.t("Door", "By")))
                            )
                        ),
                        .tbody(
                            .forEach(resolved) { line in
                                .tr(
                                    .td(.text(String(line.number))),
                                    .td(.text(env.t(line.line.status.label))),
                                    .td(.text(line.line.vNumber.digits)),
                                    .td(.text(line.resolution.map { env.t($0.label) } ?? "")),
                                    .td(.text(line.note ?? "")),
                                    .td(
                                        .text(
                                            (line.resolvedBy ?? "") + " "
                                                + (line.resolvedAt.map { Labels.dateTime($0, env) } ?? "")
                                        )
                                    )
                                )
                            }
                        )
                    )
                ),
            .p(
                .a(
                    .href(SiteURL.reconciliations.path),
                    .text(env.t("Terug naar afstemmen", "Back to reconciliation"))
                )
            ),
        ]
    }

    private static func openLine(
        _ env: PageEnvironment,
        _ run: Reconciliation,
        _ line: Reconciliation.Line,
        _ s: FormState
    ) -> Node<HTML.BodyContext> {
        let item = line.line
        let heading = "line-\(line.number)"
        var options: [(String, String)] = []
        if item.mayAccept {
            options.append(
                (
                    ReconciliationResolution.accepted.rawValue,
                    env.t("Overnemen van \(run.source.agencyName)", "Take in from \(run.source.agencyName)")
                )
            )
        }
        options.append((ReconciliationResolution.explained.rawValue, env.t("Verklaren", "Explain")))
        let caseLink: Node<HTML.BodyContext> =
            item.registered.map { fact in
                .group(
                    .text(" · "),
                    .a(
                        .href(SiteURL.caseFile(fact.trajectoryId).path),
                        .text(env.t("Dossier openen", "Open the case"))
                    )
                )
            } ?? .empty
        return .section(
            .class("reconcile-line"),
            .attribute(named: "aria-labelledby", value: heading),
            .h3(
                .id(heading),
                .text(env.t("Regel ", "Line ") + "\(line.number): " + env.t(item.status.label))
            ),
            FormFields.errorSummary(s, env),
            .p(
                .text("V-nummer \(item.vNumber.digits)"),
                .text(item.listed.map { env.t(" · rij \($0.row) van de lijst", " · row \($0.row) of the list") } ?? ""),
                caseLink
            ),
            comparison(env, run.source, item),
            FormFields.form(
                action: SiteURL.reconciliationLine(run.id, line: line.id).path,
                env: env,
                [
                    FormFields.choices(
                        s,
                        env,
                        name: "resolution",
                        options: options,
                        required: true
                    ),
                    FormFields.textarea(
                        s,
                        env,
                        name: "note",
                        hint: env.t("Nodig bij verklaren.", "Needed to explain.")
                    ),
                    FormFields.submit(env.t("Afhandelen", "Resolve")),
                ]
            )
        )
    }

    /// Koers's fact beside the list's, field by field; the differing fields marked.
    private static func comparison(
        _ env: PageEnvironment,
        _ source: AgencySource,
        _ line: ReconciliationLine
    ) -> Node<HTML.BodyContext> {
        let fields = source == .ind ? ["submittedOn", "decidedOn", "outcome"] : ["leftOn", "reason"]
        let differing = Set(line.differences.map(\.field))
        func value(
            _ field: String,
            _ date: Day?,
            _ decided: Day?,
            _ outcome: ProcedureOutcome?,
            _ reason: String?
        )
            -> String
        {
            switch field {
            case "submittedOn", "leftOn": date?.description ?? "—"
            case "decidedOn": decided?.description ?? "—"
            case "outcome": outcome.map { env.t($0.label) } ?? "—"
            default: reason.map { reasonLabel($0, env) } ?? "—"
            }
        }
        return .div(
            .class("table-scroll"),
            .attribute(named: "tabindex", value: "0"),
            .table(
                .thead(
                    .tr(
                        .th(.text(env.t("Gegeven", "Field"))),
                        .th(.text("Koers")),
                        .th(.text(env.t("Lijst van ", "List of ") + source.agencyName))
                    )
                ),
                .tbody(
                    .forEach(fields) { field in
                        let k = line.registered
                        let l = line.listed
                        return .tr(
                            .class(differing.contains(field) ? "differs" : ""),
                            .th(
                                .attribute(named: "scope", value: "row"),
                                .text(
                                    fieldLabel(field, env)
                                        + (differing.contains(field) ? env.t(" (verschilt)", " (differs)") : "")
                                )
                            ),
                            .td(.text(k == nil ? "—" : value(field, k?.date, k?.decidedOn, k?.outcome, k?.reasonCode))),
                            .td(.text(l == nil ? "—" : value(field, l?.date, l?.decidedOn, l?.outcome, l?.reasonCode)))
                        )
                    }
                )
            )
        )
    }

    static func fieldLabel(_ field: String, _ env: PageEnvironment) -> String {
        switch field {
        case "submittedOn": env.t("Ingediend", "Submitted")
        case "decidedOn": env.t("Besluitdatum", "Decided on")
        case "outcome": env.t("Uitkomst", "Outcome")
        case "leftOn": env.t("Vertrekdatum", "Left on")
        default: env.t("Soort vertrek", "Kind of departure")
        }
    }

    static func reasonLabel(_ code: String, _ env: PageEnvironment) -> String {
        OutflowReason.nationalDefault.first { $0.code == code }.map { env.t($0.label) } ?? code
    }

    /// The monitor's section: per location and agency, the share of the latest list reconciled.
    static func shares(_ env: PageEnvironment, _ shares: [ReconciledShare]) -> Node<HTML.BodyContext> {
        .section(
            .attribute(named: "aria-labelledby", value: "h-reconciled"),
            .h2(
                .id("h-reconciled"),
                .text(env.t("Afgestemd met de ketenpartners", "Reconciled with the agencies"))
            ),
            .p(
                .text(
                    env.t(
                        "Per locatie het deel van de regels in de laatst vergeleken lijst van de IND of DT&V dat "
                            + "overeenkomt of door de gemeente is afgehandeld.",
                        "Per location, the share of the lines in the latest list compared from the IND or DT&V "
                            + "that agree or that the municipality resolved."
                    )
                )
            ),
            shares.isEmpty
                ? .p(.text(env.t("Nog geen lijst vergeleken.", "No list compared yet.")))
                : .div(
                    .class("table-scroll"),
                    .attribute(named: "tabindex", value: "0"),
                    .table(
                        .thead(
                            .tr(
                                .th(.text(env.t("Locatie", "Location"))),
                                .th(.text(env.t("Lijst", "List"))),
                                .th(.text(env.t("Afgestemd", "Reconciled"))),
                                .th(.text(env.t("Vergeleken", "Compared")))
                            )
                        ),
                        .tbody(
                            .forEach(shares) { share in
                                .tr(
                                    .td(.text(share.location)),
                                    .td(.text(share.source.agencyName)),
                                    .td(.text("\(share.percent)% (\(share.reconciled) / \(share.total))")),
                                    .td(.text(Labels.dateTime(share.on, env)))
                                )
                            }
                        )
                    )
                )
        )
    }
}
