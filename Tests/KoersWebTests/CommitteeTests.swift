import Foundation
import HTTPTypes
import HummingbirdTesting
import KoersCore
import KoersDemo
import KoersStore
import NIOCore
import Testing

@testable import KoersWeb

@Suite("The hardship committee")
struct CommitteeTests {
    @Test(
        "The committee sees only what was shared, advises, and the advice returns to the LSO",
        arguments: TestDatabase.available
    )
    func committee(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, client in
            // setup: a case with support, a perspective and a medical note; another case never put to the committee
            let file = try await app.admitted(surname: "Schrijnend")
            let other = try await app.admitted(surname: "Anders")
            let ngoActor = app.account(.ngo).actor
            let service = app.services.service
            _ = try await service.perform(
                .startSupport,
                on: file.id,
                input: FormInput(single: ["instrument": "legalAssistance", "startedOn": "2026-05-11"]),
                expectedVersion: nil,
                actor: ngoActor
            )
            _ = try await service.perform(
                .perspective,
                on: file.id,
                input: FormInput(single: ["perspective": "legalisation", "decidedOn": "2026-05-12"]),
                expectedVersion: nil,
                actor: ngoActor
            )
            _ = try await service.perform(
                .note,
                on: file.id,
                input: FormInput(single: ["classification": "medical", "text": "MEDISCH-GEHEIM"]),
                expectedVersion: nil,
                actor: ngoActor
            )
            let ngo = APIClient(client: client, token: try await app.token(.ngo))
            let ind = APIClient(client: client, token: try await app.token(.ind))
            let committee = APIClient(client: client, token: try await app.token(.committee, nil))
            var etag = "\"\(try #require(try await app.services.cases.load(file.id, context: nil)).file.version)\""

            // Before: the committee sees nothing
            #expect(try await committee.send(.get, "/trajectories/\(file.id)").status == .notFound)
            // MUT: the request, with its errors first; agencies may not put a case to the committee
            var r = try await ngo.send(
                .post,
                "/trajectories/\(file.id)/committee-requests",
                ["sharedSections": ["monitorData"]],
                ifMatch: etag
            )
            #expect(try r.problemFields() == ["request", "sharedSections"])
            #expect(
                try await ind.send(
                    .post,
                    "/trajectories/\(file.id)/committee-requests",
                    ["request": "x", "sharedSections": ["identity"]],
                    ifMatch: etag
                ).status == .forbidden
            )
            r = try await ngo.send(
                .post,
                "/trajectories/\(file.id)/committee-requests",
                [
                    "request": "Woont sinds zijn tweede in Nederland; geen ander perspectief.",
                    "sharedSections": ["identity", "perspective"],
                ],
                ifMatch: etag
            )
            #expect(r.status == .ok)
            etag = r.headers[.eTag]!
            let requestId = try #require(try r.decoded(CaseDTO.self).committeeRequests?.first?.request.id)
                .uuidString.lowercased()

