import Foundation
import HTTPTypes
import HummingbirdTesting
import KoersCore
import KoersDemo
import KoersStore
import NIOCore
import Testing

@testable import KoersWeb

@Suite("Bad input is refused, named, and changes nothing")
struct BadInputTests {
    @Test("Web: every field error at once, beside its field, values kept", arguments: TestDatabase.available)
    func webReferral(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, client in
            var web = WebClient(client)
            _ = try await web.login("ngo.utrecht@demo.koers.nl")
            let before = try await app.counts()
            // MUT
            let r = try await web.post(
                "/cases",
                [
                    ("givenNames", "Abdi"), ("surname", ""), ("birthDate", "2031-04"), ("nationality", "QQQ"),
                    ("vNumber", "123456789"), ("gender", "male"), ("channel", "ngo"), ("referredOn", "2026-13-40"),
                ]
            )
            // validate
            #expect(r.status == .unprocessableContent)
            let html = r.text
            #expect(html.contains("class=\"error-summary\""))
            for field in ["surname", "birthDate", "nationality", "vNumber", "referredOn"] {
                #expect(html.contains("id=\"f-\(field)-error\""), "no error beside \(field)")
                #expect(html.contains("href=\"#f-\(field)\""), "summary does not link \(field)")
            }
            #expect(html.contains("Een V-nummer heeft precies 10 cijfers."))
            #expect(html.contains("De geboortedatum ligt in de toekomst."))
            #expect(html.contains("value=\"Abdi\"") && html.contains("value=\"123456789\""))
            #expect(try await app.counts() == before)
        }
    }

    @Test("Web: outflow before admission, unknown codes and a stale edit", arguments: TestDatabase.available)
    func webCaseChanges(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, client in
            let file = try await app.admitted()
            let id = file.id.uuidString.lowercased()
            var web = WebClient(client)
            _ = try await web.login("ngo.utrecht@demo.koers.nl")
            let before = try await app.counts()

            var r = try await web.post(
                "/cases/\(id)/outflow",
                [("leftOn", "2026-05-01"), ("reason", "teleported"), ("version", String(file.version))]
            )
            #expect(r.status == .unprocessableContent)
            #expect(r.text.contains("De uitstroom ligt vóór de toelating (2026-05-10)."))
            #expect(r.text.contains("‘teleported’ staat niet in de lijst van uitstroomredenen."))

            r = try await web.post(
                "/cases/\(id)/perspective",
                [("perspective", "utopia"), ("decidedOn", "2027-01-01"), ("version", String(file.version))]
            )
            #expect(r.status == .unprocessableContent)
            #expect(r.text.contains("id=\"f-perspective-error\"") && r.text.contains("id=\"f-decidedOn-error\""))

            // A stale edit: someone else changed the case after this form was loaded.
            _ = try await app.services.service.perform(
                .note,
                on: file.id,
                input: FormInput(single: ["classification": "general", "text": "tussendoor"]),
                expectedVersion: nil,
                actor: app.account(.municipality).actor
            )
            let middle = try await app.counts()
            r = try await web.post(
                "/cases/\(id)/perspective",
                [("perspective", "legalisation"), ("decidedOn", "2026-06-01"), ("version", String(file.version))]
            )
            #expect(r.status == .conflict)
            #expect(r.text.contains("Iemand anders heeft dit dossier intussen gewijzigd"))
            #expect(r.text.contains("value=\"legalisation\" checked"))
            #expect(try await app.counts() == middle)
            #expect(before["events"]! + 1 == middle["events"]!)
        }
    }

    @Test("API: problem+json lists every invalid field", arguments: TestDatabase.available)
    func apiReferral(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, client in
            let api = APIClient(client: client, token: try await app.token(.ngo))
            let before = try await app.counts()
            let r = try await api.send(
                .post,
                "/trajectories",
                [
                    "birthDate": "2030", "nationality": "QQQ", "vNumber": "123456789", "gender": "x", "channel": "ngo",
                    "referredOn": "tomorrow",
                ],
                language: "en"
            )
            #expect(r.status == .badRequest)
            #expect(r.headers[.contentType] == "application/problem+json")
            let params = try #require(try r.decoded(Problem.self).invalidParams)
            let names = Set(params.map(\.name))
            #expect(names == ["surname", "birthDate", "nationality", "vNumber", "gender", "referredOn"])
            #expect(params.first { $0.name == "vNumber" }?.reason == "A V-number has exactly 10 digits.")
            #expect(try await app.counts() == before)
            // Malformed JSON
            let bad = try await client.execute(
                uri: "/api/v1/trajectories",
                method: .post,
                headers: [.authorization: "Bearer \(api.token)"],
                body: .init(string: "{not json")
            )
            #expect(bad.status == .badRequest)
        }
    }

    @Test("API: dates, codes, If-Match and stale versions", arguments: TestDatabase.available)
    func apiCaseChanges(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, client in
            let file = try await app.admitted()
            let id = file.id.uuidString
            let api = APIClient(client: client, token: try await app.token(.ngo))
            let before = try await app.counts()
            var r = try await api.send(
                .post,
                "/trajectories/\(id)/outflow",
                ["leftOn": "2026-05-01", "reason": "teleported"],
                ifMatch: "\"\(file.version)\""
            )
            #expect(r.status == .badRequest)
            let codes = Set(try r.decoded(Problem.self).invalidParams?.map(\.code) ?? [])
            #expect(codes == ["beforeAdmission", "unknownCode"])
            r = try await api.send(
                .post,
                "/trajectories/\(id)/outflow",
                ["leftOn": "2026-06-01", "reason": "leftUnknown"]
            )
            #expect(r.status == .init(code: 428))
            r = try await api.send(
                .post,
                "/trajectories/\(id)/outflow",
                ["leftOn": "2026-06-01", "reason": "leftUnknown"],
                ifMatch: "\"\(file.version - 1)\""
            )
            #expect(r.status == .conflict)
            #expect(try r.decoded(Problem.self).currentVersion == file.version)
            #expect(r.headers[.eTag] == "\"\(file.version)\"")
            r = try await api.send(
                .post,
                "/trajectories/\(id)/admission-decision",
                ["outcome": "maybe", "decidedOn": "2026-06-01"],
                ifMatch: "\"\(file.version)\""
            )
            #expect(r.status == .badRequest)
            #expect(try await app.counts() == before)
        }
    }

    @Test(
        "Writers without If-Match on one case: every append lands, none is refused",
        arguments: TestDatabase.available
    )
    func concurrentAppendsWithoutVersion(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, _ in
            let file = try await app.admitted()
            let actor = app.account(.ngo).actor
            let service = app.services.service
            // Six writers, each adding notes one after another: on PostgreSQL they used to
            // collide on the event's sequence number and get 409 for a version they never sent.
            let (writers, notes) = (6, 15)
            let refused = await withTaskGroup(of: Int.self) { group in
                for writer in 0..<writers {
                    group.addTask {
                        var refused = 0
                        for n in 0..<notes {
                            do {
                                _ = try await service.perform(
                                    .note,
                                    on: file.id,
                                    input: FormInput(single: ["classification": "general", "text": "w\(writer) n\(n)"]),
                                    expectedVersion: nil,
                                    actor: actor
                                )
                            } catch {
                                refused += 1
                                Issue.record("writer \(writer) note \(n): \(String(reflecting: error))")
                            }
                        }
                        return refused
                    }
                }
                return await group.reduce(0, +)
            }
            #expect(refused == 0)
            let after = try #require(try await app.services.cases.load(file.id, context: nil))
            #expect(after.file.version == file.version + writers * notes)
        }
    }

    @Test("Two writers on one version: exactly one wins", arguments: TestDatabase.available)
    func concurrentWriters(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, _ in
            let file = try await app.admitted()
            let actor = app.account(.ngo).actor
            let service = app.services.service
            // Several rounds: a race that is lost only now and then must still be caught.
            for round in 0..<8 {
                let version = file.version + round
                let results = await withTaskGroup(of: Bool.self) { group in
                    for i in 0..<6 {
                        group.addTask {
                            do {
                                _ = try await service.perform(
                                    .perspective,
                                    on: file.id,
                                    input: FormInput(single: [
                                        "perspective": i % 2 == 0 ? "return" : "legalisation",
                                        "decidedOn": "2026-06-01",
                                    ]),
                                    expectedVersion: version,
                                    actor: actor
                                )
                                return true
                            } catch AppError.stale {
                                return false
                            } catch {
                                Issue.record("unexpected \(String(reflecting: error))")
                                return false
                            }
                        }
                    }
                    return await group.reduce(into: [Bool]()) { $0.append($1) }
                }
                #expect(results.filter { $0 }.count == 1, "round \(round)")
            }
            let after = try #require(try await app.services.cases.load(file.id, context: nil))
            #expect(after.file.version == file.version + 8)
            #expect(after.file.perspectives.count == 8)
        }
    }
}
