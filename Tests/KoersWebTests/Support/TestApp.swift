import FluentKit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KoersCore
import KoersDemo
import KoersStore
import Logging
import NIOCore
import Testing

@testable import KoersWeb

/// A Koers wired exactly as `koers serve` wires it, on a fresh database with the demo network
/// (five locations, an account per party per location) and no population.
struct TestApp {
    static let today = Day("2026-06-15")!
    let services: KoersServices
    let accounts: [DemoNetwork.Account]

    /// With a `scenario`, the demo population as `koers demo` loads it.
    static func make(
        _ database: TestDatabase,
        scenario: DemoScenario? = nil,
        configure: (inout KoersConfiguration) -> Void = { _ in }
    ) async throws -> TestApp {
        // A copy of a database migrated and seeded once for the whole run.
        let seeded = try await SeededDatabase.copy(database, scenario: scenario)
        var logger = Logger(label: "koers-test")
        logger.logLevel = .warning
        var configuration = configuration(seeded.url)
        configure(&configuration)
        let services = try KoersServices(configuration, logger: logger, schema: seeded.schema)
        OpenedDatabases.shared.keep(services.database)
        // Already migrated: this only sets up the connections as `koers serve` does.
        try await services.database.migrate()
        return TestApp(services: services, accounts: seeded.accounts)
    }

    /// The configuration every test starts from: a fixed day, a cheap bcrypt cost, no `Secure` cookies.
    static func configuration(_ databaseURL: String) -> KoersConfiguration {
        var configuration = KoersConfiguration(
            databaseURL: databaseURL,
            secret: "test-secret",
            secureCookies: false,
            bcryptCost: 4,
            logLevel: .warning,
            today: { TestApp.today }
        )
        // A test's database is thrown away after it, so its commits need not wait for the disk; the
        // throwaway PostgreSQL cluster runs with fsync off for the same reason. DurabilityTests open
        // their own databases with the product's setting.
        configuration.sqliteSynchronous = .normal
        return configuration
    }

    /// Runs a test against the application and closes the database afterwards.
    static func run(
        _ database: TestDatabase,
        scenario: DemoScenario? = nil,
        configure: (inout KoersConfiguration) -> Void = { _ in },
        _ body: @Sendable (TestApp, any TestClientProtocol) async throws -> Void
    ) async throws {
        let app = try await make(database, scenario: scenario, configure: configure)
        var logger = Logger(label: "koers-test")
        logger.logLevel = .warning
        try await app.services.database.closing {
            try await buildApplication(app.services, logger: logger).test(.router) { client in
                try await body(app, client)
            }
        }
    }

    func account(_ party: Party, _ city: String? = "utrecht") -> DemoNetwork.Account {
        accounts.first {
            $0.party == party && (city == nil ? $0.location == nil : $0.email.contains("." + city! + "@"))
        }!
    }

    func token(_ party: Party, _ city: String? = "utrecht") async throws -> String {
        try await services.directory.createToken(email: account(party, city).email, name: "test", validDays: 1)
    }

    /// Counts rows, to prove that a refused change left the database as it was (reads are logged
    /// even when a change is refused, so only logged writes count).
    func counts() async throws -> [String: Int] {
        let db = services.database.db
        return [
            "persons": try await PersonModel.query(on: db).count(),
            "trajectories": try await TrajectoryModel.query(on: db).count(),
            "events": try await CaseEventModel.query(on: db).count(),
            // Refused and failed attempts are logged too; what counts as written is what succeeded.
            "logged writes": try await ProcessingLogModel.query(on: db).filter(\.$activity != "case.read")
                .filter(\.$status == "ok").count(),
        ]
    }

    /// Registers a case directly through the service, as the given party's account.
    @discardableResult
    func referral(
        _ party: Party = .ngo,
        _ city: String = "utrecht",
        surname: String = "Tesfay",
        vNumber: String? = nil,
        note: String? = nil
    ) async throws -> CaseFile {
        var values: [String: String] = [
            "givenNames": "Yonas", "surname": surname, "nationality": "ERI", "gender": "male", "birthDate": "1990",
            "channel": "ngo", "referredOn": "2026-05-01",
        ]
        if let vNumber { values["vNumber"] = vNumber }
        if let note { values["note"] = note }
        return try await services.service.refer(FormInput(single: values), actor: account(party, city).actor)
    }

    /// Carries a case to the active stage through the service.
    func admitted(_ city: String = "utrecht", surname: String = "Tesfay", note: String? = nil) async throws -> CaseFile
    {
        let actor = account(.ngo, city).actor
        let file = try await referral(.ngo, city, surname: surname, note: note)
        var intake = Fixtures.intake
        intake["surname"] = surname
        _ = try await services.service.perform(
            .intake,
            on: file.id,
            input: FormInput(single: intake),
            expectedVersion: nil,
            actor: actor
        )
        return try await services.service.perform(
            .admission,
            on: file.id,
            input: FormInput(single: ["outcome": "admit", "decidedOn": "2026-05-10"]),
            expectedVersion: nil,
            actor: actor
        )
    }
}

