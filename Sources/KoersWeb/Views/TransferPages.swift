import Foundation
import KoersCore
import Plot

/// Overdracht: the request form on a case, and the list of transfers with their hand-over summaries.
enum TransferPages {
    static func requestForm(
        _ env: PageEnvironment,
        _ s: FormState,
        record: CaseRecord,
        locations: [Location]
    ) -> [Node<HTML.BodyContext>] {
        let targets = locations.filter { $0.id != record.file.locationId }.map {
            ($0.id.uuidString.lowercased(), $0.name)
        }
        let fields: [Node<HTML.FormContext>] = [
            FormFields.select(
                s,
                env,
                name: "toLocationId",
                label: env.t("Overdragen aan", "Transfer to"),
                options: targets,
                blank: env.t("— kies —", "— choose —"),
                required: true
            ),
            FormFields.textarea(
                s,
                env,
                name: "reason",
                label: env.t("Reden", "Reason"),
                hint: env.t(
                    "Bijvoorbeeld regiobinding: familie of netwerk in die regio.",
                    "For example regional ties: family or network in that region."
                ),
                required: true
            ),
            FormFields.submit(env.t("Overdracht aanvragen", "Request the transfer")),
        ]
        return StepPages.frame(
            env,
            s,
            record: record,
            title: env.t("Overdracht", "Transfer"),
            action: .caseStep(record.file.id, .transfer),
            fields
        )
    }

    static func list(
        _ env: PageEnvironment,
        page: TransferListPage,
        names: [UUID: String],
        errors: [UUID: FormState]
    ) -> [Node<HTML.BodyContext>] {
        [
            .h1(.text(env.t("Overdrachten", "Transfers"))),
            section(
                env,
                id: "incoming",
                title: env.t("Naar uw locatie", "To your location"),
                items: page.incoming,
                names: names,
                errors: errors
            ),
            section(
                env,
                id: "outgoing",
                title: env.t("Van uw locatie", "From your location"),
                items: page.outgoing,
                names: names,
                errors: errors
            ),
        ]
    }

    static func section(
        _ env: PageEnvironment,
        id: String,
        title: String,
        items all: [TransferListPage.Item],
        names: [UUID: String],
        errors: [UUID: FormState]
    ) -> Node<HTML.BodyContext> {
        var items: [Node<HTML.ListContext>] = []
        // Every open request, and the latest decided ones: the page stays small over the years.
        let decided = all.filter { $0.transfer.status != .pending }
        let shown = all.filter { $0.transfer.status == .pending } + decided.prefix(recentDecided)
        for item in shown {
            let t = item.transfer
            let s = t.summary
            let header: Node<HTML.BodyContext> = .p(
                .text(
                    "\(names[t.fromLocationId] ?? "?") → \(names[t.toLocationId] ?? "?") · "
                        + env.t("aangevraagd ", "requested ") + t.requestedOn + " · " + env.t(t.status.label)
                        + (t.decidedOn.map { " " + $0 } ?? "")
                )
            )
            var content: [Node<HTML.BodyContext>]
            if item.mayReadHandover {
                content = [
                    .h3(.text(s.name)),
                    header,
                    .p(.text(env.t("Reden: ", "Reason: ") + t.reason)),
                    .dl(
                        CasePage.row(env.t("Geboren", "Born"), s.birthDate ?? "—"),
                        CasePage.row(env.t("Nationaliteit", "Nationality"), Labels.country(s.nationality, env)),
                        CasePage.row(env.t("Fase", "Stage"), env.t(s.stage.label)),
                        CasePage.row(
                            env.t("Perspectief", "Perspective"),
                            s.perspective.map { env.t($0.label) } ?? "—"
                        ),
                        CasePage.row(env.t("Toegelaten", "Admitted"), s.admittedOn?.description ?? "—"),
                        CasePage.row(
                            env.t("Lopende procedures", "Pending procedures"),
                            s.pendingProcedures.isEmpty
                                ? "—" : s.pendingProcedures.map { env.t($0.label) }.joined(separator: ", ")
                        )
                    ),
                ]
            } else {
                // Asked for after the intake check: the other location's data opens only once it agreed.
                content = [
                    .h3(
                        .text(
                            env.t(
                                "Gevraagde overdracht na de koppelingscontrole",
                                "Transfer asked for after the linkage check"
                            )
                        )
                    ),
                    header,
                    .p(
                        .text(
                            env.t(
                                "De gegevens van dit traject worden zichtbaar zodra "
                                    + "\(names[t.fromLocationId] ?? "de andere LVV") de overdracht accepteert.",
                                "This trajectory's data becomes visible once "
                                    + "\(names[t.fromLocationId] ?? "the other LVV") accepts the transfer."
                            )
                        )
                    ),
                ]
            }
            if let note = t.note { content.append(.p(.text(env.t("Toelichting: ", "Note: ") + note))) }
            if item.opensCase {
                content.append(
                    .p(
                        .a(
                            .href(SiteURL.caseFile(t.trajectoryId).path),
                            .text(env.t("Naar het dossier", "Open the case"))
                        )
                    )
                )
            }
            if item.mayDecide {
                let form = errors[t.id] ?? FormState()
                let fields: [Node<HTML.FormContext>] = [
                    FormFields.errorSummary(form, env),
                    FormFields.choices(
                        form,
                        env,
                        name: "decision",
                        legend: env.t("Besluit", "Decision"),
                        options: [
                            ("accept", env.t("Accepteren", "Accept")), ("decline", env.t("Afwijzen", "Decline")),
                        ],
                        required: true,
                        inline: true
                    ),
                    FormFields.textarea(
                        form,
                        env,
                        name: "note",
                        label: env.t("Toelichting (verplicht bij afwijzen)", "Note (required when declining)")
                    ),
                    FormFields.submit(env.t("Besluit vastleggen", "Record the decision")),
                ]
                content.append(
                    FormFields.form(action: SiteURL.transferDecision(t.id).path, env: env, fields)
                )
            }
            items.append(.li(.class("transfer"), .id("transfer-\(t.id.uuidString.lowercased())"), .group(content)))
        }
        return .section(
            .attribute(named: "aria-labelledby", value: "h-\(id)"),
            .h2(.id("h-\(id)"), .text(title + " (\(all.count))")),
            items.isEmpty ? .p(.text(env.t("Geen.", "None."))) : .ul(.class("notes"), .group(items)),
            .if(
                decided.count > recentDecided,
                .p(
                    .text(
                        env.t(
                            "Afgehandelde overdrachten: de laatste \(recentDecided) van \(decided.count).",
                            "Decided transfers: the latest \(recentDecided) of \(decided.count)."
                        )
                    )
                )
            )
        )
    }

    /// How many decided transfers a section shows, newest first.
    static let recentDecided = 25
}
