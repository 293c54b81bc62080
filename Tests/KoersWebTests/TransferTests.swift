import Foundation
import HTTPTypes
import HummingbirdTesting
import KoersCore
import KoersDemo
import KoersStore
import NIOCore
import Testing

@testable import KoersWeb

@Suite("Transfers between locations")
struct TransferTests {
    @Test(
        "Rotterdam to Amsterdam: one registration, history moves, Rotterdam keeps the hand-over only",
        arguments: TestDatabase.available
    )
    func transfer(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, client in
            // setup
            let file = try await app.admitted("rotterdam", surname: "Overgedragen")
            let ngoActor = app.account(.ngo, "rotterdam").actor
            _ = try await app.services.service.perform(
                .note,
                on: file.id,
                input: FormInput(single: ["classification": "medical", "text": "MEDISCH-ROTTERDAM"]),
                expectedVersion: nil,
                actor: ngoActor
            )
            let amsterdamId = app.account(.municipality, "amsterdam").actor.locationIds.first!.uuidString
            let rotterdamNGO = APIClient(client: client, token: try await app.token(.ngo, "rotterdam"))
            let rotterdamIND = APIClient(client: client, token: try await app.token(.ind, "rotterdam"))
            let amsterdamNGO = APIClient(client: client, token: try await app.token(.ngo, "amsterdam"))
            let amsterdamIND = APIClient(client: client, token: try await app.token(.ind, "amsterdam"))
            let utrechtNGO = APIClient(client: client, token: try await app.token(.ngo, "utrecht"))
            let before = try await app.counts()

            // MUT: the request, with every error at once first
            var r = try await rotterdamNGO.send(
                .post,
                "/trajectories/\(file.id)/transfers",
                ["toLocationId": "nergens"]
            )
            #expect(try r.problemFields() == ["toLocationId", "reason"])
            #expect(
                try await rotterdamIND.send(
                    .post,
                    "/trajectories/\(file.id)/transfers",
                    ["toLocationId": amsterdamId, "reason": "x"]
                ).status == .forbidden
            )
            #expect(
                try await amsterdamNGO.send(
                    .post,
                    "/trajectories/\(file.id)/transfers",
                    ["toLocationId": amsterdamId, "reason": "x"]
                ).status == .notFound
            )
            r = try await rotterdamNGO.send(
                .post,
                "/trajectories/\(file.id)/transfers",
                ["toLocationId": amsterdamId, "reason": "Familie woont in Amsterdam"]
            )
            #expect(r.status == .created)
            let transfer = try r.decoded(TransferAPIController.TransferDTO.self).id.uuidString.lowercased()
            #expect(
                try await rotterdamNGO.send(
                    .post,
                    "/trajectories/\(file.id)/transfers",
                    ["toLocationId": amsterdamId, "reason": "nog eens"]
                ).status == .badRequest
            )

            // Amsterdam sees the request and its summary, not yet the case; Utrecht sees nothing
            #expect(try await amsterdamNGO.send(.get, "/trajectories/\(file.id)").status == .notFound)
            r = try await amsterdamNGO.send(.get, "/transfers")
            #expect(r.text.contains("Yonas Overgedragen") && r.text.contains("Familie woont in Amsterdam"))
            #expect(try await utrechtNGO.send(.get, "/transfers").text == "[]")
            typealias Inbox = MeetingAPIController.InboxDTO
            #expect(try await amsterdamNGO.send(.get, "/inbox").decoded(Inbox.self).transfers.count == 1)
            #expect(try await amsterdamIND.send(.get, "/inbox").decoded(Inbox.self).transfers.isEmpty)
            #expect(
                try await utrechtNGO.send(.post, "/transfers/\(transfer)/decision", ["decision": "accept"]).status
                    == .notFound
            )
            #expect(
                try await amsterdamIND.send(.post, "/transfers/\(transfer)/decision", ["decision": "accept"]).status
                    == .forbidden
            )
            #expect(
                try await amsterdamNGO.send(.post, "/transfers/\(transfer)/decision", ["decision": "decline"]).status
                    == .badRequest
            )

            r = try await amsterdamNGO.send(
                .post,
                "/transfers/\(transfer)/decision",
                ["decision": "accept", "note": "Welkom"]
            )
            #expect(r.status == .ok)
            #expect(try r.decoded(TransferAPIController.TransferDTO.self).status == .accepted)

            // validate: the same trajectory, now at Amsterdam with its whole history
            let after = try await app.counts()
            #expect(after["trajectories"] == before["trajectories"] && after["persons"] == before["persons"])
            r = try await amsterdamNGO.send(.get, "/trajectories/\(file.id)")
            #expect(r.status == .ok)
            #expect(try r.decoded(CaseDTO.self).location == "LVV Amsterdam")
            r = try await amsterdamNGO.send(.get, "/trajectories/\(file.id)/events")
            #expect(r.text.contains("admissionDecided") && r.text.contains("transferDecided"))
            #expect(!r.text.contains("MEDISCH-ROTTERDAM"), "another organisation's medical note stays with it")
            // Rotterdam's parties lose the case but keep the hand-over summary
            #expect(try await rotterdamNGO.send(.get, "/trajectories/\(file.id)").status == .notFound)
            #expect(try await rotterdamIND.send(.get, "/trajectories/\(file.id)").status == .notFound)
            r = try await rotterdamNGO.send(.get, "/transfers")
            #expect(r.text.contains("Yonas Overgedragen") && r.text.contains("\"status\":\"accepted\""))
            // Amsterdam's list shows it; Rotterdam's does not
            typealias List = APIController.CaseListDTO
            #expect(try await amsterdamNGO.send(.get, "/trajectories?q=Overgedragen").decoded(List.self).total == 1)
            #expect(try await rotterdamNGO.send(.get, "/trajectories?q=Overgedragen").decoded(List.self).total == 0)
        }
    }

    @Test("Web: request on the case page, decide on the transfers page", arguments: TestDatabase.available)
    func web(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, client in
            let file = try await app.admitted("rotterdam", surname: "Verhuizer")
            let id = file.id.uuidString.lowercased()
            let amsterdam = app.account(.municipality, "amsterdam").actor.locationIds.first!.uuidString.lowercased()
            var rotterdam = WebClient(client)
            _ = try await rotterdam.login("ngo.rotterdam@demo.koers.nl")
            var r = try await rotterdam.get("/cases/\(id)")
            #expect(r.text.contains("/cases/\(id)/transfer"))
            r = try await rotterdam.post(
                "/cases/\(id)/transfer",
                [("toLocationId", ""), ("reason", ""), ("version", String(file.version))]
            )
            #expect(
                r.status == .unprocessableContent
                    && r.text.contains("Overdragen aan: Kies de locatie die het traject overneemt.")
            )
            r = try await rotterdam.post(
                "/cases/\(id)/transfer",
                [("toLocationId", amsterdam), ("reason", "Netwerk in Amsterdam"), ("version", String(file.version))]
            )
            #expect(r.status == .seeOther)
            var municipality = WebClient(client)
            _ = try await municipality.login("municipality.amsterdam@demo.koers.nl")
            r = try await municipality.get("/transfers")
            #expect(r.text.contains("Yonas Verhuizer") && r.text.contains("/decision"))
            let transfer = try #require(
                r.text.range(of: "/transfers/[0-9a-f-]{36}/decision", options: .regularExpression).map {
                    String(r.text[$0])
                }
            )
            r = try await municipality.post(transfer, [("decision", "accept")])
            #expect(r.status == .seeOther && r.location == "/cases/\(id)")
            #expect(try await municipality.get("/cases/\(id)").status == .ok)
            #expect(try await rotterdam.get("/cases/\(id)").status == .notFound)
            #expect(try await rotterdam.get("/transfers").text.contains("Geaccepteerd"))
        }
    }
}