enum Fixtures {
    /// An intake that meets every criterion.
    static let intake: [String: String] = [
        "givenNames": "Yonas", "surname": "Tesfay", "nationality": "ERI", "gender": "male", "birthDate": "1990-03",
        "lawfulStay": "no", "stateReception": "no", "asylumProcedureCompleted": "yes",
        "lastAsylumRejectionOn": "2024-01-10",
        "willingToCooperate": "yes", "activeAtOtherLocation": "no", "inRegionSince": "2023-01-01",
    ]
}

/// A browser-like client for the web application: keeps cookies, reads the CSRF token from pages.
struct WebClient {
    let client: any TestClientProtocol
    var cookies: [String: String] = [:]

    init(_ client: any TestClientProtocol) { self.client = client }

    @discardableResult
    mutating func get(_ uri: String) async throws -> TestResponse {
        let response = try await client.execute(uri: uri, method: .get, headers: headers())
        remember(response)
        return response
    }

    /// Posts a form; the CSRF token is added unless `csrf` is false.
    @discardableResult
    mutating func post(_ uri: String, _ fields: [(String, String)], csrf: Bool = true) async throws -> TestResponse {
        if cookies["koers_csrf"] == nil { try await get("/login") }
        var all = fields
        if csrf { all.append(("_csrf", cookies["koers_csrf"] ?? "")) }
        let body = all.map { "\(escape($0.0))=\(escape($0.1))" }.joined(separator: "&")
        var h = headers()
        h[.contentType] = "application/x-www-form-urlencoded"
        let response = try await client.execute(uri: uri, method: .post, headers: h, body: ByteBuffer(string: body))
        remember(response)
        return response
    }

    /// Posts a form with a file, as `multipart/form-data`, with the CSRF token.
    @discardableResult
    mutating func postFile(_ uri: String, field: String, filename: String, content: String) async throws -> TestResponse
    {
        try await postFiles(uri, files: [(field, filename, content)])
    }

    /// Posts a form with fields and files, as `multipart/form-data`, with the CSRF token.
    @discardableResult
    mutating func postFiles(
        _ uri: String,
        fields: [(String, String)] = [],
        files: [(field: String, filename: String, content: String)]
    ) async throws -> TestResponse {
        if cookies["koers_csrf"] == nil { try await get("/login") }
        let boundary = "koers-test-boundary"
        var body = ""
        for (name, value) in fields + [("_csrf", cookies["koers_csrf"] ?? "")] {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        for file in files {
            body +=
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; "
                + "filename=\"\(file.filename)\"\r\nContent-Type: application/octet-stream\r\n\r\n\(file.content)\r\n"
        }
        body += "--\(boundary)--\r\n"
        var h = headers()
        h[.contentType] = "multipart/form-data; boundary=\(boundary)"
        let response = try await client.execute(uri: uri, method: .post, headers: h, body: ByteBuffer(string: body))
        remember(response)
        return response
    }

    mutating func login(_ email: String, password: String = DemoNetwork.password) async throws -> TestResponse {
        try await post("/login", [("email", email), ("password", password)])
    }

    private func headers() -> HTTPFields {
        var h = HTTPFields()
        if !cookies.isEmpty { h[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        return h
    }

    private mutating func remember(_ response: TestResponse) {
        for field in response.headers where field.name == .setCookie {
            let pair = field.value.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { continue }
            if field.value.contains("Max-Age=0") {
                cookies[String(pair[0])] = nil
            } else {
                cookies[String(pair[0])] = String(pair[1])
            }
        }
    }

    private func escape(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView))) as? [String: Any] ?? [:]
    }

    var location: String? { headers[.location] }

    /// The body as one of the API's own DTOs.
    func decoded<T: Decodable>(_ type: T.Type) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(type, from: Data(body.readableBytesView))
    }

    /// The names of the fields a problem+json body lists in `invalidParams`.
    func problemFields() throws -> Set<String> {
        Set(try decoded(Problem.self).invalidParams?.map(\.name) ?? [])
    }
}

/// API requests with a bearer token.
struct APIClient {
    let client: any TestClientProtocol
    let token: String

    func send(
        _ method: HTTPRequest.Method,
        _ path: String,
        _ body: [String: Any]? = nil,
        ifMatch: String? = nil,
        language: String? = nil
    ) async throws -> TestResponse {
        var h: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/json"]
        if let ifMatch { h[.ifMatch] = ifMatch }
        if let language { h[.acceptLanguage] = language }
        let buffer = try body.map { ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: $0)) }
        return try await client.execute(uri: "/api/v1" + path, method: method, headers: h, body: buffer)
    }
}

/// Every database a test opened, kept until the run ends.
///
/// A test that throws before it closes its database (a failed `#require`, a timeout on a loaded machine) would drop
/// an open connection pool, and AsyncKit's assertion on that ends the whole run: every other test with it, and a
/// backtrace of the debug build that took CI minutes to write.
final class OpenedDatabases: @unchecked Sendable {
    static let shared = OpenedDatabases()
    private let lock = NSLock()
    private var databases: [KoersDatabase] = []

    func keep(_ database: KoersDatabase) {
        lock.withLock { databases.append(database) }
    }
}
