import Foundation
import HTTPTypes
import HummingbirdTesting
import KoersCore
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
}
