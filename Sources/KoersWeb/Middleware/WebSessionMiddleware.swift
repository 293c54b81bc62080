import Foundation
import Hummingbird
import KoersCore
import KoersStore

/// Signs in web users from the session cookie and guards forms against cross-site requests.
///
/// CSRF uses a double-submit token: a random `koers_csrf` cookie (SameSite=Strict) whose value
/// every form repeats in `_csrf`; a POST whose two differ is refused before any handler runs.
struct WebSessionMiddleware: RouterMiddleware {
    typealias Context = KoersRequestContext
    let directory: DirectoryStore
    let secureCookies: Bool
    /// Paths that need no signed-in user.
    let publicPaths: Set<String> = [
        SiteURL.login.path, SiteURL.loginCode.path, SiteURL.language.path, SiteURL.accessibility.path,
    ]

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var context = context
        var request = request
        let existingToken = request.cookies["koers_csrf"]?.value
        context.csrfToken = existingToken ?? Secrets.token()
        let done = request.method == .get ? request.cookies[ActionDone.cookieName]?.value : nil
        context.done = done.flatMap { ActionDone(rawValue: $0) }

        if request.method == .post {
            // A city's registrations may run to tens of megabytes; every other form is small.
            let limit = request.uri.path.hasPrefix(SiteURL.imports.path) ? 64_000_000 : 1_000_000
            let buffer = try await request.collectBody(upTo: limit)
            let contentType = request.headers[.contentType] ?? ""
            var form = FormInput()
            if FormBody.boundary(contentType) != nil {
                let parsed = FormBody.parseMultipart(buffer, contentType: contentType)
                form = parsed?.0 ?? FormInput()
                context.uploads = parsed?.1 ?? [:]
            } else {
                form = FormBody.parse(String(buffer: buffer))
            }
            guard let existingToken, let sent = form.string("_csrf"), sent == existingToken else {
                return Pages.plainError(
                    status: .forbidden,
                    language: context.language,
                    title: .init(nl: "Formulier verlopen", en: "Form expired"),
                    message: .init(
                        nl:
                            "Het formulier kon niet worden geverifieerd. Laad de pagina opnieuw en probeer het nog "
                            + "eens.",
                        en: "The form could not be verified. Reload the page and try again."
                    )
                )
            }
            context.form = form
        }
        if let token = request.cookies["koers_session"]?.value {
            context.actor = try await directory.actor(sessionToken: token)
        }
        let path = request.uri.path
        var response: Response
        if context.actor == nil && !publicPaths.contains(path) && !path.hasPrefix("/static/")
            && !path.hasPrefix("/invitations/")
        {
            response = Response.redirect(to: SiteURL.login.path, type: .normal)
        } else {
            response = try await next(request, context)
        }
        if done != nil {
            // Announced once: the page that showed it ends the cookie.
            response.setCookie(Cookie(name: ActionDone.cookieName, value: "", maxAge: 0, path: "/", httpOnly: true))
        }
        if existingToken == nil {
            response.setCookie(
                Cookie(
                    name: "koers_csrf",
                    value: context.csrfToken,
                    path: "/",
                    secure: secureCookies,
                    httpOnly: true,
                    sameSite: .strict
                )
            )
        }
        return response
    }
}
