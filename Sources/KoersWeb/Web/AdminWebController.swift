import Foundation
import HTTPTypes
import Hummingbird
import KoersCore

/// Beheer in the web application: the network overview with its forms, each object's history, and
/// the invitation link by which a new user chooses a password.
struct AdminWebController {
    let admin: AdminService
    let retention: RetentionService
    /// The configured default retention, shown beside the register's own periods.
    let retentionYears: Int

    func register(on router: RouterGroup<KoersRequestContext>) {
        router.get(.administration) { request, context in
            try await overview(request, context, AdminPages.Forms())
        }
        router.get(.municipalitiesSample) { _, context in
            _ = try await admin.page(actor: try context.requireActor())
            return Response(
                status: .ok,
                headers: [.contentType: "text/csv; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: MunicipalitySample.csv))
            )
        }
        router.post(.regions) { request, context in
            try await submit(request, context, \.region) {
                _ = try await admin.createRegion(context.form, actor: $0)
                return nil
            }
        }
        router.post(.municipalities) { request, context in
            try await submit(request, context, \.municipalities) {
                let result = try await admin.importMunicipalities(context.form, actor: $0)
                return context.language == .en
                    ? "Imported \(result.municipalities) municipalities; \(result.regions) new regions."
                    : "\(result.municipalities) gemeenten ingelezen; \(result.regions) nieuwe regio's."
            }
        }
        router.post(.locations) { request, context in
            try await submit(request, context, \.location) {
                _ = try await admin.createLocation(context.form, actor: $0)
                return nil
            }
        }
        router.post(.organisations) { request, context in
            try await submit(request, context, \.organisation) {
                _ = try await admin.createOrganisation(context.form, actor: $0)
                return nil
            }
        }
        router.post(.policyVersions) { request, context in
            try await submit(request, context, \.policy) {
                let policy = try await admin.addPolicy(context.form, actor: $0)
                return context.language == .en
                    ? "Version \(policy.version) applies from \(policy.validFrom)."
                    : "Versie \(policy.version) geldt vanaf \(policy.validFrom)."
            }
        }
        router.post(.twoFactor) { request, context in
            try await submit(request, context, \.twoFactor) {
                try await admin.setTwoFactor(context.form, actor: $0)
                return nil
            }
        }
        router.post(.accounts) { request, context in
            let actor = try context.requireActor()
            do {
                let invitation = try await admin.invite(context.form, actor: actor)
                var forms = AdminPages.Forms()
                forms.invitationLink = Self.link(request, token: invitation.token)
                return try await overview(request, context, forms)
            } catch AppError.invalid(let failure) {
                var forms = AdminPages.Forms()
                forms.account = FormState(input: context.form, errors: failure.errors)
                return try await overview(request, context, forms, status: .unprocessableContent)
            }
        }
        router.get(.account(.routeKey)) { request, context in
            try await account(request, context)
        }
        router.post(.accountAction(.routeKey, .reset)) { request, context in
            let actor = try context.requireActor()
            let id = try context.id("uid")
            let action = context.parameters.get("action") ?? ""
            do {
                let token = try await admin.change(account: id, action: action, context.form, actor: actor)
                return try await account(request, context, link: token.map { Self.link(request, token: $0) })
            } catch AppError.invalid(let failure) {
                return try await account(
                    request,
                    context,
                    move: FormState(input: context.form, errors: failure.errors),
                    status: .unprocessableContent
                )
            }
        }
        router.get(.register) { request, context in
            let entries = try await admin.registerEntries(actor: try context.requireActor())
            let env = PageEnvironment(context, path: SiteURL.register.path)
            return Pages.page(
                env,
                title: env.t("Verwerkingsregister", "Processing register"),
                RegisterPages.index(env, entries, defaultYears: retentionYears)
            )
        }
        router.get(.registerEntry(.read)) { request, context in
            try await registerEntry(request, context, FormState())
        }
        router.post(.registerEntry(.read)) { request, context in
            let actor = try context.requireActor()
            guard let activity = context.parameters.get("activity").flatMap(ProcessingActivity.init(rawValue:)) else {
                throw AppError.notFound
            }
            do {
                try await admin.saveRegisterEntry(activity, context.form, actor: actor)
                return Pages.seeOther(SiteURL.register.path, done: .registerSaved)
            } catch AppError.invalid(let failure) {
                return try await registerEntry(
                    request,
                    context,
                    FormState(input: context.form, errors: failure.errors),
                    status: .unprocessableContent
                )
            }
        }
        router.get(.retention) { request, context in
            let notice = request.uri.queryParameters["done"].map { done in
                switch done {
                case "approved": context.language == .en ? "The list is approved." : "De lijst is goedgekeurd."
                case "applied":
                    context.language == .en
                        ? "The list is destroyed; its people are in the erasure register."
                        : "De lijst is vernietigd; de personen staan in het vernietigingsregister."
                default: context.language == .en ? "The list is made." : "De lijst is gemaakt."
                }
            }
            return try await retentionPage(request, context, approval: nil, notice: notice)
        }
        router.post(.retentionPlans) { _, context in
            _ = try await retention.propose(actor: try context.requireActor())
            return Pages.seeOther(SiteURL.retention.with([("done", "proposed")]))
        }
        router.post(.approvePlan(.routeKey)) { request, context in
            let id = try context.id("id")
            do {
                _ = try await retention.approve(id, context.form, actor: try context.requireActor())
                return Pages.seeOther(SiteURL.retention.with([("done", "approved")]))
            } catch AppError.invalid(let failure) {
                return try await retentionPage(
                    request,
                    context,
                    approval: (id, FormState(input: context.form, errors: failure.errors)),
                    notice: nil,
                    status: .unprocessableContent
                )
            }
        }
        router.post(.applyPlan(.routeKey)) { _, context in
            _ = try await retention.apply(try context.id("id"), actor: try context.requireActor())
            return Pages.seeOther(SiteURL.retention.with([("done", "applied")]))
        }
        router.get(.history(.routeKey)) { request, context in
            let changes = try await admin.history(of: try context.id("oid"), actor: try context.requireActor())
            let env = PageEnvironment(context, path: request.uri.path)
            let name = request.uri.queryParameters["name"].map(String.init) ?? ""
            return Pages.page(
                env,
                title: env.t("Geschiedenis", "History"),
                AdminPages.history(env, name: name, changes)
            )
        }
        router.get(.invitation(token: "")) { request, context in
            try await invitation(request, context, FormState())
        }
        router.post(.invitation(token: "")) { request, context in
            let token = context.parameters.get("token") ?? ""
            do {
                _ = try await admin.acceptInvitation(token: token, context.form)
                return Pages.seeOther(SiteURL.login.path)
            } catch AppError.invalid(let failure) {
                return try await invitation(
                    request,
                    context,
                    FormState(input: FormInput(), errors: failure.errors),
                    status: .unprocessableContent
                )
            }
        }
    }

    private func retentionPage(
        _ request: Request,
        _ context: KoersRequestContext,
        approval: (UUID, FormState)?,
        notice: String?,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let page = try await retention.page(actor: try context.requireActor())
        let env = PageEnvironment(context, path: SiteURL.retention.path)
        let title = env.t("Bewaren en vernietigen", "Retention and destruction")
        return Pages.page(
            env,
            title: status == .ok ? title : env.t("Fout: ", "Error: ") + title,
            status: status,
            RetentionPages.index(env, page, approval: approval, notice: notice)
        )
    }

    private func registerEntry(
        _ request: Request,
        _ context: KoersRequestContext,
        _ state: FormState,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let entries = try await admin.registerEntries(actor: try context.requireActor())
        guard let entry = entries.first(where: { $0.activity.rawValue == context.parameters.get("activity") }) else {
            throw AppError.notFound
        }
        let env = PageEnvironment(context, path: request.uri.path)
        return Pages.page(
            env,
            title: (status == .ok ? "" : env.t("Fout: ", "Error: ")) + env.t(entry.name),
            status: status,
            RegisterPages.edit(env, entry, state)
        )
    }

    /// The link as the user will open it: on this server, as the administrator reached it.
    static func link(_ request: Request, token: String) -> String {
        let host = request.head.authority ?? "localhost"
        let scheme = request.headers[HTTPField.Name("X-Forwarded-Proto")!] ?? "http"
        return "\(scheme)://\(host)/invitations/\(token)"
    }

    private func account(
        _ request: Request,
        _ context: KoersRequestContext,
        link: String? = nil,
        move: FormState = FormState(),
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let page = try await admin.page(actor: try context.requireActor())
        let id = try context.id("uid")
        guard let account = page.accounts.first(where: { $0.id == id }) else { throw AppError.notFound }
        let env = PageEnvironment(context, path: request.uri.path)
        return Pages.page(
            env,
            title: status == .ok ? account.email : env.t("Fout: ", "Error: ") + account.email,
            status: status,
            AdminPages.account(env, account, page, link: link, move: move)
        )
    }

    private func overview(
        _ request: Request,
        _ context: KoersRequestContext,
        _ forms: AdminPages.Forms,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let page = try await admin.page(actor: try context.requireActor())
        let env = PageEnvironment(context, path: SiteURL.administration.path)
        let title = status == .ok ? env.t("Beheer", "Administration") : env.t("Fout: beheer", "Error: administration")
        return Pages.page(env, title: title, status: status, AdminPages.overview(env, page, forms))
    }

    /// Performs one form's change and shows the overview again: with a message, or with the form's
    /// errors in its own section.
    private func submit(
        _ request: Request,
        _ context: KoersRequestContext,
        _ form: WritableKeyPath<AdminPages.Forms, FormState>,
        _ change: (Actor) async throws -> String?
    ) async throws -> Response {
        let actor = try context.requireActor()
        var forms = AdminPages.Forms()
        do {
            forms.notice = try await change(actor)
            if forms.notice == nil { return Pages.seeOther(SiteURL.administration.path) }
            return try await overview(request, context, forms)
        } catch AppError.invalid(let failure) {
            var input = context.form
            // A file's content is not shown back.
            input.set("file", nil)
            forms[keyPath: form] = FormState(input: input, errors: failure.errors)
            return try await overview(request, context, forms, status: .unprocessableContent)
        }
    }

    private func invitation(
        _ request: Request,
        _ context: KoersRequestContext,
        _ state: FormState,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let token = context.parameters.get("token") ?? ""
        let env = PageEnvironment(context, path: request.uri.path)
        guard let invitation = try await admin.invitation(token: token) else {
            return Pages.page(
                env,
                title: env.t("Uitnodiging verlopen", "Invitation expired"),
                status: .notFound,
                InvitationPage.invalid(env)
            )
        }
        return Pages.page(
            env,
            title: status == .ok
                ? env.t("Wachtwoord kiezen", "Choose a password") : env.t("Fout: wachtwoord", "Error: password"),
            status: status,
            InvitationPage.render(env, state, token: token, invitation: invitation)
        )
    }
}
