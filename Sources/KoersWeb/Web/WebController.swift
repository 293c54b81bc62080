import Foundation
import HTTPTypes
import Hummingbird
import KoersCore
import KoersStore
import Plot

/// The web application's routes: pages and the forms that change cases.
///
/// Every case route goes through ``CaseService``, which asks ``AccessPolicy`` first.
struct WebController {
    let service: CaseService
    let duplicates: DuplicateService
    let directory: DirectoryStore
    let admin: AdminService
    let secureCookies: Bool

    func register(on router: RouterGroup<KoersRequestContext>) {
        router.get(.home) { _, context in
            guard let actor = context.actor else { return Response.redirect(to: SiteURL.login.path) }
            if AccessPolicy.mayOpenCases(actor) { return Response.redirect(to: SiteURL.cases.path) }
            if AccessPolicy.mayViewMonitor(actor) { return Response.redirect(to: SiteURL.monitor.path) }
            if AccessPolicy.mayAnswerRequests(actor) { return Response.redirect(to: SiteURL.privacy.path) }
            if actor.party == .committee || actor.party == .escalationBody {
                return Response.redirect(to: SiteURL.inbox.path)
            }
            return Pages.page(
                PageEnvironment(context, path: SiteURL.home.path),
                title: "Koers",
                HomePage.render(PageEnvironment(context, path: SiteURL.home.path), actor: actor)
            )
        }
        router.get(.login) { _, context in
            if context.actor != nil { return Response.redirect(to: SiteURL.home.path) }
            let env = PageEnvironment(context, path: SiteURL.login.path)
            return Pages.page(
                env,
                title: env.t("Aanmelden", "Sign in"),
                LoginPage.render(env, FormState(), needsSetup: try await admin.needsSetup())
            )
        }
        router.get(.accessibility) { _, context in
            let env = PageEnvironment(context, path: SiteURL.accessibility.path)
            return Pages.page(
                env,
                title: env.t("Toegankelijkheidsverklaring", "Accessibility statement"),
                AccessibilityStatementPage.render(env)
            )
        }
        router.post(.login, use: login)
        router.post(.logout, use: logout)
        router.get(.language, use: language)
        router.get(.cases, use: list)
        router.get(.newReferral, use: newReferral)
        router.post(.cases, use: createReferral)
        router.get(.caseFile(.routeKey), use: show)
        router.post(.caseNotes(.routeKey), use: addNote)
        router.get(.caseStep(.routeKey, .returnReferral), use: returnForm)
        router.post(.caseStep(.routeKey, .returnReferral), use: createReturn)
        router.get(.caseStep(.routeKey, .admission), use: admission)

        // The step forms: each a GET that shows the form and a POST that performs the change.
        step(router, .intake, .intake, .recordIntake) { env, s, record, _ in
            let rule = try await directory.location(record.file.locationId)?.regionalTiesRule ?? .national
            let municipalities = try await directory.municipalities()
            return (
                env.t("Intake", "Intake"),
                IntakePage.render(env, s, record: record, rule: rule, municipalities: municipalities)
            )
        }
        step(router, .perspective, .perspective, .setPerspective) { env, s, record, _ in
            (env.t("Perspectief", "Perspective"), StepPages.perspective(env, s, record: record))
        }
        step(router, .support, .startSupport, .manageSupport) { env, s, record, _ in
            (env.t("Ondersteuning", "Support"), StepPages.support(env, s, record: record))
        }
        step(router, .procedures, .submitProcedure, .view) { env, s, record, actor in
            let kinds = ProcedureKind.allCases.filter {
                AccessPolicy.decide(actor, .manageProcedure($0), locationId: record.file.locationId) == .allowed
            }
            return (env.t("Procedure", "Procedure"), StepPages.procedure(env, s, record: record, allowedKinds: kinds))
        }
        step(router, .biometrics, .biometrics, .recordBiometrics) { env, s, record, _ in
            (
                env.t("Biometrische identificatie", "Biometric identification"),
                DuplicatePages.biometricsForm(env, s, record: record)
            )
        }
        router.post(.caseDuplicates(.routeKey), use: resolveDuplicate)
        router.get(.duplicates, use: duplicateReviews)
        router.post(.importMatch(.routeKey), use: decideImportMatch)
        step(router, .outflow, .outflow, .recordOutflow) { env, s, record, _ in
            (
                env.t("Uitstroom", "Outflow"),
                StepPages.outflow(env, s, record: record, reasons: try await service.outflowReasons())
            )
        }
        router.post(.caseStep(.routeKey, .admission)) { request, context in
            try await perform(request, context, .admission, back: "") { env, s, record, actor in
                guard let check = try await service.admissionCheck(record) else { throw AppError.notFound }
                return (
                    env.t("Toelatingstoets", "Admission check"),
                    AdmissionPage.render(
                        env,
                        s,
                        record: record,
                        check: check,
                        mayDecide: true,
                        mayDecideException: AccessPolicy.decide(actor, .decideAdmissionByException, in: record.file)
                            == .allowed
                    )
                )
            }
        }
        router.get(.procedureDecision(.routeKey, procedure: .routeKey)) { request, context in
            let pid = try context.id("pid")
            return try await showForm(request, context, .view, initial: nil) { env, s, record, actor in
                guard let procedure = record.file.procedures.first(where: { $0.id == pid }) else {
                    throw AppError.notFound
                }
                guard AccessPolicy.decide(actor, .manageProcedure(procedure.kind), in: record.file) == .allowed else {
                    throw AppError.forbidden
                }
                return (
                    env.t("Beslissing", "Decision"),
                    StepPages.procedureDecision(env, s, record: record, procedure: procedure, party: actor.party)
                )
            }
        }
        router.post(.procedureDecision(.routeKey, procedure: .routeKey)) { request, context in
            let pid = try context.id("pid")
            return try await perform(request, context, .decideProcedure(pid), back: "#h-procedures") {
                env,
                s,
                record,
                actor in
                guard let procedure = record.file.procedures.first(where: { $0.id == pid }) else {
                    throw AppError.notFound
                }
                return (
                    env.t("Beslissing", "Decision"),
                    StepPages.procedureDecision(env, s, record: record, procedure: procedure, party: actor.party)
                )
            }
        }
        // Sub-deadlines, reviews and action items: errors show in the case page's progress section.
        let progressPage: @Sendable (CaseFormTarget) -> FormRenderer = { target in
            { env, s, record, actor in
                (
                    caseTitle(record, actor, env),
                    try await casePage(
                        env,
                        record,
                        actor,
                        noteForm: FormState(),
                        message: nil,
                        form: s,
                        formTarget: target
                    )
                )
            }
        }
        router.post(.milestone(.routeKey, key: "")) { request, context in
            let key = try context.parameters.require("key")
            return try await perform(
                request,
                context,
                .adjustMilestone(key),
                back: "#h-progress",
                render: progressPage(.milestone(key))
            )
        }
        router.post(.reviews(.routeKey)) { request, context in
            try await perform(request, context, .review, back: "#h-progress", render: progressPage(.review))
        }
        router.post(.actionItems(.routeKey)) { request, context in
            try await perform(
                request,
                context,
                .assignActionItem,
                back: "#h-progress",
                render: progressPage(.actionItem)
            )
        }
        router.post(.completeActionItem(.routeKey, item: .routeKey)) { request, context in
            let aid = try context.id("aid")
            return try await perform(
                request,
                context,
                .completeActionItem(aid),
                back: "#h-progress",
                render: progressPage(.completion(aid))
            )
        }
        router.post(.committeeAdvice(.routeKey, request: .routeKey)) { request, context in
            let rid = try context.id("rid")
            return try await perform(
                request,
                context,
                .adviseCommittee(rid),
                back: "#h-committee",
                render: progressPage(.advice(rid))
            )
        }
        step(router, .committee, .requestCommittee, .requestCommitteeAdvice) { env, s, record, _ in
            (env.t("Commissie schrijnende gevallen", "Hardship committee"), StepPages.committee(env, s, record: record))
        }
        step(router, .escalate, .escalate, .escalate) { env, s, record, _ in
            (
                env.t("Opschalen", "Escalate"),
                StepPages.escalate(env, s, record: record, ladder: try await service.escalationLadder())
            )
        }
        step(router, .restrict, .restrict, .restrictProcessing) { env, s, record, _ in
            (
                record.file.restriction == nil
                    ? env.t("Verwerking beperken", "Restrict processing")
                    : env.t("Beperking opheffen", "Lift the restriction"),
                PrivacyStepPages.restrict(env, s, record: record)
            )
        }
        let withholdPage: @Sendable (UUID) -> FormRenderer = { noteId in
            { env, s, record, actor in
                let permissions = AccessPolicy.permissions(actor, in: record.file)
                guard permissions.withholdableNotes.contains(noteId),
                    let note = record.file.notes.first(where: { $0.id == noteId })
                else { throw AppError.notFound }
                return (
                    env.t("Notitie bij inzage", "Note in access"),
                    PrivacyStepPages.withhold(env, s, record: record, note: note)
                )
            }
        }
        router.get(.withholdNote(.routeKey, note: .routeKey)) { request, context in
            try await showForm(
                request,
                context,
                .withholdNote,
                initial: nil,
                render: withholdPage(try context.id("nid"))
            )
        }
        router.post(.withholdNote(.routeKey, note: .routeKey)) { request, context in
            let nid = try context.id("nid")
            return try await perform(request, context, .withholdNote(nid), back: "#h-notes", render: withholdPage(nid))
        }
        router.post(.escalationDecision(.routeKey, escalation: .routeKey)) { request, context in
            let eid = try context.id("eid")
            return try await perform(
                request,
                context,
                .decideEscalation(eid),
                back: "#h-escalation",
                render: progressPage(.escalationDecision(eid))
            )
        }
        router.get(.progress, use: progress)
        router.get(.deadlines(location: .routeKey), use: policyForm)
        router.post(.deadlines(location: .routeKey), use: savePolicy)
        router.post(.endSupport(.routeKey, support: .routeKey)) { request, context in
            let sid = try context.id("sid")
            return try await perform(
                request,
                context,
                .endSupport(sid),
                back: "#h-support",
                render: progressPage(.supportEnd(sid))
            )
        }
    }

