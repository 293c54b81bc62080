import Foundation
import HTTPTypes
import Hummingbird
import KoersCore
import Plot

/// The page frame: skip link, header with navigation, language switch and sign-out, and `<main>`.
enum Layout {
    static func document(_ env: PageEnvironment, title: String, main: [Node<HTML.BodyContext>]) -> String {
        let html = HTML(
            .attribute(named: "lang", value: env.language.rawValue),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .element(named: "title", text: title + " — Koers"),
                .link(.rel(.stylesheet), .href(SiteURL.stylesheet.path))
            ),
            .body(
                .a(.class("skip-link"), .href("#main"), .text(env.t("Naar de inhoud", "Skip to content"))),
                header(env),
                .main(
                    .id("main"),
                    .attribute(named: "tabindex", value: "-1"),
                    .unwrap(env.done) { done in
                        .p(
                            .class("notice"),
                            .attribute(named: "role", value: "status"),
                            .text(env.t(done.message))
                        )
                    },
                    .group(main)
                ),
                .footer(
                    .class("site-footer"),
                    .p(
                        .text(
                            env.t(
                                "Koers — registratie en casusregie voor de LVV",
                                "Koers — registration and case coordination for the LVV"
                            )
                        )
                    ),
                    .p(
                        link(env, SiteURL.accessibility.path, env.t("Toegankelijkheid", "Accessibility"))
                    )
                )
            )
        )
        return html.render()
    }

    static func header(_ env: PageEnvironment) -> Node<HTML.BodyContext> {
        var nav: [Node<HTML.ListContext>] = []
        for entry in env.menu {
            let (path, label): (String, String) =
                switch entry {
                case .cases: (SiteURL.cases.path, env.t("Mijn dossiers", "My cases"))
                case .newReferral: (SiteURL.newReferral.path, env.t("Nieuwe aanmelding", "New referral"))
                case .progress: (SiteURL.progress.path, env.t("Voortgang", "Progress"))
                case .meetings: (SiteURL.meetings.path, env.t("Casusoverleg", "Case meetings"))
                case .inbox: (SiteURL.inbox.path, env.t("Inbox", "Inbox"))
                case .transfers: (SiteURL.transfers.path, env.t("Overdrachten", "Transfers"))
                case .duplicates: (SiteURL.duplicates.path, env.t("Dubbele registraties", "Duplicate registrations"))
                case .monitor: (SiteURL.monitor.path, env.t("Monitor", "Monitor"))
                case .administration: (SiteURL.administration.path, env.t("Beheer", "Administration"))
                case .imports: (SiteURL.imports.path, env.t("Importeren", "Import"))
                case .reconciliations: (SiteURL.reconciliations.path, env.t("Afstemmen", "Reconcile"))
                case .privacy: (SiteURL.privacy.path, env.t("Inzage en rechten", "Access and rights"))
                }
            nav.append(.li(link(env, path, label)))
        }
        let other: KoersCore.Language = env.language == .nl ? .en : .nl
        let switchHref = SiteURL.language.with([("to", other.rawValue), ("back", env.path)])
        var account: [Node<HTML.BodyContext>] = [
            .a(
                .href(switchHref),
                .attribute(named: "lang", value: other.rawValue),
                .attribute(named: "hreflang", value: other.rawValue),
                .text(other == .en ? "English" : "Nederlands")
            )
        ]
        if let actor = env.actor {
            account.append(.span(.class("who"), .text("\(actor.displayName) · \(actor.organisationName)")))
            account.append(
                FormFields.form(
                    action: SiteURL.logout.path,
                    env: env,
                    [FormFields.submit(env.t("Afmelden", "Sign out"), secondary: true)]
                )
            )
        }
        return .header(
            .class("site-header"),
            .div(
                .class("brand"),
                .a(.href(env.actor == nil ? SiteURL.login.path : SiteURL.home.path), .text("Koers"))
            ),
            .nav(
                .attribute(named: "aria-label", value: env.t("Hoofdmenu", "Main menu")),
                .ul(.group(nav))
            ),
            .div(.class("account"), .group(account))
        )
    }

    static func link(_ env: PageEnvironment, _ href: String, _ text: String) -> Node<HTML.BodyContext> {
        if env.path == href {
            return .a(.href(href), .attribute(named: "aria-current", value: "page"), .text(text))
        }
        return .a(.href(href), .text(text))
    }
}

/// Turns rendered pages into responses.
enum Pages {
    static func html(_ body: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: body))
        )
    }

    static func page(
        _ env: PageEnvironment,
        title: String,
        status: HTTPResponse.Status = .ok,
        _ main: [Node<HTML.BodyContext>]
    ) -> Response {
        html(Layout.document(env, title: title, main: main), status: status)
    }

    /// An error page that needs no signed-in user.
    static func plainError(
        status: HTTPResponse.Status,
        language: KoersCore.Language,
        title: LocalizedText,
        message: LocalizedText,
        actor: Actor? = nil
    ) -> Response {
        let env = PageEnvironment(language: language, actor: actor, csrfToken: "", path: SiteURL.home.path)
        return page(
            env,
            title: env.t(title),
            status: status,
            [
                .h1(.text(env.t(title))), .p(.text(env.t(message))),
                .p(
                    .a(.href(SiteURL.home.path), .text(env.t("Naar de startpagina", "Go to the start page")))
                ),
            ]
        )
    }

    /// 303 to another page after a successful POST.
    static func seeOther(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    /// 303 to another page, which announces what was done.
    static func seeOther(_ location: String, done: ActionDone) -> Response {
        var response = seeOther(location)
        response.setCookie(
            Cookie(name: ActionDone.cookieName, value: done.rawValue, maxAge: 60, path: "/", httpOnly: true)
        )
        return response
    }
}
