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

@Suite("The local case meeting (LSO)")
struct MeetingTests {
    @Test("Convene, decide, minutes and action items, with each party's access", arguments: TestDatabase.available)
    func meeting(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, client in
            // setup: one case awaiting its admission decision (flagged), one active with an overdue perspective
            let utrecht = app.account(.municipality).actor.locationIds.first!.uuidString
            let chair = APIClient(client: client, token: try await app.token(.municipality))
            _ = try await chair.send(.put, "/locations/\(utrecht)/deadline-policy", ["perspectiveWithinWeeks": 4])
            let active = try await app.admitted(surname: "Actief")
            let waiting = try await app.referral(surname: "Wachtend")
            var intake = Fixtures.intake
            intake["surname"] = "Wachtend"
            intake["nationality"] = "MAR"  // a safe country: the meeting must weigh it
            _ = try await app.services.service.perform(
                .intake,
                on: waiting.id,
                input: FormInput(single: intake),
                expectedVersion: nil,
                actor: app.account(.ngo).actor
            )
            let ngo = APIClient(client: client, token: try await app.token(.ngo))
            let ind = APIClient(client: client, token: try await app.token(.ind))

            // MUT: only the municipality convenes
            #expect(
                try await ngo.send(.post, "/meetings", ["heldOn": "2026-06-15", "partiesPresent": ["ngo"]]).status
                    == .forbidden
            )
            var r = try await chair.send(.post, "/meetings", ["heldOn": "2026-06-15"])
            #expect(r.status == .badRequest)
            // A typo in the year is refused, not kept.
            r = try await chair.send(.post, "/meetings", ["heldOn": "4979-11-18", "partiesPresent": ["ngo"]])
            #expect(r.status == .badRequest)
            #expect(try r.decoded(Problem.self).invalidParams?.map(\.code) == ["tooFarAhead"])
            r = try await chair.send(
                .post,
                "/meetings",
                ["heldOn": "2026-06-15", "partiesPresent": ["municipality", "ngo", "ind"]]
            )
            #expect(r.status == .created)
            let convened = try r.decoded(MeetingAPIController.MeetingDTO.self)
            let meeting = convened.id.uuidString.lowercased()
            let agenda = convened.agenda
            #expect(agenda.map(\.name) == ["Yonas Wachtend", "Yonas Actief"])
            #expect(agenda[0].reasons == [.awaitingDecision, .admissionException])
            #expect(agenda[1].reasons == [.overdueMilestone])

            // Who sees the meeting
            #expect(try await ngo.send(.get, "/meetings/\(meeting)").status == .ok)
            #expect(try await ind.send(.get, "/meetings/\(meeting)/minutes").status == .ok)
            for (party, city) in [(Party.ngo, "amsterdam"), (.monitor, nil), (.admin, nil), (.committee, nil)]
                as [(Party, String?)]
            {
                let other = APIClient(client: client, token: try await app.token(party, city))
                #expect(try await other.send(.get, "/meetings/\(meeting)").status == .notFound, "\(party)")
            }