    typealias FormRenderer =
        @Sendable (PageEnvironment, FormState, CaseRecord, Actor) async throws -> (String, [Node<HTML.BodyContext>])

    /// Registers GET and POST for a step form under `/cases/:id/<step>`.
    private func step(
        _ router: RouterGroup<KoersRequestContext>,
        _ step: SiteURL.CaseStep,
        _ op: CaseOperation,
        _ action: CaseAction,
        render: @escaping FormRenderer
    ) {
        router.get(.caseStep(.routeKey, step)) { request, context in
            try await showForm(request, context, action, initial: step == .intake ? .intake : nil, render: render)
        }
        router.post(.caseStep(.routeKey, step)) { request, context in
            try await perform(request, context, op, back: "", render: render)
        }
    }

    enum Initial { case intake }

    private func showForm(
        _ request: Request,
        _ context: KoersRequestContext,
        _ action: CaseAction,
        initial: Initial?,
        render: FormRenderer
    ) async throws -> Response {
        let actor = try context.requireActor()
        let id = try context.id("id")
        _ = try await service.authorize(actor, action, id)
        let record = try await service.read(id, actor: actor)
        var input = FormInput()
        // Most changes are recorded on the day they happen: offer today, the user can change it.
        for field in ["decidedOn", "startedOn", "submittedOn", "leftOn"] {
            input.set(field, service.today().description)
        }
        if initial == .intake {
            Prefill.identity(record.file.identity, into: &input)
            if let evidence = record.file.evidence { Prefill.evidence(evidence, into: &input) }
        }
        let env = PageEnvironment(context, path: request.uri.path)
        let (title, body) = try await render(env, FormState(input: input), record, actor)
        return Pages.page(env, title: title, body)
    }

