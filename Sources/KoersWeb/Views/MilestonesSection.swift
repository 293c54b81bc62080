import Foundation
import KoersCore
import Plot

/// The case page's sub-deadlines and action items, with the forms the user's party may use. Each
/// form has its own field ids and shows its own errors and what was typed.
enum MilestonesSection {
    static func render(_ env: PageEnvironment, _ m: CasePage.Model) -> Node<HTML.BodyContext> {
        let v = m.view
        let mayManage = m.may(.manageDeadlines) && v.stage == .active
        var rows: [Node<HTML.TableContext>] = []
        for milestone in m.milestones {
            var actions: [Node<HTML.BodyContext>] = []
            if milestone.kind == .actionItem, milestone.state.isOpen, let party = milestone.party,
                m.may(.completeActionItem(party)),
                let id = UUID(uuidString: String(milestone.key.dropFirst("action-".count)))
            {
                actions.append(completeForm(env, m, id))
            } else if mayManage && milestone.state.isOpen && milestone.kind != .actionItem {
                actions.append(adjustForm(env, m, milestone))
            }
            let due =
                milestone.dueOn == milestone.plannedOn
                ? milestone.dueOn.description
                : "\(milestone.dueOn) (" + env.t("was ", "was ") + milestone.plannedOn.description + ")"
            let state = env.t(milestone.state.label)
            let detail =
                (milestone.metOn.map { " " + $0.description } ?? "") + (milestone.reason.map { " — " + $0 } ?? "")
            rows.append(
                .tr(
                    .class("milestone-\(milestone.state.rawValue)"),
                    .td(.text(name(milestone, env))),
                    .td(.text(due)),
                    .td(
                        .strong(.text(state)),
                        .text(detail)
                    ),
                    .td(.group(actions))
                )
            )
        }
        var content: [Node<HTML.BodyContext>] = [
            .h2(
                .id("h-progress"),
                .text(env.t("Deeltermijnen en actiepunten", "Sub-deadlines and action items"))
            )
        ]
        if rows.isEmpty {
            content.append(
                .p(
                    .text(
                        env.t(
                            "Geen termijnen: deze locatie werkt zonder deeltermijnen en er zijn geen actiepunten.",
                            "No deadlines: this location works without sub-deadlines and there are no action items."
                        )
                    )
                )
            )
        } else {
            let headers = [("Termijn", "Deadline"), ("Uiterlijk", "Due"), ("Stand", "State"), ("Actie", "Action")]
            content.append(CaseSections.table(env, headers, rows))
        }
        if mayManage { content.append(reviewForm(env, m)) }
        if m.may(.assignActionItem) && !v.stage.isClosed { content.append(actionItemForm(env, m)) }
        return .section(
            .attribute(named: "aria-labelledby", value: "h-progress"),
            .group(content)
        )
    }

    /// A milestone's name with, for an action item, what it is and for whom.
    static func name(_ milestone: Milestone, _ env: PageEnvironment) -> String {
        let what =
            milestone.title.map { env.t(milestone.kind.label) + ": " + $0 } ?? Labels.milestoneName(milestone.key, env)
        return what + (milestone.party.map { " (" + env.t($0.label) + ")" } ?? "")
    }

    static func completeForm(_ env: PageEnvironment, _ m: CasePage.Model, _ id: UUID) -> Node<HTML.BodyContext> {
        let state = m.state(for: .completion(id)).scoped("done-" + id.shortReference + "-")
        let fields: [Node<HTML.FormContext>] = [
            FormFields.errorSummary(state, env),
            FormFields.hidden("on", m.today.description),
            FormFields.submit(env.t("Markeren als afgerond", "Mark as done"), secondary: true),
        ]
        let action = SiteURL.completeActionItem(m.view.id, item: id).path
        return .div(
            .class("inline-form"),
            FormFields.form(action: action, env: env, version: m.view.version, fields)
        )
    }

