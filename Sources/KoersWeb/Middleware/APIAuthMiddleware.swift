import Foundation
import Hummingbird
import KoersCore
import KoersStore

/// Signs in API clients from `Authorization: Bearer <token>`; anything else gets 401.
struct APIAuthMiddleware: RouterMiddleware {
    typealias Context = KoersRequestContext
    let directory: DirectoryStore

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var context = context
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer "),
            let actor = try await directory.actor(
                apiToken: String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)
            )
        else {
            throw AppError.unauthenticated
        }
        context.actor = actor
        return try await next(request, context)
    }
}
