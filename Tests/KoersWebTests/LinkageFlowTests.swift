import FluentKit
import Foundation
import HTTPTypes
import HummingbirdTesting
import KoersCore
import KoersDemo
import KoersStore
import SQLKit
import Testing

@testable import KoersWeb

@Suite("One person, one registration: identification and the intake's linkage check")
struct LinkageFlowTests {
    /// An admitted Utrecht case, the way the service registers it.
    static func utrechtCase(
        _ app: TestApp,
        given: String,
        surname: String,
        nationality: String,
        birthDate: String,
        vNumber: String?
    ) async throws -> CaseFile {
        let actor = app.account(.ngo).actor
        var values = [
            "givenNames": given, "surname": surname, "nationality": nationality, "gender": "male",
            "birthDate": birthDate, "channel": "ngo", "referredOn": "2026-05-01",
        ]
        values["vNumber"] = vNumber
        let file = try await app.services.service.refer(FormInput(single: values), actor: actor)
        var intake = Fixtures.intake
        for (k, v) in values where ["givenNames", "surname", "nationality", "birthDate", "vNumber"].contains(k) {
            intake[k] = v
        }
        _ = try await app.services.service.perform(
            .intake,
            on: file.id,
            input: FormInput(single: intake),
            expectedVersion: nil,
            actor: actor
        )
        return try await app.services.service.perform(
            .admission,
            on: file.id,
            input: FormInput(single: ["outcome": "admit", "decidedOn": "2026-05-10"]),
            expectedVersion: nil,
            actor: actor
        )
    }

    /// A new referral at Amsterdam through the service.
    static func amsterdamReferral(
        _ app: TestApp,
        given: String,
        surname: String,
        nationality: String,
        birthDate: String
    ) async throws -> CaseFile {
        try await app.services.service.refer(
            FormInput(single: [
                "givenNames": given, "surname": surname, "nationality": nationality, "gender": "male",
                "birthDate": birthDate, "channel": "desk", "referredOn": "2026-06-15",
            ]),
            actor: app.account(.ngo, "amsterdam").actor
        )
    }

