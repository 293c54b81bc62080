import Foundation
import KoersCore
import Plot

/// Mijn dossiers: trajectories at the user's locations, with filters.
enum CaseListPage {
    static func render(
        _ env: PageEnvironment,
        filters: FormInput,
        items: [CaseListItem],
        total: Int,
        page: Int,
        pageSize: Int
    ) -> [Node<HTML.BodyContext>] {
        let s = FormState(input: filters)
        var rows: [Node<HTML.TableContext>] = []
        for item in items {
            rows.append(
                .tr(
                    .td(
                        .a(.href(SiteURL.caseFile(item.trajectoryId).path), .text(item.name))
                    ),
                    .td(.text(item.birthDate ?? "—")),
                    .td(.text(Labels.country(item.nationality, env))),
                    .td(.text(item.vNumber ?? "—")),
                    .td(.text(env.t(item.stage.label))),
                    .td(.text(item.perspective.map { env.t($0.label) } ?? "—")),
                    .td(.text(item.location)),
                    .td(.text(item.referredOn))
                )
            )
        }
        let pages = max(1, (total + pageSize - 1) / pageSize)
        let filterForm: [Node<HTML.FormContext>] = [
            .attribute(named: "method", value: "get"), .attribute(named: "action", value: SiteURL.cases.path),
            .class("filters"),
            .attribute(named: "role", value: "search"),
            FormFields.input(s, env, name: "q", label: env.t("Naam of V-nummer", "Name or V-number"), type: "search"),
            FormFields.select(
                s,
                env,
                name: "stage",
                label: env.t("Fase", "Stage"),
                options: Labels.options(Stage.self, env) { $0.label },
                blank: env.t("Alle", "All")
            ),
            FormFields.select(
                s,
                env,
                name: "perspective",
                label: env.t("Perspectief", "Perspective"),
                options: Labels.options(Perspective.self, env) { $0.label },
                blank: env.t("Alle", "All")
            ),
            FormFields.select(
                s,
                env,
                name: "nationality",
                label: env.t("Nationaliteit", "Nationality"),
                options: Labels.countryOptions(env),
                blank: env.t("Alle", "All")
            ),
            FormFields.submit(env.t("Zoeken", "Search")),
        ]
        return [
            .h1(.text(env.t("Mijn dossiers", "My cases"))),
            .element(named: "form", nodes: filterForm),
            .p(
                .attribute(named: "role", value: "status"),
                .text(
                    total > ListBounds.countCap
                        ? env.t(
                            "Meer dan \(ListBounds.countCap) dossiers gevonden; verfijn de zoekopdracht.",
                            "More than \(ListBounds.countCap) cases found; refine the search."
                        )
                        : total == 1
                            ? env.t("1 dossier gevonden.", "1 case found.")
                            : env.t("\(total) dossiers gevonden.", "\(total) cases found.")
                )
            ),
            .if(
                !items.isEmpty,
                Tables.scrolling(
                    .class("cases"),
                    .caption(.text(env.t("Dossiers, laatst gewijzigd eerst", "Cases, most recently changed first"))),
                    .thead(
                        .tr(
                            .th(.text(env.t("Naam", "Name"))),
                            .th(.text(env.t("Geboren", "Born"))),
                            .th(.text(env.t("Nationaliteit", "Nationality"))),
                            .th(.text(env.t("V-nummer", "V-number"))),
                            .th(.text(env.t("Fase", "Stage"))),
                            .th(.text(env.t("Perspectief", "Perspective"))),
                            .th(.text(env.t("Locatie", "Location"))),
                            .th(.text(env.t("Aangemeld", "Referred")))
                        )
                    ),
                    .tbody(.group(rows))
                )
            ),
            pager(env, filters: filters, page: page, pages: pages),
        ]
    }

    static func pager(_ env: PageEnvironment, filters: FormInput, page: Int, pages: Int) -> Node<HTML.BodyContext> {
        guard pages > 1 else { return .group([]) }
        func href(_ p: Int) -> String {
            let items = filters.values.compactMap { key, values -> (String, String)? in
                key == "page" || values.first?.isEmpty != false ? nil : (key, values[0])
            }
            return SiteURL.cases.with((items + [("page", String(p))]).sorted { $0.0 < $1.0 })
        }
        return .nav(
            .class("pager"),
            .attribute(named: "aria-label", value: env.t("Paginering", "Pagination")),
            .if(page > 1, .a(.href(href(page - 1)), .text(env.t("← Vorige", "← Previous")))),
            .span(.text(env.t("Pagina \(page) van \(pages)", "Page \(page) of \(pages)"))),
            .if(page < pages, .a(.href(href(page + 1)), .text(env.t("Volgende →", "Next →"))))
        )
    }
}
