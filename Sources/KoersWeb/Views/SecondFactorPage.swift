import Foundation
import KoersCore
import Plot

/// Tweestapsverificatie: the code from the authenticator app, and the first time its setup.
enum SecondFactorPage {
    /// - Parameter enrol: the secret and its `otpauth://` URI, when the user sets the app up now.
    static func render(
        _ env: PageEnvironment,
        _ s: FormState,
        enrol: (secret: String, uri: String)?
    ) -> [Node<HTML.BodyContext>] {
        [
            .h1(
                .text(
                    enrol == nil
                        ? env.t("Code uit uw app", "Code from your app")
                        : env.t("Tweestapsverificatie instellen", "Set up two-step verification")
                )
            ),
            .if(enrol != nil, setup(env, enrol?.secret ?? "", enrol?.uri ?? "")),
            FormFields.errorSummary(s, env),
            FormFields.form(
                action: SiteURL.loginCode.path,
                env: env,
                [
                    FormFields.input(
                        s,
                        env,
                        name: "code",
                        label: env.t("Code van zes cijfers", "Six-digit code"),
                        hint: env.t(
                            "De code die uw authenticator-app nu toont.",
                            "The code your authenticator app shows now."
                        ),
                        required: true,
                        autocomplete: "one-time-code",
                        width: "short"
                    ),
                    FormFields.submit(env.t("Bevestigen", "Confirm")),
                ]
            ),
        ]
    }

    private static func setup(_ env: PageEnvironment, _ secret: String, _ uri: String) -> Node<HTML.BodyContext> {
        .div(
            .p(
                .text(
                    env.t(
                        "Uw organisatie vraagt bij het aanmelden een tweede stap. Voeg Koers toe aan een "
                            + "authenticator-app (bijvoorbeeld een wachtwoordbeheerder of een app op uw telefoon) "
                            + "met deze sleutel, en typ daarna de code die de app toont.",
                        "Your organisation asks for a second step when signing in. Add Koers to an authenticator "
                            + "app (for example a password manager or an app on your phone) with this key, then type "
                            + "the code the app shows."
                    )
                )
            ),
            .dl(
                .dt(.text(env.t("Sleutel", "Key"))),
                .dd(
                    .code(
                        .id("totp-secret"),
                        .text(secret)
                    )
                ),
                .dt(.text(env.t("Of als adres (otpauth)", "Or as an address (otpauth)"))),
                .dd(
                    .code(
                        .id("totp-uri"),
                        .text(uri)
                    )
                )
            )
        )
    }
}
