import Foundation
import HTTPTypes
import HummingbirdTesting
import KoersCore
import KoersDemo
import KoersStore
import Testing

@testable import KoersWeb

/// An agenda reflects the cases as they stand whenever it is opened, until the meeting is held.
@Suite("Agendas as the cases stand")
struct AgendaAsCasesStandTests {
    @Test(
        "Admitted in one meeting, gone from the next; returned decisions appear without a refresh",
        arguments: TestDatabase.available
    )
    func live(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, client in
            let waiting = try await AccessMatrixRecordingTests.atIntake(app, surname: "Besproken")
            let escalated = try await app.admitted(surname: "Opgeschaald")
            let advised = try await app.admitted(surname: "Geadviseerd")
            var chair = WebClient(client)
            _ = try await chair.login(app.account(.municipality).email)
            let today = try #require(
                try await chair.post("/meetings", [("heldOn", "2026-06-15"), ("partiesPresent", "ngo")]).location
            )
            let next = try #require(
                try await chair.post("/meetings", [("heldOn", "2026-06-29"), ("partiesPresent", "ngo")]).location
            )
            func onAgenda(_ file: CaseFile, _ html: String) -> Bool {
                html.contains("<li class=\"agenda-item\" id=\"case-\(file.id.uuidString.lowercased())\"")
            }
            var r = try await chair.get(next)
            #expect(onAgenda(waiting, r.text) && r.text.contains("Wacht op toelatingsbesluit"))
            #expect(!onAgenda(escalated, r.text) && !onAgenda(advised, r.text))

            // Today's meeting admits the person.
            let id = waiting.id.uuidString.lowercased()
            r = try await chair.post(
                today + "/decisions",
                [
                    ("trajectoryId", id), ("decision", "Toelaten."), ("outcome", "admit"),
                    ("version", String(waiting.version)),
                ]
            )
            #expect(r.status == .seeOther)
            r = try await chair.get(today)
            #expect(onAgenda(waiting, r.text) && r.text.contains("Toelaten."), "the meeting keeps what it decided")

            // A steering group decides, the committee advises: both return to the table.
            let api = APIClient(client: client, token: try await app.token(.municipality))
            let body = ["level": "steeringGroup", "question": "Vertrek?", "proposedDecision": "Wachten."]
            let e = try await api.send(
                .post,
                "/trajectories/\(escalated.id)/escalations",
                body,
                ifMatch: "\"\(escalated.version)\""
            )
            let eid = try #require(try e.decoded(CaseDTO.self).escalations?.first?.escalation.id).uuidString
                .lowercased()
            let steering = APIClient(client: client, token: try await app.token(.escalationBody))
            let decided = try await steering.send(
                .post,
                "/trajectories/\(escalated.id)/escalations/\(eid)/decision",
                ["decision": "Akkoord."],
                ifMatch: e.headers[.eTag]
            )
            #expect(decided.status == .ok)
            let request = ["request": "Schrijnend.", "sharedSections": ["identity"]] as [String: Any]
            let c = try await api.send(
                .post,
                "/trajectories/\(advised.id)/committee-requests",
                request,
                ifMatch: "\"\(advised.version)\""
            )
            let rid = try #require(try c.decoded(CaseDTO.self).committeeRequests?.first?.request.id).uuidString
                .lowercased()
            let committee = APIClient(client: client, token: try await app.token(.committee, nil))
            let advice = try await committee.send(
                .post,
                "/trajectories/\(advised.id)/committee-requests/\(rid)/advice",
                ["advice": "Positief."],
                ifMatch: c.headers[.eTag]
            )
            #expect(advice.status == .ok)

            // The next meeting, opened without "update the agenda".
            r = try await chair.get(next)
            #expect(!onAgenda(waiting, r.text), "an admitted person no longer waits for a decision")
            #expect(!r.text.contains("Wacht op toelatingsbesluit"))
            #expect(onAgenda(escalated, r.text) && r.text.contains("Besluit na opschaling terug"))
            #expect(onAgenda(advised, r.text) && r.text.contains("Advies commissie schrijnende gevallen terug"))
            let meeting = try await api.send(.get, "/meetings/" + String(next.split(separator: "/").last!))
            let names = try meeting.decoded(MeetingAPIController.MeetingDTO.self).agenda.map(\.name)
            #expect(Set(names) == ["Yonas Opgeschaald", "Yonas Geadviseerd"], "\(names)")
        }
    }

    @Test("An action item due on the agenda says which, and for whom", arguments: TestDatabase.available)
    func actionItemReason(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, client in
            let file = try await app.admitted(surname: "Actie")
            let item = ["party": "ind", "text": "Dossier opvragen", "dueOn": "2026-06-20"]
            _ = try await app.services.service.perform(
                .assignActionItem,
                on: file.id,
                input: FormInput(single: item),
                expectedVersion: nil,
                actor: app.account(.municipality).actor
            )
            var chair = WebClient(client)
            _ = try await chair.login(app.account(.municipality).email)
            let path = try #require(
                try await chair.post("/meetings", [("heldOn", "2026-06-22"), ("partiesPresent", "ind")]).location
            )
            let r = try await chair.get(path)
            #expect(r.text.contains("Actiepunt verloopt: ‘Dossier opvragen’ (IND, uiterlijk 2026-06-20)"))
        }
    }
}

/// Agenda rules in the core: the chair's order kept, reasons recomputed, stale cases dropped.
@Suite("Agenda refresh")
struct AgendaRefreshTests {
    @Test("Reasons are recomputed; what no longer needs the table leaves unless the chair or the meeting holds it")
    func refresh() {
        let (a, b, c, d) = (UUID(), UUID(), UUID(), UUID())
        let stored = [
            AgendaItem(trajectoryId: a, reasons: [.awaitingDecision]),
            AgendaItem(trajectoryId: b, reasons: [.reviewDue, .addedByChair]),
            AgendaItem(trajectoryId: c, reasons: [.awaitingDecision]),
        ]
        let fresh = [AgendaItem(trajectoryId: d, reasons: [.escalationReturned])]
        let result = Agenda.refresh(stored, with: fresh, decided: [c])
        #expect(result.map(\.trajectoryId) == [b, c, d])
        #expect(result[0].reasons == [.addedByChair])
        #expect(result[1].reasons == [.awaitingDecision], "decided here: kept as it was discussed")
        #expect(result[2].reasons == [.escalationReturned])
    }
}
