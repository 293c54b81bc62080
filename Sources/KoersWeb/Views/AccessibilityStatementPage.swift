import Foundation
import KoersCore
import Plot

/// Toegankelijkheidsverklaring: the accessibility statement, in the form of the Dutch government's model
/// statement (Besluit digitale toegankelijkheid overheid). It says what was tested and how, and claims no more:
/// Koers has not had an evaluation by an independent expert, so its status is "first measures taken".
enum AccessibilityStatementPage {
    /// The day the statement was drawn up, and the tests it describes were last run in full.
    static let drawnUpOn = Day(year: 2026, month: 12, day: 1)!

    static func render(_ env: PageEnvironment) -> [Node<HTML.BodyContext>] {
        [
            .h1(.text(env.t("Toegankelijkheidsverklaring", "Accessibility statement"))),
            .p(
                .text(
                    env.t(
                        "De organisaties van het LVV-netwerk willen dat iedereen Koers kan gebruiken, ook wie een "
                            + "schermlezer, een vergrootglas of alleen het toetsenbord gebruikt. Deze verklaring geldt "
                            + "voor de webapplicatie Koers: alle pagina's die na het aanmelden bereikbaar zijn, de "
                            + "aanmeldpagina en de pagina's om een account te activeren.",
                        "The organisations of the LVV network want everyone to be able to use Koers, including people "
                            + "who use a screen reader, a magnifier or only the keyboard. This statement covers the "
                            + "Koers web application: every page reachable after signing in, the sign-in page and the "
                            + "pages to activate an account."
                    )
                )
            ),
            section(
                env,
                id: "status",
                title: env.t("Nalevingsstatus", "Compliance status"),
                [
                    .p(
                        .strong(
                            .text(
                                env.t(
                                    "Status C: eerste maatregelen genomen.",
                                    "Status C: first measures taken."
                                )
                            )
                        )
                    ),
                    .p(
                        .text(
                            env.t(
                                "Koers is gebouwd en getest tegen de Web Content Accessibility Guidelines (WCAG) 2.2 "
                                    + "op niveau AA. Er is nog geen onderzoek gedaan door een onafhankelijke "
                                    + "deskundige volgens WCAG-EM; daarom claimt deze verklaring niet dat Koers aan "
                                    + "alle eisen voldoet. Hieronder staat precies wat wel is getest.",
                                "Koers has been built and tested against the Web Content Accessibility Guidelines "
                                    + "(WCAG) 2.2 at level AA. No evaluation by an independent expert following "
                                    + "WCAG-EM has been done yet, so this statement does not claim that Koers meets "
                                    + "every requirement. What was tested is listed below."
                            )
                        )
                    ),
                ]
            ),
            section(env, id: "tested", title: env.t("Wat is getest en hoe", "What was tested and how"), tested(env)),
            section(env, id: "untested", title: env.t("Wat niet is getest", "What was not tested"), untested(env)),
            section(
                env,
                id: "contact",
                title: env.t("Een probleem melden", "Reporting a problem"),
                [
                    .p(
                        .text(
                            env.t(
                                "Kunt u iets in Koers niet gebruiken, of niet zonder hulp? Meld het bij de functioneel "
                                    + "beheerder van uw organisatie; die geeft het door aan het beheer van Koers. U "
                                    + "krijgt binnen vijf werkdagen antwoord en binnen drie weken een oplossing of "
                                    + "een uitleg waarom die er nog niet is.",
                                "Is there something in Koers you cannot use, or not without help? Report it to your "
                                    + "organisation's application administrator, who passes it on to the team that "
                                    + "runs Koers. You will have an answer within five working days, and within "
                                    + "three weeks a solution or an explanation of why there is none yet."
                            )
                        )
                    ),
                    .p(
                        .text(
                            env.t(
                                "Bent u niet tevreden met het antwoord, dan kunt u zich wenden tot de Nationale "
                                    + "ombudsman.",
                                "If you are not satisfied with the answer, you can turn to the National Ombudsman."
                            )
                        )
                    ),
                ]
            ),
            .p(
                .class("meta"),
                .text(
                    env.t("Deze verklaring is opgesteld op ", "This statement was drawn up on ")
                        + drawnUpOn.description + "."
                )
            ),
        ]
    }

