import Foundation
import HTTPTypes
import Hummingbird
import KoersCore

/// Inzage en rechten in the web application: the privacy officer's search, the printable access
/// document and its JSON.
struct PrivacyWebController {
    let privacy: PrivacyService

    func register(on router: RouterGroup<KoersRequestContext>) {
        router.get(.privacy) { request, context in
            let actor = try context.requireActor()
            let query = request.uri.queryParameters["q"].map(String.init)?
                .trimmingCharacters(in: .whitespacesAndNewlines)
            let text = query?.isEmpty == false ? query : nil
            // Searching with nothing still asks the policy: another party gets "not found".
            let matches = try await privacy.search(text ?? "", actor: actor)
            let env = PageEnvironment(context, path: SiteURL.privacy.path)
            return Pages.page(
                env,
                title: env.t("Inzage en rechten", "Access and rights"),
                PrivacyPages.index(env, query: text, matches: matches)
            )
        }
        router.get(.subjectAccess(person: .routeKey)) { request, context in
            let actor = try context.requireActor()
            let language = Self.language(request, context)
            let document = try await privacy.document(of: try context.id("personId"), language: language, actor: actor)
            let env = PageEnvironment(
                language: language,
                actor: actor,
                csrfToken: context.csrfToken,
                path: request.uri.path
            )
            return Pages.page(
                env,
                title: env.t("Inzage: ", "Access: ") + document.identity.displayName,
                SubjectAccessPage.render(env, document)
            )
        }
        router.get(.restriction(trajectory: .routeKey)) { request, context in
            try await restriction(request, context, FormState())
        }
        router.post(.restriction(trajectory: .routeKey)) { request, context in
            let actor = try context.requireActor()
            let id = try context.id("tid")
            do {
                let file = try await privacy.restrict(id, input: context.form, actor: actor)
                return Pages.seeOther(SiteURL.subjectAccess(person: file.personId).path, done: .restrictionSaved)
            } catch AppError.invalid(let failure) {
                return try await restriction(
                    request,
                    context,
                    FormState(input: context.form, errors: failure.errors),
                    status: .unprocessableContent
                )
            }
        }
        router.get(.subjectAccessJSON(person: .routeKey)) { request, context in
            let actor = try context.requireActor()
            let language = Self.language(request, context)
            let document = try await privacy.document(of: try context.id("personId"), language: language, actor: actor)
            let env = PageEnvironment(language: language, actor: actor, csrfToken: "", path: request.uri.path)
            var response = try json(SubjectAccessDTO(document, env: env))
            response.headers[.contentDisposition] = "attachment; filename=\"inzage-\(document.personId).json\""
            return response
        }
    }

    private func restriction(
        _ request: Request,
        _ context: KoersRequestContext,
        _ state: FormState,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let actor = try context.requireActor()
        let id = try context.id("tid")
        let (personId, restricted) = try await privacy.restrictionTarget(id, actor: actor)
        let env = PageEnvironment(context, path: request.uri.path)
        let title = env.t("Verwerking beperken", "Restrict processing")
        return Pages.page(
            env,
            title: status == .ok ? title : env.t("Fout: ", "Error: ") + title,
            status: status,
            PrivacyPages.restriction(env, state, trajectoryId: id, personId: personId, restricted: restricted)
        )
    }

    /// The document's language: the person's, as the officer chose it; else the page's.
    static func language(_ request: Request, _ context: KoersRequestContext) -> Language {
        request.uri.queryParameters["language"].flatMap { Language(rawValue: String($0)) } ?? context.language
    }
}
