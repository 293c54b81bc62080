import Foundation
import KoersCore
import Plot

/// Voortgang: overdue and upcoming milestones across a location, and time per stage.
enum ProgressPage {
    static func render(
        _ env: PageEnvironment,
        report: ProgressReport,
        locations: [Location],
        mayConfigure: Bool,
        pageHref: @escaping (String, Int) -> String = { _, _ in "" }
    ) -> [Node<HTML.BodyContext>] {
        let policy = report.location.deadlinePolicy
        var main: [Node<HTML.BodyContext>] = [.h1(.text(env.t("Voortgang ", "Progress ") + report.location.name))]
        if locations.count > 1 {
            var links: [Node<HTML.ListContext>] = []
            for location in locations {
                links.append(
                    .li(
                        .a(
                            .href(SiteURL.progress.with([("location", location.id.uuidString.lowercased())])),
                            .text(location.name)
                        )
                    )
                )
            }
            main.append(
                .nav(
                    .attribute(named: "aria-label", value: env.t("Locaties", "Locations")),
                    .ul(.group(links))
                )
            )
        }
        main.append(
            .p(
                .text(env.t("Peildatum ", "Reference date ") + report.on.description + ". " + describe(policy, env)),
                .if(
                    mayConfigure,
                    .group(
                        .text(" "),
                        .a(
                            .href(SiteURL.deadlines(location: report.location.id).path),
                            .text(env.t("Termijnbeleid wijzigen", "Change the deadline policy"))
                        )
                    )
                )
            )
        )
        let lists: [(String, String, ProgressReport.Page)] = [
            ("overdue", env.t("Verlopen", "Overdue"), report.overdue),
            ("upcoming", env.t("Binnenkort (28 dagen)", "Upcoming (28 days)"), report.upcoming),
            ("suspended", env.t("Opgeschort", "Suspended"), report.suspended),
        ]
        for (id, title, list) in lists {
            main.append(table(env, id: id, title: title, list: list, href: { pageHref(id, $0) }))
        }
        var rows: [Node<HTML.TableContext>] = []
        for time in report.stageTimes {
            let label =
                time.stage == .referral
                ? env.t("Van aanmelding tot toelatingsbesluit", "From referral to admission decision")
                : env.t("Van toelating tot uitstroom", "From admission to outflow")
            rows.append(
                .tr(
                    .td(.text(label)),
                    .td(.text(String(time.cases))),
                    .td(.text(String(time.medianDays)))
                )
            )
        }
        main.append(
            .section(
                .h2(.text(env.t("Doorlooptijden", "Time per stage"))),
                Tables.scrolling(
                    .thead(
                        .tr(
                            .th(.text(env.t("Fase", "Stage"))),
                            .th(.text(env.t("Trajecten", "Trajectories"))),
                            .th(.text(env.t("Mediaan (dagen)", "Median (days)")))
                        )
                    ),
                    .tbody(.group(rows))
                ),
                .p(
                    .class("hint"),
                    .text(
                        env.t("Berekend op ", "Computed on ") + Labels.dateTime(report.stageTimesComputedAt, env)
                            + env.t(
                                " (over alle trajecten van de locatie; hoogstens een kwartier oud).",
                                " (over all of the location's trajectories; at most a quarter of an hour old)."
                            )
                    )
                )
            )
        )
        return main
    }

    static func describe(_ policy: DeadlinePolicy, _ env: PageEnvironment) -> String {
        if policy.isEmpty {
            return env.t("Deze locatie werkt zonder deeltermijnen.", "This location works without sub-deadlines.")
        }
        var parts: [String] = []
        if let w = policy.perspectiveWithinWeeks {
            parts.append(env.t("perspectief binnen \(w) weken", "perspective within \(w) weeks"))
        }
        if let w = policy.reviewEveryWeeks {
            parts.append(env.t("bespreking elke \(w) weken", "review every \(w) weeks"))
        }
        if let m = policy.maximumStayMonths {
            parts.append(env.t("maximaal \(m) maanden verblijf", "maximum stay \(m) months"))
        }
        return env.t("Termijnen: ", "Deadlines: ") + parts.joined(separator: ", ") + "."
    }

    static let pageSize = ProgressReport.pageSize

