import Foundation
import KoersCore
import Plot

/// Which small form on the case page a failed submit came from, so that its errors and what was
/// typed show at that form only.
enum CaseFormTarget: Equatable, Sendable {
    case milestone(String)
    case review
    case actionItem
    case completion(UUID)
    case advice(UUID)
    case escalationDecision(UUID)
    case supportEnd(UUID)
}

/// Another trajectory of the same person that the user may open.
struct TrajectoryLink: Sendable {
    let id: UUID
    let referredOn: Day
    let isOpen: Bool
}

/// The case page: identity, stage and the actions the user may take, each section the access
/// policy lets them see, the notes they may read, and the timeline of events. It renders a
/// ``CaseView`` and ``CasePermissions``; it decides nothing about access itself.
enum CasePage {
    struct Model {
        let view: CaseView
        let locationName: String
        let permissions: CasePermissions
        let reasons: [OutflowReason]
        /// The person's other trajectories the user may open.
        let history: [TrajectoryLink]
        let noteForm: FormState
        /// A confirmation after a change, announced to screen readers.
        let message: String?
        var milestones: [Milestone] = []
        /// The state of the small form named by `formTarget`.
        var form = FormState()
        var formTarget: CaseFormTarget?
        var today = Day.today()
        /// Possible registrations of this person at other LVVs (the intake check), with the case
        /// as the duplicate decision form needs it; only for parties that may decide.
        var possible: [PossibleRegistration] = []
        var duplicateFile: CaseFile?
        var duplicateForm = FormState()
        var duplicateEntry: UUID?
        /// Whether a transfer of this case waits for an answer (the action is then not offered).
        var hasPendingTransfer = false
        /// Whether the user works the location's duplicate review queue (then "send for review" is not offered).
        var reviewsDuplicates = false

        /// The form state for one small form: the failed one's, or an empty one.
        func state(for target: CaseFormTarget) -> FormState {
            formTarget == target ? form : FormState()
        }

        func may(_ action: CaseAction) -> Bool { permissions.may(action) }
    }

    static func render(_ env: PageEnvironment, _ m: Model) -> [Node<HTML.BodyContext>] {
        let v = m.view
        var main: [Node<HTML.BodyContext>] = [
            .h1(.text(env.t(v.title))),
            .p(
                .class("stage stage-\(v.stage.rawValue)"),
                .text(env.t("Fase: ", "Stage: ") + env.t(v.stage.label) + " · " + m.locationName)
            ),
        ]
        if let message = m.message {
            main.append(.p(.class("notice"), .attribute(named: "role", value: "status"), .text(message)))
        }
        if let restriction = v.restriction {
            main.append(
                .div(
                    .class("restricted"),
                    .h2(.text(env.t("Verwerking beperkt", "Processing restricted"))),
                    .p(
                        .text(
                            env.t("Sinds ", "Since ") + restriction.on.description + ": " + restriction.reason + ". "
                                + env.t(
                                    "Alleen de gemeente kan het dossier wijzigen (art. 18 AVG).",
                                    "Only the municipality can change the case (GDPR art. 18)."
                                )
                        )
                    )
                )
            )
        }
        if let file = m.duplicateFile, !m.possible.isEmpty {
            main.append(
                DuplicatePages.warning(
                    env,
                    file: file,
                    matches: m.possible,
                    mayResolve: m.may(.resolveDuplicate),
                    isMunicipality: m.reviewsDuplicates,
                    form: m.duplicateForm,
                    formEntry: m.duplicateEntry
                )
            )
        }
        main.append(actions(env, m))
        main.append(CaseSections.identity(env, m))
        if v.sections.contains(.admission) { main.append(CaseSections.admission(env, v)) }
        if let perspectives = v.perspectives { main.append(CaseSections.perspectives(env, perspectives)) }
        if v.support != nil { main.append(CaseSections.support(env, m)) }
        if v.procedures != nil { main.append(CaseSections.procedures(env, m)) }
        if let outflow = v.outflow { main.append(CaseSections.outflow(env, outflow, m.reasons)) }
        if v.sections.contains(.progress) && (v.admittedOn != nil || !(v.actionItems ?? []).isEmpty) {
            main.append(MilestonesSection.render(env, m))
        }
        if let escalations = v.escalations, !escalations.isEmpty {
            main.append(CaseCoordination.escalations(env, m, escalations))
        }
        if let requests = v.committeeRequests, !requests.isEmpty {
            main.append(CaseCoordination.committee(env, m, requests))
        }
        if v.notes != nil { main.append(CaseNotes.section(env, m)) }
        main.append(CaseNotes.timeline(env, m))
        return main
    }

