import Foundation
import Hummingbird
import KoersCore

/// The privacy officer's API: a person's access document as JSON, as the page's download holds it.
struct PrivacyAPIController {
    let privacy: PrivacyService

    func register(on group: RouterGroup<KoersRequestContext>) {
        group.get("privacy/persons/:personId/access-document") { request, context in
            let actor = try context.requireActor()
            let language = PrivacyWebController.language(request, context)
            let document = try await privacy.document(of: try context.id("personId"), language: language, actor: actor)
            let env = PageEnvironment(language: language, actor: actor, csrfToken: "", path: request.uri.path)
            return try json(SubjectAccessDTO(document, env: env))
        }
    }
}
