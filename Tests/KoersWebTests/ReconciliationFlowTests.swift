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

@Suite("Reconciling with the agencies' lists")
struct ReconciliationFlowTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func fixture(_ path: String) throws -> Data {
        try Data(contentsOf: fixtures.appendingPathComponent(path))
    }

    /// Amsterdam's sample registration, committed by its municipality; row 17 (planted wrong) stays out.
    static func importAmsterdam(_ app: TestApp) async throws -> UUID {
        let municipality = app.account(.municipality, "amsterdam").actor
        let amsterdam = try #require(municipality.locationIds.first)
        let plan = try await app.services.imports.plan(
            file: try fixture("import/amsterdam.csv"),
            mapping: try fixture("import/amsterdam.json"),
            at: amsterdam,
            actor: municipality
        )
        _ = try await app.services.imports.commit(plan, fileName: "amsterdam.csv", at: amsterdam, actor: municipality)
        return amsterdam
    }

    @Test("The IND's list shows exactly its five planted discrepancies", arguments: TestDatabase.available)
    func indList(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, _ in
            let amsterdam = try await Self.importAmsterdam(app)
            let actor = app.account(.municipality, "amsterdam").actor
            let (list, result) = try await app.services.reconciliations.compare(
                file: try Self.fixture("reconcile/ind-amsterdam.csv"),
                source: .ind,
                at: amsterdam,
                actor: actor
            )
            #expect(list.rejected.isEmpty)
            #expect(result.count(.differs) == 3)
            #expect(result.count(.notInKoers) == 1)
            #expect(result.count(.notInList) == 1)
            #expect(result.unknownVNumbers == 3)
            #expect(result.count(.agrees) == list.facts.count - 3 - 4)
            let fields = result.lines.filter { $0.status == .differs }.map { $0.differences.map(\.field).sorted() }
            #expect(Set(fields) == [["decidedOn"], ["outcome"], ["decidedOn", "outcome"]])
            // The unknown V-nummers appear in no line.
            #expect(!result.lines.contains { $0.vNumber.digits.hasPrefix("999000000") })
        }
    }

    @Test(
        "The municipality resolves each line on the page; the cases follow and the monitor shows the share",
        arguments: TestDatabase.available
    )
    func resolveOnThePage(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, client in
            let amsterdam = try await Self.importAmsterdam(app).uuidString.lowercased()
            var web = WebClient(client)
            _ = try await web.login(app.account(.municipality, "amsterdam").email)
            #expect(try await web.get("/cases").text.contains("href=\"/reconciliations\""))
            // Nothing chosen: every field named at once.
            let empty = try await web.postFiles("/reconciliations", files: [])
            #expect(empty.status == .unprocessableContent)
            #expect(empty.text.contains("Kies van wie de lijst is.") && empty.text.contains("Kies het bestand."))
            let list = String(decoding: try Self.fixture("reconcile/ind-amsterdam.csv"), as: UTF8.self)
            let uploaded = try await web.postFiles(
                "/reconciliations",
                fields: [("locationId", amsterdam), ("source", "ind")],
                files: [("file", "ind-amsterdam.csv", list)]
            )
            #expect(uploaded.status == .seeOther)
            let path = try #require(uploaded.location)
            var page = try await web.get(path).text
            #expect(page.contains("Te beoordelen (5)") && page.contains("alleen geteld): 3"))

            let runId = try #require(UUID(uuidString: String(path.split(separator: "/").last!)))
            let run = try await app.services.reconciliations.reconciliation(
                runId,
                actor: app.account(.municipality, "amsterdam").actor
            )
            let open = run.lines.filter(\.isOpen)
            #expect(open.count == 5)
            func action(_ line: Reconciliation.Line) -> String {
                "\(path)/lines/\(line.id.uuidString.lowercased())"
            }
            // Explaining without a note, and accepting what only Koers holds: refused, named.
            let onlyKoers = try #require(open.first { $0.line.status == .notInList })
            let refused = try await web.post(action(onlyKoers), [("resolution", "accepted")])
            #expect(refused.status == .unprocessableContent && refused.text.contains("kan alleen worden verklaard"))
            let noNote = try await web.post(action(onlyKoers), [("resolution", "explained")])
            #expect(noNote.status == .unprocessableContent && noNote.text.contains("Licht toe waarom"))
            let explained = try await web.post(
                action(onlyKoers),
                [("resolution", "explained"), ("note", "Aanvraag ingetrokken vóór registratie bij de IND.")]
            )
            #expect(explained.status == .seeOther)

            let events = try await CaseEventModel.query(on: app.services.database.db).count()
            for line in open where line.line.mayAccept {
                let accepted = try await web.post(action(line), [("resolution", "accepted")])
                #expect(accepted.status == .seeOther)
            }
            // Two corrections (a date, an outcome), a decision Koers lacked, and a new application
            // with its decision.
            #expect(try await CaseEventModel.query(on: app.services.database.db).count() == events + 5)
            page = try await web.get(path).text
            #expect(page.contains("Te beoordelen (0)") && page.contains("Afgehandeld (5)"))
            #expect(page.contains("Aanvraag ingetrokken vóór registratie bij de IND."))

            // The case of the new application shows it, from the IND's list.
            let newApplication = try #require(open.first { $0.line.status == .notInKoers })
            let case_ = try #require(
                try await app.services.cases.firstFiles(at: UUID(uuidString: amsterdam)!, stage: .active, count: 10_000)
                {
                    $0.identity.vNumber == newApplication.line.vNumber
                }.first
            )
            #expect(case_.procedures.contains { $0.kind == .hasa && $0.outcome == .rejected })
            let casePage = try await web.get("/cases/\(case_.id.uuidString.lowercased())").text
            #expect(casePage.contains("opgave van IND, ind-amsterdam.csv"))

            // The same list again: what was accepted agrees now, the explanation carries over.
            let again = try await web.postFiles(
                "/reconciliations",
                fields: [("locationId", amsterdam), ("source", "ind")],
                files: [("file", "ind-amsterdam.csv", list)]
            )
            let second = try await web.get(try #require(again.location)).text
            #expect(second.contains("Te beoordelen (0)") && second.contains("Verschilt: 0"))

            // The monitor shows the share reconciled per location.
            var monitor = WebClient(client)
            _ = try await monitor.login(app.account(.monitor, nil).email)
            let figures = try await monitor.get("/monitor").text
            #expect(figures.contains("Afgestemd met de ketenpartners") && figures.contains("100%"))
        }
    }

    @Test(
        "DT&V's departures: a later date and an unknown destination that was a departure",
        arguments: [TestDatabase.sqlite]
    )
    func dtvList(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, _ in
            let amsterdam = try await Self.importAmsterdam(app)
            let actor = app.account(.municipality, "amsterdam").actor
            let service = app.services.reconciliations
            let data = try Self.fixture("reconcile/dtv-amsterdam.csv")
            let (_, result) = try await service.compare(file: data, source: .dtv, at: amsterdam, actor: actor)
            let differs = result.lines.filter { $0.status == .differs }
            #expect(Set(differs.map { $0.differences.map(\.field) }) == [["leftOn"], ["reason"]])
            #expect(result.count(.notInKoers) == 0 && result.count(.notInList) == 0)
            // Accepting the departure corrects the outflow: a durable solution now.
            let id = try await service.upload(file: data, named: "dtv.csv", source: .dtv, at: amsterdam, actor: actor)
            let run = try await service.reconciliation(id, actor: actor)
            let line = try #require(run.lines.first { $0.line.differences.map(\.field) == ["reason"] })
            try await service.resolve(
                id,
                line: line.id,
                input: FormInput(single: ["resolution": "accepted"]),
                actor: actor
            )
            let trajectory = try #require(line.line.registered?.trajectoryId)
            let file = try #require(try await app.services.cases.load(trajectory, context: nil)).file
            #expect(file.outflow?.reasonCode == "independentDeparture" && file.outflow?.category == .durable)
            #expect(file.corrections.last?.source == FactSource(kind: .agency, reference: "DT&V, dtv.csv"))
            // Resolved once only.
            await #expect(throws: AppError.self) {
                try await service.resolve(
                    id,
                    line: line.id,
                    input: FormInput(single: ["resolution": "accepted"]),
                    actor: actor
                )
            }
        }
    }
}

