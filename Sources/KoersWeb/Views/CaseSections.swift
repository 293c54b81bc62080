import Foundation
import KoersCore
import Plot

/// The case page's sections about the person and the trajectory, each rendered from the
/// ``CaseView``: a section the user may not read is nil there and never reaches these functions.
enum CaseSections {
    typealias Row = Node<HTML.DescriptionListContext>

    /// The person, when identity may be read; otherwise only the referral's date and channel.
    static func identity(_ env: PageEnvironment, _ m: CasePage.Model) -> Node<HTML.BodyContext> {
        let v = m.view
        let referred = v.referredOn.description + " (" + env.t(v.channel.label).lowercased() + ")"
        var rows: [Row] = []
        if let i = v.identity {
            let birth = i.birthDate?.description ?? env.t("Onbekend", "Unknown")
            rows += [
                CasePage.row(env.t("Naam", "Name"), i.displayName),
                CasePage.row(
                    env.t("Aliassen", "Aliases"),
                    i.aliases.isEmpty ? "—" : i.aliases.joined(separator: ", ")
                ),
                CasePage.row(env.t("Geboortedatum", "Birth date"), birth),
                CasePage.row(env.t("Nationaliteit", "Nationality"), Labels.country(i.nationality, env)),
                CasePage.row(env.t("Geslacht", "Gender"), env.t(i.gender.label)),
                CasePage.row(env.t("V-nummer", "V-number"), i.vNumber?.digits ?? "—"),
                CasePage.row(
                    env.t("Biometrisch geïdentificeerd", "Biometrically identified"),
                    biometricStatus(env, v)
                ),
            ]
        }
        rows.append(CasePage.row(env.t("Aangemeld op", "Referred on"), referred))
        if let note = v.referralNote {
            rows.append(CasePage.row(env.t("Toelichting bij aanmelding", "Note with the referral"), note))
        }
        if v.identity != nil {
            rows += trajectoryLinks(env, m)
        }
        let heading = v.identity == nil ? env.t("Aanmelding", "Referral") : env.t("Persoon", "Person")
        return .section(
            .attribute(named: "aria-labelledby", value: "h-identity"),
            .h2(
                .id("h-identity"),
                .text(heading)
            ),
            .dl(.group(rows))
        )
    }

    /// Links to the person's other trajectories, only those the user may open.
    static func trajectoryLinks(_ env: PageEnvironment, _ m: CasePage.Model) -> [Row] {
        var rows: [Row] = []
        for other in m.history {
            let isPrevious = other.id == m.view.previousTrajectoryId
            let label =
                isPrevious ? env.t("Vorig traject", "Previous trajectory") : env.t("Ander traject", "Other trajectory")
            rows.append(
                .group(
                    .dt(.text(label)),
                    .dd(
                        .a(
                            .href(SiteURL.caseFile(other.id).path),
                            .text(env.t("aangemeld ", "referred ") + other.referredOn.description)
                        )
                    )
                )
            )
        }
        return rows
    }

    /// The AVIM's record when there is one, otherwise what the intake said (not yet confirmed).
    static func biometricStatus(_ env: PageEnvironment, _ v: CaseView) -> String {
        if let b = v.biometrics { return Labels.biometrics(b, env) + " (AVIM)" }
        guard let atIntake = v.biometricallyIdentifiedAtIntake else {
            return env.t("Nog niet vastgelegd", "Not recorded yet")
        }
        return atIntake
            ? env.t(
                "Ja, volgens de intake; nog niet vastgelegd door de AVIM",
                "Yes, according to the intake; not yet recorded by the AVIM"
            )
            : env.t("Nee", "No")
    }

