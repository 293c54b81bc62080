import Hummingbird

extension RouterGroup where Context == KoersRequestContext {
    /// Registers a page or download at one of the application's addresses.
    @discardableResult func get(
        _ url: SiteURL,
        use handler: @Sendable @escaping (Request, Context) async throws -> some ResponseGenerator
    ) -> Self {
        on(RouterPath(url.route), method: .get, use: handler)
    }

    /// Registers a form's target at one of the application's addresses.
    @discardableResult func post(
        _ url: SiteURL,
        use handler: @Sendable @escaping (Request, Context) async throws -> some ResponseGenerator
    ) -> Self {
        on(RouterPath(url.route), method: .post, use: handler)
    }
}
