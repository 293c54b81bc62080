import Foundation
import HTTPTypes
import Hummingbird
import KoersCore
import KoersStore

/// RFC 9457 problem details, as the NL GOV API design rules ask: `application/problem+json`,
/// with every invalid field listed together in `invalidParams`.
struct Problem: Codable {
    struct InvalidParam: Codable {
        let name: String
        let code: String
        let reason: String
    }

    let type: String
    let title: String
    let status: Int
    let detail: String?
    let invalidParams: [InvalidParam]?
    let currentVersion: Int?

    func response(extraHeaders: HTTPFields = [:]) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var headers: HTTPFields = [.contentType: "application/problem+json"]
        headers.append(contentsOf: extraHeaders)
        let data = (try? encoder.encode(self)) ?? Data()
        return Response(status: .init(code: status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func from(_ error: AppError, language: KoersCore.Language) -> Response {
        func t(_ nl: String, _ en: String) -> String { language == .en ? en : nl }
        switch error {
        case .notFound:
            return Problem(
                type: "urn:koers:problem:not-found",
                title: t("Niet gevonden", "Not found"),
                status: 404,
                detail: nil,
                invalidParams: nil,
                currentVersion: nil
            ).response()
        case .forbidden:
            return Problem(
                type: "urn:koers:problem:forbidden",
                title: t("Geen toestemming", "Forbidden"),
                status: 403,
                detail: t("Uw rol mag dit niet doen.", "Your role may not do this."),
                invalidParams: nil,
                currentVersion: nil
            ).response()
        case .invalid(let failure):
            let params = failure.errors.map {
                InvalidParam(name: $0.field, code: $0.code, reason: $0.message.text(language))
            }
            return Problem(
                type: "urn:koers:problem:invalid-input",
                title: t("Ongeldige invoer", "Invalid input"),
                status: 400,
                detail: t("\(params.count) veld(en) ongeldig.", "\(params.count) invalid field(s)."),
                invalidParams: params,
                currentVersion: nil
            ).response()
        case .stale(let current):
            return Problem(
                type: "urn:koers:problem:stale",
                title: t("Intussen gewijzigd", "Changed in the meantime"),
                status: 409,
                detail: t(
                    "Het dossier is nu versie \(current); haal het opnieuw op en probeer het nog eens.",
                    "The case is now at version \(current); fetch it again and retry."
                ),
                invalidParams: nil,
                currentVersion: current
            ).response(extraHeaders: [.eTag: "\"\(current)\""])
        case .preconditionRequired:
            return Problem(
                type: "urn:koers:problem:precondition-required",
                title: t("If-Match ontbreekt", "If-Match required"),
                status: 428,
                detail: t("Stuur de ETag van het dossier mee in If-Match.", "Send the case's ETag in If-Match."),
                invalidParams: nil,
                currentVersion: nil
            ).response()
        case .restricted(let reason):
            return Problem(
                type: "urn:koers:problem:restricted",
                title: t("Verwerking beperkt", "Processing restricted"),
                status: 403,
                detail: AppError.restrictionMessage(reason).text(language),
                invalidParams: nil,
                currentVersion: nil
            ).response()
        case .conflict(let message):
            return Problem(
                type: "urn:koers:problem:conflict",
                title: t("Conflict", "Conflict"),
                status: 409,
                detail: message.text(language),
                invalidParams: nil,
                currentVersion: nil
            ).response()
        case .busy:
            return Problem(
                type: "urn:koers:problem:busy",
                title: t("Even bezet", "Busy"),
                status: 503,
                detail: t(
                    "Er schreven te veel anderen tegelijk aan dit dossier; er is niets opgeslagen. "
                        + "Probeer het opnieuw.",
                    "Too many others were writing to this case at once; nothing was saved. Try again."
                ),
                invalidParams: nil,
                currentVersion: nil
            )
            .response(extraHeaders: [.retryAfter: "1"])
        case .throttled(let seconds):
            return Problem(
                type: "urn:koers:problem:throttled",
                title: t("Te veel verzoeken", "Too many requests"),
                status: 429,
                detail: nil,
                invalidParams: nil,
                currentVersion: nil
            )
            .response(extraHeaders: [.retryAfter: String(seconds)])
        case .unauthenticated:
            return Problem(
                type: "urn:koers:problem:unauthenticated",
                title: t("Niet aangemeld", "Unauthenticated"),
                status: 401,
                detail: t("Gebruik Authorization: Bearer <token>.", "Use Authorization: Bearer <token>."),
                invalidParams: nil,
                currentVersion: nil
            )
            .response(extraHeaders: [.wwwAuthenticate: "Bearer"])
        }
    }
}

/// Every API answer carries `API-Version`; every failure becomes problem+json.
struct ProblemMiddleware: RouterMiddleware {
    typealias Context = KoersRequestContext
    static let version = "1.0.0"

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var response: Response
        do {
            // NL GOV /core/no-trailing-slash: `/trajectories/` is not `/trajectories` (the router
            // would answer both); one resource, one URI.
            if request.uri.path.hasSuffix("/") { throw AppError.notFound }
            response = try await next(request, context)
        } catch let error as AppError {
            response = Problem.from(error, language: context.language)
        } catch StoreError.restricted(let reason) {
            return Problem.from(.restricted(reason: reason), language: context.language)
        } catch StoreError.busy {
            response = Problem.from(.busy, language: context.language)
        } catch let error as HTTPError {
            let status = Int(error.status.code)
            response = Problem(
                type: "about:blank",
                title: error.status.reasonPhrase,
                status: status,
                detail: error.body,
                invalidParams: nil,
                currentVersion: nil
            ).response()
            if status == 400 || status == 404, error.body == nil {
                response = Problem.from(.notFound, language: context.language)
            }
        }
        response.headers[.apiVersion] = Self.version
        return response
    }
}
