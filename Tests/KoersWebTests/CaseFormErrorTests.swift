import Foundation
import HTTPTypes
import HummingbirdTesting
import KoersCore
import KoersDemo
import KoersStore
import Testing

@testable import KoersWeb

/// The small forms on case and meeting pages: each keeps what was typed, shows its errors beside
/// its own fields and once, with ids of its own, and its summary uses the fields' own words.
@Suite("Case and meeting forms: errors where they belong")
struct CaseFormErrorTests {
    @Test("A milestone form keeps its input and names the milestone in its errors", arguments: TestDatabase.available)
    func milestone(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, client in
            let file = try await app.admitted("amsterdam", surname: "Termijn")
            let id = file.id.uuidString.lowercased()
            var web = WebClient(client)
            _ = try await web.login(app.account(.municipality, "amsterdam").email)
            var r = try await web.get("/cases/\(id)")
            #expect(r.text.contains("action=\"/cases/\(id)/milestones/perspective\""))
            #expect(PageChecks.duplicateIds(r.text).isEmpty, "\(PageChecks.duplicateIds(r.text))")
            r = try await web.post(
                "/cases/\(id)/milestones/perspective",
                [
                    ("action", "extend"), ("until", ""), ("reason", "Wacht op de IND"), ("on", "2026-06-15"),
                    ("version", String(file.version)),
                ]
            )
            #expect(r.status == .unprocessableContent)
            #expect(r.text.contains("Nieuwe datum (Perspectief bepaald)"), "the summary names the milestone")
            #expect(r.text.contains("id=\"f-m-perspective-until-error\""), "the error is beside the field")
            #expect(r.text.contains("<option value=\"extend\" selected>"), "the chosen action is kept")
            #expect(r.text.contains("value=\"Wacht op de IND\""), "the reason is kept")
            #expect(PageChecks.count("class=\"error-summary\"", in: r.text) == 1)
            #expect(PageChecks.duplicateIds(r.text).isEmpty, "\(PageChecks.duplicateIds(r.text))")
            PageChecks.expectSummaryUsesFieldLabels(r.text)
        }
    }

    @Test(
        "An escalation body's empty decision shows one error box, in its own section",
        arguments: TestDatabase.available
    )
    func escalationErrorsOnce(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, client in
            let file = try await app.admitted(surname: "Landelijk")
            let chair = APIClient(client: client, token: try await app.token(.municipality))
            let escalation = ["level": "national", "question": "Vertrek?", "proposedDecision": "Nog drie maanden."]
            let r0 = try await chair.send(
                .post,
                "/trajectories/\(file.id)/escalations",
                escalation,
                ifMatch: "\"\(file.version)\""
            )
            let eid = try #require(try r0.decoded(CaseDTO.self).escalations?.first?.escalation.id).uuidString
                .lowercased()
            var national = WebClient(client)
            _ = try await national.login(app.account(.escalationBody, nil).email)
            let id = file.id.uuidString.lowercased()
            let r = try await national.post(
                "/cases/\(id)/escalations/\(eid)/decision",
                [("decision", ""), ("version", String(file.version + 1))]
            )
            #expect(r.status == .unprocessableContent)
            #expect(PageChecks.count("class=\"error-summary\"", in: r.text) == 1)
            #expect(r.text.contains("Besluit: Dit veld is verplicht."))
            PageChecks.expectSummaryUsesFieldLabels(r.text)
            #expect(PageChecks.duplicateIds(r.text).isEmpty)
        }
    }

    @Test("Eight decision forms on one meeting page keep their own ids and errors", arguments: TestDatabase.available)
    func meetingIds(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, client in
            var waiting: [CaseFile] = []
            for i in 0..<3 {
                let file = try await app.referral(surname: "Agenda\(i)")
                let intake = Fixtures.intake.merging(["surname": "Agenda\(i)"]) { $1 }
                waiting.append(
                    try await app.services.service.perform(
                        .intake,
                        on: file.id,
                        input: FormInput(single: intake),
                        expectedVersion: nil,
                        actor: app.account(.ngo).actor
                    )
                )
            }
            var web = WebClient(client)
            _ = try await web.login(app.account(.municipality).email)
            let path = try #require(
                try await web.post("/meetings", [("heldOn", "2026-06-15"), ("partiesPresent", "ngo")]).location
            )
            var r = try await web.get(path)
            #expect(PageChecks.duplicateIds(r.text).isEmpty, "\(PageChecks.duplicateIds(r.text))")
            // The second form on the page, submitted empty.
            let order = PageChecks.matches(#"<li class="agenda-item" id="case-([0-9a-f-]{36})""#, in: r.text)
            #expect(order.count == 3)
            let second = order[1]
            r = try await web.post(path + "/decisions", [("trajectoryId", second), ("decision", ""), ("version", "2")])
            #expect(r.status == .unprocessableContent)
            #expect(PageChecks.duplicateIds(r.text).isEmpty, "\(PageChecks.duplicateIds(r.text))")
            let links = PageChecks.summaryLinks(r.text)
            #expect(links.map(\.id) == ["f-d-\(second.suffix(8))-decision"], "\(links)")
            // The linked field is in the second agenda item, not the first.
            let item = try #require(
                PageChecks.blocks(
                    #"<li class="agenda-item" id="case-\#(second)".*?</li>\s*(?=<li class="agenda-item"|</ol>)"#,
                    in: r.text
                ).first
            )
            #expect(item.contains("id=\"f-d-\(second.suffix(8))-decision\""))
            #expect(item.contains("id=\"f-d-\(second.suffix(8))-decision-error\""))
            PageChecks.expectSummaryUsesFieldLabels(r.text)
            // Every label points at a field that exists.
            let ids = Set(PageChecks.ids(r.text))
            for target in PageChecks.matches(#"<label for="([^"]+)""#, in: r.text) {
                #expect(ids.contains(target), "label for \(target)")
            }
        }
    }

    @Test("Error summaries use the fields' own words", arguments: TestDatabase.available)
    func summaryWords(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, client in
            let file = try await app.admitted(surname: "Woorden")
            let id = file.id.uuidString.lowercased()
            let submitted = try await app.services.service.perform(
                .submitProcedure,
                on: file.id,
                input: FormInput(single: ["kind": "hasa", "submittedOn": "2026-05-20"]),
                expectedVersion: nil,
                actor: app.account(.ngo).actor
            )
            let procedure = try #require(submitted.procedures.first).id.uuidString.lowercased()
            var web = WebClient(client)
            _ = try await web.login(app.account(.municipality).email)
            let version = String(submitted.version)
            let utrecht = app.account(.municipality).actor.locationIds.first!.uuidString.lowercased()
            let referred = try await app.referral(surname: "Aangemeld")
            let atIntake = try await AccessMatrixRecordingTests.atIntake(app, surname: "Intake")
            let referredPath = "/cases/\(referred.id.uuidString.lowercased())"
            let intakePath = "/cases/\(atIntake.id.uuidString.lowercased())"
            let forms: [(String, [(String, String)])] = [
                ("/cases/\(id)/procedures/\(procedure)/decision", [("version", version)]),
                ("/cases/\(id)/perspective", [("version", version)]),
                ("/cases/\(id)/support", [("version", version)]),
                ("/cases/\(id)/procedures", [("version", version)]),
                ("/cases/\(id)/outflow", [("version", version)]),
                ("/cases/\(id)/escalate", [("version", version)]),
                ("/cases/\(id)/committee", [("version", version)]),
                ("/cases/\(id)/notes", []),
                ("/cases/\(id)/action-items", [("version", version)]),
                ("/locations/\(utrecht)/deadlines", [("reviewEveryWeeks", "0")]),
                ("/cases", []),
                (referredPath + "/intake", [("version", String(referred.version))]),
                (intakePath + "/admission", [("version", String(atIntake.version))]),
                ("/meetings", [("heldOn", "")]),
            ]
            for (path, fields) in forms {
                let r = try await web.post(path, fields)
                #expect(r.status == .unprocessableContent, "\(path): \(r.status)")
                PageChecks.expectSummaryUsesFieldLabels(r.text)
                #expect(PageChecks.duplicateIds(r.text).isEmpty, "\(path): \(PageChecks.duplicateIds(r.text))")
            }
            // The HASA decision: "Beslissing" and "Datum beslissing", as the fields say.
            let r = try await web.post("/cases/\(id)/procedures/\(procedure)/decision", [("version", version)])
            #expect(r.text.contains(">Beslissing: ") && r.text.contains(">Datum beslissing: "))
        }
    }

    @Test("After a save the page confirms it, announced as a status", arguments: TestDatabase.available)
    func confirmation(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, client in
            let file = try await app.admitted(surname: "Bevestigd")
            let id = file.id.uuidString.lowercased()
            var web = WebClient(client)
            _ = try await web.login(app.account(.ngo).email)
            let r = try await web.post(
                "/cases/\(id)/notes",
                [("classification", "general"), ("text", "Gesprek gehad")]
            )
            #expect(r.status == .seeOther)
            let location = try #require(r.location)
            #expect(location == "/cases/\(id)?saved=1#h-notes")
            let page = try await web.get(String(location.prefix { $0 != "#" }))
            #expect(page.text.contains("role=\"status\">Wijziging opgeslagen.</p>"))
            // A note is shared with the others: the NGO is not offered to itself.
            #expect(page.text.contains("name=\"sharedWith\" value=\"municipality\""))
            #expect(!page.text.contains("name=\"sharedWith\" value=\"ngo\""))
            #expect(!(try await web.get("/cases/\(id)")).text.contains("Wijziging opgeslagen."))
        }
    }

    @Test(
        "A long agenda comes a page of 20 at a time, and a decision returns to its page",
        arguments: TestDatabase.available
    )
    func agendaPages(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, client in
            for i in 0..<25 { _ = try await AccessMatrixRecordingTests.atIntake(app, surname: "Lang\(i)") }
            var web = WebClient(client)
            _ = try await web.login(app.account(.municipality).email)
            let path = try #require(
                try await web.post("/meetings", [("heldOn", "2026-06-15"), ("partiesPresent", "ngo")]).location
            )
            var r = try await web.get(path)
            let itemPattern = #"<li class="agenda-item" id="case-([0-9a-f-]{36})""#
            #expect(PageChecks.matches(itemPattern, in: r.text).count == 20)
            #expect(r.text.contains("Agenda (25)") && r.text.contains("Pagina 1 van 2"))
            r = try await web.get(path + "?page=2")
            let second = PageChecks.matches(itemPattern, in: r.text)
            #expect(second.count == 5 && r.text.contains("<ol class=\"agenda\" start=\"21\">"))
            let last = try #require(second.last)
            let version = String(
                try #require(try await app.services.cases.load(UUID(uuidString: last)!, context: nil)).file.version
            )
            // An error on page 2 shows page 2 with the error at that case's form.
            r = try await web.post(
                path + "/decisions",
                [("trajectoryId", last), ("decision", ""), ("version", version)]
            )
            #expect(r.status == .unprocessableContent && r.text.contains("id=\"f-d-\(last.suffix(8))-decision-error\""))
            #expect(r.text.contains("Pagina 2 van 2"))
            // A decision returns to the page that holds the case.
            r = try await web.post(
                path + "/decisions",
                [("trajectoryId", last), ("decision", "Toelaten."), ("outcome", "admit"), ("version", version)]
            )
            let back = try #require(r.location)
            #expect(back == path + "?case=\(last)#case-\(last)")
            r = try await web.get(String(back.prefix { $0 != "#" }))
            #expect(r.text.contains("Pagina 2 van 2") && r.text.contains("Besluit: Toelaten."))
        }
    }
}
