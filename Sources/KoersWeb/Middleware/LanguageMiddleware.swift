import Hummingbird
import KoersCore

/// Picks the interface language: the `koers_lang` cookie (set by the switch in the header),
/// else Dutch. Only the API follows `Accept-Language`, for its messages.
struct LanguageMiddleware: RouterMiddleware {
    typealias Context = KoersRequestContext

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var context = context
        if let cookie = request.cookies["koers_lang"]?.value, let language = Language(rawValue: cookie) {
            context.language = language
        } else if request.uri.path.hasPrefix("/api/"), let accept = request.headers[.acceptLanguage],
            accept.lowercased().hasPrefix("en")
        {
            context.language = .en
        }
        return try await next(request, context)
    }
}
