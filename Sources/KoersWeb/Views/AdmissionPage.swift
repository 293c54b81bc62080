import Foundation
import KoersCore
import Plot

/// Toelatingstoets: every criterion with its reason, the flags for the meeting, and the decision form.
enum AdmissionPage {
    static func checkTable<C: HTML.BodyContext>(_ check: AdmissionCheck, _ env: PageEnvironment) -> Node<C> {
        var rows: [Node<HTML.TableContext>] = []
        for result in check.criteria {
            let status: String
            switch result.status {
            case .met: status = env.t("Voldaan", "Met")
            case .notMet: status = env.t("Niet voldaan", "Not met")
            case .unknown: status = env.t("Onbekend", "Unknown")
            }
            rows.append(
                .tr(
                    .class("criterion-\(result.status.rawValue)"),
                    .th(.attribute(named: "scope", value: "row"), .text(env.t(result.criterion.label))),
                    .td(
                        .strong(.text(status))
                    ),
                    .td(.text(env.t(result.reason)))
                )
            )
        }
        var flags: [Node<HTML.ListContext>] = []
        for flag in check.flags {
            flags.append(
                .li(
                    .strong(.text(env.t(flag.flag.label) + ": ")),
                    .text(env.t(flag.reason))
                )
            )
        }
        return .div(
            .class("admission-check"),
            .p(
                .class("verdict verdict-\(check.verdict.rawValue)"),
                .strong(.text(env.t("Uitkomst: ", "Outcome: "))),
                .text(env.t(check.verdict.label))
            ),
            .if(
                check.policyVersion != nil,
                .p(
                    .class("policy-version"),
                    .text(
                        env.t(
                            "Getoetst aan landelijk beleid, versie \(check.policyVersion ?? 0).",
                            "Checked against national policy, version \(check.policyVersion ?? 0)."
                        )
                    )
                )
            ),
            Tables.scrolling(
                .caption(.text(env.t("Criteria", "Criteria"))),
                .thead(
                    .tr(
                        .th(.text(env.t("Criterium", "Criterion"))),
                        .th(.text(env.t("Status", "Status"))),
                        .th(.text(env.t("Reden", "Reason")))
                    )
                ),
                .tbody(.group(rows))
            ),
            .if(
                !flags.isEmpty,
                .group(.h3(.text(env.t("Te bespreken in het LSO", "For the case meeting"))), .ul(.group(flags)))
            ),
            deviation(check.localDeviation, env)
        )
    }

    static func deviation<C: HTML.BodyContext>(_ text: LocalizedText?, _ env: PageEnvironment) -> Node<C> {
        guard let text else { return .group([]) }
        return .p(
            .class("deviation"),
            .strong(.text(env.t("Lokale afwijking regiobinding: ", "Local regional-ties deviation: "))),
            .text(env.t(text))
        )
    }

    /// The check and, for who may decide, the decision form. Admitting by exception is the case
    /// meeting's joint decision: only its chair sees that choice here; others are told where it is made.
    static func render(
        _ env: PageEnvironment,
        _ state: FormState,
        record: CaseRecord,
        check: AdmissionCheck,
        mayDecide: Bool,
        mayDecideException: Bool
    ) -> [Node<HTML.BodyContext>] {
        let s = state.labelled(["decidedOn": LocalizedText(nl: "Datum besluit", en: "Decision date")])
        let outcomes = AdmissionDecision.Outcome.allCases
            .filter { $0 != .admitByException || mayDecideException }
            .map { ($0.rawValue, env.t($0.label)) }
        let exceptionHint =
            mayDecideException
            ? nil
            : env.t(
                "Toelaten bij uitzondering is een besluit van het casusoverleg (LSO); "
                    + "de voorzitter legt het daar vast.",
                "Admitting by exception is a decision of the case meeting (LSO); its chair records it there."
            )
        let motivationHint =
            mayDecideException
            ? env.t(
                "Verplicht bij toelating bij uitzondering: het besluit van het LSO, schriftelijk.",
                "Required when admitting by exception: the case meeting's decision, in writing."
            )
            : env.t("Verplicht bij de afwijzingsreden ‘anders’.", "Required for the rejection reason ‘other’.")
        let form: [Node<HTML.FormContext>] = [
            FormFields.choices(s, env, name: "outcome", options: outcomes, hint: exceptionHint, required: true),
            FormFields.input(s, env, name: "decidedOn", type: "date", required: true, width: "10"),
            FormFields.select(
                s,
                env,
                name: "rejectionReason",
                options: Labels.options(RejectionReason.self, env) { $0.label },
                blank: env.t("— alleen bij afwijzing —", "— only when rejecting —")
            ),
            FormFields.textarea(s, env, name: "motivation", hint: motivationHint),
            FormFields.submit(env.t("Besluit vastleggen", "Record decision")),
        ]
        return [
            .h1(.text(env.t("Toelatingstoets: ", "Admission check: ") + record.file.identity.displayName)),
            .p(
                .a(
                    .href(SiteURL.caseFile(record.file.id).path),
                    .text(env.t("← Terug naar het dossier", "← Back to the case"))
                )
            ),
            checkTable(check, env),
            .if(
                mayDecide && record.file.stage == .intake,
                .group(
                    .h2(.text(env.t("Toelatingsbesluit", "Admission decision"))),
                    FormFields.errorSummary(s, env),
                    FormFields.form(
                        action: SiteURL.caseStep(record.file.id, .admission).path,
                        env: env,
                        version: record.file.version,
                        form
                    )
                )
            ),
        ]
    }
}
