import Foundation
import KoersCore
import Plot

/// Intake: identity as established and the evidence for each admission criterion.
enum IntakePage {
    static func deviation(_ rule: RegionalTiesRule, _ env: PageEnvironment) -> Node<HTML.FormContext> {
        guard let text = rule.deviation else { return .group([]) }
        return .p(
            .class("deviation"),
            .strong(.text(env.t("Lokale afwijking: ", "Local deviation: "))),
            .text(env.t(text))
        )
    }

    static func render(
        _ env: PageEnvironment,
        _ s: FormState,
        record: CaseRecord,
        rule: RegionalTiesRule,
        municipalities: [Municipality] = []
    ) -> [Node<HTML.BodyContext>] {
        let answers = Labels.options(Answer.self, env) { $0.label }
        var fields: [Node<HTML.FormContext>] = [.h2(.text(env.t("Identiteit", "Identity")))]
        fields += ReferralPage.identityFields(s, env)
        fields.append(
            FormFields.checkbox(
                s,
                name: "biometricallyIdentified",
                label: env.t("Biometrisch geïdentificeerd door AVIM", "Biometrically identified by AVIM")
            )
        )
        let criteria: [Node<HTML.FormContext>] = [
            .h2(.text(env.t("Toelatingscriteria", "Admission criteria"))),
            FormFields.choices(s, env, name: "lawfulStay", options: answers, required: true, inline: true),
            FormFields.choices(s, env, name: "stateReception", options: answers, required: true, inline: true),
            FormFields.choices(
                s,
                env,
                name: "asylumProcedureCompleted",
                options: answers,
                required: true,
                inline: true
            ),
            FormFields.input(
                s,
                env,
                name: "lastAsylumRejectionOn",
                label: env.t("Datum laatste asielafwijzing", "Date of last asylum rejection"),
                type: "date",
                width: "10"
            ),
            FormFields.choices(s, env, name: "willingToCooperate", options: answers, required: true, inline: true),
            FormFields.choices(s, env, name: "activeAtOtherLocation", options: answers, required: true, inline: true),
            .h2(.text(env.t("Regiobinding", "Regional ties"))),
            .p(
                .class("hint"),
                .text(
                    env.t(
                        "Op deze locatie: ten minste \(rule.minimumMonthsInRegion) maanden aantoonbaar in de regio, "
                            + "of een van de erkende bindingen.",
                        "At this location: at least \(rule.minimumMonthsInRegion) months demonstrably in the region, "
                            + "or one of the accepted ties."
                    )
                )
            ),
            deviation(rule, env),
            .if(
                !municipalities.isEmpty,
                FormFields.select(
                    s,
                    env,
                    name: "municipalityOfStay",
                    label: env.t("Gemeente van verblijf", "Municipality of stay"),
                    options: municipalities.map { ($0.cbsCode, "\($0.name) (\($0.cbsCode))") },
                    blank: env.t("— onbekend —", "— unknown —")
                )
            ),
            FormFields.input(s, env, name: "inRegionSince", type: "date", width: "10"),
            FormFields.choices(
                s,
                env,
                name: "regionalTies",
                legend: env.t("Bindingen met de regio", "Ties to the region"),
                options: RegionalTie.allCases.map {
                    (
                        $0.rawValue,
                        env.t($0.label)
                            + (rule.acceptedTies.contains($0)
                                ? "" : env.t(" (telt hier niet)", " (does not count here)"))
                    )
                },
                multiple: true
            ),
            .h2(.text(env.t("Bespreken in het LSO", "For the case meeting"))),
            FormFields.checkbox(s, name: "seriousEntryBan", label: env.t("Zwaar inreisverbod", "Serious entry ban")),
            FormFields.checkbox(s, name: "criminalRecord", label: env.t("Strafrechtelijk verleden", "Criminal record")),
            FormFields.submit(env.t("Intake opslaan", "Save intake")),
        ]
        fields += criteria
        return [
            .h1(.text(env.t("Intake: ", "Intake: ") + record.file.identity.displayName)),
            .p(
                .a(
                    .href(SiteURL.caseFile(record.file.id).path),
                    .text(env.t("← Terug naar het dossier", "← Back to the case"))
                )
            ),
            FormFields.errorSummary(s, env),
            FormFields.form(
                action: SiteURL.caseStep(record.file.id, .intake).path,
                env: env,
                version: record.file.version,
                fields
            ),
        ]
    }
}
