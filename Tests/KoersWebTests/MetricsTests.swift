import Foundation
import HTTPTypes
import HummingbirdTesting
import KoersCore
import KoersStore
import NIOCore
import Testing

@testable import KoersWeb

@Suite("Metrics")
struct MetricsTests {
    @Test(
        "/metrics: latency histograms per route template, the store's writes, no ids",
        arguments: TestDatabase.available
    )
    func exposition(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, client in
            let file = try await app.admitted()
            let ngo = APIClient(client: client, token: try await app.token(.ngo))
            let id = file.id.uuidString.lowercased()
            #expect(try await ngo.send(.get, "/trajectories/\(id)").status == .ok)
            let response = try await client.execute(uri: "/metrics", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
            let text = String(buffer: response.body)
            let lines = text.split(separator: "\n")
            // A latency histogram for the case route, by its template.
            #expect(
                lines.contains {
                    $0.hasPrefix("http_server_request_duration") && $0.contains("_bucket")
                        && $0.contains("trajectories/{id}") && $0.contains("status_code=\"200\"")
                },
                "\(lines.filter { $0.contains("trajectories") }.prefix(5))"
            )
            #expect(lines.contains { $0.hasPrefix("koers_processing_log_writes") && $0.contains("case.read") })
            #expect(lines.contains { $0.hasPrefix("koers_linkage_index_writes") })
            // The pool as writes meet it: the wait for a connection, and how many hold one now.
            #expect(lines.contains { $0.hasPrefix("koers_db_write_connection_wait_bucket") })
            #expect(lines.contains { $0.hasPrefix("koers_db_write_transactions_open") })
            // Route templates, never a case's id.
            #expect(!text.contains(id) && !text.contains(file.id.uuidString))
        }
    }
}