    static func admission(_ env: PageEnvironment, _ v: CaseView) -> Node<HTML.BodyContext> {
        var content: [Node<HTML.BodyContext>] = [
            .h2(
                .id("h-admission"),
                .text(env.t("Toelating", "Admission"))
            )
        ]
        if let decision = v.admission {
            var rows: [Row] = [
                CasePage.row(env.t("Besluit", "Decision"), env.t(decision.outcome.label)),
                CasePage.row(env.t("Datum", "Date"), decision.decidedOn.description),
            ]
            if let reason = decision.rejectionReason {
                rows.append(CasePage.row(env.t("Reden", "Reason"), env.t(reason.label)))
            }
            if let motivation = decision.motivation {
                rows.append(CasePage.row(env.t("Motivering", "Motivation"), motivation))
            }
            content.append(.dl(.group(rows)))
            content.append(
                .details(
                    .summary(
                        .text(env.t("Toets zoals die gold bij het besluit", "The check as it stood at the decision"))
                    ),
                    AdmissionPage.checkTable(decision.check, env)
                )
            )
        } else if v.evidence != nil {
            content.append(
                .p(
                    .a(
                        .href(SiteURL.caseStep(v.id, .admission).path),
                        .text(env.t("Bekijk de toelatingstoets", "View the admission check"))
                    )
                )
            )
        } else {
            content.append(.p(.text(env.t("Nog geen intake.", "No intake yet."))))
        }
        return .section(
            .attribute(named: "aria-labelledby", value: "h-admission"),
            .group(content)
        )
    }

    static func perspectives(_ env: PageEnvironment, _ perspectives: [PerspectiveDecision]) -> Node<HTML.BodyContext> {
        var rows: [Node<HTML.TableContext>] = []
        for p in perspectives.sorted(by: { $0.decidedOn > $1.decidedOn }) {
            rows.append(
                .tr(
                    .td(.text(p.decidedOn.description)),
                    .td(.text(env.t(p.perspective.label))),
                    .td(.text(p.note ?? ""))
                )
            )
        }
        let body: Node<HTML.BodyContext> =
            rows.isEmpty
            ? .p(.text(env.t("Nog geen perspectief vastgesteld.", "No perspective decided yet.")))
            : table(env, [("Datum", "Date"), ("Perspectief", "Perspective"), ("Toelichting", "Note")], rows)
        return .section(
            .attribute(named: "aria-labelledby", value: "h-perspective"),
            .h2(
                .id("h-perspective"),
                .text(env.t("Perspectief", "Perspective"))
            ),
            body
        )
    }

    /// A table with a header row, scrolling inside its own box on a narrow screen.
    static func table(
        _ env: PageEnvironment,
        _ headers: [(String, String)],
        _ rows: [Node<HTML.TableContext>]
    ) -> Node<HTML.BodyContext> {
        .div(
            .class("table-scroll"),
            .attribute(named: "tabindex", value: "0"),
            .table(
                .thead(
                    .tr(
                        .group(headers.map { Node<HTML.TableRowContext>.th(.text(env.t($0.0, $0.1))) })
                    )
                ),
                .tbody(.group(rows))
            )
        )
    }

    static func support(_ env: PageEnvironment, _ m: CasePage.Model) -> Node<HTML.BodyContext> {
        let v = m.view
        var rows: [Node<HTML.TableContext>] = []
        let mayEnd = m.may(.manageSupport) && v.stage == .active
        for s in v.support ?? [] {
            var end: Node<HTML.BodyContext> = .text(s.endedOn?.description ?? env.t("loopt", "ongoing"))
            if s.isOpen && mayEnd { end = endSupportForm(env, m, s) }
            rows.append(
                .tr(
                    .td(.text(env.t(s.instrument.label))),
                    .td(.text(s.startedOn.description)),
                    .td(end),
                    .td(.text(s.note ?? ""))
                )
            )
        }
        let body: Node<HTML.BodyContext> =
            rows.isEmpty
            ? .p(.text(env.t("Nog geen instrumenten.", "No instruments yet.")))
            : table(
                env,
                [("Instrument", "Instrument"), ("Start", "Start"), ("Einde", "End"), ("Toelichting", "Note")],
                rows
            )
        return .section(
            .attribute(named: "aria-labelledby", value: "h-support"),
            .h2(
                .id("h-support"),
                .text(env.t("Ondersteuning", "Support"))
            ),
            body
        )
    }