    @Test(
        """
        AVIM identifies; Amsterdam sees Utrecht's registration under another spelling and asks for a transfer; \
        Utrecht accepts
        """,
        arguments: TestDatabase.available
    )
    func shopping(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, client in
            let utrecht = try await Self.utrechtCase(
                app,
                given: "Mohammed",
                surname: "Al-Hassan",
                nationality: "IRQ",
                birthDate: "1991-04-12",
                vNumber: "1234567890"
            )
            let u = utrecht.id.uuidString.lowercased()

            // The AVIM records identification, every error at once first; the V-nummer is corrected.
            var avim = WebClient(client)
            _ = try await avim.login("avim.utrecht@demo.koers.nl")
            var r = try await avim.post(
                "/cases/\(u)/biometrics",
                [
                    ("identified", "yes"), ("identifiedOn", ""), ("vNumberCheck", "corrected"), ("vNumber", "12"),
                    ("version", String(utrecht.version)),
                ]
            )
            #expect(r.status == .unprocessableContent)
            #expect(r.text.contains("f-identifiedOn") && r.text.contains("Een V-nummer heeft precies 10 cijfers."))
            r = try await avim.post(
                "/cases/\(u)/biometrics",
                [
                    ("identified", "yes"), ("identifiedOn", "2026-06-01"), ("vNumberCheck", "corrected"),
                    ("vNumber", "1234567891"), ("version", String(utrecht.version)),
                ]
            )
            #expect(r.status == .seeOther)
            r = try await avim.get("/cases/\(u)")
            #expect(
                r.text.contains("Biometrisch geïdentificeerd op 2026-06-01, v-nummer gecorrigeerd (AVIM)")
                    && r.text.contains("1234567891")
            )
            var ngoUtrecht = WebClient(client)
            _ = try await ngoUtrecht.login("ngo.utrecht@demo.koers.nl")
            #expect(
                try await ngoUtrecht.post(
                    "/cases/\(u)/biometrics",
                    [("identified", "no"), ("identifiedOn", "2026-06-01")]
                ).status == .forbidden
            )

            // Amsterdam registers the same man as "Muhammad El Hassan", born "1991", no V-nummer.
            let amsterdam = try await Self.amsterdamReferral(
                app,
                given: "Muhammad",
                surname: "El Hassan",
                nationality: "IRQ",
                birthDate: "1991"
            )
            let a = amsterdam.id.uuidString.lowercased()
            var ngoAmsterdam = WebClient(client)
            _ = try await ngoAmsterdam.login("ngo.amsterdam@demo.koers.nl")
            r = try await ngoAmsterdam.get("/cases/\(a)")
            #expect(
                r.text.contains("Mogelijke registratie bij LVV Utrecht") && r.text.contains("actief sinds 2026-05-10")
            )
            #expect(r.text.contains("Overeenkomend: ") && r.text.contains("nationaliteit"))
            for secret in ["Mohammed", "Al-Hassan", "1991-04-12", "1234567891", "1234567890"] {
                #expect(!r.text.contains(secret), "Amsterdam's page shows Utrecht's \(secret)")
            }
            let entry = try #require(r.text.firstMatch(of: /name="entryId" value="([0-9a-f-]+)"/)?.1).description

            // Every error at once, then the decision: same person, ask Utrecht for a transfer.
            r = try await ngoAmsterdam.post("/cases/\(a)/duplicates", [("entryId", entry), ("version", "1")])
            // Field ids are scoped by the entry: a page with two possible registrations has two forms.
            #expect(
                r.status == .unprocessableContent && r.text.contains("href=\"#f-\(entry.suffix(8))-resolution\"")
                    && r.text.contains("id=\"f-\(entry.suffix(8))-resolution\"")
            )
            let before = try await app.counts()
            r = try await ngoAmsterdam.post(
                "/cases/\(a)/duplicates",
                [("entryId", entry), ("resolution", "samePersonTransfer"), ("version", "1")]
            )
            #expect(r.status == .seeOther)
            let closed = try #require(try await app.services.cases.load(amsterdam.id, context: nil)).file
            #expect(closed.stage == .rejected && closed.admission?.rejectionReason == .activeElsewhere)
            #expect(closed.duplicateResolutions.map(\.kind) == [.samePersonTransfer])
            let moved = try #require(try await app.services.cases.load(utrecht.id, context: nil)).file
            let pending = try #require(moved.pendingTransfer)
            #expect(pending.askedByReceiver == true && pending.toLocationId == amsterdam.locationId)
            #expect(
                try await app.counts()["events"] == before["events"]! + 3,
                "decision, closing and the transfer request: one transaction"
            )

            // Amsterdam sees the request but not Utrecht's data, and may not decide it; Utrecht decides.
            r = try await ngoAmsterdam.get("/transfers")
            #expect(r.text.contains("Gevraagde overdracht na de koppelingscontrole") && !r.text.contains("Al-Hassan"))
            #expect(
                try await ngoAmsterdam.post(
                    "/transfers/\(pending.id.uuidString.lowercased())/decision",
                    [("decision", "accept")]
                ).status == .forbidden
            )
            r = try await ngoUtrecht.get("/transfers")
            #expect(
                r.text.contains("Mohammed Al-Hassan")
                    && r.text.contains("/transfers/\(pending.id.uuidString.lowercased())/decision")
            )
            r = try await ngoUtrecht.post(
                "/transfers/\(pending.id.uuidString.lowercased())/decision",
                [("decision", "accept"), ("note", "Hij woont nu in Amsterdam.")]
            )
            #expect(r.status == .seeOther)
            r = try await ngoAmsterdam.get("/cases/\(u)")
            #expect(r.status == .ok && r.text.contains("Mohammed Al-Hassan") && r.text.contains("LVV Amsterdam"))
            #expect(try await ngoUtrecht.get("/cases/\(u)").status == .notFound)
        }
    }

    @Test(
        "Not the same person is remembered; an unsure match goes to the municipality's queue",
        arguments: TestDatabase.available
    )
    func decisions(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, client in
            _ = try await Self.utrechtCase(
                app,
                given: "Yonas",
                surname: "Tesfamariam",
                nationality: "ERI",
                birthDate: "1990-03-02",
                vNumber: nil
            )
            let first = try await Self.amsterdamReferral(
                app,
                given: "Yonas",
                surname: "Tesfamaryam",
                nationality: "ERI",
                birthDate: "1990-03-02"
            )
            let a = first.id.uuidString.lowercased()
            var ngo = WebClient(client)
            _ = try await ngo.login("ngo.amsterdam@demo.koers.nl")
            var r = try await ngo.get("/cases/\(a)")
            #expect(r.text.contains("Mogelijke registratie bij LVV Utrecht") && r.text.contains("sterkte hoog"))
            let entry = try #require(r.text.firstMatch(of: /name="entryId" value="([0-9a-f-]+)"/)?.1).description
            // A strong match is not sent to review; "not the same" needs a reason.
            r = try await ngo.post(
                "/cases/\(a)/duplicates",
                [("entryId", entry), ("resolution", "review"), ("version", "1")]
            )
            #expect(r.status == .unprocessableContent && r.text.contains("Alleen een twijfelachtige"))
            r = try await ngo.post(
                "/cases/\(a)/duplicates",
                [("entryId", entry), ("resolution", "notSamePerson"), ("version", "1")]
            )
            #expect(r.status == .unprocessableContent && r.text.contains("Licht toe waarom"))
            r = try await ngo.post(
                "/cases/\(a)/duplicates",
                [
                    ("entryId", entry), ("resolution", "notSamePerson"),
                    ("note", "Andere vingerafdrukken volgens de AVIM."), ("version", "1"),
                ]
            )
            #expect(r.status == .seeOther)
            r = try await ngo.get("/cases/\(a)")
            #expect(!r.text.contains("Mogelijke registratie bij LVV Utrecht"), "never proposed again")
            #expect(r.text.contains("Niet dezelfde persoon"), "the decision is in the timeline")
            let decisions = try await LinkageDecisionModel.query(on: app.services.database.db).count()
            #expect(decisions == 1)

            // An unsure match: the surname written otherwise, another nationality recorded.
            _ = try await Self.utrechtCase(
                app,
                given: "Habtom",
                surname: "Ghebreab",
                nationality: "ERI",
                birthDate: "1985",
                vNumber: nil
            )
            let second = try await Self.amsterdamReferral(
                app,
                given: "Habtom",
                surname: "Gebreab",
                nationality: "ETH",
                birthDate: "1985"
            )
            let b = second.id.uuidString.lowercased()
            r = try await ngo.get("/cases/\(b)")
            #expect(
                r.text.contains("Mogelijke registratie bij LVV Utrecht") && r.text.contains("sterkte middel"),
                "medium expected"
            )
            let other = try #require(r.text.firstMatch(of: /name="entryId" value="([0-9a-f-]+)"/)?.1).description
            r = try await ngo.post(
                "/cases/\(b)/duplicates",
                [("entryId", other), ("resolution", "review"), ("version", "1")]
            )
            #expect(r.status == .seeOther)
            var municipality = WebClient(client)
            _ = try await municipality.login("municipality.amsterdam@demo.koers.nl")
            r = try await municipality.get("/duplicates")
            #expect(r.status == .ok && r.text.contains("Habtom Gebreab"))
            r = try await municipality.get("/cases/\(b)")
            #expect(r.text.contains("Ter beoordeling bij de gemeente") && !r.text.contains("value=\"review\""))
            r = try await municipality.post(
                "/cases/\(b)/duplicates",
                [
                    ("entryId", other), ("resolution", "notSamePerson"),
                    ("note", "Andere ouders, andere nationaliteit."), ("version", String(second.version + 1)),
                ]
            )
            #expect(r.status == .seeOther)
            r = try await municipality.get("/duplicates")
            #expect(!r.text.contains("Habtom Gebreab"))
        }
    }

    @Test(
        """
        Through the API: identification, possible registrations without the other location's data, decisions and \
        the review queue
        """,
        arguments: TestDatabase.available
    )
    func api(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, client in
            let utrecht = try await Self.utrechtCase(
                app,
                given: "Mohammed",
                surname: "Al-Hassan",
                nationality: "IRQ",
                birthDate: "1991-04-12",
                vNumber: "1234567890"
            )
            let u = utrecht.id.uuidString

            // The AVIM: no If-Match is refused, every field error at once, then the correction.
            let avim = APIClient(client: client, token: try await app.token(.avim))
            var r = try await avim.send(
                .post,
                "/trajectories/\(u)/biometrics",
                ["identified": "yes", "identifiedOn": "2026-06-01", "vNumberCheck": "confirmed"]
            )
            #expect(r.status == .init(code: 428))
            r = try await avim.send(
                .post,
                "/trajectories/\(u)/biometrics",
                ["identified": "yes", "identifiedOn": "", "vNumberCheck": "corrected", "vNumber": "12"],
                ifMatch: "\"\(utrecht.version)\""
            )
            #expect(r.status == .badRequest && r.headers[.contentType] == "application/problem+json")
            #expect(try r.problemFields() == ["identifiedOn", "vNumber"])
            r = try await avim.send(
                .post,
                "/trajectories/\(u)/biometrics",
                [
                    "identified": "yes", "identifiedOn": "2026-06-01", "vNumberCheck": "corrected",
                    "vNumber": "1234567891",
                ],
                ifMatch: "\"\(utrecht.version)\""
            )
            #expect(r.status == .ok)
            let biometrics = try #require(try r.decoded(CaseDTO.self).biometrics)
            #expect(biometrics.vNumberCheck == .corrected && r.text.contains("1234567891"))
            let ngoUtrecht = APIClient(client: client, token: try await app.token(.ngo))
            #expect(
                try await ngoUtrecht.send(
                    .post,
                    "/trajectories/\(u)/biometrics",
                    ["identified": "no", "identifiedOn": "2026-06-01"],
                    ifMatch: "\"\(utrecht.version + 1)\""
                ).status == .forbidden
            )

            // Amsterdam's possible registration: where, since when, how strong, on what — no values.
            let amsterdam = try await Self.amsterdamReferral(
                app,
                given: "Muhammad",
                surname: "El Hassan",
                nationality: "IRQ",
                birthDate: "1991"
            )
            let a = amsterdam.id.uuidString
            let ngoAmsterdam = APIClient(client: client, token: try await app.token(.ngo, "amsterdam"))
            r = try await ngoAmsterdam.send(.get, "/trajectories/\(a)/possible-registrations")
            #expect(r.status == .ok)
            let found = try r.decoded([DuplicateAPIController.PossibleRegistrationDTO].self)
            let first = try #require(found.first)
            #expect(
                found.count == 1 && first.location == "LVV Utrecht" && first.strength == "high"
                    && first.since.description == "2026-05-10"
            )
            #expect(first.agreeingFields.contains("nationality"))
            for secret in ["Mohammed", "Al-Hassan", "1991-04-12", "1234567891", "1234567890"] {
                #expect(!r.text.contains(secret), "the API shows Utrecht's \(secret)")
            }
            #expect(try await ngoUtrecht.send(.get, "/trajectories/\(a)/possible-registrations").status == .notFound)
            let entry = first.entryId.uuidString.lowercased()

            // The decision: If-Match required; "not the same" needs a note; then a transfer is asked.
            r = try await ngoAmsterdam.send(
                .post,
                "/trajectories/\(a)/duplicate-resolutions",
                ["entryId": entry, "resolution": "samePersonTransfer"]
            )
            #expect(r.status == .init(code: 428))
            r = try await ngoAmsterdam.send(
                .post,
                "/trajectories/\(a)/duplicate-resolutions",
                ["entryId": entry, "resolution": "notSamePerson"],
                ifMatch: "\"1\""
            )
            #expect(r.status == .badRequest && r.text.contains("\"note\""))
            r = try await ngoAmsterdam.send(
                .post,
                "/trajectories/\(a)/duplicate-resolutions",
                ["entryId": entry, "resolution": "samePersonTransfer"],
                ifMatch: "\"1\""
            )
            #expect(r.status == .ok)
            let resolved = try r.decoded(CaseDTO.self)
            #expect(resolved.stage == .rejected)
            #expect(resolved.duplicateResolutions?.first?.kind == .samePersonTransfer)
            r = try await ngoUtrecht.send(.get, "/transfers")
            let transfers = try r.decoded([TransferAPIController.TransferDTO].self)
            #expect(transfers.contains { $0.trajectoryId == utrecht.id && $0.askedByReceiver })

            // An unsure match goes to the municipality's queue, which only the municipality reads.
            _ = try await Self.utrechtCase(
                app,
                given: "Habtom",
                surname: "Ghebreab",
                nationality: "ERI",
                birthDate: "1985",
                vNumber: nil
            )
            let second = try await Self.amsterdamReferral(
                app,
                given: "Habtom",
                surname: "Gebreab",
                nationality: "ETH",
                birthDate: "1985"
            )
            r = try await ngoAmsterdam.send(.get, "/trajectories/\(second.id.uuidString)/possible-registrations")
            let medium = try #require(try r.decoded([DuplicateAPIController.PossibleRegistrationDTO].self).first)
            #expect(medium.strength == "medium" && medium.inReview == false)
            r = try await ngoAmsterdam.send(
                .post,
                "/trajectories/\(second.id.uuidString)/duplicate-resolutions",
                ["entryId": medium.entryId.uuidString.lowercased(), "resolution": "review"],
                ifMatch: "\"\(second.version)\""
            )
            #expect(r.status == .ok)
            let municipality = APIClient(client: client, token: try await app.token(.municipality, "amsterdam"))
            r = try await municipality.send(.get, "/duplicate-reviews")
            #expect(r.status == .ok)
            #expect(try r.decoded([DuplicateAPIController.ReviewDTO].self).map(\.name) == ["Habtom Gebreab"])
            #expect(try await ngoAmsterdam.send(.get, "/duplicate-reviews").status == .notFound)
        }
    }

    @Test("The index holds no name, birth date or V-nummer", arguments: TestDatabase.available)
    func indexHoldsNoIdentity(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, _ in
            let people: [(String, String, String, String)] = [
                ("Mohammed", "Al-Hassan", "1991-04-12", "1234567890"),
                ("Senait", "Ghebremedhin", "1987-11-30", "2345678901"),
                ("Fatemeh", "Hosseini", "1979-02-14", "3456789012"),
            ]
            for p in people {
                _ = try await Self.utrechtCase(
                    app,
                    given: p.0,
                    surname: p.1,
                    nationality: "ERI",
                    birthDate: p.2,
                    vNumber: p.3
                )
            }
            let sql = app.services.database.db as! any SQLDatabase
            var dump = ""
            for table in ["linkage_entries", "linkage_keys", "linkage_decisions", "linkage_reviews"] {
                for row in try await sql.select().column("*").from(table).all() {
                    for column in row.allColumns {
                        if let text = try? row.decode(column: column, as: String.self) { dump += text + "\n" }
                        if let data = try? row.decode(column: column, as: Data.self) {
                            dump += String(decoding: data, as: UTF8.self) + "\n"
                        }
                        if let number = try? row.decode(column: column, as: Int64.self) {
                            dump += String(number) + "\n"
                        }
                    }
                }
            }
            #expect(try await sql.select().column("*").from("linkage_entries").all().count == 3)
            let lower = dump.lowercased()
            for p in people {
                for value in [p.0, p.1, p.2, p.2.replacingOccurrences(of: "-", with: ""), p.3, String(p.3.dropFirst())]
                {
                    #expect(!lower.contains(value.lowercased()), "the index holds \(value)")
                }
            }
        }
    }
}
