import Foundation
import KoersCore

/// What every page needs to render: the language, the user, the CSRF token and the current path.
struct PageEnvironment: Sendable {
    let language: Language
    let actor: Actor?
    let csrfToken: String
    let path: String
    /// What the main menu offers, as the policy decides it for the user.
    let menu: [MenuEntry]
    /// What the form before the redirect did, announced at the top of the page.
    var done: ActionDone?

    init(_ context: KoersRequestContext, path: String) {
        self.init(language: context.language, actor: context.actor, csrfToken: context.csrfToken, path: path)
        done = context.done
    }

    init(language: Language, actor: Actor?, csrfToken: String, path: String) {
        self.language = language
        self.actor = actor
        self.csrfToken = csrfToken
        self.path = path
        menu = AccessPolicy.menu(for: actor)
    }

    /// Picks the Dutch or English wording.
    func t(_ nl: String, _ en: String) -> String { language == .en ? en : nl }

    func t(_ text: LocalizedText) -> String { text.text(language) }
}
