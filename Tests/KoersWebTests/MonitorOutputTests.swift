import FluentKit
import Foundation
import HTTPTypes
import HummingbirdTesting
import KoersCore
import KoersDemo
import Testing

@testable import KoersStore
@testable import KoersWeb

/// The monitor's outputs are stored in the database and served again while nothing relevant
/// changed; a change deletes exactly the reference dates it can alter.
@Suite("Stored monitor outputs")
struct MonitorOutputTests {
    static func stored(_ app: TestApp) async throws -> [String: Date] {
        let rows = try await MonitorOutputModel.query(on: app.services.database.db).all()
        return Dictionary(
            uniqueKeysWithValues: rows.filter { !$0.body.isEmpty }.map {
                ("\($0.peildatum) \($0.variant)", $0.computedAt)
            }
        )
    }

    @Test("Repeat visits are served from the store; changes delete what they affect", arguments: TestDatabase.available)
    func storedOutputs(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, client in
            let file = try await app.admitted(surname: "Geteld")
            var monitor = WebClient(client)
            _ = try await monitor.login(app.account(.monitor, nil).email)
            let first = try await monitor.get("/monitor?peildatum=2026-04-01")
            #expect(first.status == .ok && first.text.contains("Cijfers berekend op"))
            _ = try await monitor.get("/monitor/download/csv?peildatum=2026-04-01")
            _ = try await monitor.get("/monitor?peildatum=2026-07-01")
            let kept = try await Self.stored(app)
            #expect(
                Set(kept.keys) == [
                    "2026-04-01 page-nl-2026-06-15", "2026-04-01 csv-nl", "2026-07-01 page-nl-2026-06-15",
                ]
            )
            // A repeat visit: the same output, computed at the same moment.
            let again = try await monitor.get("/monitor?peildatum=2026-04-01")
            #expect(again.text == first.text)
            let keptAgain = try await Self.stored(app)
            #expect(keptAgain == kept)

            // A change that takes effect after 1 April leaves that report; the July one goes.
            let ngo = app.account(.ngo).actor
            let perspective = FormInput(single: ["perspective": "legalisation", "decidedOn": "2026-06-01"])
            _ = try await app.services.service.perform(
                .perspective,
                on: file.id,
                input: perspective,
                expectedVersion: nil,
                actor: ngo
            )
            #expect(Set(try await Self.stored(app).keys) == ["2026-04-01 page-nl-2026-06-15", "2026-04-01 csv-nl"])
            // A referral registered today but dated 15 March alters the April report too.
            let referral = FormInput(single: [
                "givenNames": "Amal", "surname": "Laat", "nationality": "SYR", "gender": "female", "birthDate": "1985",
                "channel": "ngo", "referredOn": "2026-03-15",
            ])
            _ = try await app.services.service.refer(referral, actor: ngo)
            #expect(try await Self.stored(app).isEmpty)
            let recomputed = try await monitor.get("/monitor?peildatum=2026-04-01")
            let storedAgain = try await Self.stored(app)
            #expect(recomputed.status == .ok && !storedAgain.isEmpty)

            // A policy change applies to every report.
            let utrecht = try #require(app.account(.municipality).actor.locationIds.first)
            _ = try await app.services.service.setDeadlinePolicy(
                FormInput(single: ["reviewEveryWeeks": "8"]),
                for: utrecht,
                actor: app.account(.municipality).actor
            )
            #expect(try await Self.stored(app).isEmpty)
        }
    }

    @Test(
        "A change made while a report is computed keeps the report from being stored",
        arguments: TestDatabase.available
    )
    func claimOvertaken(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, _ in
            let outputs = app.services.cases.monitorOutputs
            let day = Day("2026-07-01")!
            let claim = try #require(try await outputs.reserve(peildatum: day, k: 5, variant: "csv-nl", at: Date()))
            // Another instance computing the same output meanwhile gets no claim.
            #expect(try await outputs.reserve(peildatum: day, k: 5, variant: "csv-nl", at: Date()) == nil)
            _ = try await app.admitted(surname: "Tussendoor")
            try await outputs.fill(claim, body: Data("oud".utf8), computedAt: Date())
            #expect(try await outputs.stored(peildatum: day, k: 5, variant: "csv-nl") == nil)
        }
    }
}