    /// Performs a change; on invalid input or a concurrent change shows the form again with what was typed.
    private func perform(
        _ request: Request,
        _ context: KoersRequestContext,
        _ op: CaseOperation,
        back: String,
        render: FormRenderer
    ) async throws -> Response {
        let actor = try context.requireActor()
        let id = try context.id("id")
        let version = context.form.string("version").flatMap(Int.init)
        let env = PageEnvironment(context, path: request.uri.path)
        do {
            _ = try await service.perform(op, on: id, input: context.form, expectedVersion: version, actor: actor)
            return Pages.seeOther(SiteURL.caseFile(id).with([("saved", "1")]) + back)
        } catch AppError.invalid(let failure) {
            let record = try await service.read(id, actor: actor)
            let (title, body) = try await render(
                env,
                FormState(input: context.form, errors: failure.errors),
                record,
                actor
            )
            return Pages.page(env, title: env.t("Fout: ", "Error: ") + title, status: .unprocessableContent, body)
        } catch AppError.stale(let current) {
            let record = try await service.read(id, actor: actor)
            var input = context.form
            input.set("version", String(current))
            let message = LocalizedText(
                nl:
                    "Iemand anders heeft dit dossier intussen gewijzigd (nu versie \(current)). Bekijk het dossier en "
                    + "dien uw wijziging opnieuw in.",
                en:
                    "Someone else changed this case in the meantime (now version \(current)). Review the case and "
                    + "submit your change again."
            )
            let (title, body) = try await render(env, FormState(input: input, formMessage: message), record, actor)
            return Pages.page(env, title: env.t("Fout: ", "Error: ") + title, status: .conflict, body)
        }
    }