            // The committee: identity and perspective, the request — nothing else
            r = try await committee.send(.get, "/trajectories/\(file.id)")
            #expect(r.status == .ok)
            let seen = try r.decoded(CaseDTO.self)
            #expect(seen.identity != nil && seen.perspectives != nil)
            #expect(seen.support == nil && seen.admission == nil && seen.notes == nil && seen.procedures == nil)
            let events = try await committee.send(.get, "/trajectories/\(file.id)/events").text
            #expect(
                !events.contains("legalAssistance") && !events.contains("MEDISCH-GEHEIM")
                    && !events.contains("admissionDecided")
            )
            #expect(events.contains("committeeRequested") && events.contains("perspectiveSet"))
            #expect(try await committee.send(.get, "/trajectories/\(other.id)").status == .notFound)
            #expect(try await committee.send(.get, "/trajectories").status == .forbidden)
            #expect(
                try await committee.send(
                    .post,
                    "/trajectories/\(file.id)/perspectives",
                    ["perspective": "return", "decidedOn": "2026-06-01"],
                    ifMatch: etag
                ).status == .forbidden
            )
            r = try await committee.send(.get, "/inbox")
            #expect(r.text.contains("Yonas Schrijnend"))

            // The advice; once only; the requesting NGO and the agencies read it
            #expect(
                try await committee.send(
                    .post,
                    "/trajectories/\(file.id)/committee-requests/\(requestId)/advice",
                    ["advice": ""],
                    ifMatch: etag
                ).status == .badRequest
            )
            r = try await committee.send(
                .post,
                "/trajectories/\(file.id)/committee-requests/\(requestId)/advice",
                ["advice": "Adviseert een verblijfsvergunning op humanitaire gronden."],
                ifMatch: etag
            )
            #expect(r.status == .ok)
            etag = r.headers[.eTag]!
            #expect(
                try await committee.send(
                    .post,
                    "/trajectories/\(file.id)/committee-requests/\(requestId)/advice",
                    ["advice": "nog eens"],
                    ifMatch: etag
                ).status == .badRequest
            )
            #expect(try await ind.send(.get, "/trajectories/\(file.id)").text.contains("humanitaire gronden"))

            // validate: the advice puts the case on the next agenda
            let chair = APIClient(client: client, token: try await app.token(.municipality))
            r = try await chair.send(.post, "/meetings", ["heldOn": "2026-06-15", "partiesPresent": ["ngo"]])
            let agenda = try r.decoded(MeetingAPIController.MeetingDTO.self).agenda
            #expect(agenda.contains { $0.name == "Yonas Schrijnend" && $0.reasons.contains(.committeeAdvised) })
        }
    }

    @Test("Web: request form, committee inbox and the filtered case page", arguments: TestDatabase.available)
    func web(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, client in
            let file = try await app.admitted(surname: "Schrijnend")
            let id = file.id.uuidString.lowercased()
            var ngo = WebClient(client)
            _ = try await ngo.login("ngo.utrecht@demo.koers.nl")
            var r = try await ngo.get("/cases/\(id)/committee")
            // Nothing is shared by default: the requester ticks what the committee may see.
            #expect(r.status == .ok && r.text.contains("name=\"sharedSections\"") && !r.text.contains(" checked"))
            r = try await ngo.post("/cases/\(id)/committee", [("request", ""), ("version", String(file.version))])
            #expect(
                r.status == .unprocessableContent && r.text.contains("Schriftelijk verzoek: Dit veld is verplicht.")
            )
            r = try await ngo.post(
                "/cases/\(id)/committee",
                [
                    ("request", "Schrijnende situatie"), ("sharedSections", "identity"),
                    ("version", String(file.version)),
                ]
            )
            #expect(r.status == .seeOther)
            var committee = WebClient(client)
            _ = try await committee.login("committee@demo.koers.nl")
            r = try await committee.get("/")
            #expect(r.location == "/inbox")
            r = try await committee.get("/inbox")
            #expect(r.text.contains("Yonas Schrijnend") && r.text.contains("Wacht op advies"))
            r = try await committee.get("/cases/\(id)")
            #expect(
                r.status == .ok && r.text.contains("Schrijnende situatie") && !r.text.contains("Toelating")
                    && !r.text.contains("id=\"h-timeline\"") == false
            )
            #expect(!r.text.contains("Toelatingsbesluit"))
            let advice = try #require(
                r.text.range(of: "/cases/\(id)/committee/[0-9a-f-]{36}/advice", options: .regularExpression).map {
                    String(r.text[$0])
                }
            )
            r = try await committee.post(
                advice,
                [("advice", "Positief advies"), ("version", String(file.version + 1))]
            )
            #expect(r.status == .seeOther)
            #expect(try await ngo.get("/cases/\(id)").text.contains("Positief advies"))
        }
    }
}
