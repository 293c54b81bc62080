import Foundation
import KoersCore
import Plot

/// Aanmelden: e-mail and password.
enum LoginPage {
    static func render(_ env: PageEnvironment, _ s: FormState) -> [Node<HTML.BodyContext>] {
        [
            .h1(.text(env.t("Aanmelden bij Koers", "Sign in to Koers"))),
            FormFields.errorSummary(s, env),
            FormFields.form(
                action: "/login",
                env: env,
                [
                    FormFields.input(
                        s,
                        env,
                        name: "email",
                        label: env.t("E-mailadres", "E-mail address"),
                        type: "email",
                        required: true,
                        autocomplete: "username"
                    ),
                    FormFields.input(
                        s,
                        env,
                        name: "password",
                        label: env.t("Wachtwoord", "Password"),
                        type: "password",
                        required: true,
                        autocomplete: "current-password"
                    ),
                    FormFields.submit(env.t("Aanmelden", "Sign in")),
                ]
            ),
        ]
    }
}

/// The start page for parties that open no cases (monitor, administrator, committee).
enum HomePage {
    static func render(_ env: PageEnvironment, actor: Actor) -> [Node<HTML.BodyContext>] {
        [
            .h1(.text(env.t("Welkom, \(actor.displayName)", "Welcome, \(actor.displayName)"))),
            .p(
                .text(
                    env.t(
                        "U bent aangemeld namens \(actor.organisationName) (\(env.t(actor.party.label))).",
                        "You are signed in for \(actor.organisationName) (\(env.t(actor.party.label)))."
                    )
                )
            ),
            .p(
                .text(
                    env.t(
                        "Uw rol geeft geen toegang tot dossiers van personen. Koers laat alleen zien wat uw rol nodig "
                            + "heeft.",
                        "Your role gives no access to personal case files. Koers shows only what your role needs."
                    )
                )
            ),
        ]
    }
}
