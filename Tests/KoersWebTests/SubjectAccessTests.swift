import FluentKit
import Foundation
import HTTPTypes
import HummingbirdTesting
import KoersCore
import KoersDemo
import KoersStore
import NIOCore
import Testing

@testable import KoersWeb

/// Inzage, beperking en het verwerkingsregister: the privacy officer answers a person's request,
/// a note's author withholds it with a reason, a restriction stops everyone but the municipality,
/// and every logged activity is in the register.
@Suite("Subject access, restriction and the processing register")
struct SubjectAccessTests {
    static let traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"

    /// A person with two trajectories at Utrecht (the first ended), a general note, and a social
    /// note the NGO withholds from access.
    static func person(_ app: TestApp) async throws -> (first: CaseFile, second: CaseFile) {
        let ngo = app.account(.ngo).actor
        let service = app.services.service
        let first = try await app.admitted(surname: "Inzager")
        _ = try await service.perform(
            .outflow,
            on: first.id,
            input: FormInput(single: ["leftOn": "2026-05-20", "reason": "leftUnknown"]),
            expectedVersion: nil,
            actor: ngo
        )
        let second = try await service.reopen(
            first.id,
            FormInput(single: ["referredOn": "2026-06-01", "channel": "ngo"]),
            actor: ngo
        )
        _ = try await service.perform(
            .note,
            on: second.id,
            input: FormInput(single: ["classification": "general", "text": "ALGEMENE-NOTITIE"]),
            expectedVersion: nil,
            actor: ngo
        )
        let secret = try await service.perform(
            .note,
            on: second.id,
            input: FormInput(single: ["classification": "social", "text": "BRON-GEHEIM"]),
            expectedVersion: nil,
            actor: ngo
        )
        let noteId = try #require(secret.notes.last?.id)
        // Without a reason the NGO is told so; the municipality may not withhold the NGO's note.
        await #expect(throws: AppError.self) {
            _ = try await service.perform(
                .withholdNote(noteId),
                on: second.id,
                input: FormInput(),
                expectedVersion: nil,
                actor: ngo
            )
        }
        await #expect(throws: AppError.self) {
            _ = try await service.perform(
                .withholdNote(noteId),
                on: second.id,
                input: FormInput(single: ["reason": "x"]),
                expectedVersion: nil,
                actor: app.account(.municipality).actor
            )
        }
        let withheld = try await service.perform(
            .withholdNote(noteId),
            on: second.id,
            input: FormInput(single: ["reason": "VEILIGHEID-VAN-DE-BRON"]),
            expectedVersion: nil,
            actor: ngo
        )
        #expect(withheld.withheldNotes[noteId] == "VEILIGHEID-VAN-DE-BRON")
        return (first, withheld)
    }

    @Test(
        "The privacy officer's document: both trajectories, the withheld note, every processing",
        arguments: TestDatabase.available
    )
    func document(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, client in
            let (first, second) = try await Self.person(app)
            let personId = second.personId
            // A read through the API moments before, under the caller's trace.
            let token = try await app.token(.ind)
            let read = try await client.execute(
                uri: "/api/v1/trajectories/\(second.id.uuidString.lowercased())",
                method: .get,
                headers: [.authorization: "Bearer \(token)", HTTPField.Name("traceparent")!: Self.traceparent]
            )
            #expect(read.status == .ok)

            var officer = WebClient(client)
            _ = try await officer.login(app.account(.privacy).email)
            let search = try await officer.get("/privacy?q=Inzager")
            #expect(search.status == .ok && search.text.contains("Yonas Inzager"))
            let person = "/privacy/persons/\(personId.uuidString.lowercased())"
            #expect(search.text.contains(person))

            let page = try await officer.get(person + "?language=nl")
            #expect(page.status == .ok)
            let text = page.text
            #expect(text.contains("Uw gegevens in Koers"))
            #expect(text.contains("Traject 1") && text.contains("Traject 2"))
            #expect(text.contains("ALGEMENE-NOTITIE"))
            // The withheld note: its place and reason, never its text.
            #expect(!text.contains("BRON-GEHEIM"))
            #expect(text.contains("Notitie achtergehouden (art. 15 lid 4 AVG): VEILIGHEID-VAN-DE-BRON"))
            // Every organisation that read or changed it, the API read under its trace id.
            for organisation in ["Gemeente Utrecht, privacyfunctionaris", "IND Utrecht"] {
                #expect(text.contains(organisation), "\(organisation)")
            }
            #expect(text.contains("0af7651916cd43dd8448eb211c80319c"))
            #expect(text.contains("Casus inzien") && text.contains("Inzage geven"))

            let english = try await officer.get(person + "?language=en")
            #expect(english.text.contains("Your data in Koers") && english.text.contains("lang=\"en\""))
            #expect(english.text.contains("Note withheld (GDPR art. 15(4)): VEILIGHEID-VAN-DE-BRON"))
            #expect(!english.text.contains("BRON-GEHEIM"))

            let json = try await officer.get(person + "/document.json?language=en")
            #expect(json.status == .ok)
            let dto = try JSONSerialization.jsonObject(with: Data(json.text.utf8)) as? [String: Any]
            let trajectories = try #require(dto?["trajectories"] as? [[String: Any]])
            #expect(
                Set(trajectories.compactMap { $0["id"] as? String }.map { $0.lowercased() })
                    == [first.id.uuidString.lowercased(), second.id.uuidString.lowercased()]
            )
            #expect(!json.text.contains("BRON-GEHEIM") && json.text.contains("VEILIGHEID-VAN-DE-BRON"))
            let processing = try #require(dto?["processing"] as? [[String: Any]])
            let traced = processing.filter { $0["traceId"] as? String == "0af7651916cd43dd8448eb211c80319c" }
            #expect(traced.count == 1)
            #expect(traced.first?["parentSpanId"] as? String == "b7ad6b7169203331")
            #expect(traced.first?["operation"] as? String == "GET /api/v1/trajectories/{id}")
            #expect(traced.first?["activity"] as? String == "urn:koers:verwerking:case.read")

            // Producing it is itself logged, under the privacy officer's organisation.
            let log = try await ProcessingLogModel.query(on: app.services.database.db)
                .filter(\.$activity == ProcessingActivity.subjectAccess.rawValue).all()
            #expect(log.count == 3)
            #expect(log.allSatisfy { $0.organisationId == app.account(.privacy).actor.organisationId })

            // The API gives the same document to the officer and nobody else.
            let officerAPI = APIClient(client: client, token: try await app.token(.privacy))
            let viaAPI = try await officerAPI.send(.get, "/privacy/persons/\(personId)/access-document?language=en")
            #expect(viaAPI.status == .ok && viaAPI.text.contains("VEILIGHEID-VAN-DE-BRON"))
            let logged = try await ProcessingLogModel.query(on: app.services.database.db)
                .filter(\.$activity == ProcessingActivity.subjectAccess.rawValue).count()
            #expect(logged == 4)
        }
    }

    @Test("Every party against the privacy pages and API", arguments: TestDatabase.available)
    func matrix(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, client in
            let (_, second) = try await Self.person(app)
            let person = "/privacy/persons/\(second.personId.uuidString.lowercased())"
            let restriction = "/privacy/trajectories/\(second.id.uuidString.lowercased())/restriction"
            typealias Who = AccessMatrixTests.Who
            var askers: [(String, String?)] = Who.allCases.map { ($0.rawValue, $0.account(app)?.email) }
            askers.append(("privacyAmsterdam", app.account(.privacy, "amsterdam").email))
            for (who, email) in askers {
                var web = WebClient(client)
                var token = "none"
                if let email {
                    _ = try await web.login(email)
                    token = try await app.services.directory.createToken(email: email, name: "m", validDays: 1)
                }
                let api = APIClient(client: client, token: token)
                let search = try await web.get("/privacy?q=Inzager")
                let document = try await web.get(person)
                let json = try await web.get(person + "/document.json")
                let viaAPI = try await api.send(.get, "/privacy/persons/\(second.personId)/access-document")
                let form = try await web.get(restriction)
                switch who {
                case "privacy":
                    #expect(search.status == .ok && document.status == .ok && json.status == .ok && form.status == .ok)
                    #expect(viaAPI.status == .ok)
                case "privacyAmsterdam":
                    // Its own page, but nobody registered at Utrecht.
                    #expect(search.status == .ok && !search.text.contains("Yonas Inzager"), "\(who) search")
                    #expect(document.status == .notFound && json.status == .notFound && form.status == .notFound)
                    #expect(viaAPI.status == .notFound)
                case "anonymous":
                    #expect(search.status == .seeOther && document.status == .seeOther && form.status == .seeOther)
                    #expect(viaAPI.status == .unauthorized)
                default:
                    #expect(search.status == .notFound && document.status == .notFound, "\(who) privacy pages")
                    #expect(json.status == .notFound && viaAPI.status == .notFound, "\(who) document")
                    // The municipality restricts from the case page; here too, as the regievoerder.
                    #expect(form.status == (who == "municipality" ? .ok : .notFound), "\(who) restriction form")
                    #expect(!document.text.contains("Inzager") && !viaAPI.text.contains("Inzager"))
                }
                // The privacy officer opens no case and no list.
                if who.hasPrefix("privacy") {
                    #expect(try await web.get("/cases/\(second.id.uuidString.lowercased())").status == .notFound)
                    #expect(try await web.get("/cases").status == .notFound)
                    #expect(try await api.send(.get, "/trajectories/\(second.id)").status == .notFound)
                    #expect(try await web.get("/admin").status == .notFound)
                    #expect(try await web.get("/monitor").status == .notFound)
                }
            }
            // Only the Utrecht officer produced documents: the page, its JSON and the API's.
            let produced = try await ProcessingLogModel.query(on: app.services.database.db)
                .filter(\.$activity == ProcessingActivity.subjectAccess.rawValue).all()
            #expect(
                produced.count == 3
                    && produced.allSatisfy {
                        $0.organisationId == app.account(.privacy).actor.organisationId
                    }
            )
        }
    }

    @Test("A restriction stops every change but the municipality's, and says why", arguments: TestDatabase.available)
    func restriction(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, client in
            let file = try await app.admitted(surname: "Beperkt")
            let id = file.id.uuidString.lowercased()
            var officer = WebClient(client)
            _ = try await officer.login(app.account(.privacy).email)
            // No reason: named, nothing written.
            let empty = try await officer.post("/privacy/trajectories/\(id)/restriction", [("reason", "")])
            #expect(empty.status == .unprocessableContent && empty.text.contains("Dit veld is verplicht."))
            let restricted = try await officer.post(
                "/privacy/trajectories/\(id)/restriction",
                [("reason", "betrokkene betwist de juistheid")]
            )
            #expect(restricted.status == .seeOther)

            // The NGO: the case page shows why and offers no form; the API refuses with the reason.
            var ngo = WebClient(client)
            _ = try await ngo.login(app.account(.ngo).email)
            let page = try await ngo.get("/cases/\(id)")
            #expect(page.text.contains("Verwerking beperkt") && page.text.contains("betrokkene betwist de juistheid"))
            #expect(!page.text.contains("/cases/\(id)/perspective\""))
            let form = try await ngo.post(
                "/cases/\(id)/perspective",
                [("perspective", "return"), ("decidedOn", "2026-06-01")]
            )
            #expect(form.status == .forbidden && form.text.contains("betrokkene betwist de juistheid"))
            let api = APIClient(client: client, token: try await app.token(.ngo))
            let refused = try await api.send(
                .post,
                "/trajectories/\(id)/notes",
                ["classification": "general", "text": "mag niet"]
            )
            #expect(refused.status == .forbidden && refused.text.contains("urn:koers:problem:restricted"))
            // A meeting's decision goes through the same store: refused for the NGO too.
            await #expect(throws: StoreError.restricted(reason: "betrokkene betwist de juistheid")) {
                _ = try await app.services.cases.append(
                    to: file.id,
                    expectedVersion: nil,
                    context: .fresh(app.account(.ngo).actor),
                    activity: .review
                ) { _ in .reviewHeld(on: Day(year: 2026, month: 6, day: 2)!, meetingId: nil) }
            }
            let refusals = try await ProcessingLogModel.query(on: app.services.database.db)
                .filter(\.$status == ProcessingStatus.refused.rawValue).count()
            #expect(refusals >= 2)

            // The municipality still changes it, then lifts the restriction from the case page.
            let municipality = APIClient(client: client, token: try await app.token(.municipality))
            let allowed = try await municipality.send(
                .post,
                "/trajectories/\(id)/notes",
                ["classification": "general", "text": "gemeente mag"]
            )
            #expect(allowed.status == .ok)
            var chair = WebClient(client)
            _ = try await chair.login(app.account(.municipality).email)
            #expect(try await chair.get("/cases/\(id)").text.contains("Beperking opheffen"))
            let version = try #require(try await app.services.cases.load(file.id, context: nil)).file.version
            let lifted = try await chair.post(
                "/cases/\(id)/restrict",
                [("reason", "juistheid vastgesteld"), ("lift", "true"), ("version", String(version))]
            )
            #expect(lifted.status == .seeOther)
            let again = try await api.send(
                .post,
                "/trajectories/\(id)/notes",
                ["classification": "general", "text": "weer mogelijk"]
            )
            #expect(again.status == .ok)
            // The timeline keeps both facts.
            let timeline = try await ngo.get("/cases/\(id)")
            #expect(timeline.text.contains("Verwerking beperkt (art. 18 AVG): betrokkene betwist de juistheid"))
            #expect(timeline.text.contains("Beperking van de verwerking opgeheven: juistheid vastgesteld"))
        }
    }

    @Test("Every logged activity is in the register, with the LDV fields", arguments: TestDatabase.available)
    func register(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, client in
            _ = try await Self.person(app)
            var officer = WebClient(client)
            _ = try await officer.login(app.account(.privacy).email)
            let file = try await app.admitted(surname: "Register")
            _ = try await officer.post(
                "/privacy/trajectories/\(file.id.uuidString.lowercased())/restriction",
                [("reason", "bezwaar")]
            )
            // A refused attempt: the IND tries to record the outflow.
            _ = try? await app.services.service.perform(
                .outflow,
                on: file.id,
                input: FormInput(single: ["leftOn": "2026-06-01", "reason": "leftUnknown"]),
                expectedVersion: nil,
                actor: app.account(.ind).actor
            )
            let registered = try await app.services.register.storedActivities()
            #expect(registered == Set(ProcessingActivity.allCases.map(\.rawValue)))
            let rows = try await ProcessingLogModel.query(on: app.services.database.db).all()
            let logged = Set(rows.map(\.activity))
            #expect(logged.isSubset(of: registered), "not in the register: \(logged.subtracting(registered))")
            #expect(Set(rows.map(\.status)) == ["ok", "refused", "failed"])
            // Every entry written now carries the LDV fields.
            #expect(rows.allSatisfy { $0.operation != nil && $0.startedAt != nil && $0.subjectType != nil })
            #expect(rows.allSatisfy { $0.startedAt! <= $0.at })
        }
    }

    @Test(
        "The administrator maintains the register; bad input is named, others see nothing",
        arguments: TestDatabase.available
    )
    func maintained(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, client in
            var admin = WebClient(client)
            _ = try await admin.login(app.account(.admin, nil).email)
            let index = try await admin.get("/admin/register")
            #expect(index.status == .ok && index.text.contains("Casus inzien"))
            let bad = try await admin.post(
                "/admin/register/case.read",
                [
                    ("uri", "geen uri"), ("name_nl", ""), ("name_en", "Reading a case"), ("purpose_nl", "Regie"),
                    ("purpose_en", "Coordination"), ("legal_basis_nl", "AVG"), ("legal_basis_en", "GDPR"),
                    ("retention_years", "0"),
                ]
            )
            #expect(bad.status == .unprocessableContent)
            for message in ["Geef een URI", "Dit veld is verplicht.", "Een heel getal van 1 tot 100."] {
                #expect(bad.text.contains(message), "\(message)")
            }
            let saved = try await admin.post(
                "/admin/register/case.read",
                [
                    ("uri", "https://register.example.nl/verwerkingen/inzien"), ("name_nl", "Dossier lezen"),
                    ("name_en", "Reading a case"), ("purpose_nl", "Regie"), ("purpose_en", "Coordination"),
                    ("legal_basis_nl", "AVG art. 6 lid 1 sub e"), ("legal_basis_en", "GDPR art. 6(1)(e)"),
                    ("retention_years", "10"),
                ]
            )
            #expect(saved.status == .seeOther)
            let entry = try #require(try await app.services.register.entries().first { $0.activity == .read })
            #expect(entry.uri == "https://register.example.nl/verwerkingen/inzien" && entry.retentionYears == 10)
            // The change is in the administration's history.
            let changes = try await AdminChangeModel.query(on: app.services.database.db)
                .filter(\.$objectKind == "register").count()
            #expect(changes == 1)
            var ngo = WebClient(client)
            _ = try await ngo.login(app.account(.ngo).email)
            #expect(try await ngo.get("/admin/register").status == .notFound)
            #expect(try await ngo.post("/admin/register/case.read", [("uri", "x")]).status == .notFound)
        }
    }
}
