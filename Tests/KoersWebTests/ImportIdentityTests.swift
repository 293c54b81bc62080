import FluentKit
import Foundation
import HTTPTypes
import HummingbirdTesting
import KoersCore
import KoersDemo
import KoersImport
import KoersStore
import Testing

@testable import KoersWeb

@Suite("Identity at import")
struct ImportIdentityTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/import")

    static func commit(_ app: TestApp, _ city: String, _ file: String) async throws -> ImportOutcome {
        let actor = app.account(.municipality, city).actor
        let location = try #require(actor.locationIds.first)
        let plan = try await app.services.imports.plan(
            file: try Data(contentsOf: fixtures.appendingPathComponent(file)),
            mapping: try Data(contentsOf: fixtures.appendingPathComponent("\(city).json")),
            at: location,
            actor: actor
        )
        return try await app.services.imports.commit(plan, fileName: file, at: location, actor: actor)
    }

    @Test(
        "Possible matches within a file and with another location go to the municipality, which decides them",
        arguments: TestDatabase.available
    )
    func matchesAreReviewed(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, client in
            let db = app.services.database.db
            let amsterdam = try await Self.commit(app, "amsterdam", "amsterdam.csv")
            let utrecht = try await Self.commit(app, "utrecht", "utrecht.csv")
            #expect(amsterdam.possibleDuplicates >= 1 && utrecht.possibleDuplicates >= 1)
            // Every imported row is in the linkage index.
            #expect(try await LinkageEntryModel.query(on: db).count() == amsterdam.created + utrecht.created)
            let persons = try await PersonModel.query(on: db).count()

            // Amsterdam's own double registration: both in its file, so the page shows both cases.
            let municipality = app.account(.municipality, "amsterdam")
            let twice = try #require(
                try await app.services.duplicates.importReviews(actor: municipality.actor).items.first {
                    $0.other.strength == "high" && $0.otherRecord != nil
                }
            )
            var web = WebClient(client)
            _ = try await web.login(municipality.email)
            let queue = try await web.get("/duplicates").text
            #expect(queue.contains("Gevonden bij een import") && queue.contains(twice.record.file.identity.displayName))
            let action = "/duplicates/imports/\(twice.review.id.uuidString.lowercased())"
            let linked = try await web.post(action, [("resolution", "samePersonLinked")])
            #expect(linked.status == .seeOther)
            let one = try #require(try await app.services.cases.load(twice.record.file.id, context: nil)).file
            let other = try #require(try await app.services.cases.load(twice.otherRecord!.file.id, context: nil)).file
            #expect(one.personId == other.personId)
            #expect(try await PersonModel.query(on: db).count() == persons - 1)
            let casePage = try await web.get("/cases/\(one.id.uuidString.lowercased())").text
            #expect(casePage.contains("Dezelfde persoon: registraties aan elkaar gekoppeld"))
            // Decided once: the same review again is gone.
            #expect(try await web.post(action, [("resolution", "samePersonLinked")]).status == .notFound)

            // Utrecht's person also registered in Amsterdam: Amsterdam's data is not shown.
            let utrechtAccount = app.account(.municipality, "utrecht")
            let elsewhere = try #require(
                try await app.services.duplicates.importReviews(actor: utrechtAccount.actor).items.first {
                    $0.other.strength == "high"
                }
            )
            #expect(elsewhere.otherRecord == nil && elsewhere.other.locationName == "LVV Amsterdam")
            #expect(elsewhere.other.agreeingFields.contains("vNumber"))
            var utrechtWeb = WebClient(client)
            _ = try await utrechtWeb.login(utrechtAccount.email)
            let page = try await utrechtWeb.get("/duplicates").text
            #expect(page.contains("Registratie bij LVV Amsterdam") && page.contains("worden niet getoond"))
            // Amsterdam may not decide Utrecht's review; Utrecht's NGO sees no queue.
            let utrechtAction = "/duplicates/imports/\(elsewhere.review.id.uuidString.lowercased())"
            #expect(try await web.post(utrechtAction, [("resolution", "notSamePerson")]).status == .notFound)
            var ngo = WebClient(client)
            _ = try await ngo.login(app.account(.ngo, "utrecht").email)
            #expect(try await ngo.get("/duplicates").status == .notFound)
            // Not the same person needs its reason; then it is remembered.
            let noNote = try await utrechtWeb.post(utrechtAction, [("resolution", "notSamePerson")])
            #expect(noNote.status == .unprocessableContent && noNote.text.contains("Licht toe waarom"))
            let decided = try await utrechtWeb.post(
                utrechtAction,
                [("resolution", "notSamePerson"), ("note", "Andere ouders volgens het dossier.")]
            )
            #expect(decided.status == .seeOther)
            #expect(try await LinkageDecisionModel.query(on: db).count() == 1)

            // The same file again finds nothing new.
            let open = try await LinkageReviewModel.query(on: db).count()
            let again = try await Self.commit(app, "amsterdam", "amsterdam.csv")
            #expect(again.possibleDuplicates == 0 && again.created == 0)
            #expect(try await LinkageReviewModel.query(on: db).count() == open)
        }
    }
}

extension AccessMatrixTests {
    @Test(
        "Every party against the review queue's decision on a match an import found",
        arguments: [TestDatabase.sqlite]
    )
    func importMatchDecisions(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, client in
            _ = try await ImportIdentityTests.commit(app, "amsterdam", "amsterdam.csv")
            _ = try await ImportIdentityTests.commit(app, "utrecht", "utrecht.csv")
            let reviews = try await app.services.duplicates.importReviews(actor: app.account(.municipality).actor).items
            #expect(reviews.count >= Who.allCases.count)
            // Each party tries its own open review, so a refusal is the policy's, not a closed review's.
            for (who, item) in zip(Who.allCases, reviews) {
                var web = WebClient(client)
                if let account = who.account(app) { _ = try await web.login(account.email) }
                let queue = try await web.get("/duplicates")
                let decision = try await web.post(
                    "/duplicates/imports/\(item.review.id.uuidString.lowercased())",
                    [("resolution", "notSamePerson"), ("note", "Andere geboortedatum in het paspoort.")]
                )
                switch who {
                case .municipality:
                    #expect(queue.status == .ok && decision.status == .seeOther, "\(who)")
                case .anonymous:
                    #expect(queue.status == .seeOther && decision.status == .seeOther, "\(who)")
                default:
                    #expect(queue.status == .notFound && decision.status == .notFound, "\(who)")
                }
            }
            // Only the municipality's decision was written.
            #expect(try await LinkageDecisionModel.query(on: app.services.database.db).count() == 1)
        }
    }
}
