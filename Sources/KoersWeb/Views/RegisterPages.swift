import Foundation
import KoersCore
import Plot

/// Verwerkingsregister: the administrator reads and maintains what each processing activity is
/// for, on what basis, and how long its data is kept.
enum RegisterPages {
    static let labels: [String: LocalizedText] = [
        "uri": LocalizedText(nl: "Kenmerk (URI)", en: "Identifier (URI)"),
        "name_nl": LocalizedText(nl: "Naam (Nederlands)", en: "Name (Dutch)"),
        "name_en": LocalizedText(nl: "Naam (Engels)", en: "Name (English)"),
        "purpose_nl": LocalizedText(nl: "Doel (Nederlands)", en: "Purpose (Dutch)"),
        "purpose_en": LocalizedText(nl: "Doel (Engels)", en: "Purpose (English)"),
        "legal_basis_nl": LocalizedText(nl: "Grondslag (Nederlands)", en: "Legal basis (Dutch)"),
        "legal_basis_en": LocalizedText(nl: "Grondslag (Engels)", en: "Legal basis (English)"),
        "retention_years": LocalizedText(
            nl: "Bewaartermijn (jaren na uitstroom)",
            en: "Retention (years after outflow)"
        ),
    ]

    static func index(_ env: PageEnvironment, _ entries: [RegisterEntry], defaultYears: Int) -> [Node<HTML.BodyContext>]
    {
        [
            .h1(.text(env.t("Verwerkingsregister", "Processing register"))),
            .p(
                .text(
                    env.t(
                        "Elke regel van het verwerkingenlogboek noemt een van deze activiteiten. Zonder eigen "
                            + "termijn geldt de standaard: \(defaultYears) jaar na de laatste uitstroom.",
                        "Every entry of the processing log names one of these activities. Without a period of its "
                            + "own the default applies: \(defaultYears) years after the last outflow."
                    )
                )
            ),
            .div(
                .class("table-scroll"),
                .attribute(named: "tabindex", value: "0"),
                .table(
                    .thead(
                        .tr(
                            .th(.text(env.t("Activiteit", "Activity"))),
                            .th(.text(env.t("Doel", "Purpose"))),
                            .th(.text(env.t("Grondslag", "Legal basis"))),
                            .th(.text(env.t("Bewaren", "Retention"))),
                            .th(.text(env.t("Kenmerk", "Identifier")))
                        )
                    ),
                    .tbody(
                        .forEach(entries) { entry in
                            .tr(
                                .td(
                                    .a(
                                        .href(SiteURL.registerEntry(entry.activity).path),
                                        .text(env.t(entry.name))
                                    )
                                ),
                                .td(.text(env.t(entry.purpose))),
                                .td(.text(env.t(entry.legalBasis))),
                                .td(.text(years(env, entry.retentionYears, defaultYears: defaultYears))),
                                .td(.text(entry.uri))
                            )
                        }
                    )
                )
            ),
        ]
    }

    static func years(_ env: PageEnvironment, _ years: Int?, defaultYears: Int) -> String {
        guard let years else { return env.t("standaard (\(defaultYears) jaar)", "default (\(defaultYears) years)") }
        return env.t("\(years) jaar", "\(years) years")
    }

    static func edit(_ env: PageEnvironment, _ entry: RegisterEntry, _ state: FormState) -> [Node<HTML.BodyContext>] {
        var input = state.input
        if state.errors.isEmpty {
            input.set("uri", entry.uri)
            input.set("name_nl", entry.name.nl)
            input.set("name_en", entry.name.en)
            input.set("purpose_nl", entry.purpose.nl)
            input.set("purpose_en", entry.purpose.en)
            input.set("legal_basis_nl", entry.legalBasis.nl)
            input.set("legal_basis_en", entry.legalBasis.en)
            input.set("retention_years", entry.retentionYears.map(String.init))
        }
        let s = FormState(input: input, errors: state.errors).labelled(labels)
        return [
            .h1(.text(env.t(entry.name))),
            .p(
                .a(
                    .href(SiteURL.register.path),
                    .text(env.t("← Terug naar het register", "← Back to the register"))
                )
            ),
            .p(.text(env.t("Code in het logboek: ", "Code in the log: ") + entry.activity.rawValue)),
            FormFields.errorSummary(s, env),
            FormFields.form(
                action: SiteURL.registerEntry(entry.activity).path,
                env: env,
                [
                    FormFields.input(s, env, name: "uri", required: true),
                    FormFields.input(s, env, name: "name_nl", required: true),
                    FormFields.input(s, env, name: "name_en", required: true),
                    FormFields.textarea(s, env, name: "purpose_nl", required: true),
                    FormFields.textarea(s, env, name: "purpose_en", required: true),
                    FormFields.textarea(s, env, name: "legal_basis_nl", required: true),
                    FormFields.textarea(s, env, name: "legal_basis_en", required: true),
                    FormFields.input(
                        s,
                        env,
                        name: "retention_years",
                        type: "number",
                        hint: env.t("Leeg: de standaardtermijn.", "Empty: the default period."),
                        width: "4"
                    ),
                    FormFields.submit(env.t("Opslaan", "Save")),
                ]
            ),
        ]
    }
}
