import Foundation
import KoersCore
import Plot

/// The subject-access document (AVG art. 15) as a printable page, in the person's language: their
/// data, every trajectory and event, the notes (withheld ones with the reason), and who processed
/// their data, when and why.
enum SubjectAccessPage {
    static func render(_ env: PageEnvironment, _ d: SubjectAccessDocument) -> [Node<HTML.BodyContext>] {
        var main: [Node<HTML.BodyContext>] = [
            .h1(.text(env.t("Uw gegevens in Koers", "Your data in Koers"))),
            .p(
                .text(
                    env.t(
                        "Overzicht op grond van artikel 15 van de Algemene verordening gegevensbescherming (AVG), "
                            + "opgesteld op \(Labels.dateTime(d.producedAt, env)) door \(d.producedBy). "
                            + "Kenmerk: \(d.traceId).",
                        "Overview under article 15 of the General Data Protection Regulation (GDPR), produced on "
                            + "\(Labels.dateTime(d.producedAt, env)) by \(d.producedBy). Reference: \(d.traceId)."
                    )
                )
            ),
            .ul(
                .class("downloads"),
                .li(
                    .a(
                        .href(SiteURL.subjectAccessJSON(person: d.personId).with([("language", d.language.rawValue)])),
                        .text(env.t("Hetzelfde als JSON", "The same as JSON"))
                    )
                )
            ),
            identity(env, d.identity),
        ]
        if !d.elsewhere.isEmpty {
            main.append(
                .p(
                    .class("notice"),
                    .text(
                        env.t(
                            "Koers bevat ook gegevens over u bij \(d.elsewhere.joined(separator: ", ")). Uw verzoek "
                                + "daarover beantwoordt de gemeente van die LVV.",
                            "Koers also holds data about you at \(d.elsewhere.joined(separator: ", ")). The "
                                + "municipality of that LVV answers your request about those."
                        )
                    )
                )
            )
        }
        for (index, trajectory) in d.trajectories.enumerated() {
            main.append(self.trajectory(env, trajectory, number: index + 1, reasons: d.reasons))
        }
        main.append(processing(env, d))
        main.append(purposes(env, d))
        main.append(rights(env))
        return main
    }

    static func identity(_ env: PageEnvironment, _ i: Identity) -> Node<HTML.BodyContext> {
        .section(
            .attribute(named: "aria-labelledby", value: "h-person"),
            .h2(
                .id("h-person"),
                .text(env.t("Uw persoonsgegevens", "Your personal data"))
            ),
            .dl(
                CasePage.row(env.t("Naam", "Name"), i.displayName),
                CasePage.row(
                    env.t("Aliassen", "Aliases"),
                    i.aliases.isEmpty ? "—" : i.aliases.joined(separator: ", ")
                ),
                CasePage.row(env.t("Geboortedatum", "Birth date"), i.birthDate?.description ?? "—"),
                CasePage.row(env.t("Nationaliteit", "Nationality"), Labels.country(i.nationality, env)),
                CasePage.row(env.t("Geslacht", "Gender"), env.t(i.gender.label)),
                CasePage.row(env.t("V-nummer", "V-number"), i.vNumber?.digits ?? "—")
            )
        )
    }

    static func trajectory(
        _ env: PageEnvironment,
        _ t: SubjectAccessDocument.Trajectory,
        number: Int,
        reasons: [OutflowReason]
    ) -> Node<HTML.BodyContext> {
        let v = t.view
        let heading = "h-trajectory-\(number)"
        var content: [Node<HTML.BodyContext>] = [
            .h2(
                .id(heading),
                .text(
                    env.t("Traject \(number): ", "Trajectory \(number): ") + t.locationName + ", "
                        + env.t("aangemeld op ", "referred on ") + v.referredOn.description
                )
            ),
            .p(.text(env.t("Fase: ", "Stage: ") + env.t(v.stage.label))),
            .p(
                .class("case-actions"),
                .a(
                    .href(SiteURL.restriction(trajectory: v.id).path),
                    .text(
                        v.restriction == nil
                            ? env.t("Verwerking beperken", "Restrict processing")
                            : env.t("Beperking opheffen", "Lift the restriction")
                    )
                )
            ),
        ]
        if let restriction = v.restriction {
            content.append(
                .p(
                    .class("restricted"),
                    .text(
                        env.t("Verwerking beperkt sinds ", "Processing restricted since ")
                            + restriction.on.description + ": " + restriction.reason
                    )
                )
            )
        }
        var rows: [Node<HTML.TableContext>] = []
        for event in v.events {
            var what = Labels.describe(event.change, env, reasons: reasons, in: v)
            if let detail = Labels.detail(event.change) { what += " — " + detail }
            if case .noteAdded(let note) = event.change {
                if let reason = v.withheldNotes[note.id] {
                    what =
                        env.t(
                            "Notitie achtergehouden (art. 15 lid 4 AVG): ",
                            "Note withheld (GDPR art. 15(4)): "
                        ) + reason
                } else {
                    what = env.t("Notitie: ", "Note: ") + note.text
                }
            }
            rows.append(
                .tr(
                    .td(.text(event.effectiveOn.description)),
                    .td(.text(what)),
                    .td(.text(event.organisationName)),
                    .td(.text(Labels.dateTime(event.recordedAt, env)))
                )
            )
        }
        content.append(
            .div(
                .class("table-scroll"),
                .attribute(named: "tabindex", value: "0"),
                .table(
                    .caption(.text(env.t("Alle gebeurtenissen van dit traject", "Every event of this trajectory"))),
                    .thead(
                        .tr(
                            .th(.text(env.t("Datum", "Date"))),
                            .th(.text(env.t("Wat", "What"))),
                            .th(.text(env.t("Organisatie", "Organisation"))),
                            .th(.text(env.t("Vastgelegd", "Recorded")))
                        )
                    ),
                    .tbody(.group(rows))
                )
            )
        )
        return .section(
            .attribute(named: "aria-labelledby", value: heading),
            .group(content)
        )
    }

