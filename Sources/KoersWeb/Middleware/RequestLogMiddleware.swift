import Foundation
import Hummingbird
import Logging

/// The request log: one line per request with its method, path, status and duration, under the
/// request's trace id (``TraceContextMiddleware`` sets it on the logger). The query string is left
/// out: a search carries a person's name there, and the log is no place for it.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = KoersRequestContext

    func handle(
        _ request: Request,
        context: KoersRequestContext,
        next: (Request, KoersRequestContext) async throws -> Response
    ) async throws -> Response {
        let start = ContinuousClock.now
        func log(_ status: Int) {
            let milliseconds = (ContinuousClock.now - start) / .milliseconds(1)
            context.logger.info(
                "request",
                metadata: [
                    "method": .string(request.method.rawValue),
                    "path": .string(request.uri.path),
                    "status": .stringConvertible(status),
                    "ms": .string(String(format: "%.1f", milliseconds)),
                ]
            )
        }
        do {
            let response = try await next(request, context)
            log(Int(response.status.code))
            return response
        } catch let error as any HTTPResponseError {
            log(Int(error.status.code))
            throw error
        } catch {
            log(500)
            throw error
        }
    }
}
