import Foundation
import KoersCore
import KoersMonitor
import Plot

/// The national monitor: the evaluation's results chapter, from the events, on a reference date.
/// Every number on it is a published (suppressed) cell; it names no person.
enum MonitorPage {
    static func render(
        _ env: PageEnvironment,
        report: MonitorReport,
        printable: Bool,
        today: Day,
        form: FormState? = nil
    ) -> [Node<HTML.BodyContext>] {
        let p = report.peildatum.description
        var main: [Node<HTML.BodyContext>] = [
            .h1(.text(env.t("Monitor LVV — peildatum ", "LVV monitor — reference date ") + p))
        ]
        if !printable {
            let state =
                form
                ?? FormState(
                    input: {
                        var i = FormInput()
                        i.set("peildatum", p)
                        return i
                    }()
                )
            var dates: [(String, String)] = []
            var d = Day(year: 2019, month: 1, day: 1)!
            while d <= today {
                dates.append((d.description, d.description))
                d = d.adding(months: 3)
            }
            main.append(FormFields.errorSummary(state, env))
            main.append(
                .form(
                    .action(SiteURL.monitor.path),
                    .method(.get),
                    .class("inline-form"),
                    FormFields.select(
                        state,
                        env,
                        name: "peildatum",
                        label: env.t(
                            "Peildatum (eerste dag van een kwartaal)",
                            "Reference date (first day of a quarter)"
                        ),
                        options: dates.reversed()
                    ),
                    .button(.type(.submit), .text(env.t("Tonen", "Show")))
                )
            )
            let q = [("peildatum", p)]
            main.append(
                .ul(
                    .class("downloads"),
                    .li(
                        .a(.href(SiteURL.monitorReport.with(q)), .text(env.t("Afdrukbaar rapport", "Printable report")))
                    ),
                    .li(
                        .a(.href(SiteURL.monitorDownload(.csv).with(q)), .text("CSV"))
                    ),
                    .li(
                        .a(.href(SiteURL.monitorDownload(.xlsx).with(q)), .text("Excel (XLSX)"))
                    ),
                    .li(
                        .a(.href(SiteURL.monitorDownload(.json).with(q)), .text("JSON"))
                    )
                )
            )
        }
        main.append(
            .p(
                .text(
                    env.t(
                        "Geteld wordt wat vóór de peildatum is vastgelegd. Cellen met 1 tot \(report.k - 1) personen "
                            + "zijn onderdrukt (x), samen met de cellen waaruit ze terug te rekenen zijn — ook via "
                            + "eerdere peildata.",
                        "Counted is what was recorded before the reference date. Cells of 1 to \(report.k - 1) people "
                            + "are suppressed (x), together with the cells they could be recomputed from — also "
                            + "through "
                            + "earlier reference dates."
                    )
                )
            )
        )
        main.append(headline(env, report))
        var number = 1
        for table in report.tables where table.id != "persons" {
            main.append(section(env, report, table, number: number))
            number += 1
        }
        if let analyses = report.analyses {
            main.append(.h2(.class("part"), .text(env.t("Analyses", "Analyses"))))
            main += MonitorAnalysesSection.render(env, analyses, number: number)
        }
        return main
    }

    /// The evaluation's headline figures, national.
    static func headline(_ env: PageEnvironment, _ report: MonitorReport) -> Node<HTML.BodyContext> {
        let nationalColumn = report.locations.count
        func cell(_ id: String, _ row: Int, _ column: Int? = nil) -> Int? {
            guard let t = report.table(id) else { return nil }
            return t.value(.init(row < 0 ? t.rowCount + row : row, column ?? t.columnCount - 1))
        }
        func share(_ part: Int?, _ whole: Int?) -> String {
            guard let part, let whole, whole > 0 else { return "x" }
            return String(format: "%.0f%%", 100 * Double(part) / Double(whole))
        }
        let outflow = cell("outcomeCategory", -1, nationalColumn)
        let items: [(String, String)] = [
            (env.t("Personen", "Persons"), cell("persons", 0, 0).map(String.init) ?? "x"),
            (
                env.t("Trajecten", "Trajectories"),
                cell("headline", HeadlineRow.trajectories.rawValue, nationalColumn).map(String.init) ?? "x"
            ),
            (env.t("Uitgestroomd", "Outflow"), outflow.map(String.init) ?? "x"),
            (
                env.t("Bestendige oplossing", "Durable solution"),
                share(cell("outcomeCategory", 0, nationalColumn), outflow)
            ),
            (
                env.t("Semi-bestendige oplossing", "Semi-durable solution"),
                share(cell("outcomeCategory", 1, nationalColumn), outflow)
            ),
            (env.t("Geen oplossing", "No solution"), share(cell("outcomeCategory", 2, nationalColumn), outflow)),
            (
                env.t("HASA ingewilligd (van beslist)", "HASA granted (of decided)"),
                share(
                    cell("headline", HeadlineRow.hasaGranted.rawValue, nationalColumn),
                    cell("headline", HeadlineRow.hasaDecided.rawValue, nationalColumn)
                )
            ),
            (
                env.t("Actief op de peildatum", "Active on the reference date"),
                cell("headline", HeadlineRow.active.rawValue, nationalColumn).map(String.init) ?? "x"
            ),
            (
                env.t("Mediane duur tot uitstroom", "Median time to outflow"),
                report.medianDays.last.flatMap { $0 }.map { env.t("\($0) dagen", "\($0) days") } ?? "x"
            ),
        ]
        var entries: [Node<HTML.ListContext>] = []
        for (label, value) in items {
            entries.append(
                .li(
                    .span(.class("figure"), .text(value)),
                    .span(.class("figure-label"), .text(label))
                )
            )
        }
        return .section(
            .attribute(named: "aria-labelledby", value: "h-headline"),
            .h2(.id("h-headline"), .text(env.t("Kerncijfers (nationaal)", "Headline figures (national)"))),
            .ul(.class("figures"), .group(entries))
        )
    }

