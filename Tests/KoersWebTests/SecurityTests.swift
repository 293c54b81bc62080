import FluentKit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KoersCore
import KoersDemo
import KoersStore
import NIOCore
import Testing

@testable import KoersWeb

@Suite("Sessions, CSRF, throttling, headers")
struct SecurityTests {
    @Test("Forms without the CSRF token are refused", arguments: TestDatabase.available)
    func csrf(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, client in
            var web = WebClient(client)
            _ = try await web.get("/login")
            #expect(
                try await web.post(
                    "/login",
                    [("email", "ngo.utrecht@demo.koers.nl"), ("password", DemoNetwork.password)],
                    csrf: false
                ).status == .forbidden
            )
            #expect(
                try await web.post(
                    "/login",
                    [("email", "ngo.utrecht@demo.koers.nl"), ("password", DemoNetwork.password), ("_csrf", "forged")],
                    csrf: false
                ).status == .forbidden
            )
            #expect(try await web.login("ngo.utrecht@demo.koers.nl").status == .found)
            let before = try await app.counts()
            #expect(
                try await web.post(
                    "/cases",
                    [
                        ("surname", "X"), ("nationality", "ERI"), ("gender", "male"), ("channel", "ngo"),
                        ("referredOn", "2026-06-01"),
                    ],
                    csrf: false
                ).status == .forbidden
            )
            #expect(try await app.counts() == before)
        }
    }

    @Test("Cookies are HttpOnly, SameSite and, when configured, Secure", arguments: TestDatabase.available)
    func cookies(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { _, client in
            var web = WebClient(client)
            let login = try await web.get("/login")
            let csrfCookie = try #require(login.headers[values: .setCookie].first { $0.hasPrefix("koers_csrf=") })
            #expect(csrfCookie.contains("HttpOnly") && csrfCookie.contains("SameSite=Strict"))
            let r = try await web.login("ngo.utrecht@demo.koers.nl")
            let session = try #require(r.headers[values: .setCookie].first { $0.hasPrefix("koers_session=") })
            #expect(session.contains("HttpOnly") && session.contains("SameSite=Lax"))
            #expect(login.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
            #expect(login.headers[.init("X-Frame-Options")!] == "DENY")
            // Signing out ends the session on the server, not only in the browser.
            let token = try #require(web.cookies["koers_session"])
            _ = try await web.post("/logout", [])
            var replay = WebClient(client)
            replay.cookies["koers_session"] = token
            #expect(try await replay.get("/cases").location == "/login")
        }
    }

    @Test("Five wrong passwords lock the account for a while", arguments: TestDatabase.available)
    func throttling(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { _, client in
            var web = WebClient(client)
            for _ in 0..<5 {
                #expect(
                    try await web.login("ngo.utrecht@demo.koers.nl", password: "wrong-password").status == .unauthorized
                )
            }
            let locked = try await web.login("ngo.utrecht@demo.koers.nl")
            #expect(locked.status == .tooManyRequests)
            #expect(locked.headers[.retryAfter] != nil)
            #expect(locked.text.contains("Te veel mislukte pogingen"))
            var other = WebClient(client)
            #expect(try await other.login("ngo.amsterdam@demo.koers.nl").status == .found)
        }
    }

    @Test("A disabled account loses its sessions and tokens", arguments: TestDatabase.available)
    func disabling(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, client in
            var web = WebClient(client)
            _ = try await web.login("ngo.utrecht@demo.koers.nl")
            let token = try await app.token(.ngo)
            try await app.services.directory.disableUser(email: "ngo.utrecht@demo.koers.nl")
            #expect(try await web.get("/cases").location == "/login")
            #expect(try await APIClient(client: client, token: token).send(.get, "/me").status == .unauthorized)
            var again = WebClient(client)
            #expect(try await again.login("ngo.utrecht@demo.koers.nl").status == .unauthorized)
        }
    }
}