            // Decisions: invalid input names its fields and changes nothing
            let before = try await app.counts()
            r = try await chair.send(
                .post,
                "/meetings/\(meeting)/cases/\(waiting.id)/decision",
                ["outcome": "admit", "party": "ind"],
                ifMatch: "\"2\""
            )
            #expect(r.status == .badRequest)
            let names = try r.problemFields()
            #expect(names == ["decision", "outcome", "text", "dueOn"])
            // A meeting convened for a later day takes no decisions yet.
            let planned = try await chair.send(.post, "/meetings", ["heldOn": "2026-07-01", "partiesPresent": ["ngo"]])
                .decoded(MeetingAPIController.MeetingDTO.self).id.uuidString.lowercased()
            r = try await chair.send(
                .post,
                "/meetings/\(planned)/cases/\(waiting.id)/decision",
                ["decision": "x"],
                ifMatch: "\"2\""
            )
            #expect(try r.decoded(Problem.self).invalidParams?.map(\.code) == ["meetingNotHeld"])
            #expect(
                try await ngo.send(
                    .post,
                    "/meetings/\(meeting)/cases/\(waiting.id)/decision",
                    ["decision": "x"],
                    ifMatch: "\"2\""
                ).status == .forbidden
            )
            #expect(try await app.counts() == before)

            r = try await chair.send(
                .post,
                "/meetings/\(meeting)/cases/\(waiting.id)/decision",
                [
                    "decision": "Toegelaten bij uitzondering: medische situatie.", "outcome": "admitByException",
                    "motivation": "Ernstige medische situatie, besproken met alle partijen.",
                    "party": "ind", "text": "Juridische screening uitvoeren", "dueOn": "2026-07-01",
                ],
                ifMatch: "\"2\""
            )
            #expect(r.status == .ok, "\(r.text)")
            r = try await chair.send(
                .post,
                "/meetings/\(meeting)/cases/\(active.id)/decision",
                [
                    "decision": "Perspectief terugkeer; DT&V voert het vertrekgesprek.", "perspective": "return",
                    "reviewed": true,
                ],
                ifMatch: "\"\(active.version)\""
            )
            #expect(r.status == .ok, "\(r.text)")

            // validate: the case changed, the minutes tell it, the action item reached IND
            let admitted = try #require(try await app.services.cases.load(waiting.id, context: nil)).file
            #expect(
                admitted.stage == .active && admitted.admission?.outcome == .admitByException
                    && admitted.admission?.decidedOn == Day("2026-06-15")
            )
            r = try await ind.send(.get, "/meetings/\(meeting)/minutes")
            #expect(
                r.text.contains("Toegelaten bij uitzondering: medische situatie.")
                    && r.text.contains("Juridische screening uitvoeren")
            )
            #expect(r.text.contains("Perspectief: Terugkeer"))
            r = try await ind.send(.get, "/action-items")
            #expect(r.text.contains("Juridische screening uitvoeren"))
            #expect(try await ngo.send(.get, "/action-items").text == "[]")
            r = try await ind.send(.get, "/inbox")
            let inbox = try r.decoded(MeetingAPIController.InboxDTO.self)
            #expect(inbox.actionItems.count == 1 && inbox.meetings.count == 2 && inbox.overdue.isEmpty)

            let file = try #require(try await app.services.cases.load(active.id, context: nil)).file
            #expect(file.reviews == [Day("2026-06-15")!] && file.currentPerspective == .returnToOrigin)

            // The chair reorders and adds; a wrong order is refused
            #expect(
                try await chair.send(
                    .put,
                    "/meetings/\(meeting)/agenda/order",
                    ["trajectoryIds": [active.id.uuidString]]
                ).status == .badRequest
            )
            r = try await chair.send(
                .put,
                "/meetings/\(meeting)/agenda/order",
                ["trajectoryIds": [active.id.uuidString, waiting.id.uuidString]]
            )
            let first = try r.decoded(MeetingAPIController.MeetingDTO.self).agenda.first?.trajectoryId
            #expect(first == active.id)
            let third = try await app.admitted(surname: "Derde")
            r = try await chair.send(.post, "/meetings/\(meeting)/agenda", ["trajectoryId": third.id.uuidString])
            // Its reasons are those of the case as it stands, and that the chair added it.
            #expect(
                try r.decoded(MeetingAPIController.MeetingDTO.self).agenda.last?.reasons == [
                    AgendaReason.overdueMilestone, .addedByChair,
                ]
            )
            // Follow-ups from the table: escalate, end the trajectory; a wrong one names its fields.
            let derde = try #require(try await app.services.cases.load(third.id, context: nil)).file
            r = try await chair.send(
                .post,
                "/meetings/\(meeting)/cases/\(third.id)/decision",
                ["decision": "Vastgelopen.", "followUp": "escalate", "level": "national"],
                ifMatch: "\"\(derde.version)\""
            )
            #expect(try r.problemFields() == ["question", "proposedDecision"])
            r = try await chair.send(
                .post,
                "/meetings/\(meeting)/cases/\(third.id)/decision",
                [
                    "decision": "Vastgelopen: naar de stuurgroep.", "followUp": "escalate", "level": "steeringGroup",
                    "question": "Welk perspectief?", "proposedDecision": "Terugkeer",
                ],
                ifMatch: "\"\(derde.version)\""
            )
            #expect(r.status == .ok, "\(r.text)")
            #expect(try #require(try await app.services.cases.load(third.id, context: nil)).file.escalations.count == 1)
            r = try await chair.send(
                .post,
                "/meetings/\(meeting)/cases/\(active.id)/decision",
                ["decision": "Vertrokken met onbekende bestemming.", "followUp": "end", "reason": "leftUnknown"],
                ifMatch: "\"\(try #require(try await app.services.cases.load(active.id, context: nil)).file.version)\""
            )
            #expect(r.status == .ok, "\(r.text)")
            #expect(try #require(try await app.services.cases.load(active.id, context: nil)).file.stage == .outflow)
            r = try await ind.send(.get, "/meetings/\(meeting)/minutes")
            #expect(
                r.text.contains("Opgeschaald naar Lokale stuurgroep")
                    && r.text.contains("Traject beëindigd: geen oplossing")
            )

            // The regievoerder's inbox lists the new case's overdue perspective.
            r = try await chair.send(.get, "/inbox")
            #expect(try r.decoded(MeetingAPIController.InboxDTO.self).overdue.map(\.name) == ["Yonas Derde"])
            let amsterdam = try await app.admitted("amsterdam", surname: "Elders")
            #expect(
                try await chair.send(.post, "/meetings/\(meeting)/agenda", ["trajectoryId": amsterdam.id.uuidString])
                    .status == .badRequest
            )
        }
    }

    @Test(
        "Web: the chair's meeting page, decision errors beside their fields, and minutes",
        arguments: TestDatabase.available
    )
    func web(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, client in
            let waiting = try await app.referral(surname: "Wachtend")
            _ = try await app.services.service.perform(
                .intake,
                on: waiting.id,
                input: FormInput(single: Fixtures.intake.merging(["surname": "Wachtend"]) { $1 }),
                expectedVersion: nil,
                actor: app.account(.ngo).actor
            )
            var web = WebClient(client)
            _ = try await web.login("municipality.utrecht@demo.koers.nl")
            var r = try await web.post(
                "/meetings",
                [("heldOn", "2026-06-15"), ("partiesPresent", "ngo"), ("partiesPresent", "ind")]
            )
            #expect(r.status == .seeOther)
            let path = try #require(r.location)
            r = try await web.get(path)
            #expect(r.text.contains("Yonas Wachtend") && r.text.contains("Wacht op toelatingsbesluit"))
            let id = waiting.id.uuidString.lowercased()
            r = try await web.post(
                path + "/decisions",
                [("trajectoryId", id), ("decision", ""), ("outcome", "reject"), ("version", "2")]
            )
            #expect(r.status == .unprocessableContent)
            #expect(
                r.text.contains("Besluit van het overleg: Dit veld is verplicht.")
                    && r.text.contains("Reden van afwijzing: Kies de reden van afwijzing.")
            )
            r = try await web.post(
                path + "/decisions",
                [
                    ("trajectoryId", id), ("decision", "Geen regiobinding."), ("outcome", "reject"),
                    ("rejectionReason", "noRegionalTies"), ("version", "2"),
                ]
            )
            #expect(r.status == .seeOther)
            r = try await web.get(path + "/minutes")
            #expect(
                r.text.contains("Geen regiobinding.")
                    && r.text.contains("Toelating: Niet toelaten — Geen regiobinding")
            )
            var ngo = WebClient(client)
            _ = try await ngo.login("ngo.utrecht@demo.koers.nl")
            r = try await ngo.get(path)
            #expect(r.status == .ok && !r.text.contains("/decisions"))
            #expect(
                try await ngo.post(path + "/decisions", [("trajectoryId", id), ("decision", "x")]).status == .forbidden
            )
        }
    }

    @Test("The meeting's decision form offers the configured outflow reasons", arguments: TestDatabase.available)
    func configuredOutflowReasons(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, client in
            // A reason added to the code list, and one switched off.
            let added = OutflowReasonModel()
            added.code = "reunitedAbroad"
            added.category = OutcomeCategory.durable.rawValue
            added.labelNL = "Herenigd met familie in het buitenland"
            added.labelEN = "Reunited with family abroad"
            added.position = 99
            added.active = true
            try await added.create(on: app.services.database.db)
            let retired = try #require(
                try await OutflowReasonModel.query(on: app.services.database.db).filter(\.$code == "leftUnknown")
                    .first()
            )
            retired.active = false
            try await retired.update(on: app.services.database.db)
            let file = try await app.admitted(surname: "Herenigd")
            var chair = WebClient(client)
            _ = try await chair.login(app.account(.municipality).email)
            let path = try #require(
                try await chair.post("/meetings", [("heldOn", "2026-06-15"), ("partiesPresent", "ngo")]).location
            )
            var r = try await chair.post(path + "/agenda", [("trajectoryId", file.id.uuidString.lowercased())])
            r = try await chair.get(path)
            #expect(r.text.contains("<option value=\"reunitedAbroad\">"))
            #expect(!r.text.contains("<option value=\"leftUnknown\">"))
            r = try await chair.post(
                path + "/decisions",
                [
                    ("trajectoryId", file.id.uuidString.lowercased()), ("decision", "Beëindigen: herenigd."),
                    ("followUp", "end"), ("reason", "reunitedAbroad"), ("version", String(file.version)),
                ]
            )
            #expect(r.status == .seeOther)
            let ended = try #require(try await app.services.cases.load(file.id, context: nil)).file
            #expect(ended.outflow?.reasonCode == "reunitedAbroad" && ended.outflow?.category == .durable)
        }
    }
}
