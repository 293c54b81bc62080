import FluentKit
import Foundation
import HTTPTypes
import HummingbirdTesting
import KoersCore
import KoersDemo
import KoersImport
import KoersStore
import NIOCore
import Testing

@testable import KoersWeb

@Suite("Importing a city's registrations")
struct ImportFlowTests {
    static let mapping = Data(
        """
        {"dateFormat": "dd-MM-yyyy",
         "columns": {"sourcePersonId": "Clientnr", "sourceTrajectoryId": "Trajectnr", "givenNames": "Voornaam",
           "surname": "Achternaam", "birthDate": "Geboortedatum", "nationality": "Nationaliteit",
           "gender": "Geslacht", "referredOn": "Aanmelding", "admission": "Toelating",
           "admissionDate": "Datum besluit", "outflowDate": "Uitstroom", "outflowReason": "Reden uitstroom"},
         "codes": {"gender": {"M": "male", "V": "female"}, "admission": {"Ja": "admit", "Nee": "reject"},
           "outflowReason": {"Terugkeer": "independentDeparture", "Onbekend": "leftUnknown"}}}
        """.utf8
    )
    static let header =
        "Clientnr;Trajectnr;Voornaam;Achternaam;Geboortedatum;Nationaliteit;Geslacht;Aanmelding;Toelating;"
        + "Datum besluit;Uitstroom;Reden uitstroom"

    static func file(_ rows: [String]) -> Data { Data(([header] + rows).joined(separator: "\n").utf8) }

    static let first = file([
        "P1;T1;Amal;Haddad;1991;SYR;V;03-02-2020;Ja;10-02-2020;15-09-2020;Terugkeer",
        "P1;T2;Amal;Haddad;1991;SYR;V;05-01-2022;Ja;20-01-2022;;",
        "P2;T3;;Tesfay;1988;ERI;M;01-03-2020;Nee;10-03-2020;;",
    ])

    @Test(
        "Commit, the same file again changes nothing, a corrected file only corrects",
        arguments: TestDatabase.available
    )
    func idempotentAndCorrecting(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, client in
            let municipality = app.account(.municipality).actor
            let utrecht = try #require(municipality.locationIds.first)
            let imports = app.services.imports
            let db = app.services.database.db
            let plan = try await imports.plan(file: Self.first, mapping: Self.mapping, at: utrecht, actor: municipality)
            #expect(plan.trajectories.count == 3 && plan.errorRows == 0)
            let outcome = try await imports.commit(plan, fileName: "utrecht-2020.csv", at: utrecht, actor: municipality)
            #expect(outcome.created == 3 && outcome.newPersons == 2)
            let events = try await CaseEventModel.query(on: db).count()

            // The same file again: nothing written.
            let again = try await imports.commit(plan, fileName: "utrecht-2020.csv", at: utrecht, actor: municipality)
            #expect(again == ImportOutcome(unchanged: 3))
            #expect(try await CaseEventModel.query(on: db).count() == events)

            // A corrected file: T1 left with unknown destination, T2 has left since.
            let corrected = Self.file([
                "P1;T1;Amal;Haddad;1991;SYR;V;03-02-2020;Ja;10-02-2020;15-09-2020;Onbekend",
                "P1;T2;Amal;Haddad;1991;SYR;V;05-01-2022;Ja;20-01-2022;01-03-2022;Terugkeer",
                "P2;T3;;Tesfay;1988;ERI;M;01-03-2020;Nee;10-03-2020;;",
            ])
            let second = try await imports.plan(
                file: corrected,
                mapping: Self.mapping,
                at: utrecht,
                actor: municipality
            )
            let changed = try await imports.commit(
                second,
                fileName: "utrecht-2022.csv",
                at: utrecht,
                actor: municipality
            )
            #expect(changed == ImportOutcome(corrections: 1, added: 1, unchanged: 1))
            #expect(try await CaseEventModel.query(on: db).count() == events + 2)

            // The person's two trajectories are linked; the timeline shows where each fact came from.
            let keys = try await ImportKeyModel.query(on: db).filter(\.$locationId == utrecht).all()
            let id = { (source: String) in keys.first { $0.sourceTrajectoryId == source }!.trajectoryId }
            let t2 = try #require(try await app.services.cases.load(id("T2"), context: nil))
            #expect(t2.file.previousTrajectoryId == id("T1") && t2.file.stage == .outflow)
            #expect(keys.first { $0.sourceTrajectoryId == "T1" }?.personId == t2.file.personId)
            var web = WebClient(client)
            _ = try await web.login(app.account(.municipality).email)
            let page = try await web.get("/cases/\(id("T1").uuidString.lowercased())").text
            #expect(page.contains("bron: import: utrecht-2020.csv") && page.contains("bron: import: utrecht-2022.csv"))
            #expect(page.contains("Gecorrigeerd: "))

            // Only the location's municipality and NGO import there.
            for other in [app.account(.ind).actor, app.account(.ngo, "amsterdam").actor] {
                await #expect(throws: AppError.self) {
                    _ = try await imports.plan(file: Self.first, mapping: Self.mapping, at: utrecht, actor: other)
                }
            }
        }
    }
}

