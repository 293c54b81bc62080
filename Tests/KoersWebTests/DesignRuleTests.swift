import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@testable import KoersWeb

@Suite("NL GOV API Design Rules")
struct DesignRuleTests {
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
}
