import Foundation
import KoersCore
import Plot

/// The case page's requests to the hardship committee and escalations up the ladder, each with
/// its answer or, for the body that gives it, the form to give it.
enum CaseCoordination {
    /// Requests to the hardship committee, what was shared, and its advice (or the form to give it).
    static func committee(
        _ env: PageEnvironment,
        _ m: CasePage.Model,
        _ requests: [CommitteeRecord]
    ) -> Node<HTML.BodyContext> {
        var items: [Node<HTML.ListContext>] = []
        for record in requests {
            let request = record.request
            let from = env.t("Verzoek van ", "Request from ") + env.t(request.requestingParty.label)
            let shared = request.sharedSections.map { env.t(CasePage.sectionLabel($0)) }.joined(separator: ", ")
            var content: [Node<HTML.BodyContext>] = [
                .p(
                    .strong(.text(from + " (" + request.requestedOn.description + "): ")),
                    .text(request.request)
                ),
                .p(
                    .class("meta"),
                    .text(env.t("Gedeeld: ", "Shared: ") + shared)
                ),
            ]
            if let advice = record.advice {
                content.append(
                    .p(
                        .strong(
                            .text(env.t("Advies", "Advice") + " (" + (record.advisedOn?.description ?? "") + "): ")
                        ),
                        .text(advice)
                    )
                )
            } else if m.may(.adviseCommittee) {
                let scope = "advice-" + request.id.shortReference + "-"
                let state = m.state(for: .advice(request.id)).scoped(scope)
                    .labelled(["advice": LocalizedText(nl: "Advies van de commissie", en: "The committee's advice")])
                let fields: [Node<HTML.FormContext>] = [
                    FormFields.errorSummary(state, env),
                    FormFields.textarea(state, env, name: "advice", required: true),
                    FormFields.submit(env.t("Advies vastleggen", "Record the advice")),
                ]
                let action = SiteURL.committeeAdvice(m.view.id, request: request.id).path
                content.append(FormFields.form(action: action, env: env, version: m.view.version, fields))
            } else {
                content.append(.p(.text(env.t("Wacht op advies.", "Awaiting advice."))))
            }
            items.append(.li(.group(content)))
        }
        return .section(
            .attribute(named: "aria-labelledby", value: "h-committee"),
            .h2(
                .id("h-committee"),
                .text(env.t("Commissie schrijnende gevallen", "Hardship committee"))
            ),
            .ul(
                .class("notes"),
                .group(items)
            )
        )
    }

    /// Escalations up the ladder: question, proposal, and the body's decision with the days it took.
    static func escalations(
        _ env: PageEnvironment,
        _ m: CasePage.Model,
        _ records: [EscalationRecord]
    ) -> Node<HTML.BodyContext> {
        var items: [Node<HTML.ListContext>] = []
        for record in records {
            let e = record.escalation
            let level = env.t(e.label)
            var content: [Node<HTML.BodyContext>] = [
                .p(
                    .strong(.text(level + " · " + e.escalatedOn.description))
                ),
                .p(.text(env.t("Vraag: ", "Question: ") + e.question)),
                .p(.text(env.t("Voorgesteld besluit: ", "Proposed decision: ") + e.proposedDecision)),
            ]
            if let decision = record.decision {
                let days = record.daysToDecision ?? 0
                let when =
                    " (" + (record.decidedOn?.description ?? "")
                    + env.t(", na \(days) dagen): ", ", after \(days) days): ")
                content.append(
                    .p(
                        .strong(.text(env.t("Besluit", "Decision") + when)),
                        .text(decision)
                    )
                )
            } else if m.may(.decideEscalation) {
                let scope = "escalation-" + e.id.shortReference + "-"
                let state = m.state(for: .escalationDecision(e.id)).scoped(scope)
                    .labelled(["decision": LocalizedText(nl: "Besluit", en: "Decision")])
                let fields: [Node<HTML.FormContext>] = [
                    FormFields.errorSummary(state, env),
                    FormFields.textarea(state, env, name: "decision", required: true),
                    FormFields.submit(env.t("Besluit vastleggen", "Record the decision")),
                ]
                let action = SiteURL.escalationDecision(m.view.id, escalation: e.id).path
                content.append(FormFields.form(action: action, env: env, version: m.view.version, fields))
            } else {
                content.append(.p(.text(env.t("Wacht op besluit.", "Awaiting decision."))))
            }
            items.append(.li(.group(content)))
        }
        return .section(
            .attribute(named: "aria-labelledby", value: "h-escalation"),
            .h2(
                .id("h-escalation"),
                .text(env.t("Opschaling", "Escalation"))
            ),
            .ul(
                .class("notes"),
                .group(items)
            )
        )
    }
}