    /// Suspend, resume, extend or skip: one form per open milestone, folded away until used, with
    /// visible labels that name the milestone, so its errors say which one they are about.
    static func adjustForm(
        _ env: PageEnvironment,
        _ m: CasePage.Model,
        _ milestone: Milestone
    ) -> Node<HTML.BodyContext> {
        let what = name(milestone, env)
        let scope = "m-" + milestone.key + "-"
        let named = { (nl: String, en: String) in LocalizedText(nl: nl + " (" + what + ")", en: en + " (" + what + ")")
        }
        let state = m.state(for: .milestone(milestone.key)).scoped(scope).labelled([
            "action": named("Wat", "What"),
            "until": named("Nieuwe datum", "New date"),
            "reason": named("Reden", "Reason"),
        ])
        let kinds: [MilestoneAdjustment.Kind] = milestone.state == .suspended ? [.resume] : [.suspend, .extend, .skip]
        let labels: [MilestoneAdjustment.Kind: String] = [
            .suspend: env.t("Opschorten", "Suspend"), .resume: env.t("Hervatten", "Resume"),
            .extend: env.t("Verlengen tot", "Extend to"), .skip: env.t("Laten vervallen", "Skip"),
        ]
        var fields: [Node<HTML.FormContext>] = [
            FormFields.errorSummary(state, env),
            FormFields.hidden("on", m.today.description),
            FormFields.select(
                state,
                env,
                name: "action",
                options: kinds.map { ($0.rawValue, labels[$0]!) },
                required: true
            ),
        ]
        if milestone.state != .suspended {
            fields.append(
                FormFields.input(
                    state,
                    env,
                    name: "until",
                    type: "date",
                    hint: env.t("Alleen bij verlengen.", "Only when extending."),
                    width: "10"
                )
            )
            fields.append(FormFields.input(state, env, name: "reason"))
        }
        fields.append(FormFields.submit(env.t("Vastleggen", "Record"), secondary: true))
        let action = SiteURL.milestone(m.view.id, key: milestone.key).path
        return .div(
            .class("stacked-form"),
            folded(
                env,
                open: state.hasErrors,
                summary: env.t("Aanpassen", "Adjust"),
                FormFields.form(action: action, env: env, version: m.view.version, fields)
            )
        )
    }

    static func reviewForm(_ env: PageEnvironment, _ m: CasePage.Model) -> Node<HTML.BodyContext> {
        let state = m.state(for: .review).scoped("review-").labelled([
            "on": LocalizedText(nl: "Besproken op", en: "Reviewed on")
        ])
        let fields: [Node<HTML.FormContext>] = [
            FormFields.errorSummary(state, env),
            FormFields.input(state, env, name: "on", type: "date", width: "10"),
            FormFields.submit(env.t("Bespreking vastleggen", "Record review"), secondary: true),
        ]
        return folded(
            env,
            open: state.hasErrors,
            summary: env.t("Bespreking in het LSO vastleggen", "Record a review in the case meeting"),
            FormFields.form(action: SiteURL.reviews(m.view.id).path, env: env, version: m.view.version, fields)
        )
    }

    static func actionItemForm(_ env: PageEnvironment, _ m: CasePage.Model) -> Node<HTML.BodyContext> {
        let state = m.state(for: .actionItem).scoped("item-").labelled([
            "party": LocalizedText(nl: "Voor partij", en: "For party"),
            "text": LocalizedText(nl: "Actiepunt", en: "Action item"),
        ])
        let parties: [Party] = [.ngo, .municipality, .ind, .dtv, .avim]
        let fields: [Node<HTML.FormContext>] = [
            FormFields.errorSummary(state, env),
            FormFields.select(
                state,
                env,
                name: "party",
                options: parties.map { ($0.rawValue, env.t($0.label)) },
                blank: env.t("— kies —", "— choose —"),
                required: true
            ),
            FormFields.input(state, env, name: "text", required: true),
            FormFields.input(state, env, name: "dueOn", type: "date", required: true, width: "10"),
            FormFields.submit(env.t("Actiepunt toevoegen", "Add action item"), secondary: true),
        ]
        return folded(
            env,
            open: state.hasErrors,
            summary: env.t("Actiepunt toevoegen", "Add an action item"),
            FormFields.form(
                action: SiteURL.actionItems(m.view.id).path,
                env: env,
                version: m.view.version,
                fields
            )
        )
    }

    /// A form folded under a summary, unfolded when it holds errors.
    static func folded(
        _ env: PageEnvironment,
        open: Bool,
        summary: String,
        _ form: Node<HTML.DetailsContext>
    ) -> Node<HTML.BodyContext> {
        .details(
            .if(open, .attribute(Attribute(name: "open", value: nil, ignoreIfValueIsEmpty: false))),
            .summary(.text(summary)),
            form
        )
    }
}