    /// Ends one instrument; its field id and errors are its own.
    static func endSupportForm(
        _ env: PageEnvironment,
        _ m: CasePage.Model,
        _ s: SupportPeriod
    ) -> Node<HTML.BodyContext> {
        let scope = "end-" + s.id.shortReference + "-"
        let label = LocalizedText(
            nl: "Einddatum " + s.instrument.label.nl.lowercased(),
            en: "End date " + s.instrument.label.en.lowercased()
        )
        let state = m.state(for: .supportEnd(s.id)).scoped(scope).labelled(["endedOn": label])
        let fields: [Node<HTML.FormContext>] = [
            FormFields.errorSummary(state, env),
            FormFields.input(state, env, name: "endedOn", type: "date", required: true, width: "10"),
            FormFields.submit(env.t("Beëindigen", "End"), secondary: true),
        ]
        let action = SiteURL.endSupport(v(m), support: s.id).path
        return .div(
            .class("stacked-form"),
            FormFields.form(action: action, env: env, version: m.view.version, fields)
        )
    }

    private static func v(_ m: CasePage.Model) -> UUID { m.view.id }

    static func procedures(_ env: PageEnvironment, _ m: CasePage.Model) -> Node<HTML.BodyContext> {
        let v = m.view
        var rows: [Node<HTML.TableContext>] = []
        for p in v.procedures ?? [] {
            var text = env.t("in behandeling", "pending")
            if let outcome = p.outcome {
                text = env.t(outcome.label) + " (" + (p.decidedOn?.description ?? "") + ")"
                if let reporter = p.decisionReportedBy {
                    text += env.t(", gemeld door ", ", reported by ") + env.t(reporter.label).lowercased()
                }
            }
            var decision: Node<HTML.BodyContext> = .text(text)
            if p.isPending && m.may(.manageProcedure(p.kind)) && (v.stage == .active || v.stage == .outflow) {
                decision = .group(
                    decision,
                    .text(" "),
                    .a(
                        .href(SiteURL.procedureDecision(v.id, procedure: p.id).path),
                        .text(env.t("Beslissing vastleggen", "Record decision"))
                    )
                )
            }
            rows.append(
                .tr(
                    .td(.text(env.t(p.kind.label))),
                    .td(.text(p.submittedOn.description)),
                    .td(.text(p.reference ?? "")),
                    .td(decision)
                )
            )
        }
        let headers = [
            ("Procedure", "Procedure"), ("Ingediend", "Submitted"), ("Kenmerk", "Reference"),
            ("Beslissing", "Decision"),
        ]
        let body: Node<HTML.BodyContext> =
            rows.isEmpty ? .p(.text(env.t("Nog geen procedures.", "No procedures yet."))) : table(env, headers, rows)
        return .section(
            .attribute(named: "aria-labelledby", value: "h-procedures"),
            .h2(
                .id("h-procedures"),
                .text(env.t("Procedures", "Procedures"))
            ),
            body
        )
    }

    static func outflow(_ env: PageEnvironment, _ o: Outflow, _ reasons: [OutflowReason]) -> Node<HTML.BodyContext> {
        let label =
            reasons.first { $0.code == o.reasonCode }?.label ?? LocalizedText(nl: o.reasonCode, en: o.reasonCode)
        return .section(
            .attribute(named: "aria-labelledby", value: "h-outflow"),
            .h2(
                .id("h-outflow"),
                .text(env.t("Uitstroom", "Outflow"))
            ),
            .dl(
                CasePage.row(env.t("Datum", "Date"), o.leftOn.description),
                CasePage.row(env.t("Uitkomst", "Outcome"), env.t(o.category.label) + " — " + env.t(label)),
                CasePage.row(env.t("Toelichting", "Note"), o.note ?? "—")
            )
        )
    }
}