    private static func tested(_ env: PageEnvironment) -> [Node<HTML.BodyContext>] {
        let items: [(String, String)] = [
            (
                "Elke pagina die een account kan bereiken, voor elke partij van één locatie (ngo, gemeente, IND, "
                    + "DT&V, AVIM) en voor monitor, commissie, escalatie, beheerder en privacyfunctionaris: een "
                    + "dossier in elke fase, elk formulier, een casusoverleg en het verslag, de monitor en het "
                    + "rapport, de beheer-, import- en privacypagina's.",
                "Every page an account can reach, for every party of one location (NGO, municipality, IND, DT&V, AVIM) "
                    + "and for monitor, committee, escalation, administrator and privacy officer: a case in every "
                    + "stage, every form, a case meeting and its minutes, the monitor and its report, the "
                    + "administration, import and privacy pages."
            ),
            (
                "Automatisch met axe-core 4 op de regels voor WCAG 2.0, 2.1 en 2.2 niveau A en AA, ook met elk "
                    + "formulier leeg verzonden (de foutmeldingen).",
                "Automatically with axe-core 4 on the rules for WCAG 2.0, 2.1 and 2.2 levels A and AA, also with "
                    + "every form sent empty (the error messages)."
            ),
            (
                "Herschikken (1.4.10): elke pagina gemeten bij 320 CSS-pixels breed; alleen tabellen schuiven "
                    + "opzij, binnen hun eigen kader.",
                "Reflow (1.4.10): every page measured at 320 CSS pixels wide; only tables scroll sideways, inside "
                    + "their own frame."
            ),
            (
                "Tekstafstand (1.4.12): de pagina's met de afstanden van het succescriterium; er valt geen tekst weg.",
                "Text spacing (1.4.12): the pages with the criterion's spacing; no text is cut off."
            ),
            (
                "Alleen met het toetsenbord: een dossier van aanmelding tot uitstroom, en een casusoverleg met "
                    + "besluit; de focus is overal zichtbaar en een foutoverzicht krijgt de focus.",
                "With the keyboard only: a case from referral to outflow, and a case meeting with a decision; focus "
                    + "is visible everywhere and an error summary receives focus."
            ),
            (
                "Koers gebruikt geen scripts en geen inhoud die bij aanwijzen verschijnt (1.4.13).",
                "Koers uses no scripts and no content that appears on hover (1.4.13)."
            ),
        ]
        return [
            .p(
                .text(
                    env.t(
                        "Bij elke wijziging van Koers draait een test in Chromium die het volgende nagaat:",
                        "Every change to Koers runs a test in Chromium that checks the following:"
                    )
                )
            ),
            .ul(
                .forEach(items) { .li(.text(env.t($0.0, $0.1))) }
            ),
        ]
    }

    private static func untested(_ env: PageEnvironment) -> [Node<HTML.BodyContext>] {
        let items: [(String, String)] = [
            (
                "Gebruik met schermlezers (NVDA, JAWS, VoiceOver) en spraakbesturing door mensen die ze dagelijks "
                    + "gebruiken.",
                "Use with screen readers (NVDA, JAWS, VoiceOver) and voice control by people who use them every day."
            ),
            (
                "De succescriteria die een mens moet beoordelen, zoals begrijpelijke teksten en een logische "
                    + "volgorde, anders dan wat de toetsenbordtest laat zien.",
                "The success criteria a person must judge, such as understandable text and a logical order, beyond "
                    + "what the keyboard test shows."
            ),
            (
                "De downloads (CSV, Excel, JSON) en het geprinte rapport.",
                "The downloads (CSV, Excel, JSON) and the printed report."
            ),
        ]
        return [
            .ul(
                .forEach(items) { .li(.text(env.t($0.0, $0.1))) }
            )
        ]
    }

    private static func section(
        _ env: PageEnvironment,
        id: String,
        title: String,
        _ content: [Node<HTML.BodyContext>]
    ) -> Node<HTML.BodyContext> {
        .section(
            .attribute(named: "aria-labelledby", value: "h-" + id),
            .h2(
                .id("h-" + id),
                .text(title)
            ),
            .group(content)
        )
    }
}
