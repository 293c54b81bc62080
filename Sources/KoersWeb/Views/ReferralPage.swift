import Foundation
import KoersCore
import Plot

/// Nieuwe aanmelding, and the identity fields it shares with the intake.
enum ReferralPage {
    static func identityFields(_ s: FormState, _ env: PageEnvironment) -> [Node<HTML.FormContext>] {
        [
            FormFields.input(s, env, name: "givenNames", label: env.t("Voornamen", "Given names"), autocomplete: "off"),
            FormFields.input(
                s,
                env,
                name: "surname",
                label: env.t("Achternaam", "Surname"),
                required: true,
                autocomplete: "off"
            ),
            FormFields.input(
                s,
                env,
                name: "aliases",
                label: env.t("Aliassen en andere schrijfwijzen", "Aliases and other spellings"),
                hint: env.t("Gescheiden door komma's.", "Separated by commas.")
            ),
            FormFields.input(
                s,
                env,
                name: "birthDate",
                label: env.t("Geboortedatum", "Birth date"),
                hint: env.t(
                    "JJJJ, JJJJ-MM of JJJJ-MM-DD: vul alleen in wat bekend is.",
                    "YYYY, YYYY-MM or YYYY-MM-DD: enter only what is known."
                ),
                width: "10"
            ),
            FormFields.select(
                s,
                env,
                name: "nationality",
                label: env.t("Nationaliteit", "Nationality"),
                options: Labels.countryOptions(env),
                blank: env.t("— kies —", "— choose —"),
                required: true
            ),
            FormFields.choices(
                s,
                env,
                name: "gender",
                legend: env.t("Geslacht", "Gender"),
                options: Labels.options(Gender.self, env) { $0.label },
                required: true,
                inline: true
            ),
            FormFields.input(
                s,
                env,
                name: "vNumber",
                label: env.t("V-nummer", "V-number"),
                hint: env.t("10 cijfers, indien bekend.", "10 digits, if known."),
                width: "10"
            ),
        ]
    }

    static func render(_ env: PageEnvironment, _ s: FormState, locations: [Location]) -> [Node<HTML.BodyContext>] {
        var fields: [Node<HTML.FormContext>] = []
        if locations.count > 1 {
            fields.append(
                FormFields.select(
                    s,
                    env,
                    name: "locationId",
                    label: env.t("Locatie", "Location"),
                    options: locations.map { ($0.id.uuidString, $0.name) },
                    blank: env.t("— kies —", "— choose —"),
                    required: true
                )
            )
        } else if let only = locations.first {
            fields.append(FormFields.hidden("locationId", only.id.uuidString))
            fields.append(Node<HTML.FormContext>.p(.text(env.t("Locatie: ", "Location: ") + only.name)))
        }
        fields += identityFields(s, env)
        let submit: Node<HTML.FormContext> = FormFields.submit(env.t("Aanmelding vastleggen", "Record referral"))
        fields += referralFields(s, env) + [submit]
        return [
            .h1(.text(env.t("Nieuwe aanmelding", "New referral"))),
            FormFields.errorSummary(s, env),
            FormFields.form(action: SiteURL.cases.path, env: env, fields),
        ]
    }

    /// A new trajectory for a person whose earlier one has ended.
    static func renderReturn(_ env: PageEnvironment, _ s: FormState, record: CaseRecord) -> [Node<HTML.BodyContext>] {
        let startNew: Node<HTML.FormContext> = FormFields.submit(env.t("Nieuw traject starten", "Start new trajectory"))
        return [
            .h1(
                .text(
                    env.t(
                        "Nieuw traject voor \(record.file.identity.displayName)",
                        "New trajectory for \(record.file.identity.displayName)"
                    )
                )
            ),
            .p(
                .text(
                    env.t(
                        "Het nieuwe traject wordt gekoppeld aan het vorige; de identiteit wordt overgenomen en kan "
                            + "bij de intake worden bijgewerkt.",
                        "The new trajectory is linked to the previous one; the identity is carried over and can be "
                            + "updated at intake."
                    )
                )
            ),
            FormFields.errorSummary(s, env),
            FormFields.form(
                action: SiteURL.caseStep(record.file.id, .returnReferral).path,
                env: env,
                referralFields(s, env) + [startNew]
            ),
        ]
    }

    /// How and when the person was referred, with the referrer's note: the same for a first
    /// referral and for a returning person's new trajectory.
    static func referralFields(_ s: FormState, _ env: PageEnvironment) -> [Node<HTML.FormContext>] {
        [
            FormFields.choices(
                s,
                env,
                name: "channel",
                options: Labels.options(ReferralChannel.self, env) { $0.label },
                required: true,
                inline: true
            ),
            FormFields.input(s, env, name: "referredOn", type: "date", required: true, width: "10"),
            FormFields.textarea(
                s,
                env,
                name: "note",
                hint: env.t(
                    "Gelezen door de ngo en de gemeente, niet door de IND, DT&V of AVIM.",
                    "Read by the NGO and the municipality, not by the IND, DT&V or AVIM."
                )
            ),
        ]
    }
}