    static func section(
        _ env: PageEnvironment,
        _ report: MonitorReport,
        _ table: CountTable,
        number: Int
    ) -> Node<HTML.BodyContext> {
        let title = "\(number). " + env.t(table.title)
        let id = "t-" + table.id
        var chart: String?
        let last = table.columnCount - 1
        switch table.id {
        case "inflow", "outflow":
            chart = MonitorCharts.bars(
                id: id + "-chart",
                title: title,
                labels: table.rowLabels.map { env.t($0) },
                values: (0..<table.rowLabels.count).map { table.value(.init($0, last)) }
            )
        case "outcomeCategory":
            chart = MonitorCharts.stacked(
                id: id + "-chart",
                title: title,
                groups: (0..<table.columnCount).map { env.t(table.columnLabel($0)) },
                segments: table.rowLabels.map { env.t($0) },
                values: (0..<table.columnCount).map { c in (0..<table.rowLabels.count).map { table.value(.init($0, c)) }
                }
            )
        case "outcomeByGender", "outcomeByNationality":
            chart = MonitorCharts.stacked(
                id: id + "-chart",
                title: title,
                groups: table.rowLabels.map { env.t($0) },
                segments: table.columnLabels.map { env.t($0) },
                values: (0..<table.rowLabels.count).map { r in
                    (0..<table.columnLabels.count).map { table.value(.init(r, $0)) }
                }
            )
        case "headline":
            break
        default:
            chart = MonitorCharts.bars(
                id: id + "-chart",
                title: title,
                labels: table.rowLabels.map { env.t($0) },
                values: (0..<table.rowLabels.count).map { table.value(.init($0, last)) }
            )
        }
        var head: [Node<HTML.TableRowContext>] = [.th(.attribute(named: "scope", value: "col"), .text(""))]
        for c in 0..<table.columnCount {
            head.append(.th(.attribute(named: "scope", value: "col"), .text(env.t(table.columnLabel(c)))))
        }
        var rows: [Node<HTML.TableContext>] = []
        for r in 0..<table.rowCount {
            var cells: [Node<HTML.TableRowContext>] = [
                .th(.attribute(named: "scope", value: "row"), .text(env.t(table.rowLabel(r))))
            ]
            for c in 0..<table.columnCount {
                if let v = table.value(.init(r, c)) {
                    cells.append(.td(.class("num"), .text(String(v))))
                } else {
                    cells.append(
                        .td(
                            .class("num suppressed"),
                            .attribute(named: "title", value: env.t("onderdrukt", "suppressed")),
                            .text("x")
                        )
                    )
                }
            }
            rows.append(.tr(.class(r >= table.rowLabels.count ? "total" : ""), .group(cells)))
        }
        let figure: Node<HTML.BodyContext> =
            chart.map { svg in .element(named: "figure", nodes: [.raw(svg)]) } ?? .empty
        return .section(
            .id(id),
            .attribute(named: "aria-labelledby", value: id + "-h"),
            .h2(.id(id + "-h"), .text(title)),
            figure,
            Tables.scrolling(
                .caption(.text(title + env.t(" — tabel bij de grafiek", " — table for the chart"))),
                .thead(
                    .tr(.group(head))
                ),
                .tbody(.group(rows))
            )
        )
    }
}
