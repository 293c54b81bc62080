import FluentKit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KoersCore
import KoersStore
import Logging
import NIOCore
import Testing

@testable import KoersWeb

@Suite("W3C trace context")
struct TraceContextTests {
    /// Log lines as a test's log handler saw them.
    final class Lines: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [(message: String, metadata: Logger.Metadata)] = []
        func add(_ message: String, _ metadata: Logger.Metadata) { lock.withLock { lines.append((message, metadata)) } }
        var all: [(message: String, metadata: Logger.Metadata)] { lock.withLock { lines } }
    }

    struct Capture: LogHandler {
        let lines: Lines
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .info
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) {
            lines.add("\(event.message)", metadata.merging(event.metadata ?? [:]) { $1 })
        }
    }

    static let traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"

    @Test(
        "A caller's trace reaches the request log, the processing log and the response",
        arguments: TestDatabase.available
    )
    func followed(_ database: TestDatabase) async throws {
        let app = try await TestApp.make(database)
        let file = try await app.admitted()
        let token = try await app.token(.ngo)
        let lines = Lines()
        let logger = Logger(label: "trace-test") { _ in Capture(lines: lines) }
        let traceparent = HTTPField.Name("traceparent")!
        let traceresponse = HTTPField.Name("traceresponse")!
        try await app.services.database.closing {
            try await buildApplication(app.services, logger: logger).test(.router) { client in
                var headers: HTTPFields = [.authorization: "Bearer \(token)", traceparent: Self.traceparent]
                let read = try await client.execute(
                    uri: "/api/v1/trajectories/\(file.id.uuidString.lowercased())?q=Naam",
                    method: .get,
                    headers: headers
                )
                #expect(read.status == .ok)
                // The same trace, a span of Koers's own, the caller's flags.
                let answer = try #require(read.headers[traceresponse])
                let parts = answer.split(separator: "-")
                #expect(parts.count == 4 && parts[1] == "4bf92f3577b34da6a3ce929d0e0e4736" && parts[3] == "01")
                #expect(parts[2] != "00f067aa0ba902b7")
                let logged = try await ProcessingLogModel.query(on: app.services.database.db)
                    .filter(\.$activity == "case.read").all()
                #expect(!logged.isEmpty && logged.allSatisfy { $0.traceId == "4bf92f3577b34da6a3ce929d0e0e4736" })
                #expect(logged.allSatisfy { $0.spanId == String(parts[2]) })
                let request = lines.all.filter { $0.message == "request" }
                #expect(request.count == 1)
                #expect(request.first?.metadata["trace_id"] == .string("4bf92f3577b34da6a3ce929d0e0e4736"))
                #expect(request.first?.metadata["status"]?.description == "200")
                // The query string, where a search carries a name, stays out of the log.
                #expect(!lines.all.contains { "\($0.metadata)".contains("Naam") })

                // No header, or a malformed one: a new trace, still answered.
                for value in [
                    nil, "00-zz-00f067aa0ba902b7-01", "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
                ] {
                    headers[traceparent] = value
                    let other = try await client.execute(uri: "/health", method: .get, headers: headers)
                    let fresh = try #require(other.headers[traceresponse]).split(separator: "-")
                    #expect(fresh.count == 4 && fresh[1] != "4bf92f3577b34da6a3ce929d0e0e4736" && fresh[1].count == 32)
                    #expect(fresh[1] != "00000000000000000000000000000000")
                }
            }
        }
    }
}
