import Foundation
import Hummingbird
import HummingbirdTesting
import KoersStore
import Logging
import Testing

@testable import KoersWeb

@Suite("Secrets stay out of the log")
struct SecretsInLogTests {
    static let secret = "pseudonym-secret-8d1f4c"
    static let linkageSecret = "linkage-secret-52ae07"

    /// swift-service-lifecycle logs each service by its description at debug level; a service described field by
    /// field printed the secrets and the linkage keys' hash tables on every start.
    @Test("At debug level, starting and stopping Koers logs no secret", arguments: TestDatabase.available)
    func debugLog(_ database: TestDatabase) async throws {
        let app = try await TestApp.make(database) { configuration in
            configuration.secret = Self.secret
            configuration.linkageSecret = Self.linkageSecret
        }
        let lines = TraceContextTests.Lines()
        var logger = Logger(label: "secrets-test") { _ in TraceContextTests.Capture(lines: lines) }
        logger.logLevel = .debug
        let application = buildApplication(app.services, logger: logger)
        try await app.services.database.closing {
            try await application.test(.router) { client in
                let answer = try await client.execute(uri: "/health", method: .get)
                #expect(answer.status == .ok)
            }
        }
        let logged = lines.all.map { "\($0.message) \($0.metadata)" }.joined(separator: "\n")
        // The service group did log at debug level, so the check below looked at what it names services by.
        #expect(logged.contains("Housekeeping"))
        #expect(!logged.contains(Self.secret))
        #expect(!logged.contains(Self.linkageSecret))
        let name = "\(application)"
        #expect(!name.contains(Self.secret) && !name.contains(Self.linkageSecret))
        // Printed field by field, the encoder's tables alone came to megabytes.
        #expect(name.utf8.count < 100_000)
    }
}