    /// One list of milestones, a page at a time. With `href` a pager links the other pages;
    /// without it, a longer list says how many there are and where to see them (`more`).
    static func table(
        _ env: PageEnvironment,
        id: String,
        title: String,
        list: ProgressReport.Page,
        href: ((Int) -> String)? = nil,
        more: (text: String, link: String)? = nil
    ) -> Node<HTML.BodyContext> {
        let pages = max(1, (list.total + pageSize - 1) / pageSize)
        var rows: [Node<HTML.TableContext>] = []
        for e in list.entries {
            let what =
                e.milestone.title.map { env.t(e.milestone.kind.label) + ": " + $0 }
                ?? Labels.milestoneName(e.milestone.key, env)
            rows.append(
                .tr(
                    .td(
                        .a(.href(SiteURL.caseFile(e.trajectoryId).at("h-progress")), .text(e.name))
                    ),
                    .td(.text(what + (e.milestone.party.map { " (" + env.t($0.label) + ")" } ?? ""))),
                    .td(.text(e.milestone.dueOn.description))
                )
            )
        }
        return .section(
            .attribute(named: "aria-labelledby", value: "h-\(id)"),
            .h2(.id("h-\(id)"), .text("\(title) (\(count(list.total, env)))")),
            list.isEmpty
                ? .p(.text(env.t("Geen.", "None.")))
                : CaseSections.table(
                    env,
                    [("Persoon", "Person"), ("Termijn", "Deadline"), ("Uiterlijk", "Due")],
                    rows
                ),
            pager(env, id: id, page: list.page, pages: pages, total: list.total, href: href, more: more)
        )
    }

    /// A count as a list's heading gives it: exact up to the cap, then "more than".
    static func count(_ total: Int, _ env: PageEnvironment) -> String {
        total > ListBounds.countCap
            ? env.t("meer dan \(ListBounds.countCap)", "more than \(ListBounds.countCap)") : String(total)
    }

    /// Previous and next for a paged list, or where to see the rest of a shortened one.
    static func pager(
        _ env: PageEnvironment,
        id: String,
        page: Int,
        pages: Int,
        total: Int,
        href: ((Int) -> String)?,
        more: (text: String, link: String)?
    ) -> Node<HTML.BodyContext> {
        guard pages > 1 else { return .group([]) }
        guard let href else {
            let text = env.t(
                "De eerste \(pageSize) van \(count(total, env)). ",
                "The first \(pageSize) of \(count(total, env)). "
            )
            return .p(
                .text(text),
                .if(more != nil, .a(.href(more?.link ?? ""), .text(more?.text ?? "")))
            )
        }
        return .nav(
            .class("pager"),
            .attribute(named: "aria-label", value: env.t("Pagina's: ", "Pages: ") + id),
            .if(page > 1, .a(.href(href(page - 1)), .text(env.t("← Vorige", "← Previous")))),
            .span(
                .text(
                    total > ListBounds.countCap
                        ? env.t("Pagina \(page)", "Page \(page)")
                        : env.t("Pagina \(page) van \(pages)", "Page \(page) of \(pages)")
                )
            ),
            .if(page < pages, .a(.href(href(page + 1)), .text(env.t("Volgende →", "Next →"))))
        )
    }

    /// The deadline policy form's words for its fields, shared by the fields and the error summary.
    static let policyLabels: [String: LocalizedText] = [
        "perspectiveWithinWeeks": LocalizedText(
            nl: "Perspectief bepaald binnen (weken na toelating)",
            en: "Perspective decided within (weeks after admission)"
        ),
        "reviewEveryWeeks": LocalizedText(
            nl: "Periodieke bespreking elke (weken)",
            en: "Periodic review every (weeks)"
        ),
        "maximumStayMonths": LocalizedText(nl: "Maximale verblijfsduur (maanden)", en: "Maximum stay (months)"),
    ]

    static func policyForm(_ env: PageEnvironment, _ state: FormState, location: Location) -> [Node<HTML.BodyContext>] {
        let s = state.labelled(policyLabels)
        let hint = env.t("Leeg: geen termijn.", "Empty: no deadline.")
        let fields: [Node<HTML.FormContext>] = [
            FormFields.input(s, env, name: "perspectiveWithinWeeks", hint: hint, width: "10"),
            FormFields.input(s, env, name: "reviewEveryWeeks", hint: hint, width: "10"),
            FormFields.input(s, env, name: "maximumStayMonths", hint: hint, width: "10"),
            FormFields.submit(env.t("Termijnbeleid opslaan", "Save the deadline policy")),
        ]
        return [
            .h1(.text(env.t("Termijnbeleid ", "Deadline policy ") + location.name)),
            .p(
                .text(
                    env.t(
                        "Laat alle velden leeg om zonder deeltermijnen te werken (zoals Utrecht en Eindhoven). "
                            + "Wijzigingen gelden direct voor alle lopende trajecten.",
                        "Leave every field empty to work without sub-deadlines (as Utrecht and Eindhoven do). Changes "
                            + "apply at once to every running trajectory."
                    )
                )
            ),
            FormFields.errorSummary(s, env),
            FormFields.form(action: SiteURL.deadlines(location: location.id).path, env: env, fields),
        ]
    }
}
