import Foundation
import HTTPTypes
import Hummingbird
import KoersCore
import KoersStore

/// The second step of signing in: the authenticator app's code, or, the first time, setting the
/// app up with the secret shown as text and as an `otpauth://` URI.
struct SecondFactorWebController {
    let directory: DirectoryStore
    let secureCookies: Bool

    static let codeForm = Form(FieldSpec("code", .pattern("^[0-9 ]{6,7}$", maxLength: 7), required: true))

    /// The cookie of a sign-in that waits for its code; only the code page reads it.
    static func pendingCookie(_ token: String, secure: Bool, maxAge: Int = 600) -> Cookie {
        Cookie(
            name: "koers_pending",
            value: token,
            maxAge: maxAge,
            path: SiteURL.login.path,
            secure: secure,
            httpOnly: true,
            sameSite: .strict
        )
    }

    func register(on router: RouterGroup<KoersRequestContext>) {
        router.get(.loginCode) { request, context in
            try await page(request, context, FormState())
        }
        router.post(.loginCode) { request, context in
            guard let token = request.cookies["koers_pending"]?.value else {
                return Response.redirect(to: SiteURL.login.path)
            }
            var p = Parser(context.form, form: Self.codeForm, today: Day(Date()))
            let code = p.value("code")
            guard let code, !p.hasErrors else {
                return try await page(request, context, FormState(errors: p.errors), status: .unprocessableContent)
            }
            do {
                guard try await directory.completeSecondFactor(token: token, code: code) else {
                    let wrong = FieldError(
                        field: "code",
                        code: "wrong",
                        message: LocalizedText(
                            nl: "Deze code klopt niet. Typ de code die de app nu toont.",
                            en: "This code is not right. Type the code the app shows now."
                        )
                    )
                    return try await page(request, context, FormState(errors: [wrong]), status: .unauthorized)
                }
            } catch StoreError.throttled(let seconds) {
                let minutes = (seconds + 59) / 60
                let message = LocalizedText(
                    nl: "Te veel verkeerde codes. Probeer het over \(minutes) minuten opnieuw.",
                    en: "Too many wrong codes. Try again in \(minutes) minutes."
                )
                return try await page(request, context, FormState(formMessage: message), status: .tooManyRequests)
            }
            var response = Response.redirect(to: SiteURL.home.path, type: .found)
            response.setCookie(
                Cookie(
                    name: "koers_session",
                    value: token,
                    path: "/",
                    secure: secureCookies,
                    httpOnly: true,
                    sameSite: .lax
                )
            )
            response.setCookie(Self.pendingCookie("", secure: secureCookies, maxAge: 0))
            return response
        }
    }

    private func page(
        _ request: Request,
        _ context: KoersRequestContext,
        _ state: FormState,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        guard let token = request.cookies["koers_pending"]?.value,
            let pending = try await directory.pendingSession(token: token)
        else { return Response.redirect(to: SiteURL.login.path) }
        let env = PageEnvironment(context, path: SiteURL.loginCode.path)
        let enrol = pending.enrolSecret.map { (secret: $0, uri: TOTP.uri(secret: $0, account: pending.email)) }
        return Pages.page(
            env,
            title: status == .ok ? env.t("Code", "Code") : env.t("Fout: code", "Error: code"),
            status: status,
            SecondFactorPage.render(env, state, enrol: enrol)
        )
    }
}
