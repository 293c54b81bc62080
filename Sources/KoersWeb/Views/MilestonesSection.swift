import Foundation
import KoersCore
import KoersStore
import Plot

/// The case page's sub-deadlines and action items, with the forms the user's party may use.
enum MilestonesSection {
    static func render(_ env: PageEnvironment, file: CaseFile, actor: Actor, milestones: [Milestone], form: FormState, today: Day) -> Node<HTML.BodyContext> {
        let url = CasePage.caseURL(file)
        let mayManage = AccessPolicy.decide(actor, .manageDeadlines, locationId: file.locationId) == .allowed && file.stage == .active
        var rows: [Node<HTML.TableContext>] = []
        for m in milestones {
            var actions: [Node<HTML.BodyContext>] = []
            if m.kind == .actionItem, m.state.isOpen, let party = m.party,
               AccessPolicy.decide(actor, .completeActionItem(party), locationId: file.locationId) == .allowed,
               let id = UUID(uuidString: String(m.key.dropFirst("action-".count))) {
                let fields: [Node<HTML.FormContext>] = [FormFields.hidden("on", today.description), FormFields.submit(env.t("Afgerond", "Done"), secondary: true)]
                actions.append(.div(.class("inline-form"), FormFields.form(action: url + "/action-items/\(id.uuidString.lowercased())/complete", env: env, version: file.version, fields)))
            } else if mayManage && m.state.isOpen && m.kind != .actionItem {
                actions.append(adjustForm(env, file: file, milestone: m, today: today))
            }
            let what = m.title.map { env.t(m.kind.label) + ": " + $0 } ?? Labels.milestoneName(m.key, env)
            let who = m.party.map { " (" + env.t($0.label) + ")" } ?? ""
            let due = m.dueOn == m.plannedOn ? m.dueOn.description : "\(m.dueOn) (" + env.t("was ", "was ") + m.plannedOn.description + ")"
            rows.append(.tr(.class("milestone-\(m.state.rawValue)"),
                            .td(.text(what + who)), .td(.text(due)),
                            .td(.strong(.text(env.t(m.state.label))), .text(m.metOn.map { " " + $0.description } ?? ""), .text(m.reason.map { " — " + $0 } ?? "")),
                            .td(.group(actions))))
        }
        var content: [Node<HTML.BodyContext>] = [.h2(.id("h-progress"), .text(env.t("Deeltermijnen en actiepunten", "Sub-deadlines and action items")))]
        content.append(FormFields.errorSummary(form, env))
        content.append(rows.isEmpty
            ? .p(.text(env.t("Geen termijnen: deze locatie werkt zonder deeltermijnen en er zijn geen actiepunten.", "No deadlines: this location works without sub-deadlines and there are no action items.")))
            : .table(.thead(.tr(.th(.text(env.t("Termijn", "Deadline"))), .th(.text(env.t("Uiterlijk", "Due"))), .th(.text(env.t("Stand", "State"))), .th(.text(env.t("Actie", "Action"))))),
                     .tbody(.group(rows))))
        if mayManage {
            let review: [Node<HTML.FormContext>] = [
                FormFields.input(form, env, name: "on", label: env.t("Besproken op", "Reviewed on"), type: "date", width: "10"),
                FormFields.submit(env.t("Bespreking vastleggen", "Record review"), secondary: true),
            ]
            content.append(.details(.summary(.text(env.t("Bespreking in het LSO vastleggen", "Record a review in the case meeting"))),
                                    FormFields.form(action: url + "/reviews", env: env, version: file.version, review)))
        }
        if AccessPolicy.decide(actor, .assignActionItem, locationId: file.locationId) == .allowed && !file.stage.isClosed {
            let parties: [Party] = [.ngo, .municipality, .ind, .dtv, .avim]
            let assign: [Node<HTML.FormContext>] = [
                FormFields.select(form, env, name: "party", label: env.t("Voor partij", "For party"), options: parties.map { ($0.rawValue, env.t($0.label)) }, blank: env.t("— kies —", "— choose —"), required: true),
                FormFields.input(form, env, name: "text", label: env.t("Actiepunt", "Action item"), required: true),
                FormFields.input(form, env, name: "dueOn", label: env.t("Uiterlijk", "Due"), type: "date", required: true, width: "10"),
                FormFields.submit(env.t("Actiepunt toevoegen", "Add action item"), secondary: true),
            ]
            content.append(.details(.summary(.text(env.t("Actiepunt toevoegen", "Add an action item"))), FormFields.form(action: url + "/action-items", env: env, version: file.version, assign)))
        }
        return .section(.attribute(named: "aria-labelledby", value: "h-progress"), .group(content))
    }

    /// Suspend, resume, extend or skip: one small form per open milestone.
    static func adjustForm(_ env: PageEnvironment, file: CaseFile, milestone m: Milestone, today: Day) -> Node<HTML.BodyContext> {
        let id = "m-" + m.key
        let kinds: [MilestoneAdjustment.Kind] = m.state == .suspended ? [.resume] : [.suspend, .extend, .skip]
        let labels: [MilestoneAdjustment.Kind: String] = [.suspend: env.t("Opschorten", "Suspend"), .resume: env.t("Hervatten", "Resume"),
                                                          .extend: env.t("Verlengen tot", "Extend to"), .skip: env.t("Laten vervallen", "Skip")]
        var options: [Node<HTML.SelectContext>] = [.attribute(named: "id", value: id + "-action"), .attribute(named: "name", value: "action")]
        for kind in kinds { options.append(FormFields.option(kind.rawValue, labels[kind]!, selected: false)) }
        func labelled(_ suffix: String, _ text: String, _ input: Node<HTML.FormContext>) -> Node<HTML.FormContext> {
            .group(.label(.for(id + suffix), .class("visually-hidden"), .text(text)), input)
        }
        func input(_ name: String, _ type: String, _ suffix: String, _ value: String = "") -> Node<HTML.FormContext> {
            .selfClosedElement(named: "input", attributes: [Attribute<HTML.InputContext>.attribute(named: "type", value: type), .attribute(named: "id", value: id + suffix), .name(name),
                                                           .attribute(named: "value", value: value)])
        }
        let fields: [Node<HTML.FormContext>] = [
            FormFields.hidden("on", today.description),
            labelled("-action", env.t("Wat", "What"), .select(.group(options))),
            m.state == .suspended ? .group([]) : labelled("-until", env.t("Nieuwe datum (bij verlengen)", "New date (when extending)"), input("until", "date", "-until")),
            m.state == .suspended ? .group([]) : labelled("-reason", env.t("Reden", "Reason"), input("reason", "text", "-reason")),
            FormFields.submit(env.t("Vastleggen", "Record"), secondary: true),
        ]
        return .div(.class("inline-form"), FormFields.form(action: CasePage.caseURL(file) + "/milestones/" + m.key, env: env, version: file.version, fields))
    }
}
