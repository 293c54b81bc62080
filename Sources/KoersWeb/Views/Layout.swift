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
                .link(.rel(.stylesheet), .href("/static/koers.css"))
            ),
            .body(
                .a(.class("skip-link"), .href("#main"), .text(env.t("Naar de inhoud", "Skip to content"))),
                header(env),
                .main(.id("main"), .attribute(named: "tabindex", value: "-1"), .group(main)),
                .footer(
                    .class("site-footer"),
                    .p(
                        .text(
                            env.t(
                                "Koers — registratie en casusregie voor de LVV",
                                "Koers — registration and case coordination for the LVV"
                            )
                        )
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
                case .cases: ("/cases", env.t("Mijn dossiers", "My cases"))
                case .newReferral: ("/cases/new", env.t("Nieuwe aanmelding", "New referral"))
                case .progress: ("/progress", env.t("Voortgang", "Progress"))
                case .meetings: ("/meetings", env.t("Casusoverleg", "Case meetings"))
                case .inbox: ("/inbox", env.t("Inbox", "Inbox"))
                case .transfers: ("/transfers", env.t("Overdrachten", "Transfers"))
                case .duplicates: ("/duplicates", env.t("Dubbele registraties", "Duplicate registrations"))
                case .monitor: ("/monitor", env.t("Monitor", "Monitor"))
                case .administration: ("/admin", env.t("Beheer", "Administration"))
                case .imports: ("/imports", env.t("Importeren", "Import"))
                case .reconciliations: ("/reconciliations", env.t("Afstemmen", "Reconcile"))
                case .privacy: ("/privacy", env.t("Inzage en rechten", "Access and rights"))
                }
            nav.append(.li(link(env, path, label)))
        }
        let other: KoersCore.Language = env.language == .nl ? .en : .nl
        let back = env.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"
        let switchHref = "/language?to=\(other.rawValue)&back=\(back)"
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
                    action: "/logout",
                    env: env,
                    [FormFields.submit(env.t("Afmelden", "Sign out"), secondary: true)]
                )
            )
        }
        return .header(
            .class("site-header"),
            .div(
                .class("brand"),
                .a(.href(env.actor == nil ? "/login" : "/"), .text("Koers"))
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
        let env = PageEnvironment(language: language, actor: actor, csrfToken: "", path: "/")
        return page(
            env,
            title: env.t(title),
            status: status,
            [
                .h1(.text(env.t(title))), .p(.text(env.t(message))),
                .p(
                    .a(.href("/"), .text(env.t("Naar de startpagina", "Go to the start page")))
                ),
            ]
        )
    }

    /// 303 to another page after a successful POST.
    static func seeOther(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }
}