extension AccessMatrixTests {
    @Test(
        "Every party against reconciliation: the page, an upload, a comparison and a resolution",
        arguments: [TestDatabase.sqlite]
    )
    func reconciliations(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, client in
            let municipality = app.account(.municipality).actor
            let utrecht = try #require(municipality.locationIds.first)
            try await app.referral(vNumber: "1234567890")
            let list = "V-nummer;Ingediend;Besluitdatum;Uitkomst\n1234567890;2026-05-05;;\n"
            let run = try await app.services.reconciliations.upload(
                file: Data(list.utf8),
                named: "ind.csv",
                source: .ind,
                at: utrecht,
                actor: municipality
            )
            let line = try #require(
                try await app.services.reconciliations.reconciliation(run, actor: municipality).lines.first
            )
            #expect(line.line.status == .notInKoers)
            let path = "/reconciliations/\(run.uuidString.lowercased())"
            for who in Who.allCases {
                var web = WebClient(client)
                if let account = who.account(app) { _ = try await web.login(account.email) }
                let index = try await web.get("/reconciliations")
                let page = try await web.get(path)
                let upload = try await web.postFiles(
                    "/reconciliations",
                    fields: [("locationId", utrecht.uuidString.lowercased()), ("source", "ind")],
                    files: [("file", "ind.csv", list)]
                )
                let resolve = try await web.post(
                    "\(path)/lines/\(line.id.uuidString.lowercased())",
                    [("resolution", "explained"), ("note", "Nog niet bij de IND bekend.")]
                )
                let statuses = [index.status, page.status, upload.status, resolve.status]
                switch who {
                case .municipality:
                    #expect(statuses == [.ok, .ok, .seeOther, .seeOther], "\(who)")
                case .anonymous:
                    #expect(statuses == [.seeOther, .seeOther, .seeOther, .seeOther], "\(who)")
                    #expect(index.location == "/login")
                default:
                    #expect(statuses == [.notFound, .notFound, .notFound, .notFound], "\(who)")
                }
            }
            // Only the municipality's upload was kept, and only its resolution written.
            #expect(try await ReconciliationModel.query(on: app.services.database.db).count() == 2)
            let resolved = try await app.services.reconciliations.reconciliation(run, actor: municipality)
            #expect(resolved.lines.first?.resolution == .explained)
        }
    }
}
