import Foundation
import HTTPTypes
import HummingbirdTesting
import KoersCore
import KoersDemo
import KoersStore
import Testing

@testable import KoersWeb

/// The access matrix for who may record which decision: an admission by exception is the case
/// meeting's (its chair, the municipality), and an agency's decision on a procedure recorded by
/// anyone else is kept and shown as reported by them.
@Suite("Access matrix: who records which decision")
struct AccessMatrixRecordingTests {
    typealias Who = AccessMatrixTests.Who

    /// A case waiting for its admission decision.
    static func atIntake(_ app: TestApp, surname: String) async throws -> CaseFile {
        let file = try await app.referral(surname: surname)
        var intake = Fixtures.intake
        intake["surname"] = surname
        return try await app.services.service.perform(
            .intake,
            on: file.id,
            input: FormInput(single: intake),
            expectedVersion: nil,
            actor: app.account(.ngo).actor
        )
    }

    @Test("Admission by exception: only the municipality, in the web and the API", arguments: TestDatabase.available)
    func exception(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, client in
            let exception = [
                "outcome": "admitByException", "decidedOn": "2026-05-10",
                "motivation": "Besluit van het LSO van vandaag.",
            ]
            for who in Who.allCases where who != .anonymous {
                // One case for the web form, one for the API.
                let file = try await Self.atIntake(app, surname: "Uitzondering\(who)")
                let other = try await Self.atIntake(app, surname: "UitzonderingApi\(who)")
                let id = file.id.uuidString.lowercased()
                let token = try await app.services.directory.createToken(
                    email: who.account(app)!.email,
                    name: "m",
                    validDays: 1
                )
                let api = APIClient(client: client, token: token)
                var web = WebClient(client)
                _ = try await web.login(who.account(app)!.email)
                let page = try await web.get("/cases/\(id)/admission")
                let posted = try await web.post(
                    "/cases/\(id)/admission",
                    exception.map { ($0.key, $0.value) } + [("version", String(file.version))]
                )
                let response = try await api.send(
                    .post,
                    "/trajectories/\(other.id.uuidString.lowercased())/admission-decision",
                    exception,
                    ifMatch: "\"\(other.version)\""
                )
                switch who {
                case .municipality:
                    #expect(page.text.contains("value=\"admitByException\""))
                    #expect(
                        posted.status == .seeOther && response.status == .ok,
                        "web \(posted.status) api \(response.status)"
                    )
                case .ngo:
                    #expect(page.status == .ok && !page.text.contains("value=\"admitByException\""))
                    #expect(page.text.contains("casusoverleg (LSO); de voorzitter legt het daar vast"))
                    #expect(posted.status == .forbidden && response.status == .forbidden, "\(who)")
                case .ind, .dtv, .avim:
                    #expect(posted.status == .forbidden && response.status == .forbidden, "\(who)")
                default:
                    #expect(posted.status == .notFound && response.status == .notFound, "\(who)")
                }
                for changed in [file, other] {
                    let stage = try #require(try await app.services.cases.load(changed.id, context: nil)).file.stage
                    #expect(stage == (who == .municipality ? .active : .intake), "\(who) left the case at \(stage)")
                }
            }
        }
    }

    @Test("An agency's decision recorded by another party is shown as reported", arguments: TestDatabase.available)
    func reported(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, client in
            let decision = ["outcome": "rejected", "decidedOn": "2026-06-01"]
            for who in [Who.ngo, .municipality, .ind, .dtv, .avim] {
                let file = try await app.admitted(surname: "Gemeld\(who)")
                let submitted = try await app.services.service.perform(
                    .submitProcedure,
                    on: file.id,
                    input: FormInput(single: ["kind": "hasa", "submittedOn": "2026-05-20"]),
                    expectedVersion: nil,
                    actor: app.account(.ngo).actor
                )
                let procedure = try #require(submitted.procedures.first).id.uuidString.lowercased()
                let id = file.id.uuidString.lowercased()
                let token = try await app.services.directory.createToken(
                    email: who.account(app)!.email,
                    name: "m",
                    validDays: 1
                )
                let api = APIClient(client: client, token: token)
                let response = try await api.send(
                    .post,
                    "/trajectories/\(id)/procedures/\(procedure)/decision",
                    decision,
                    ifMatch: "\"\(submitted.version)\""
                )
                var web = WebClient(client)
                _ = try await web.login(who.account(app)!.email)
                let page = try await web.get("/cases/\(id)")
                switch who {
                case .ngo, .municipality:
                    #expect(response.status == .ok, "\(who) \(response.status)")
                    let procedures = try #require(try response.decoded(CaseDTO.self).procedures)
                    #expect(procedures.first?.decisionReportedBy?.rawValue == who.rawValue)
                    #expect(page.text.contains("gemeld door \(who == .ngo ? "ngo" : "gemeente")"), "\(who)")
                case .ind:
                    #expect(response.status == .ok)
                    let procedures = try #require(try response.decoded(CaseDTO.self).procedures)
                    #expect(procedures.first?.decisionReportedBy == nil)
                    #expect(!page.text.contains("gemeld door"))
                default:
                    #expect(response.status == .forbidden, "\(who) \(response.status)")
                    #expect(try await web.get("/cases/\(id)/procedures/\(procedure)/decision").status == .forbidden)
                }
            }
        }
    }
}
