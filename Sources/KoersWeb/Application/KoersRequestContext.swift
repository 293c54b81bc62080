import Foundation
import Hummingbird
import KoersCore
import KoersStore

/// Per-request state: who is asking, in which language, and the submitted form.
public struct KoersRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The signed-in user, set by the session or bearer-token middleware.
    public var actor: Actor?
    public var language: Language = .nl
    /// The CSRF token to embed in forms (double-submit cookie value).
    public var csrfToken: String = ""
    /// The parsed `application/x-www-form-urlencoded` body of a web POST.
    public var form = FormInput()
    /// The files of a `multipart/form-data` POST, by field name, as sent: bytes and file name.
    var uploads: [String: FormBody.Upload] = [:]
    /// What the form before the redirect did (`?done=`), announced on the page.
    var done: ActionDone?

    public init(source: Source) {
        coreContext = .init(source: source)
    }

    /// The id in the path under `name`. Something that is not a UUID names nothing, so it is not
    /// found (404), as an unknown id is; ids are matched without regard to case.
    func id(_ name: String) throws -> UUID {
        guard let text = parameters.get(name), let id = UUID(uuidString: text) else { throw AppError.notFound }
        return id
    }

    /// The signed-in user; without one, web routes go to the login page and the API answers 401.
    func requireActor() throws -> Actor {
        guard let actor else { throw AppError.unauthenticated }
        return actor
    }
}
