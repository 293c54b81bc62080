import Foundation
import KoersCore
import Plot

/// The case page's notes (those the user may read, and the form to add one) and its timeline.
enum CaseNotes {
    static func section(_ env: PageEnvironment, _ m: CasePage.Model) -> Node<HTML.BodyContext> {
        let v = m.view
        let byNote = Dictionary(
            v.events.compactMap { event -> (UUID, CaseEvent)? in
                if case .noteAdded(let note) = event.change { return (note.id, event) }
                return nil
            },
            uniquingKeysWith: { a, _ in a }
        )
        var items: [Node<HTML.ListContext>] = []
        for note in (v.notes ?? []).reversed() {
            let event = byNote[note.id]
            let meta = [
                env.t(note.classification.label), event?.organisationName,
                event.map { Labels.dateTime($0.recordedAt, env) },
            ]
            .compactMap { $0 }.joined(separator: " · ")
            let shared =
                note.sharedWith.isEmpty
                ? ""
                : env.t(" · gedeeld met ", " · shared with ")
                    + note.sharedWith.map { env.t($0.label) }.joined(separator: ", ")
            var parts: [Node<HTML.BodyContext>] = [
                .p(
                    .class("meta"),
                    .text(meta + shared)
                ),
                .p(.text(note.text)),
            ]
            if let reason = v.withheldNotes[note.id] {
                parts.append(
                    .p(
                        .class("withheld"),
                        .text(env.t("Achtergehouden bij inzage: ", "Withheld from access: ") + reason)
                    )
                )
            }
            if m.permissions.withholdableNotes.contains(note.id) {
                let withheld = v.withheldNotes[note.id] != nil
                parts.append(
                    .p(
                        .a(
                            .href(SiteURL.withholdNote(v.id, note: note.id).path),
                            .text(
                                withheld
                                    ? env.t("Weer tonen bij inzage", "Show again in access")
                                    : env.t("Achterhouden bij inzage", "Withhold from access")
                            )
                        )
                    )
                )
            }
            items.append(
                .li(
                    .class("note note-\(note.classification.rawValue)"),
                    .group(parts)
                )
            )
        }
        var content: [Node<HTML.BodyContext>] = [
            .h2(
                .id("h-notes"),
                .text(env.t("Notities", "Notes"))
            )
        ]
        content.append(
            items.isEmpty
                ? .p(.text(env.t("Geen notities die u kunt lezen.", "No notes you can read.")))
                : .ul(
                    .class("notes"),
                    .group(items)
                )
        )
        if m.may(.addNote) { content.append(form(env, m)) }
        return .section(
            .attribute(named: "aria-labelledby", value: "h-notes"),
            .group(content)
        )
    }

    static func form(_ env: PageEnvironment, _ m: CasePage.Model) -> Node<HTML.BodyContext> {
        let classes = m.permissions.noteClassifications.map { ($0.rawValue, env.t($0.label)) }
        let sharable = m.permissions.noteSharingParties
        let state = m.noteForm.labelled([
            "text": LocalizedText(nl: "Notitie", en: "Note"),
            "sharedWith": LocalizedText(
                nl: "Sociale of medische notitie delen met",
                en: "Share a social or medical note with"
            ),
        ])
        var fields: [Node<HTML.FormContext>] = [
            FormFields.errorSummary(state, env),
            FormFields.choices(state, env, name: "classification", options: classes, required: true, inline: true),
            FormFields.textarea(state, env, name: "text", required: true),
        ]
        if !sharable.isEmpty {
            fields.append(
                FormFields.choices(
                    state,
                    env,
                    name: "sharedWith",
                    options: sharable.map { ($0.rawValue, env.t($0.label)) },
                    multiple: true,
                    hint: env.t(
                        "Zonder keuze blijft de notitie bij uw organisatie.",
                        "Without a choice the note stays with your organisation."
                    ),
                    inline: true
                )
            )
        }
        fields.append(FormFields.submit(env.t("Notitie toevoegen", "Add note")))
        return FormFields.form(action: SiteURL.caseNotes(m.view.id).path, env: env, version: nil, fields)
    }

    static func timeline(_ env: PageEnvironment, _ m: CasePage.Model) -> Node<HTML.BodyContext> {
        var items: [Node<HTML.ListContext>] = []
        // Which events a later correction supersedes, and by which.
        var correctedBy: [Int: Int] = [:]
        for event in m.view.events {
            if case .corrected(let c) = event.change { correctedBy[c.supersedes] = event.sequence }
        }
        for event in m.view.events.reversed() {
            var meta =
                env.t("Ingang ", "Effective ") + event.effectiveOn.description + " · "
                + env.t("vastgelegd ", "recorded ")
                + Labels.dateTime(event.recordedAt, env) + " · " + event.userName + " (" + event.organisationName + ")"
            if let source = event.source { meta += " · " + env.t("bron: ", "source: ") + env.t(source.label) }
            if correctedBy[event.sequence] != nil { meta += " · " + env.t("later gecorrigeerd", "corrected later") }
            var content: [Node<HTML.BodyContext>] = [
                .p(
                    .strong(.text(Labels.describe(event.change, env, reasons: m.reasons, in: m.view)))
                )
            ]
            if let detail = Labels.detail(event.change) {
                content.append(.p(.class("detail"), .text(detail)))
            }
            if case .corrected(let c) = event.change,
                let original = m.view.events.first(where: { $0.sequence == c.supersedes })
            {
                let was = Labels.describe(original.change, env, reasons: m.reasons, in: m.view)
                content.append(
                    .p(
                        .class("detail"),
                        .text(env.t("Was: ", "Was: ") + was + " (" + original.effectiveOn.description + ")")
                    )
                )
            }
            content.append(
                .p(
                    .class("meta"),
                    .text(meta)
                )
            )
            items.append(.li(.group(content)))
        }
        return .section(
            .attribute(named: "aria-labelledby", value: "h-timeline"),
            .h2(
                .id("h-timeline"),
                .text(env.t("Tijdlijn", "Timeline"))
            ),
            .ol(
                .class("timeline"),
                .group(items)
            )
        )
    }
}
