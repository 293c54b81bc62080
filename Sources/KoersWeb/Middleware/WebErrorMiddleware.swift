import Hummingbird
import KoersCore
import KoersStore

/// Turns failures on web routes into pages: 404 for what the user may not see (hidden, never
/// "forbidden", so a case's existence is not revealed), 403 for a visible but disallowed action.
struct WebErrorMiddleware: RouterMiddleware {
    typealias Context = KoersRequestContext

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as AppError {
            return page(for: error, context)
        } catch StoreError.busy {
            return page(for: .busy, context)
        } catch StoreError.restricted(let reason) {
            return page(for: .restricted(reason: reason), context)
        } catch let error as HTTPError where error.status == .notFound || error.status == .badRequest {
            // A malformed id in a path is a page that does not exist.
            return page(for: .notFound, context)
        }
    }

    private func page(for error: AppError, _ context: Context) -> Response {
        switch error {
        case .unauthenticated:
            return Response.redirect(to: SiteURL.login.path)
        case .forbidden:
            return Pages.plainError(
                status: .forbidden,
                language: context.language,
                title: .init(nl: "Geen toestemming", en: "Not allowed"),
                message: .init(nl: "Uw rol mag dit niet doen.", en: "Your role may not do this."),
                actor: context.actor
            )
        case .restricted(let reason):
            return Pages.plainError(
                status: .forbidden,
                language: context.language,
                title: .init(nl: "Verwerking beperkt", en: "Processing restricted"),
                message: AppError.restrictionMessage(reason),
                actor: context.actor
            )
        case .conflict(let message):
            return Pages.plainError(
                status: .conflict,
                language: context.language,
                title: .init(nl: "Niet mogelijk", en: "Not possible"),
                message: message,
                actor: context.actor
            )
        case .busy:
            var response = Pages.plainError(
                status: .serviceUnavailable,
                language: context.language,
                title: .init(nl: "Even bezet", en: "Busy"),
                message: .init(
                    nl: "Er schreven te veel anderen tegelijk aan dit dossier; er is niets opgeslagen. "
                        + "Probeer het opnieuw.",
                    en: "Too many others were writing to this case at once; nothing was saved. Try again."
                ),
                actor: context.actor
            )
            response.headers[.retryAfter] = "1"
            return response
        case .throttled:
            return Pages.plainError(
                status: .tooManyRequests,
                language: context.language,
                title: .init(nl: "Even wachten", en: "Please wait"),
                message: .init(nl: "Te veel verzoeken.", en: "Too many requests."),
                actor: context.actor
            )
        case .notFound, .invalid, .stale, .preconditionRequired:
            return Pages.plainError(
                status: .notFound,
                language: context.language,
                title: .init(nl: "Niet gevonden", en: "Not found"),
                message: .init(
                    nl: "Deze pagina bestaat niet, of u heeft er geen toegang toe.",
                    en: "This page does not exist, or you have no access to it."
                ),
                actor: context.actor
            )
        }
    }
}
