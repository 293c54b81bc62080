import Foundation
import HTTPTypes
import HummingbirdTesting
import KoersCore
import KoersDemo
import KoersStore
import NIOCore
import Testing

@testable import KoersWeb

@Suite("The escalation ladder")
struct EscalationTests {
    @Test(
        "Up the ladder: the body sees the meeting dossier, decides, and the case returns to the LSO",
        arguments: TestDatabase.available
    )
    func ladder(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, client in
            // setup
            let file = try await app.admitted(surname: "Vastgelopen")
            let other = try await app.admitted(surname: "Lopend")
            let ngoActor = app.account(.ngo).actor
            _ = try await app.services.service.perform(
                .note,
                on: file.id,
                input: FormInput(single: ["classification": "general", "text": "ALGEMENE-NOTITIE"]),
                expectedVersion: nil,
                actor: ngoActor
            )
            _ = try await app.services.service.perform(
                .startSupport,
                on: file.id,
                input: FormInput(single: ["instrument": "shelterNight", "startedOn": "2026-05-11"]),
                expectedVersion: nil,
                actor: ngoActor
            )
            let chair = APIClient(client: client, token: try await app.token(.municipality))
            let ngo = APIClient(client: client, token: try await app.token(.ngo))
            let steering = APIClient(client: client, token: try await app.token(.escalationBody))
            let amsterdamSteering = APIClient(client: client, token: try await app.token(.escalationBody, "amsterdam"))
            let national = APIClient(client: client, token: try await app.token(.escalationBody, nil))
            var etag = "\"\(try #require(try await app.services.cases.load(file.id, context: nil)).file.version)\""

            // Only the regievoerder escalates; every field error at once
            #expect(
                try await ngo.send(
                    .post,
                    "/trajectories/\(file.id)/escalations",
                    ["level": "steeringGroup", "question": "x", "proposedDecision": "y"],
                    ifMatch: etag
                ).status == .forbidden
            )
            var r = try await chair.send(
                .post,
                "/trajectories/\(file.id)/escalations",
                ["level": "ministry"],
                ifMatch: etag
            )
            #expect(try r.problemFields() == ["level", "question", "proposedDecision"])
            #expect(try await steering.send(.get, "/trajectories/\(file.id)").status == .notFound)
            r = try await chair.send(
                .post,
                "/trajectories/\(file.id)/escalations",
                [
                    "level": "steeringGroup", "question": "Terugkeer of medisch uitstel?",
                    "proposedDecision": "Artikel 64 onderzoeken.",
                ],
                ifMatch: etag
            )
            #expect(r.status == .ok)
            etag = r.headers[.eTag]!
            let first = try #require(try r.decoded(CaseDTO.self).escalations?.first?.escalation.id).uuidString
                .lowercased()