    static func processing(_ env: PageEnvironment, _ d: SubjectAccessDocument) -> Node<HTML.BodyContext> {
        var rows: [Node<HTML.TableContext>] = []
        for entry in d.processing {
            let name = entry.activity.flatMap { d.register[$0] }.map { env.t($0.name) } ?? entry.activityCode
            rows.append(
                .tr(
                    .td(.text(Labels.dateTime(entry.startedAt ?? entry.endedAt, env))),
                    .td(.text(entry.organisationName)),
                    .td(.text(name)),
                    .td(.text(entry.status.map { env.t($0.label) } ?? entry.activityCode)),
                    .td(
                        .class("trace"),
                        .text(entry.traceId)
                    )
                )
            )
        }
        return .section(
            .attribute(named: "aria-labelledby", value: "h-processing"),
            .h2(
                .id("h-processing"),
                .text(env.t("Wie uw gegevens verwerkte", "Who processed your data"))
            ),
            .p(
                .text(
                    env.t(
                        "Elke keer dat een organisatie uw gegevens inzag of wijzigde, of dat probeerde, met het "
                            + "kenmerk (trace-id) waaronder het gebeurde. Wie welke gegevens vastlegde, staat ook bij "
                            + "elke gebeurtenis van uw trajecten hierboven.",
                        "Every time an organisation read or changed your data, or tried to, with the reference "
                            + "(trace id) under which it happened. Who recorded which data is also shown with each "
                            + "event of your trajectories above."
                    )
                )
            ),
            .div(
                .class("table-scroll"),
                .attribute(named: "tabindex", value: "0"),
                .table(
                    .thead(
                        .tr(
                            .th(.text(env.t("Moment", "When"))),
                            .th(.text(env.t("Organisatie", "Organisation"))),
                            .th(.text(env.t("Verwerking", "Processing"))),
                            .th(.text(env.t("Uitkomst", "Outcome"))),
                            .th(.text(env.t("Kenmerk", "Reference")))
                        )
                    ),
                    .tbody(.group(rows))
                )
            )
        )
    }

    static func purposes(_ env: PageEnvironment, _ d: SubjectAccessDocument) -> Node<HTML.BodyContext> {
        let used = Set(d.processing.compactMap(\.activity))
        let entries = ProcessingActivity.allCases.filter(used.contains).compactMap { d.register[$0] }
        return .section(
            .attribute(named: "aria-labelledby", value: "h-purposes"),
            .h2(
                .id("h-purposes"),
                .text(env.t("Doelen, grondslagen en bewaartermijnen", "Purposes, legal bases and retention"))
            ),
            .dl(
                .forEach(entries) { entry in
                    .group(
                        .dt(.text(env.t(entry.name))),
                        .dd(
                            .text(
                                env.t(entry.purpose) + ". " + env.t(entry.legalBasis) + ". "
                                    + (entry.retentionYears.map {
                                        env.t(
                                            "Bewaard tot \($0) jaar na uitstroom.",
                                            "Kept until \($0) years after outflow."
                                        )
                                    }
                                        ?? env.t(
                                            "Bewaard volgens de standaardtermijn na uitstroom.",
                                            "Kept for the default period after outflow."
                                        ))
                            )
                        )
                    )
                }
            )
        )
    }

    static func rights(_ env: PageEnvironment) -> Node<HTML.BodyContext> {
        .section(
            .attribute(named: "aria-labelledby", value: "h-rights"),
            .h2(
                .id("h-rights"),
                .text(env.t("Uw rechten", "Your rights"))
            ),
            .p(
                .text(
                    env.t(
                        "U kunt vragen onjuiste gegevens te verbeteren (art. 16 AVG) en de verwerking te beperken "
                            + "zolang dat wordt uitgezocht (art. 18 AVG). Een correctie blijft zichtbaar met de reden. "
                            + "Bent u het niet eens met hoe uw verzoek is behandeld, dan kunt u een klacht "
                            + "indienen bij de Autoriteit Persoonsgegevens.",
                        "You can ask for incorrect data to be corrected (GDPR art. 16) and for processing to be "
                            + "restricted while that is looked into (art. 18). A correction stays visible with its "
                            + "reason. If you disagree with how your request was handled, you can complain to the "
                            + "Dutch Data Protection Authority (Autoriteit Persoonsgegevens)."
                    )
                )
            )
        )
    }
}
