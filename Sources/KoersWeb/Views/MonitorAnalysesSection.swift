import Foundation
import KoersCore
import KoersMonitor
import KoersStatistics
import Plot

/// The monitor's analyses: what goes with a (durable) solution at outflow, and how long
/// trajectories last until each kind of outflow. Each chart is followed by its table.
enum MonitorAnalysesSection {
    static func render(_ env: PageEnvironment, _ analyses: MonitorAnalyses, number: Int) -> [Node<HTML.BodyContext>] {
        [
            model(env, analyses.solution, id: "a-solution", number: number),
            model(env, analyses.durable, id: "a-durable", number: number + 1),
            stay(env, analyses, number: number + 2),
            incidence(env, analyses, number: number + 3),
        ]
    }

    static func decimal(_ env: PageEnvironment, _ value: Double, _ digits: Int = 2) -> String {
        let text = String(format: "%.\(digits)f", value)
        return env.t(text.replacingOccurrences(of: ".", with: ","), text)
    }

    static func pValue(_ env: PageEnvironment, _ p: Double) -> String {
        p < 0.001 ? env.t("< 0,001", "< 0.001") : decimal(env, p, 3)
    }

    static func percent(_ env: PageEnvironment, _ v: Double) -> String { decimal(env, 100 * v, 1) + "%" }

    static func model(
        _ env: PageEnvironment,
        _ model: MonitorAnalyses.Model,
        id: String,
        number: Int
    ) -> Node<HTML.BodyContext> {
        let title = "\(number). " + env.t(model.title) + env.t(" (logistische regressie)", " (logistic regression)")
        guard let result = model.result else {
            return .section(
                .id(id),
                .h2(.text(title)),
                .p(
                    .class("notice"),
                    .text(env.t(model.refusal ?? LocalizedText(nl: "Niet beschikbaar.", en: "Not available.")))
                )
            )
        }
        let rows = result.variables.indices.dropFirst().map { i in
            (
                label: env.t(
                    model.labels[result.variables[i]] ?? LocalizedText(nl: result.variables[i], en: result.variables[i])
                ),
                ratio: result.oddsRatios[i], lower: result.oddsRatioIntervals[i][0],
                upper: result.oddsRatioIntervals[i][1]
            )
        }
        let chart = MonitorCharts.forest(
            id: id + "-chart",
            title: title
                + env.t(
                    ": odds ratio's met 95%-betrouwbaarheidsinterval",
                    ": odds ratios with 95% confidence intervals"
                ),
            rows: rows
        )
        var body: [Node<HTML.TableContext>] = []
        for i in result.variables.indices.dropFirst() {
            body.append(
                .tr(
                    .th(.attribute(named: "scope", value: "row"), .text(rows[i - 1].label)),
                    .td(.class("num"), .text(decimal(env, result.oddsRatios[i]))),
                    .td(
                        .class("num"),
                        .text(
                            decimal(env, result.oddsRatioIntervals[i][0]) + " – "
                                + decimal(env, result.oddsRatioIntervals[i][1])
                        )
                    ),
                    .td(.class("num"), .text(pValue(env, result.pValues[i])))
                )
            )
        }
        var notes: [Node<HTML.ListContext>] = [
            .li(
                .text(env.t("Referentie: ", "Reference: ") + model.references.map { env.t($0) }.joined(separator: "; "))
            ),
            .li(
                .text(
                    env.t(
                        "n = \(result.n) uitgestroomde trajecten, waarvan \(result.events) met de uitkomst.",
                        "n = \(result.n) trajectories that left, \(result.events) with the outcome."
                    )
                )
            ),
            .li(
                .text(
                    env.t("Log-likelihood ", "Log-likelihood ") + decimal(env, result.logLikelihood, 1)
                        + env.t(", zonder covariaten ", ", without covariates ")
                        + decimal(env, result.nullLogLikelihood, 1)
                        + env.t("; McFadden pseudo-R² ", "; McFadden pseudo-R² ") + decimal(env, result.mcFaddenR2, 3)
                        + "."
                )
            ),
        ]
        if !model.merged.isEmpty {
            notes.append(
                .li(
                    .text(
                        env.t(
                            "Samengevoegd tot ‘overig’ omdat de groep te klein is: ",
                            "Merged into ‘other’ because the group is too small: "
                        )
                            + model.merged.map { env.t($0) }.joined(separator: "; ") + "."
                    )
                )
            )
        }
        for warning in result.warnings { notes.append(.li(.class("warning"), .text(env.t(translated(warning))))) }
        return .section(
            .id(id),
            .attribute(named: "aria-labelledby", value: id + "-h"),
            .h2(.id(id + "-h"), .text(title)),
            .element(named: "figure", nodes: [.raw(chart)]),
            Tables.scrolling(
                .caption(.text(title + env.t(" — tabel bij de grafiek", " — table for the chart"))),
                .thead(
                    .tr(
                        .th(.attribute(named: "scope", value: "col"), .text(env.t("Kenmerk", "Characteristic"))),
                        .th(.attribute(named: "scope", value: "col"), .text("Odds ratio")),
                        .th(.attribute(named: "scope", value: "col"), .text(env.t("95%-interval", "95% interval"))),
                        .th(.attribute(named: "scope", value: "col"), .text(env.t("p (Wald)", "p (Wald)")))
                    )
                ),
                .tbody(.group(body))
            ),
            .ul(.class("notes"), .group(notes))
        )
    }