            // The steering group: the meeting dossier only; the national meeting and another city's group see nothing
            // yet
            r = try await steering.send(.get, "/trajectories/\(file.id)")
            #expect(r.status == .ok)
            let seen = try r.decoded(CaseDTO.self)
            #expect(seen.identity != nil && seen.admission != nil)
            #expect(seen.support == nil && seen.notes == nil)
            #expect(
                !(try await steering.send(.get, "/trajectories/\(file.id)/events")).text.contains("ALGEMENE-NOTITIE")
            )
            #expect(try await steering.send(.get, "/trajectories/\(other.id)").status == .notFound)
            #expect(try await national.send(.get, "/trajectories/\(file.id)").status == .notFound)
            #expect(try await amsterdamSteering.send(.get, "/trajectories/\(file.id)").status == .notFound)
            #expect(
                try await steering.send(
                    .post,
                    "/trajectories/\(file.id)/perspectives",
                    ["perspective": "return", "decidedOn": "2026-06-15"],
                    ifMatch: etag
                ).status == .forbidden
            )
            #expect(try await steering.send(.get, "/inbox").text.contains("Yonas Vastgelopen"))

            // One escalation at a time; the body decides once
            #expect(
                try await chair.send(
                    .post,
                    "/trajectories/\(file.id)/escalations",
                    ["level": "national", "question": "x", "proposedDecision": "y"],
                    ifMatch: etag
                ).status == .badRequest
            )
            r = try await steering.send(
                .post,
                "/trajectories/\(file.id)/escalations/\(first)/decision",
                ["decision": "Geen overeenstemming: door naar landelijk."],
                ifMatch: etag
            )
            #expect(r.status == .ok)
            etag = r.headers[.eTag]!
            #expect(try r.decoded(CaseDTO.self).escalations?.first?.daysToDecision == 0)
            #expect(
                try await steering.send(
                    .post,
                    "/trajectories/\(file.id)/escalations/\(first)/decision",
                    ["decision": "nog eens"],
                    ifMatch: etag
                ).status == .badRequest
            )

            // Up, never down
            r = try await chair.send(
                .post,
                "/trajectories/\(file.id)/escalations",
                ["level": "national", "question": "Gedwongen vertrek?", "proposedDecision": "Nog drie maanden."],
                ifMatch: etag
            )
            #expect(r.status == .ok)
            etag = r.headers[.eTag]!
            let second = try #require(try r.decoded(CaseDTO.self).escalations?.last?.escalation.id).uuidString
                .lowercased()
            #expect(try await national.send(.get, "/trajectories/\(file.id)").status == .ok)
            r = try await national.send(
                .post,
                "/trajectories/\(file.id)/escalations/\(second)/decision",
                ["decision": "Vrijwillig vertrek, drie maanden."],
                ifMatch: etag
            )
            #expect(r.status == .ok)
            etag = r.headers[.eTag]!
            #expect(
                try await chair.send(
                    .post,
                    "/trajectories/\(file.id)/escalations",
                    ["level": "steeringGroup", "question": "x", "proposedDecision": "y"],
                    ifMatch: etag
                ).status == .badRequest
            )

            // validate: the decision returns to the LSO agenda
            r = try await chair.send(.post, "/meetings", ["heldOn": "2026-06-15", "partiesPresent": ["ngo"]])
            #expect(
                try r.decoded(MeetingAPIController.MeetingDTO.self).agenda.contains {
                    $0.name == "Yonas Vastgelopen" && $0.reasons.contains(.escalationReturned)
                }
            )
        }
    }

    @Test("Web: escalate from the case page, decide from the body's inbox", arguments: TestDatabase.available)
    func web(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, client in
            let file = try await app.admitted(surname: "Vastgelopen")
            let id = file.id.uuidString.lowercased()
            var chair = WebClient(client)
            _ = try await chair.login("municipality.utrecht@demo.koers.nl")
            var r = try await chair.post(
                "/cases/\(id)/escalate",
                [
                    ("level", "steeringGroup"), ("question", ""), ("proposedDecision", ""),
                    ("version", String(file.version)),
                ]
            )
            #expect(
                r.status == .unprocessableContent
                    && r.text.contains("Vraag aan het escalatieoverleg: Dit veld is verplicht.")
            )
            r = try await chair.post(
                "/cases/\(id)/escalate",
                [
                    ("level", "steeringGroup"), ("question", "Vastgelopen"), ("proposedDecision", "Voorstel"),
                    ("version", String(file.version)),
                ]
            )
            #expect(r.status == .seeOther)
            var body = WebClient(client)
            _ = try await body.login("steering.utrecht@demo.koers.nl")
            #expect(try await body.get("/").location == "/inbox")
            r = try await body.get("/inbox")
            #expect(r.text.contains("Yonas Vastgelopen") && r.text.contains("Wacht op besluit"))
            r = try await body.get("/cases/\(id)")
            #expect(r.status == .ok && !r.text.contains("id=\"h-support\"") && !r.text.contains("id=\"h-notes\""))
            let decide = try #require(
                r.text.range(of: "/cases/\(id)/escalations/[0-9a-f-]{36}/decision", options: .regularExpression).map {
                    String(r.text[$0])
                }
            )
            r = try await body.post(decide, [("decision", "Akkoord"), ("version", String(file.version + 1))])
            #expect(r.status == .seeOther)
            #expect(try await chair.get("/cases/\(id)").text.contains("na 0 dagen"))
        }
    }
}