    // MARK: Sign-in

    /// Aanmelden.
    static let loginForm = Form(.text("email", maxLength: 320), .text("password", maxLength: 200))

    @Sendable func login(_ request: Request, _ context: KoersRequestContext) async throws -> Response {
        let env = PageEnvironment(context, path: SiteURL.login.path)
        var p = Parser(context.form, form: Self.loginForm, today: service.today())
        let email = p.text("email")
        let password = p.text("password")
        if p.hasErrors {
            return Pages.page(
                env,
                title: env.t("Aanmelden", "Sign in"),
                status: .unprocessableContent,
                LoginPage.render(env, FormState(input: context.form, errors: p.errors))
            )
        }
        do {
            guard let actor = try await directory.login(email: email!, password: password!) else {
                let message = LocalizedText(
                    nl: "E-mailadres of wachtwoord is onjuist.",
                    en: "E-mail address or password is incorrect."
                )
                return Pages.page(
                    env,
                    title: env.t("Aanmelden", "Sign in"),
                    status: .unauthorized,
                    LoginPage.render(env, FormState(input: context.form, formMessage: message))
                )
            }
            let factor = try await directory.secondFactor(userId: actor.userId)
            if factor != .none {
                let pending = try await directory.createPendingSession(userId: actor.userId, enrol: factor == .enrol)
                var response = Response.redirect(to: SiteURL.loginCode.path, type: .found)
                response.setCookie(SecondFactorWebController.pendingCookie(pending, secure: secureCookies))
                return response
            }
            let token = try await directory.createSession(userId: actor.userId)
            var response = Response.redirect(to: SiteURL.home.path, type: .found)
            response.setCookie(
                Cookie(
                    name: "koers_session",
                    value: token,
                    path: "/",
                    secure: secureCookies,
                    httpOnly: true,
                    sameSite: .lax
                )
            )
            return response
        } catch StoreError.throttled(let seconds) {
            let minutes = (seconds + 59) / 60
            let message = LocalizedText(
                nl: "Te veel mislukte pogingen. Probeer het over \(minutes) minuten opnieuw.",
                en: "Too many failed attempts. Try again in \(minutes) minutes."
            )
            var response = Pages.page(
                env,
                title: env.t("Aanmelden", "Sign in"),
                status: .tooManyRequests,
                LoginPage.render(env, FormState(input: context.form, formMessage: message))
            )
            response.headers[.retryAfter] = String(seconds)
            return response
        }
    }

