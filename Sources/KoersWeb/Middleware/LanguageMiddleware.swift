import Hummingbird
import KoersCore

/// Picks the interface language: the `koers_lang` cookie, else Dutch. The API honours
/// `Accept-Language` for its messages.
struct LanguageMiddleware: RouterMiddleware {
    typealias Context = KoersRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let cookie = request.cookies["koers_lang"]?.value, let language = Language(rawValue: cookie) {
            context.language = language
        } else if let accept = request.headers[.acceptLanguage], accept.lowercased().hasPrefix("en") {
            context.language = .en
        }
        return try await next(request, context)
    }
}
