import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KoersCore
import KoersStore
import NIOCore
import Testing

@testable import KoersWeb

@Suite("NL GOV API Design Rules")
struct DesignRuleTests {
    /// RFC 9457 problem details as the API sends them.
    struct ProblemBody: Decodable {
        struct Param: Decodable {
            let name: String
            let code: String
        }
        let status: Int
        let title: String
        let detail: String?
        let invalidParams: [Param]?
    }

    @Test("/core/publish-openapi and /core/version-header: the document without a token, from any origin")
    func publishedDocument() async throws {
        try await TestApp.run(.sqlite) { _, client in
            let response = try await client.execute(uri: "/api/v1/openapi.json", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.accessControlAllowOrigin] == "*")
            #expect(response.headers[.apiVersion] == "1.0.0")
            let unauthenticated = try await client.execute(uri: "/api/v1/trajectories", method: .get)
            #expect(unauthenticated.status == .unauthorized)
            #expect(unauthenticated.headers[.apiVersion] == "1.0.0")
        }
    }

    @Test("Problem details: a malformed id is not found, an empty filter is named, both as problem+json")
    func malformedInput() async throws {
        try await TestApp.run(.sqlite) { app, client in
            let api = APIClient(client: client, token: try await app.token(.municipality))
            for path in ["/trajectories/null,null", "/meetings/12/minutes", "/locations/x/deadline-policy"] {
                let response = try await api.send(.get, path)
                #expect(response.status == .notFound, "\(path)")
                #expect(response.headers[.contentType] == "application/problem+json")
            }
            for filter in ["nationality=", "stage=", "nationality=eri", "page=0"] {
                let response = try await api.send(.get, "/trajectories?\(filter)")
                #expect(response.status == .badRequest, "\(filter)")
                let problem = try JSONDecoder().decode(ProblemBody.self, from: Data(response.body.readableBytesView))
                #expect(problem.invalidParams?.map(\.name) == [String(filter.prefix { $0 != "=" })], "\(filter)")
                #expect(problem.status == 400 && !problem.title.isEmpty && problem.detail != nil)
            }
        }
    }

    @Test("/core/uri-version, /core/no-trailing-slash, /core/naming-resources, /core/http-methods: every API route")
    func routeNames() async throws {
        let app = try await TestApp.make(.sqlite)
        let router = buildRouter(app.services)
        await app.services.database.shutdown()
        let routes = router.routes.filter { $0.path.description.hasPrefix("/api") }
        #expect(routes.count > 40)
        for route in routes {
            let path = route.path.description
            #expect(path.hasPrefix("/api/v1/"), "\(path): the major version in the path")
            #expect(!path.hasSuffix("/"), "\(path): no trailing slash")
            #expect(["GET", "POST", "PUT", "PATCH", "DELETE"].contains(route.method.rawValue), "\(path)")
            let segments = path.dropFirst("/api/v1/".count).split(separator: "/").map(String.init)
            for (index, segment) in segments.enumerated() where !Self.isParameter(segment) && segment != "openapi.json"
            {
                #expect(segment.wholeMatch(of: /[a-z]+(-[a-z]+)*/) != nil, "\(path): \(segment) in kebab-case")
                // A collection whose members are addressed by id is a plural noun.
                if index + 1 < segments.count, Self.isParameter(segments[index + 1]) {
                    #expect(segment.hasSuffix("s"), "\(path): \(segment) is a collection, so plural")
                }
            }
        }
        // Query parameters in camelCase, as the document lists them.
        let document = try JSONDecoder().decode(DocumentParameters.self, from: Data(APIContract.json.utf8))
        let query = document.paths.values.flatMap { $0.values.flatMap { $0.parameters ?? [] } }.filter {
            $0.in == "query"
        }
        #expect(!query.isEmpty)
        for parameter in query {
            let name = parameter.name ?? ""
            #expect(name.wholeMatch(of: /[a-z]+([A-Z][a-z0-9]*)*/) != nil, "\(name) in camelCase")
        }
    }

    @Test("/core/no-trailing-slash: a path with a trailing slash is not the resource")
    func trailingSlash() async throws {
        try await TestApp.run(.sqlite) { app, client in
            let api = APIClient(client: client, token: try await app.token(.municipality))
            #expect(try await api.send(.get, "/trajectories").status == .ok)
            #expect(try await api.send(.get, "/trajectories/").status == .notFound)
        }
    }

    /// `{id}` (or `:id`) in a route's path.
    static func isParameter(_ segment: String) -> Bool { segment.hasPrefix(":") || segment.hasPrefix("{") }

    /// The parts of the OpenAPI document the naming rule reads.
    struct DocumentParameters: Decodable {
        struct Operation: Decodable {
            let parameters: [Parameter]?
        }
        /// A parameter, or a reference to a shared one (path ids and If-Match, never a query's).
        struct Parameter: Decodable {
            let name: String?
            let `in`: String?
        }
        let paths: [String: [String: Operation]]
    }

    @Test("Ids are lower-case UUIDs in the JSON as in the URLs; text that looks like one is left alone")
    func lowerCaseIDs() async throws {
        let upper = "01A22DC0-FA3B-7EE1-8E87-C3FC9F321790"
        let other = "ABCDEF01-2345-6789-ABCD-EF0123456789"
        let json =
            #"{"id":"\#(upper)","name":"\#(upper)","note":"say \"x\" \#(upper)","#
            + #""trajectoryIds":["\#(upper)","\#(other)"],"items":[{"trajectoryId":"\#(other)","#
            + #""text":"\#(other)"}],"count":3,"locationId":null}"#
        var bytes = Array(json.utf8)
        LowercaseIDs.apply(&bytes)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains(#""id":"\#(upper.lowercased())""#))
        #expect(text.contains(#""name":"\#(upper)""#))
        #expect(text.contains(#""trajectoryIds":["\#(upper.lowercased())","\#(other.lowercased())"]"#))
        #expect(text.contains(#""trajectoryId":"\#(other.lowercased())","text":"\#(other)""#))
        #expect(text.contains(#""note":"say \"x\" \#(upper)""#))

        try await TestApp.run(.sqlite) { app, client in
            let file = try await app.admitted()
            let api = APIClient(client: client, token: try await app.token(.ngo))
            let list = String(buffer: try await api.send(.get, "/trajectories").body)
            #expect(list.contains(file.id.uuidString.lowercased()) && !list.contains(file.id.uuidString))
            let read = String(buffer: try await api.send(.get, "/trajectories/\(file.id.uuidString.lowercased())").body)
            #expect(read.contains(file.id.uuidString.lowercased()) && !read.contains(file.id.uuidString))
        }
    }
}