    @Sendable func logout(_ request: Request, _ context: KoersRequestContext) async throws -> Response {
        if let token = request.cookies["koers_session"]?.value { try await directory.endSession(token: token) }
        var response = Response.redirect(to: SiteURL.login.path, type: .found)
        response.setCookie(
            Cookie(
                name: "koers_session",
                value: "",
                maxAge: 0,
                path: "/",
                secure: secureCookies,
                httpOnly: true,
                sameSite: .lax
            )
        )
        return response
    }

    @Sendable func language(_ request: Request, _ context: KoersRequestContext) async throws -> Response {
        let to = request.uri.queryParameters["to"].map(String.init).flatMap(KoersCore.Language.init(rawValue:)) ?? .nl
        let back = request.uri.queryParameters["back"].map(String.init) ?? SiteURL.home.path
        // Only same-site paths: never redirect to another host.
        let target = back.hasPrefix("/") && !back.hasPrefix("//") ? back : SiteURL.home.path
        var response = Response.redirect(to: target, type: .found)
        response.setCookie(
            Cookie(
                name: "koers_lang",
                value: to.rawValue,
                maxAge: 365 * 86400,
                path: "/",
                secure: secureCookies,
                httpOnly: true,
                sameSite: .lax
            )
        )
        return response
    }

    // MARK: Progress and deadline policy

    @Sendable func progress(_ request: Request, _ context: KoersRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let locations = try await service.locations(of: actor).filter { AccessPolicy.mayViewProgress(actor, at: $0.id) }
        let chosen =
            request.uri.queryParameters["location"].flatMap { UUID(uuidString: String($0)) } ?? locations.first?.id
        guard let chosen else { throw AppError.notFound }
        var day: Day?
        if let text = request.uri.queryParameters["on"] { day = Day(String(text)) }
        var pages: [String: Int] = [:]
        for list in ["overdue", "upcoming", "suspended"] {
            pages[list] = request.uri.queryParameters[Substring(list)].flatMap { Int(String($0)) }
        }
        let report = try await service.progress(at: chosen, actor: actor, on: day, pages: pages)
        let env = PageEnvironment(context, path: SiteURL.progress.path)
        return Pages.page(
            env,
            title: env.t("Voortgang", "Progress"),
            ProgressPage.render(
                env,
                report: report,
                locations: locations,
                mayConfigure: AccessPolicy.mayConfigureDeadlines(actor, at: chosen),
                pageHref: { list, page in
                    SiteURL.progress.with([
                        ("location", chosen.uuidString.lowercased()), (list, String(page)),
                        ("on", day?.description ?? ""),
                    ])
                }
            )
        )
    }

    @Sendable func policyForm(_ request: Request, _ context: KoersRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try context.id("lid")
        guard AccessPolicy.mayViewProgress(actor, at: id), let location = try await directory.location(id) else {
            throw AppError.notFound
        }
        guard AccessPolicy.mayConfigureDeadlines(actor, at: id) else { throw AppError.forbidden }
        var input = FormInput()
        input.set("perspectiveWithinWeeks", location.deadlinePolicy.perspectiveWithinWeeks.map(String.init))
        input.set("reviewEveryWeeks", location.deadlinePolicy.reviewEveryWeeks.map(String.init))
        input.set("maximumStayMonths", location.deadlinePolicy.maximumStayMonths.map(String.init))
        let env = PageEnvironment(context, path: request.uri.path)
        return Pages.page(
            env,
            title: env.t("Termijnbeleid", "Deadline policy"),
            ProgressPage.policyForm(env, FormState(input: input), location: location)
        )
    }

    @Sendable func savePolicy(_ request: Request, _ context: KoersRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try context.id("lid")
        do {
            _ = try await service.setDeadlinePolicy(context.form, for: id, actor: actor)
            return Pages.seeOther(SiteURL.progress.with([("location", id.uuidString.lowercased())]))
        } catch AppError.invalid(let failure) {
            guard let location = try await directory.location(id) else { throw AppError.notFound }
            let env = PageEnvironment(context, path: request.uri.path)
            return Pages.page(
                env,
                title: env.t("Fout: termijnbeleid", "Error: deadline policy"),
                status: .unprocessableContent,
                ProgressPage.policyForm(env, FormState(input: context.form, errors: failure.errors), location: location)
            )
        }
    }