    /// The statistics library warns in English; the page says it in the reader's language.
    static func translated(_ warning: String) -> LocalizedText {
        if warning.hasPrefix("Few events per variable") {
            return LocalizedText(
                nl:
                    "Weinig uitkomsten per variabele (minder dan 10 per covariaat): de schattingen kunnen vertekend "
                    + "zijn.",
                en: warning
            )
        }
        if warning.hasPrefix("Possible (quasi-)complete separation") {
            return LocalizedText(
                nl:
                    "Mogelijk (quasi-)volledige scheiding: sommige voorspelde kansen zijn 0 of 1; coëfficiënten en "
                    + "intervallen zijn niet te vertrouwen.",
                en: warning
            )
        }
        if warning.hasPrefix("The fit did not converge") {
            return LocalizedText(
                nl: "De schatting convergeerde niet in 100 stappen; de uitkomsten zijn onbetrouwbaar.",
                en: warning
            )
        }
        return LocalizedText(nl: warning, en: warning)
    }

    static func stay(_ env: PageEnvironment, _ analyses: MonitorAnalyses, number: Int) -> Node<HTML.BodyContext> {
        let title = "\(number). " + env.t("Tijd tot uitstroom (Kaplan–Meier)", "Time to outflow (Kaplan–Meier)")
        guard let curve = analyses.stay else {
            return .section(
                .id("a-stay"),
                .h2(.text(title)),
                .p(
                    .class("notice"),
                    .text(env.t(analyses.curveRefusal ?? LocalizedText(nl: "Niet beschikbaar.", en: "Not available.")))
                )
            )
        }
        let axis = env.t("maanden sinds toelating", "months since admission")
        let chart = MonitorCharts.lines(
            id: "a-stay-chart",
            title: title,
            series: [(env.t(curve.label), curve.points)],
            axis: axis,
            origin: 1
        )
        let rows: [Node<HTML.TableContext>] = curve.points.map { point in
            .tr(
                .th(.attribute(named: "scope", value: "row"), .text("\(point.months)")),
                .td(.class("num"), .text(percent(env, point.value))),
                .td(.class("num"), .text(percent(env, point.lower) + " – " + percent(env, point.upper))),
                .td(.class("num"), .text("\(point.atRisk)"))
            )
        }
        let median =
            analyses.medianDays.map {
                env.t("Mediane duur tot uitstroom: \(Int($0)) dagen.", "Median time to outflow: \(Int($0)) days.")
            }
            ?? env.t("De helft is nog niet uitgestroomd: geen mediaan.", "Fewer than half have left: no median.")
        return .section(
            .id("a-stay"),
            .attribute(named: "aria-labelledby", value: "a-stay-h"),
            .h2(.id("a-stay-h"), .text(title)),
            .element(named: "figure", nodes: [.raw(chart)]),
            Tables.scrolling(
                .caption(.text(title + env.t(" — tabel bij de grafiek", " — table for the chart"))),
                .thead(
                    .tr(
                        .th(.attribute(named: "scope", value: "col"), .text(env.t("Maanden", "Months"))),
                        .th(
                            .attribute(named: "scope", value: "col"),
                            .text(env.t("Nog in traject", "Still in a trajectory"))
                        ),
                        .th(
                            .attribute(named: "scope", value: "col"),
                            .text(env.t("95%-interval (Greenwood, log–log)", "95% interval (Greenwood, log–log)"))
                        ),
                        .th(
                            .attribute(named: "scope", value: "col"),
                            .text(env.t("Nog in traject (aantal)", "At risk"))
                        )
                    )
                ),
                .tbody(.group(rows))
            ),
            .ul(
                .class("notes"),
                .li(.text(median)),
                .li(
                    .text(
                        env.t(
                            "\(analyses.trajectories) trajecten, \(analyses.outflows) uitgestroomd; wie nog in "
                                + "traject is telt mee tot de peildatum.",
                            "\(analyses.trajectories) trajectories, \(analyses.outflows) left; those still in a "
                                + "trajectory count until the reference date."
                        )
                    )
                ),
                .li(
                    .text(
                        env.t(
                            "Alleen getoond waar nog minstens \(analyses.k) trajecten lopen.",
                            "Shown only where at least \(analyses.k) trajectories are still running."
                        )
                    )
                )
            )
        )
    }

