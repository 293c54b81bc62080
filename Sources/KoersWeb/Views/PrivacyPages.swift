import Foundation
import KoersCore
import Plot

/// Inzage en rechten: the privacy officer finds a person and hands over what Koers holds.
enum PrivacyPages {
    static func index(_ env: PageEnvironment, query: String?, matches: [PersonMatch]) -> [Node<HTML.BodyContext>] {
        var main: [Node<HTML.BodyContext>] = [
            .h1(.text(env.t("Inzage en rechten", "Access and rights"))),
            .p(
                .text(
                    env.t(
                        "Zoek de persoon die om inzage (art. 15 AVG) of beperking (art. 18 AVG) vraagt, op naam of "
                            + "V-nummer. U vindt alleen personen met een traject op de locaties die uw organisatie "
                            + "bedient. Het inzagedocument maakt u in het Nederlands of het Engels; het maken ervan "
                            + "wordt gelogd.",
                        "Find the person who asks for access (GDPR art. 15) or restriction (art. 18), by name or "
                            + "V-nummer. You find only people with a trajectory at the locations your organisation "
                            + "serves. You produce the access document in Dutch or English; producing it is logged."
                    )
                )
            ),
            .form(
                .method(.get),
                .action(SiteURL.privacy.path),
                .attribute(named: "role", value: "search"),
                .div(
                    .class("field"),
                    .label(
                        .for("f-q"),
                        .text(env.t("Naam of V-nummer", "Name or V-nummer"))
                    ),
                    .input(
                        .type(.search),
                        .id("f-q"),
                        .name("q"),
                        .value(query ?? "")
                    )
                ),
                .button(
                    .type(.submit),
                    .text(env.t("Zoeken", "Search"))
                )
            ),
        ]
        guard let query else { return main }
        if matches.isEmpty {
            main.append(
                .p(
                    .attribute(named: "role", value: "status"),
                    .text(env.t("Niemand gevonden voor ‘\(query)’.", "Nobody found for ‘\(query)’."))
                )
            )
            return main
        }
        main.append(
            .p(
                .attribute(named: "role", value: "status"),
                .text(env.t("\(matches.count) personen gevonden.", "\(matches.count) people found."))
            )
        )
        var rows: [Node<HTML.TableContext>] = []
        for match in matches {
            let first = match.trajectories[0]
            let person = SiteURL.subjectAccess(person: match.personId)
            rows.append(
                .tr(
                    .td(.text(match.name)),
                    .td(.text(first.birthDate ?? "—")),
                    .td(.text(first.vNumber ?? "—")),
                    .td(
                        .text(
                            match.trajectories.map { $0.location + " (" + env.t($0.stage.label) + ")" }.joined(
                                separator: "; "
                            )
                        )
                    ),
                    .td(
                        .a(
                            .href(person.with([("language", "nl")])),
                            .attribute(named: "hreflang", value: "nl"),
                            .text(env.t("Inzage (Nederlands)", "Access (Dutch)"))
                        ),
                        .text(" · "),
                        .a(
                            .href(person.with([("language", "en")])),
                            .attribute(named: "hreflang", value: "en"),
                            .text(env.t("Inzage (Engels)", "Access (English)"))
                        )
                    )
                )
            )
        }
        main.append(
            .div(
                .class("table-scroll"),
                .attribute(named: "tabindex", value: "0"),
                .table(
                    .thead(
                        .tr(
                            .th(.text(env.t("Naam", "Name"))),
                            .th(.text(env.t("Geboortedatum", "Birth date"))),
                            .th(.text(env.t("V-nummer", "V-number"))),
                            .th(.text(env.t("Trajecten", "Trajectories"))),
                            .th(.text(env.t("Inzagedocument", "Access document")))
                        )
                    ),
                    .tbody(.group(rows))
                )
            )
        )
        return main
    }
}

extension PrivacyPages {
    /// Restricting processing of one trajectory on the person's request, or lifting it.
    static func restriction(
        _ env: PageEnvironment,
        _ state: FormState,
        trajectoryId: UUID,
        personId: UUID,
        restricted: Bool
    ) -> [Node<HTML.BodyContext>] {
        let s = state.labelled(["reason": LocalizedText(nl: "Reden", en: "Reason")])
        var fields: [Node<HTML.FormContext>] = [
            FormFields.textarea(
                s,
                env,
                name: "reason",
                hint: env.t(
                    "Bijvoorbeeld: betrokkene betwist de juistheid (art. 18 lid 1 sub a AVG). Iedereen die het "
                        + "dossier opent, leest deze reden; alleen de gemeente kan het dan nog wijzigen.",
                    "For example: the person contests the accuracy (GDPR art. 18(1)(a)). Everyone who opens the case "
                        + "reads this reason; only the municipality can still change it."
                ),
                required: true
            )
        ]
        if restricted { fields.append(FormFields.hidden("lift", "true")) }
        fields.append(
            FormFields.submit(
                restricted ? env.t("Beperking opheffen", "Lift the restriction") : env.t("Beperken", "Restrict")
            )
        )
        return [
            .h1(
                .text(
                    restricted
                        ? env.t("Beperking opheffen", "Lift the restriction")
                        : env.t("Verwerking beperken", "Restrict processing")
                )
            ),
            .p(
                .a(
                    .href(SiteURL.subjectAccess(person: personId).path),
                    .text(env.t("← Terug naar het inzagedocument", "← Back to the access document"))
                )
            ),
            FormFields.errorSummary(s, env),
            FormFields.form(
                action: SiteURL.restriction(trajectory: trajectoryId).path,
                env: env,
                fields
            ),
        ]
    }
}