@Suite("Spec, schema and processing log")
struct PlatformTests {
    @Test("Every API route is in the OpenAPI document, and only those", arguments: [TestDatabase.sqlite])
    func openAPICoversTheRouter(_ database: TestDatabase) async throws {
        let app = try await TestApp.make(database)
        let router = buildRouter(app.services)
        await app.services.database.shutdown()
        let spec = try #require(
            try JSONSerialization.jsonObject(with: Data(APIContract.json.utf8)) as? [String: Any]
        )
        #expect(spec["openapi"] as? String == "3.0.3")
        let paths = try #require(spec["paths"] as? [String: [String: Any]])
        var documented = Set<String>()
        for (path, operations) in paths {
            for method in operations.keys { documented.insert("\(method.uppercased()) \(path)") }
        }
        var routed = Set<String>()
        for route in router.routes
        where route.path.description.hasPrefix("/api/v1/") && !route.path.description.hasSuffix("openapi.json") {
            let path = route.path.description.dropFirst("/api/v1".count).split(separator: "/").map {
                $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0)
            }.joined(separator: "/")
            routed.insert("\(route.method.rawValue) /\(path)")
        }
        #expect(
            routed == documented,
            "undocumented: \(routed.subtracting(documented)); unrouted: \(documented.subtracting(routed))"
        )
        // Every route that takes a body publishes the form its parser reads; only the agenda's
        // refresh takes none.
        let withBody = Set(routed.filter { $0.hasPrefix("POST ") || $0.hasPrefix("PUT ") })
        let formed = Set(APIContract.bodies.map(\.route))
        #expect(
            withBody.subtracting(formed) == [
                "POST /meetings/{mid}/agenda/refresh", "POST /admin/accounts/{uid}/reset",
                "POST /admin/accounts/{uid}/disable", "POST /admin/accounts/{uid}/enable",
            ]
        )
        #expect(formed.isSubset(of: withBody))
        let schemas = try #require((spec["components"] as? [String: Any])?["schemas"] as? [String: Any])
        for body in APIContract.bodies {
            let schema = try #require(schemas[body.schema] as? [String: Any], "\(body.schema)")
            let properties = try #require(schema["properties"] as? [String: Any])
            #expect(Set(properties.keys) == Set(body.form.fields.map(\.name)), "\(body.schema)")
            let required = Set(schema["required"] as? [String] ?? [])
            #expect(required == Set(body.form.fields.filter(\.required).map(\.name)), "\(body.schema)")
        }
        // Every object the document publishes says what it holds: no bare `{"type": "object"}`.
        func bareObjects(_ value: Any, at path: String) -> [String] {
            if let list = value as? [Any] {
                return list.enumerated().flatMap { bareObjects($0.element, at: "\(path)/\($0.offset)") }
            }
            guard let object = value as? [String: Any] else { return [] }
            var found =
                object["type"] as? String == "object" && (object["properties"] as? [String: Any] ?? [:]).isEmpty
                ? [path] : []
            for (key, child) in object { found += bareObjects(child, at: "\(path)/\(key)") }
            return found
        }
        #expect(bareObjects(spec, at: "#") == [])
        // Error answers are the shared named responses, never repeated inline.
        let responses = try #require((spec["components"] as? [String: Any])?["responses"] as? [String: Any])
        #expect(Set(responses.keys).isSuperset(of: ["BadRequest", "Unauthorized", "NotFound", "ServiceUnavailable"]))
        for (path, operations) in paths {
            for (method, operation) in operations {
                let answers = (operation as? [String: Any])?["responses"] as? [String: [String: Any]] ?? [:]
                for (status, answer) in answers where status.first != "2" {
                    #expect(answer["$ref"] != nil, "\(method) \(path) \(status) inline")
                }
                // Ids in the path and a required If-Match are shared parameters too.
                let parameters = (operation as? [String: Any])?["parameters"] as? [[String: Any]] ?? []
                for parameter in parameters where parameter["$ref"] == nil {
                    #expect(parameter["in"] as? String != "path" || parameter["name"] as? String == "key", "\(path)")
                    #expect(parameter["in"] as? String != "header" || parameter["required"] as? Bool != true, "\(path)")
                }
            }
        }
    }

    @Test("Migrations revert cleanly and apply again", arguments: TestDatabase.available)
    func migrationsRevert(_ database: TestDatabase) async throws {
        let app = try await TestApp.make(database)
        _ = try await app.referral()
        try await app.services.database.revertAll()
        try await app.services.database.migrate()
        #expect(try await app.counts()["trajectories"] == 0)
        await app.services.database.shutdown()
    }

    @Test("Reads and writes are logged per data subject, pseudonymised", arguments: TestDatabase.available)
    func processingLog(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, client in
            let file = try await app.admitted()
            var web = WebClient(client)
            _ = try await web.login("ind.utrecht@demo.koers.nl")
            _ = try await web.get("/cases/\(file.id.uuidString.lowercased())")
            let rows = try await ProcessingLogModel.query(on: app.services.database.db).all()
            #expect(
                Set(rows.map(\.activity)).isSuperset(of: ["case.refer", "case.intake", "case.admission", "case.read"])
            )
            let subject = ProcessingLog(secret: "test-secret").subject(file.personId)
            #expect(
                rows.allSatisfy {
                    $0.subject == subject && $0.traceId.count == 32 && $0.spanId.count == 16 && $0.status == "ok"
                }
            )
            #expect(
                !rows.contains {
                    $0.subject.contains(file.personId.uuidString)
                        || $0.subject.lowercased().contains(file.personId.uuidString.lowercased())
                }
            )
            let ind = app.account(.ind).actor
            #expect(
                rows.contains {
                    $0.activity == "case.read" && $0.userId == ind.userId && $0.organisationId == ind.organisationId
                }
            )
        }
    }
}
