import Foundation
import KoersCore
import Plot

/// Uitnodiging: an invited user chooses their password, by a one-time link.
enum InvitationPage {
    static func render(
        _ env: PageEnvironment,
        _ s: FormState,
        token: String,
        invitation: OpenInvitation
    ) -> [Node<HTML.BodyContext>] {
        [
            .h1(.text(env.t("Welkom bij Koers", "Welcome to Koers"))),
            .p(
                .text(
                    env.t(
                        "Kies een wachtwoord voor \(invitation.email). Daarna meldt u zich aan.",
                        "Choose a password for \(invitation.email). Then sign in."
                    )
                )
            ),
            FormFields.errorSummary(s, env),
            FormFields.form(
                action: SiteURL.invitation(token: token).path,
                env: env,
                [
                    FormFields.input(
                        s,
                        env,
                        name: "password",
                        label: env.t("Nieuw wachtwoord", "New password"),
                        type: "password",
                        hint: env.t(
                            "Minstens \(PasswordRules.minimumLength) tekens; niet uw naam of e-mailadres en geen "
                                + "veelgebruikt wachtwoord. Een zin van een paar woorden werkt goed.",
                            "At least \(PasswordRules.minimumLength) characters; not your name or e-mail address and "
                                + "not a common password. A sentence of a few words works well."
                        ),
                        required: true,
                        autocomplete: "new-password"
                    ),
                    FormFields.input(
                        s,
                        env,
                        name: "passwordAgain",
                        label: env.t("Nogmaals", "Again"),
                        type: "password",
                        required: true,
                        autocomplete: "new-password"
                    ),
                    FormFields.submit(env.t("Wachtwoord instellen", "Set the password")),
                ]
            ),
        ]
    }

    /// A link that is unknown, used or expired: say so, and what to do.
    static func invalid(_ env: PageEnvironment) -> [Node<HTML.BodyContext>] {
        [
            .h1(.text(env.t("Deze link werkt niet meer", "This link no longer works"))),
            .p(
                .text(
                    env.t(
                        "Een uitnodiging is één keer en zeven dagen geldig. Vraag de beheerder om een nieuwe.",
                        "An invitation is valid once, for seven days. Ask the administrator for a new one."
                    )
                )
            ),
            .p(
                .a(
                    .href(SiteURL.login.path),
                    .text(env.t("Naar aanmelden", "To sign in"))
                )
            ),
        ]
    }
}
