import Foundation
import Hummingbird
import KoersCore
import KoersStore
import Testing

@testable import KoersWeb

@Suite("Typed routes: one list of the web application's addresses")
struct SiteURLTests {
    @Test("The router registers exactly the routes SiteURL lists, each once")
    func routerFollowsTheList() async throws {
        let app = try await TestApp.make(.sqlite)
        let router = buildRouter(app.services)
        await app.services.database.shutdown()
        let outside: Set<String> = ["/health", "/ready", "/metrics"]
        let registered = router.routes
            .map { "\($0.method.rawValue) \($0.path.description)" }
            .filter { !$0.contains(" /api") && !outside.contains(String($0.split(separator: " ")[1])) }
        let listed = SiteURL.routes.map { "\($0.method.rawValue) \(Self.routerSpelling($0.url.route))" }
        #expect(Set(registered) == Set(listed), "\(Set(registered).symmetricDifference(Set(listed)).sorted())")
        #expect(listed.count == Set(listed).count, "a route is listed twice")
    }

    @Test("A path fills each value in where the route names it, and a query keeps reserved characters in its values")
    func pathsAndQueries() {
        let id = UUID(uuidString: "6F9619FF-8B86-D011-B42D-00CF4FC964FF")!
        let note = UUID(uuidString: "00000000-0000-0000-0000-0000000000A1")!
        #expect(SiteURL.caseFile(id).path == "/cases/6f9619ff-8b86-d011-b42d-00cf4fc964ff")
        #expect(SiteURL.caseFile(id).route == "/cases/:id")
        #expect(SiteURL.withholdNote(id, note: note).route == "/cases/:id/notes/:nid/withhold")
        #expect(
            SiteURL.withholdNote(id, note: note).path.hasSuffix("/notes/00000000-0000-0000-0000-0000000000a1/withhold")
        )
        #expect(SiteURL.caseStep(id, .returnReferral).route == "/cases/:id/return")
        #expect(SiteURL.registerEntry(.read).path == "/admin/register/case.read")
        #expect(SiteURL.invitation(token: "a/b c").path == "/invitations/a%2Fb%20c")
        #expect(
            SiteURL.language.with([("to", "en"), ("back", "/cases?page=2&stage=intake")])
                == "/language?to=en&back=%2Fcases%3Fpage%3D2%26stage%3Dintake"
        )
        #expect(SiteURL.history(id).with([("name", "Ana + Bo"), ("empty", "")]).hasSuffix("?name=Ana%20%2B%20Bo"))
        #expect(SiteURL.transfers.at("h-outgoing") == "/transfers#h-outgoing")
        #expect(SiteURL.accessibility.path == "/toegankelijkheid")
    }

    /// Hummingbird prints a parameter as `{name}` in its route description.
    static func routerSpelling(_ route: String) -> String {
        route.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            segment.hasPrefix(":") ? "{" + segment.dropFirst() + "}" : String(segment)
        }.joined(separator: "/")
    }
}