    // MARK: Cases

    @Sendable func list(_ request: Request, _ context: KoersRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        guard AccessPolicy.mayOpenCases(actor) else { throw AppError.notFound }
        var values: [String: [String]] = [:]
        for (key, value) in request.uri.queryParameters {
            values[String(key), default: []].append(FormBody.decode(value))
        }
        let filters = FormInput(values)
        let page = filters.string("page").flatMap(Int.init) ?? 1
        let query = CaseListQuery(
            locationIds: actor.locationIds,
            stages: Set([filters.string("stage").flatMap(Stage.init(rawValue:))].compactMap { $0 }),
            perspective: filters.string("perspective").flatMap(Perspective.init(rawValue:)),
            nationality: filters.string("nationality"),
            text: filters.string("q"),
            page: page
        )
        let result = try await service.list(query, actor: actor)
        let env = PageEnvironment(context, path: SiteURL.cases.path)
        return Pages.page(
            env,
            title: env.t("Mijn dossiers", "My cases"),
            CaseListPage.render(
                env,
                filters: filters,
                items: result.items,
                total: result.total,
                page: page,
                pageSize: query.pageSize
            )
        )
    }

    @Sendable func newReferral(_ request: Request, _ context: KoersRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let locations = try await service.locations(of: actor).filter { AccessPolicy.mayRefer(actor, at: $0.id) }
        guard !locations.isEmpty else { throw AppError.notFound }
        let env = PageEnvironment(context, path: SiteURL.newReferral.path)
        var input = FormInput()
        input.set("referredOn", service.today().description)
        return Pages.page(
            env,
            title: env.t("Nieuwe aanmelding", "New referral"),
            ReferralPage.render(env, FormState(input: input), locations: locations)
        )
    }

    @Sendable func createReferral(_ request: Request, _ context: KoersRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        do {
            let file = try await service.refer(context.form, actor: actor)
            return Pages.seeOther(SiteURL.caseFile(file.id).with([("saved", "1")]))
        } catch AppError.invalid(let failure) {
            let env = PageEnvironment(context, path: SiteURL.newReferral.path)
            let locations = try await service.locations(of: actor).filter { AccessPolicy.mayRefer(actor, at: $0.id) }
            return Pages.page(
                env,
                title: env.t("Fout: nieuwe aanmelding", "Error: new referral"),
                status: .unprocessableContent,
                ReferralPage.render(env, FormState(input: context.form, errors: failure.errors), locations: locations)
            )
        }
    }

    /// The case page for one user: the policy's view of the case and what the user may do, the
    /// person's other trajectories the user may open, and the state of a form that failed.
    func casePage(
        _ env: PageEnvironment,
        _ record: CaseRecord,
        _ actor: Actor,
        noteForm: FormState,
        message: String?,
        form: FormState = FormState(),
        formTarget: CaseFormTarget? = nil,
        duplicateForm: FormState = FormState(),
        duplicateEntry: UUID? = nil
    ) async throws -> [Node<HTML.BodyContext>] {
        let view = AccessPolicy.view(of: record.file, events: record.events, for: actor)
        let others =
            view.identity == nil
            ? [] : try await service.cases.otherTrajectories(of: record.file.personId, except: record.file.id)
        let history =
            others
            .filter { AccessPolicy.decide(actor, .view, locationId: $0.locationId) == .allowed }
            .compactMap { other in
                Day(other.referredOn).map {
                    TrajectoryLink(id: other.id, referredOn: $0, isOpen: !other.stage.isClosed)
                }
            }
        var model = CasePage.Model(
            view: view,
            locationName: record.locationName,
            permissions: AccessPolicy.permissions(actor, in: record.file),
            reasons: try await service.outflowReasons(),
            history: history,
            noteForm: noteForm,
            message: message
        )
        if view.sections.contains(.progress) { model.milestones = try await service.milestones(record) }
        model.form = form
        model.formTarget = formTarget
        model.today = service.today()
        model.possible = try await duplicates.possibleRegistrations(record, actor: actor)
        model.duplicateFile = model.possible.isEmpty ? nil : record.file
        model.duplicateForm = duplicateForm
        model.duplicateEntry = duplicateEntry
        model.hasPendingTransfer = record.file.pendingTransfer != nil
        model.reviewsDuplicates = AccessPolicy.mayReviewDuplicates(actor, at: record.file.locationId)
        return CasePage.render(env, model)
    }

