import Foundation
import HTTPTypes
import HummingbirdTesting
import KoersCore
import KoersDemo
import KoersStore
import NIOCore
import Testing

@testable import KoersWeb

@Suite("Sub-deadlines, reviews and action items through the API and the web")
struct DeadlineFlowTests {
    func locationId(_ app: TestApp, _ city: String) -> String {
        app.account(.municipality, city).actor.locationIds.first!.uuidString
    }

    @Test(
        "Policy: set by the location's municipality only, validated, and followed at once",
        arguments: TestDatabase.available
    )
    func policy(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, client in
            let utrecht = locationId(app, "utrecht")
            let municipality = APIClient(client: client, token: try await app.token(.municipality))
            let ngo = APIClient(client: client, token: try await app.token(.ngo))
            let amsterdam = APIClient(client: client, token: try await app.token(.municipality, "amsterdam"))
            #expect(try await municipality.send(.get, "/locations/\(utrecht)/deadline-policy").text == "{}")
            #expect(
                try await ngo.send(.put, "/locations/\(utrecht)/deadline-policy", ["perspectiveWithinWeeks": 2]).status
                    == .forbidden
            )
            #expect(
                try await amsterdam.send(.put, "/locations/\(utrecht)/deadline-policy", ["perspectiveWithinWeeks": 2])
                    .status == .notFound
            )
            let bad = try await municipality.send(
                .put,
                "/locations/\(utrecht)/deadline-policy",
                ["perspectiveWithinWeeks": 0, "reviewEveryWeeks": "vaak"]
            )
            #expect(bad.status == .badRequest)
            #expect(try bad.problemFields() == ["perspectiveWithinWeeks", "reviewEveryWeeks"])

            let file = try await app.admitted()  // admitted 2026-05-10, today 2026-06-15
            var r = try await ngo.send(.get, "/trajectories/\(file.id)/milestones")
            #expect(r.text == "[]")
            #expect(
                try await municipality.send(
                    .put,
                    "/locations/\(utrecht)/deadline-policy",
                    ["perspectiveWithinWeeks": 2, "reviewEveryWeeks": 4]
                ).status == .ok
            )
            r = try await ngo.send(.get, "/trajectories/\(file.id)/milestones")
            let states = try r.decoded([MilestoneDTO].self).map { "\($0.key):\($0.state.rawValue)" }
            #expect(states == ["perspective:overdue", "review-1:overdue"])
            r = try await ngo.send(.get, "/trajectories/\(file.id)/milestones?on=2026-05-20")
            #expect(r.text.contains("\"state\":\"scheduled\""))
            #expect(try await ngo.send(.get, "/trajectories/\(file.id)/milestones?on=gisteren").status == .badRequest)

            // The progress view lists it as overdue; the monitor sees no progress view.
            r = try await ngo.send(.get, "/locations/\(utrecht)/progress")
            #expect(try r.decoded(APIController.ProgressDTO.self).overdue.count == 2)
            let monitor = APIClient(client: client, token: try await app.token(.monitor, nil))
            #expect(try await monitor.send(.get, "/locations/\(utrecht)/progress").status == .notFound)
        }
    }

    @Test(
        "Suspend, resume, extend, skip, review and action items, by the right parties",
        arguments: TestDatabase.available
    )
    func changes(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, client in
            let utrecht = locationId(app, "utrecht")
            let municipality = APIClient(client: client, token: try await app.token(.municipality))
            let ngo = APIClient(client: client, token: try await app.token(.ngo))
            let ind = APIClient(client: client, token: try await app.token(.ind))
            let dtv = APIClient(client: client, token: try await app.token(.dtv))
            _ = try await municipality.send(
                .put,
                "/locations/\(utrecht)/deadline-policy",
                ["perspectiveWithinWeeks": 8, "reviewEveryWeeks": 4]
            )
            let file = try await app.admitted()
            var etag = "\"\(file.version)\""
            func milestone(_ key: String) async throws -> MilestoneDTO? {
                let r = try await ngo.send(.get, "/trajectories/\(file.id)/milestones")
                return try r.decoded([MilestoneDTO].self).first { $0.key == key }
            }

            // Only the regievoerder adjusts deadlines.
            var r = try await ngo.send(
                .post,
                "/trajectories/\(file.id)/milestones/perspective",
                ["action": "suspend", "on": "2026-06-01", "reason": "Opname"],
                ifMatch: etag
            )
            #expect(r.status == .forbidden)
            r = try await municipality.send(
                .post,
                "/trajectories/\(file.id)/milestones/perspective",
                ["action": "suspend", "on": "2026-06-01"],
                ifMatch: etag
            )
            #expect(r.status == .badRequest)
            #expect(try r.decoded(Problem.self).invalidParams?.first?.name == "reason")
            r = try await municipality.send(
                .post,
                "/trajectories/\(file.id)/milestones/perspective",
                ["action": "suspend", "on": "2026-06-01", "reason": "Opname ziekenhuis"],
                ifMatch: etag
            )
            #expect(r.status == .ok)
            etag = r.headers[.eTag]!
            #expect(try await milestone("perspective")?.state == .suspended)
            r = try await municipality.send(
                .post,
                "/trajectories/\(file.id)/milestones/perspective",
                ["action": "extend", "on": "2026-06-02", "until": "2026-09-01", "reason": "x"],
                ifMatch: etag
            )
            #expect(r.status == .badRequest)
            r = try await municipality.send(
                .post,
                "/trajectories/\(file.id)/milestones/perspective",
                ["action": "resume", "on": "2026-06-11"],
                ifMatch: etag
            )
            #expect(r.status == .ok)
            etag = r.headers[.eTag]!
            let resumed = try #require(try await milestone("perspective"))
            #expect(resumed.state == .scheduled)
            #expect(resumed.dueOn.description == "2026-07-15")  // 2026-07-05 plus ten suspended days
            r = try await municipality.send(
                .post,
                "/trajectories/\(file.id)/milestones/perspective",
                ["action": "extend", "on": "2026-06-12", "until": "2026-08-01", "reason": "Wacht op IND"],
                ifMatch: etag
            )
            #expect(r.status == .ok)
            etag = r.headers[.eTag]!
            #expect(try await milestone("perspective")?.state == .extended)
            r = try await municipality.send(
                .post,
                "/trajectories/\(file.id)/milestones/review-1",
                ["action": "skip", "on": "2026-06-12", "reason": "Besproken in het stuurgroepoverleg"],
                ifMatch: etag
            )
            #expect(r.status == .ok)
            etag = r.headers[.eTag]!
            #expect(try await milestone("review-1")?.state == .skipped)
            r = try await municipality.send(
                .post,
                "/trajectories/\(file.id)/milestones/nonsense",
                ["action": "skip", "on": "2026-06-12", "reason": "x"],
                ifMatch: etag
            )
            #expect(r.status == .badRequest)

            // Action items: assigned by the municipality, done by their party.
            r = try await ngo.send(
                .post,
                "/trajectories/\(file.id)/action-items",
                ["party": "ind", "text": "Dossier opvragen", "dueOn": "2026-06-30"],
                ifMatch: etag
            )
            #expect(r.status == .forbidden)
            r = try await municipality.send(
                .post,
                "/trajectories/\(file.id)/action-items",
                ["party": "monitor", "text": "", "dueOn": "2026-01-01"],
                ifMatch: etag
            )
            #expect(try r.problemFields() == ["party", "text", "dueOn"])
            r = try await municipality.send(
                .post,
                "/trajectories/\(file.id)/action-items",
                ["party": "ind", "text": "Dossier opvragen", "dueOn": "2026-06-30"],
                ifMatch: etag
            )
            #expect(r.status == .ok)
            etag = r.headers[.eTag]!
            let item = try #require(try r.decoded(CaseDTO.self).actionItems?.first?.id).uuidString.lowercased()
            #expect(
                try await dtv.send(
                    .post,
                    "/trajectories/\(file.id)/action-items/\(item)/completion",
                    ["on": "2026-06-15"],
                    ifMatch: etag
                ).status == .forbidden
            )
            r = try await ind.send(
                .post,
                "/trajectories/\(file.id)/action-items/\(item)/completion",
                ["on": "2026-06-15"],
                ifMatch: etag
            )
            #expect(r.status == .ok)
            etag = r.headers[.eTag]!
            #expect(try await milestone("action-\(item)")?.state == .met)

            // After a skipped review the next cycle runs from the skip; a review held meets it.
            #expect(try await milestone("review-2")?.dueOn.description == "2026-07-10")
            r = try await municipality.send(
                .post,
                "/trajectories/\(file.id)/reviews",
                ["on": "2026-06-14"],
                ifMatch: etag
            )
            #expect(r.status == .ok)
            #expect(try await milestone("review-1")?.state == .skipped)
            #expect(try await milestone("review-2")?.state == .met)
            #expect(try await milestone("review-3")?.dueOn.description == "2026-07-12")
        }
    }

    @Test("Web: progress page, policy form and the case's deadline forms", arguments: TestDatabase.available)
    func web(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, client in
            let utrecht = locationId(app, "utrecht").lowercased()
            let file = try await app.admitted()
            var web = WebClient(client)
            _ = try await web.login(
                "gemeente.utrecht@demo.koers.nl".replacingOccurrences(of: "gemeente", with: "municipality")
            )
            var r = try await web.get("/progress")
            #expect(r.status == .ok && r.text.contains("Deze locatie werkt zonder deeltermijnen."))
            r = try await web.post(
                "/locations/\(utrecht)/deadlines",
                [("perspectiveWithinWeeks", "nul"), ("reviewEveryWeeks", ""), ("maximumStayMonths", "999")]
            )
            #expect(r.status == .unprocessableContent)
            #expect(
                r.text.contains("id=\"f-perspectiveWithinWeeks-error\"")
                    && r.text.contains("id=\"f-maximumStayMonths-error\"")
            )
            r = try await web.post(
                "/locations/\(utrecht)/deadlines",
                [("perspectiveWithinWeeks", "2"), ("reviewEveryWeeks", ""), ("maximumStayMonths", "")]
            )
            #expect(r.status == .seeOther)
            r = try await web.get("/progress")
            #expect(r.text.contains("perspectief binnen 2 weken") && r.text.contains("Verlopen (1)"))
            let id = file.id.uuidString.lowercased()
            r = try await web.get("/cases/\(id)")
            #expect(r.text.contains("Deeltermijnen en actiepunten") && r.text.contains("Verlopen"))
            r = try await web.post(
                "/cases/\(id)/milestones/perspective",
                [
                    ("action", "extend"), ("on", "2026-06-15"), ("until", "2026-05-20"), ("reason", ""),
                    ("version", String(file.version)),
                ]
            )
            #expect(r.status == .unprocessableContent)
            #expect(
                r.text.contains(
                    "Nieuwe datum (Perspectief bepaald): De nieuwe datum moet na de huidige (2026-05-24) liggen."
                )
            )
            #expect(r.text.contains("Reden (Perspectief bepaald): Geef de reden van verlenging."))
            r = try await web.post(
                "/cases/\(id)/milestones/perspective",
                [
                    ("action", "extend"), ("on", "2026-06-15"), ("until", "2026-07-01"), ("reason", "Wacht op IND"),
                    ("version", String(file.version)),
                ]
            )
            #expect(r.status == .seeOther)
            r = try await web.get("/cases/\(id)")
            #expect(r.text.contains("Verlengd") && r.text.contains("Termijn verlengd tot 2026-07-01"))
            // Agencies see the section but not the municipality's forms; the policy form is not theirs.
            var ind = WebClient(client)
            _ = try await ind.login("ind.utrecht@demo.koers.nl")
            r = try await ind.get("/cases/\(id)")
            #expect(r.text.contains("Deeltermijnen en actiepunten") && !r.text.contains("/milestones/perspective"))
            #expect(try await ind.get("/locations/\(utrecht)/deadlines").status == .forbidden)
            #expect(try await ind.post("/cases/\(id)/reviews", [("on", "2026-06-15")]).status == .forbidden)
        }
    }
}