    static func incidence(_ env: PageEnvironment, _ analyses: MonitorAnalyses, number: Int) -> Node<HTML.BodyContext> {
        let title =
            "\(number). "
            + env.t(
                "Uitstroom naar soort oplossing in de tijd (cumulatieve incidentie, concurrerende risico's)",
                "Outflow by kind of solution over time (cumulative incidence, competing risks)"
            )
        guard !analyses.incidence.isEmpty else {
            return .section(
                .id("a-incidence"),
                .h2(.text(title)),
                .p(
                    .class("notice"),
                    .text(env.t(analyses.curveRefusal ?? LocalizedText(nl: "Niet beschikbaar.", en: "Not available.")))
                )
            )
        }
        let axis = env.t("maanden sinds toelating", "months since admission")
        let chart = MonitorCharts.lines(
            id: "a-incidence-chart",
            title: title,
            series: analyses.incidence.map { (env.t($0.label), $0.points) },
            axis: axis,
            origin: 0
        )
        var head: [Node<HTML.TableRowContext>] = [
            .th(.attribute(named: "scope", value: "col"), .text(env.t("Maanden", "Months")))
        ]
        for curve in analyses.incidence {
            head.append(
                .th(
                    .attribute(named: "scope", value: "col"),
                    .text(env.t(curve.label) + env.t(" (95%-interval)", " (95% interval)"))
                )
            )
        }
        var rows: [Node<HTML.TableContext>] = []
        for (i, point) in (analyses.incidence.first?.points ?? []).enumerated() {
            var cells: [Node<HTML.TableRowContext>] = [
                .th(.attribute(named: "scope", value: "row"), .text("\(point.months)"))
            ]
            for curve in analyses.incidence {
                let p = curve.points[i]
                cells.append(
                    .td(
                        .class("num"),
                        .text(
                            percent(env, p.value) + " (" + percent(env, p.lower) + " – " + percent(env, p.upper) + ")"
                        )
                    )
                )
            }
            rows.append(.tr(.group(cells)))
        }
        return .section(
            .id("a-incidence"),
            .attribute(named: "aria-labelledby", value: "a-incidence-h"),
            .h2(.id("a-incidence-h"), .text(title)),
            .element(named: "figure", nodes: [.raw(chart)]),
            Tables.scrolling(
                .caption(.text(title + env.t(" — tabel bij de grafiek", " — table for the chart"))),
                .thead(
                    .tr(.group(head))
                ),
                .tbody(.group(rows))
            ),
            .ul(
                .class("notes"),
                .li(
                    .text(
                        env.t(
                            "Aalen–Johansen: het aandeel dat per soort is uitgestroomd, waarbij de andere soorten "
                                + "uitstroom concurrerende risico's zijn; gelijke dagen exact.",
                            "Aalen–Johansen: the share that left by each kind, the other kinds being "
                                + "competing risks; "
                                + "tied days exact."
                        )
                    )
                )
            )
        )
    }
}