    /// The title of a page about a case: the person's name, or a neutral reference when the user
    /// may not read the identity.
    func caseTitle(_ record: CaseRecord, _ actor: Actor, _ env: PageEnvironment) -> String {
        env.t(AccessPolicy.view(of: record.file, events: [], for: actor).title)
    }

    @Sendable func show(_ request: Request, _ context: KoersRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try context.id("id")
        let record = try await service.read(id, actor: actor)
        let env = PageEnvironment(context, path: request.uri.path)
        let message =
            request.uri.queryParameters["saved"] != nil ? env.t("Wijziging opgeslagen.", "Change saved.") : nil
        return Pages.page(
            env,
            title: caseTitle(record, actor, env),
            try await casePage(env, record, actor, noteForm: FormState(), message: message)
        )
    }

    @Sendable func addNote(_ request: Request, _ context: KoersRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try context.id("id")
        do {
            _ = try await service.perform(.note, on: id, input: context.form, expectedVersion: nil, actor: actor)
            return Pages.seeOther(SiteURL.caseFile(id).with([("saved", "1")]) + "#h-notes")
        } catch AppError.invalid(let failure) {
            let record = try await service.read(id, actor: actor)
            let env = PageEnvironment(context, path: request.uri.path)
            return Pages.page(
                env,
                title: env.t("Fout: ", "Error: ") + caseTitle(record, actor, env),
                status: .unprocessableContent,
                try await casePage(
                    env,
                    record,
                    actor,
                    noteForm: FormState(input: context.form, errors: failure.errors),
                    message: nil
                )
            )
        }
    }

    @Sendable func admission(_ request: Request, _ context: KoersRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try context.id("id")
        let record = try await service.read(id, actor: actor)
        guard let check = try await service.admissionCheck(record) else {
            return Response.redirect(to: SiteURL.caseFile(id).path)
        }
        let env = PageEnvironment(context, path: request.uri.path)
        var input = FormInput()
        input.set("decidedOn", service.today().description)
        let mayDecide = AccessPolicy.decide(actor, .decideAdmission, in: record.file) == .allowed
        let mayDecideException = AccessPolicy.decide(actor, .decideAdmissionByException, in: record.file) == .allowed
        let body = AdmissionPage.render(
            env,
            FormState(input: input),
            record: record,
            check: check,
            mayDecide: mayDecide,
            mayDecideException: mayDecideException
        )
        return Pages.page(env, title: env.t("Toelatingstoets", "Admission check"), body)
    }

    @Sendable func returnForm(_ request: Request, _ context: KoersRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try context.id("id")
        _ = try await service.authorize(actor, .reopen, id)
        let record = try await service.read(id, actor: actor)
        guard record.file.stage.isClosed else { throw AppError.conflict(CaseService.stillOpen) }
        let env = PageEnvironment(context, path: request.uri.path)
        var input = FormInput()
        input.set("referredOn", service.today().description)
        return Pages.page(
            env,
            title: env.t("Nieuw traject", "New trajectory"),
            ReferralPage.renderReturn(env, FormState(input: input), record: record)
        )
    }

    @Sendable func createReturn(_ request: Request, _ context: KoersRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try context.id("id")
        do {
            let file = try await service.reopen(id, context.form, actor: actor)
            return Pages.seeOther(SiteURL.caseFile(file.id).with([("saved", "1")]))
        } catch AppError.invalid(let failure) {
            let record = try await service.read(id, actor: actor)
            let env = PageEnvironment(context, path: request.uri.path)
            return Pages.page(
                env,
                title: env.t("Fout: nieuw traject", "Error: new trajectory"),
                status: .unprocessableContent,
                ReferralPage.renderReturn(env, FormState(input: context.form, errors: failure.errors), record: record)
            )
        }
    }
}
