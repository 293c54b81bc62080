import Foundation
import KoersCore
import Plot

/// Aanmelden: e-mail and password.
enum LoginPage {
    /// - Parameter needsSetup: the installation has no administrator yet; say how to make one.
    static func render(_ env: PageEnvironment, _ s: FormState, needsSetup: Bool = false) -> [Node<HTML.BodyContext>] {
        [
            .h1(.text(env.t("Aanmelden bij Koers", "Sign in to Koers"))),
            .if(needsSetup, setupNotice(env)),
            FormFields.errorSummary(s, env),
            FormFields.form(
                action: SiteURL.login.path,
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

extension LoginPage {
    /// A fresh installation: nobody can sign in until the first administrator exists.
    static func setupNotice(_ env: PageEnvironment) -> Node<HTML.BodyContext> {
        .div(
            .class("notice"),
            .attribute(named: "role", value: "status"),
            .h2(.text(env.t("Koers is nog niet ingericht", "Koers is not set up yet"))),
            .p(
                .text(
                    env.t(
                        "Er is nog geen beheerder. Maak de eerste aan op de server met ",
                        "There is no administrator yet. Create the first one on the server with "
                    )
                ),
                .code(.text("koers setup --email … --name …")),
                .text(
                    env.t(
                        ". Dat geeft een eenmalige link waarmee de beheerder een wachtwoord kiest; daarna richt de "
                            + "beheerder regio's, locaties, organisaties en accounts in.",
                        ". It prints a one-time link with which the administrator chooses a password; the "
                            + "administrator then sets up regions, locations, organisations and accounts."
                    )
                )
            )
        )
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
