import Foundation
import KoersCore
import Plot

/// The case page's forms for the person's rights: restricting processing (the municipality) and
/// withholding one's own note from subject access (its author).
enum PrivacyStepPages {
    static func restrict(_ env: PageEnvironment, _ state: FormState, record: CaseRecord) -> [Node<HTML.BodyContext>] {
        let lifting = record.file.restriction != nil
        let s = state.labelled(["reason": LocalizedText(nl: "Reden", en: "Reason")])
        var fields: [Node<HTML.FormContext>] = [
            FormFields.textarea(
                s,
                env,
                name: "reason",
                hint: lifting
                    ? env.t("Waarom de beperking eindigt.", "Why the restriction ends.")
                    : env.t(
                        "Bijvoorbeeld: betrokkene betwist de juistheid van de gegevens (art. 18 lid 1 sub a AVG). "
                            + "Iedereen die het dossier opent, leest deze reden.",
                        "For example: the person contests the accuracy of the data (GDPR art. 18(1)(a)). "
                            + "Everyone who opens the case reads this reason."
                    ),
                required: true
            )
        ]
        if lifting { fields.append(FormFields.hidden("lift", "true")) }
        fields.append(
            FormFields.submit(
                lifting ? env.t("Beperking opheffen", "Lift the restriction") : env.t("Verwerking beperken", "Restrict")
            )
        )
        return StepPages.frame(
            env,
            s,
            record: record,
            title: lifting
                ? env.t("Beperking opheffen", "Lift the restriction")
                : env.t("Verwerking beperken", "Restrict processing"),
            action: .caseStep(record.file.id, .restrict),
            fields
        )
    }

    static func withhold(
        _ env: PageEnvironment,
        _ state: FormState,
        record: CaseRecord,
        note: CaseNote
    ) -> [Node<HTML.BodyContext>] {
        let withheld = record.file.withheldNotes[note.id] != nil
        let s = state.labelled(["reason": LocalizedText(nl: "Reden", en: "Reason")])
        var fields: [Node<HTML.FormContext>] = [
            .p(
                .class("detail"),
                .text(note.text)
            )
        ]
        if withheld {
            fields.append(FormFields.hidden("release", "true"))
        } else {
            fields.append(
                FormFields.textarea(
                    s,
                    env,
                    name: "reason",
                    hint: env.t(
                        "Art. 15 lid 4 AVG: inzage mag de rechten van anderen niet schaden, zoals de veiligheid "
                            + "van een bron. Het inzagedocument toont de notitie als achtergehouden, met deze reden.",
                        "GDPR art. 15(4): access must not harm the rights of others, such as a source's safety. "
                            + "The access document shows the note as withheld, with this reason."
                    ),
                    required: true
                )
            )
        }
        fields.append(
            FormFields.submit(
                withheld
                    ? env.t("Weer tonen bij inzage", "Show again in access")
                    : env.t("Achterhouden bij inzage", "Withhold from access")
            )
        )
        return StepPages.frame(
            env,
            s,
            record: record,
            title: env.t("Notitie bij inzage", "Note in access"),
            action: .withholdNote(record.file.id, note: note.id),
            fields
        )
    }
}