    static func actions(_ env: PageEnvironment, _ m: Model) -> Node<HTML.BodyContext> {
        let v = m.view
        var links: [Node<HTML.ListContext>] = []
        func add(_ allowed: Bool, _ step: SiteURL.CaseStep, _ nl: String, _ en: String) {
            guard allowed else { return }
            links.append(
                .li(
                    .a(
                        .class("button"),
                        .href(SiteURL.caseStep(v.id, step).path),
                        .text(env.t(nl, en))
                    )
                )
            )
        }
        if !v.stage.isClosed {
            add(
                m.may(.recordBiometrics),
                .biometrics,
                "Biometrische identificatie vastleggen",
                "Record biometric identification"
            )
        }
        switch v.stage {
        case .referral:
            add(m.may(.recordIntake), .intake, "Intake vastleggen", "Record intake")
        case .intake:
            add(m.may(.recordIntake), .intake, "Intake bijwerken", "Update intake")
            add(v.evidence != nil, .admission, "Toelatingstoets en besluit", "Admission check and decision")
        case .active:
            add(m.may(.setPerspective), .perspective, "Perspectief vastleggen", "Record perspective")
            add(m.may(.manageSupport), .support, "Instrument starten", "Start instrument")
            add(!m.permissions.procedureKinds.isEmpty, .procedures, "Procedure vastleggen", "Record procedure")
            add(m.may(.recordOutflow), .outflow, "Uitstroom vastleggen", "Record outflow")
            add(
                m.may(.requestTransfer) && !m.hasPendingTransfer,
                .transfer,
                "Overdracht aanvragen",
                "Request a transfer"
            )
            let openEscalation = (v.escalations ?? []).contains { $0.decision == nil }
            add(m.may(.escalate) && !openEscalation, .escalate, "Opschalen", "Escalate")
            let openRequest = (v.committeeRequests ?? []).contains { $0.advice == nil }
            add(
                m.may(.requestCommitteeAdvice) && !openRequest,
                .committee,
                "Voorleggen aan de commissie",
                "Put to the hardship committee"
            )
        case .outflow, .rejected:
            add(
                m.may(.reopen) && !m.history.contains { $0.isOpen },
                .returnReferral,
                "Nieuw traject starten",
                "Start a new trajectory"
            )
        }
        if v.restriction == nil {
            add(m.may(.restrictProcessing), .restrict, "Verwerking beperken", "Restrict processing")
        } else {
            add(m.may(.restrictProcessing), .restrict, "Beperking opheffen", "Lift the restriction")
        }
        guard !links.isEmpty else { return .group([]) }
        return .nav(
            .class("case-actions"),
            .attribute(named: "aria-label", value: env.t("Acties", "Actions")),
            .ul(.group(links))
        )
    }

    static func row(_ label: String, _ value: String) -> Node<HTML.DescriptionListContext> {
        .group(
            .dt(.text(label)),
            .dd(.text(value))
        )
    }

    static func sectionLabel(_ section: CaseSection) -> LocalizedText {
        switch section {
        case .identity: LocalizedText(nl: "Persoon", en: "Person")
        case .admission: LocalizedText(nl: "Toelating", en: "Admission")
        case .perspective: LocalizedText(nl: "Perspectief", en: "Perspective")
        case .support: LocalizedText(nl: "Ondersteuning", en: "Support")
        case .procedures: LocalizedText(nl: "Procedures", en: "Procedures")
        case .outflow: LocalizedText(nl: "Uitstroom", en: "Outflow")
        case .notes:
            LocalizedText(
                nl: "Algemene en met de commissie gedeelde notities",
                en: "General notes and notes shared with the committee"
            )
        case .progress:
            LocalizedText(
                nl: "Deeltermijnen, besluiten en actiepunten",
                en: "Sub-deadlines, decisions and action items"
            )
        }
    }
}
