import Foundation
import KoersCore
import Plot

/// Bewaren en vernietigen: who is due, the destruction lists, the decision and the report.
enum RetentionPages {
    static func index(
        _ env: PageEnvironment,
        _ page: RetentionPage,
        approval: (UUID, FormState)?,
        notice: String?
    ) -> [Node<HTML.BodyContext>] {
        var main: [Node<HTML.BodyContext>] = [
            .h1(.text(env.t("Bewaren en vernietigen", "Retention and destruction"))),
            .p(
                .a(
                    .href(SiteURL.administration.path),
                    .text(env.t("← Terug naar beheer", "← Back to administration"))
                )
            ),
            .p(
                .text(
                    env.t(
                        "Gegevens van een persoon worden vernietigd als al diens trajecten langer geleden eindigden "
                            + "dan de bewaartermijn: die van het verwerkingsregister, of \(page.defaultYears) jaar. "
                            + "Vernietigen gebeurt pas na uw besluit (Archiefwet). Namen, aliassen, dag en maand van "
                            + "geboorte, V-nummer en notities verdwijnen; de monitor houdt zijn cijfers.",
                        "A person's data is destroyed once all their trajectories ended longer ago than the "
                            + "retention period: the processing register's, or \(page.defaultYears) years. "
                            + "Destruction follows your decision (Archives Act). Names, aliases, day and month of "
                            + "birth, V-nummer and notes go; the monitor keeps its figures."
                    )
                )
            ),
        ]
        if let notice {
            main.append(
                .p(
                    .class("notice"),
                    .attribute(named: "role", value: "status"),
                    .text(notice)
                )
            )
        }
        let open = page.plans.contains { $0.status != .applied }
        main.append(
            .p(
                .attribute(named: "role", value: page.due.isEmpty ? "status" : "alert"),
                .text(
                    page.due.isEmpty
                        ? env.t("Niemand heeft de bewaartermijn bereikt.", "Nobody's retention period has ended.")
                        : env.t(
                            "\(page.due.count) personen hebben de bewaartermijn bereikt.",
                            "\(page.due.count) people have reached the end of their retention period."
                        )
                )
            )
        )
        if !page.due.isEmpty && !open {
            main.append(
                FormFields.form(
                    action: SiteURL.retentionPlans.path,
                    env: env,
                    [FormFields.submit(env.t("Vernietigingslijst maken", "Make a destruction list"))]
                )
            )
        }
        for plan in page.plans {
            main.append(self.plan(env, plan, approval: approval?.0 == plan.id ? approval?.1 : nil))
        }
        return main
    }

    static func plan(_ env: PageEnvironment, _ plan: RetentionPlan, approval: FormState?) -> Node<HTML.BodyContext> {
        let id = plan.id.uuidString.lowercased()
        let heading = "h-plan-\(id)"
        var content: [Node<HTML.BodyContext>] = [
            .h2(
                .id(heading),
                .text(
                    env.t("Lijst van ", "List of ") + Labels.dateTime(plan.createdAt, env) + " — "
                        + env.t(plan.status.label)
                )
            ),
            .p(
                .text(
                    env.t("\(plan.items.count) personen", "\(plan.items.count) people")
                        + (plan.decision.map { env.t(" · besluit: ", " · decision: ") + $0 } ?? "")
                        + (plan.approvedBy.map { env.t(" · goedgekeurd door ", " · approved by ") + $0 } ?? "")
                        + (plan.appliedAt.map {
                            env.t(" · vernietigd op ", " · destroyed on ") + Labels.dateTime($0, env)
                        }
                            ?? "")
                )
            ),
        ]
        var rows: [Node<HTML.TableContext>] = []
        for item in plan.items.prefix(200) {
            rows.append(
                .tr(
                    .td(
                        .class("trace"),
                        .text(String(item.subject.prefix(16)))
                    ),
                    .td(.text(item.trajectories.map { "\($0.location) (\($0.endedOn))" }.joined(separator: "; "))),
                    .td(.text(String(item.retentionYears))),
                    .td(.text(item.dueOn.description))
                )
            )
        }
        content.append(
            .div(
                .class("table-scroll"),
                .attribute(named: "tabindex", value: "0"),
                .table(
                    .caption(
                        .text(
                            plan.items.count > 200
                                ? env.t("De eerste 200 personen", "The first 200 people")
                                : env.t("Personen op de lijst", "People on the list")
                        )
                    ),
                    .thead(
                        .tr(
                            .th(.text(env.t("Pseudoniem", "Pseudonym"))),
                            .th(.text(env.t("Trajecten (geëindigd)", "Trajectories (ended)"))),
                            .th(.text(env.t("Termijn (jaar)", "Period (years)"))),
                            .th(.text(env.t("Verlopen op", "Ended on")))
                        )
                    ),
                    .tbody(.group(rows))
                )
            )
        )
        switch plan.status {
        case .proposed:
            let s = (approval ?? FormState()).labelled(["decision": LocalizedText(nl: "Besluit", en: "Decision")])
                .scoped("plan-\(id)-")
            content.append(FormFields.errorSummary(s, env))
            content.append(
                FormFields.form(
                    action: SiteURL.approvePlan(plan.id).path,
                    env: env,
                    [
                        FormFields.input(
                            s,
                            env,
                            name: "decision",
                            hint: env.t(
                                "Het kenmerk van het besluit tot vernietiging, bijvoorbeeld "
                                    + "‘Besluit B&W 2026/123’.",
                                "The reference of the decision to destroy, for example ‘Besluit B&W 2026/123’."
                            ),
                            required: true
                        ),
                        FormFields.submit(env.t("Goedkeuren", "Approve")),
                    ]
                )
            )
        case .approved:
            content.append(
                FormFields.form(
                    action: SiteURL.applyPlan(plan.id).path,
                    env: env,
                    [FormFields.submit(env.t("Nu vernietigen", "Destroy now"))]
                )
            )
        case .applied:
            if let report = plan.report {
                let rows = report.rows.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
                    .joined(separator: ", ")
                content.append(
                    .p(
                        .text(
                            env.t("Verklaring van vernietiging: ", "Destruction report: ") + rows + " · "
                                + env.t("uitgevoerd door ", "carried out by ") + report.appliedBy
                        )
                    )
                )
            }
        }
        return .section(
            .attribute(named: "aria-labelledby", value: heading),
            .group(content)
        )
    }
}