extension ImportFlowTests {
    @Test("The web page: a wrong upload named, the dry run's report, the commit", arguments: [TestDatabase.sqlite])
    func webDryRunAndCommit(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, client in
            let utrecht = try #require(app.account(.municipality).actor.locationIds.first).uuidString.lowercased()
            var web = WebClient(client)
            _ = try await web.login(app.account(.municipality).email)
            #expect(try await web.get("/imports").text.contains("Registraties importeren"))
            // The example mapping is Amsterdam's sample mapping, and it reads.
            let example = try await web.get("/imports/mapping-example.json")
            let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("Fixtures/import/amsterdam.json")
            #expect(example.text == (try String(contentsOf: fixture, encoding: .utf8)))
            #expect((try? ImportMapping.parse(Data(example.text.utf8))) != nil)
            // Without the mapping, and with a file that is no table: every field named.
            let missing = try await web.postFiles(
                "/imports",
                fields: [("locationId", utrecht)],
                files: [("file", "leeg.csv", "")]
            )
            #expect(missing.status == .unprocessableContent)
            #expect(missing.text.contains("Kies het koppelbestand."))
            let text = String(decoding: Self.first, as: UTF8.self)
            let mapping = String(decoding: Self.mapping, as: UTF8.self)
            let wrongColumns = try await web.postFiles(
                "/imports",
                fields: [("locationId", utrecht)],
                files: [("file", "u.csv", "a;b\n1;2\n"), ("mapping", "m.json", mapping)]
            )
            #expect(wrongColumns.status == .unprocessableContent && wrongColumns.text.contains("mist de kolommen"))
            // The dry run, then the commit from its page.
            let report = try await web.postFiles(
                "/imports",
                fields: [("locationId", utrecht)],
                files: [("file", "utrecht-2020.csv", text), ("mapping", "utrecht.json", mapping)]
            )
            #expect(
                report.status == .ok && report.text.contains("3 rijen voor LVV Utrecht: 2 goed, 1 met een waarschuwing")
            )
            let action = try #require(report.text.firstMatch(of: /action="(\/imports\/[0-9a-f-]+\/commit)"/)?.1)
            #expect(try await ImportKeyModel.query(on: app.services.database.db).count() == 0)
            // Another user cannot commit this upload.
            var other = WebClient(client)
            _ = try await other.login(app.account(.ngo).email)
            #expect(try await other.post(String(action), []).status == .notFound)
            let done = try await web.post(String(action), [])
            #expect(done.text.contains("Vastgelegd: 3 nieuwe trajecten (2 nieuwe personen)"))
            #expect(try await ImportKeyModel.query(on: app.services.database.db).count() == 3)
            // The upload is gone once committed.
            #expect(try await web.post(String(action), []).status == .notFound)
        }
    }
}

extension AccessMatrixTests {
    @Test("Every party against the import page, its dry run and its commit", arguments: [TestDatabase.sqlite])
    func imports(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, client in
            let utrecht = try #require(app.account(.municipality).actor.locationIds.first).uuidString.lowercased()
            let file = String(decoding: ImportFlowTests.first, as: UTF8.self)
            let mapping = String(decoding: ImportFlowTests.mapping, as: UTF8.self)
            for who in Who.allCases {
                var web = WebClient(client)
                if let account = who.account(app) { _ = try await web.login(account.email) }
                let page = try await web.get("/imports")
                let example = try await web.get("/imports/mapping-example.json")
                #expect(example.status == page.status, "\(who) GET /imports/mapping-example.json")
                let dryRun = try await web.postFiles(
                    "/imports",
                    fields: [("locationId", utrecht)],
                    files: [("file", "u.csv", file), ("mapping", "m.json", mapping)]
                )
                switch who {
                case .ngo, .municipality:
                    #expect(page.status == .ok && dryRun.status == .ok, "\(who)")
                case .ngoAmsterdam:
                    // Its own location's page, but not Utrecht's data.
                    #expect(page.status == .ok && dryRun.status == .unprocessableContent, "\(who)")
                case .anonymous:
                    #expect(page.status == .seeOther && page.location == "/login")
                default:
                    #expect(page.status == .notFound && dryRun.status == .notFound, "\(who)")
                }
                let commit = try await web.post("/imports/\(UUID().uuidString.lowercased())/commit", [])
                #expect(commit.status == (who == .anonymous ? .seeOther : .notFound), "\(who) commit")
            }
            #expect(try await ImportKeyModel.query(on: app.services.database.db).count() == 0)
        }
    }
}
