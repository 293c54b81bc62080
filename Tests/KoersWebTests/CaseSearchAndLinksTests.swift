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

/// Finding a person by their full name, and the links between a person's trajectories.
@Suite("Search and trajectory links")
struct CaseSearchAndLinksTests {
    @Test(
        "A full name finds the person, words in any order, across names and aliases",
        arguments: TestDatabase.available
    )
    func fullName(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, client in
            let referral = [
                "givenNames": "Khaled", "surname": "Mansour", "aliases": "Abu Karim", "nationality": "SYR",
                "gender": "male",
                "birthDate": "1985", "channel": "ngo", "referredOn": "2026-05-01",
            ]
            _ = try await app.services.service.refer(FormInput(single: referral), actor: app.account(.ngo).actor)
            _ = try await app.referral(surname: "Mansouri")
            var web = WebClient(client)
            _ = try await web.login(app.account(.ngo).email)
            for query in [
                "Khaled%20Mansour", "Khaled+Mansour", "mansour%20khaled", "Kh%C3%A1led%20Mansour", "Khaled%20Karim",
                "Mansour",
            ] {
                let r = try await web.get("/cases?q=\(query)")
                #expect(r.text.contains("Khaled Mansour"), "\(query)")
                if query != "Mansour" { #expect(r.text.contains("1 dossier gevonden."), "\(query)") }
            }
            #expect(try await web.get("/cases?q=Mansour").text.contains("2 dossiers gevonden."))
            #expect(try await web.get("/cases?q=Khaled%20Tesfay").text.contains("0 dossiers gevonden."))
            let api = APIClient(client: client, token: try await app.token(.ngo))
            let list = try await api.send(.get, "/trajectories?q=Mansour%20Khaled")
            #expect(try list.decoded(APIController.CaseListDTO.self).total == 1)
        }
    }

    @Test("Links to other trajectories only for who may open them", arguments: TestDatabase.available)
    func links(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, client in
            let ngo = app.account(.ngo).actor
            let service = app.services.service
            let first = try await app.admitted(surname: "Terug")
            let outflow = ["leftOn": "2026-05-20", "reason": "leftUnknown"]
            _ = try await service.perform(
                .outflow,
                on: first.id,
                input: FormInput(single: outflow),
                expectedVersion: nil,
                actor: ngo
            )
            let second = try await service.reopen(
                first.id,
                FormInput(single: ["channel": "ngo", "referredOn": "2026-06-01"]),
                actor: ngo
            )
            var intake = Fixtures.intake
            intake["surname"] = "Terug"
            _ = try await service.perform(
                .intake,
                on: second.id,
                input: FormInput(single: intake),
                expectedVersion: nil,
                actor: ngo
            )
            let admitted = try await service.perform(
                .admission,
                on: second.id,
                input: FormInput(single: ["outcome": "admit", "decidedOn": "2026-06-02"]),
                expectedVersion: nil,
                actor: ngo
            )
            let request = FormInput(["request": ["Schrijnend"], "sharedSections": ["identity", "perspective"]])
            _ = try await service.perform(
                .requestCommittee,
                on: admitted.id,
                input: request,
                expectedVersion: nil,
                actor: ngo
            )
            let previous = "/cases/\(first.id.uuidString.lowercased())"
            let current = "/cases/\(second.id.uuidString.lowercased())"

            var web = WebClient(client)
            _ = try await web.login(app.account(.ngo).email)
            let own = try await web.get(current)
            #expect(own.text.contains("href=\"\(previous)\"") && own.text.contains("Vorig traject"))
            #expect(try await web.get(previous).status == .ok)

            var committee = WebClient(client)
            _ = try await committee.login(app.account(.committee, nil).email)
            let shared = try await committee.get(current)
            #expect(shared.status == .ok && shared.text.contains("Yonas Terug"))
            #expect(
                !shared.text.contains("href=\"\(previous)\"") && !shared.text.contains("Vorig traject"),
                "no link it cannot follow"
            )
            #expect(try await committee.get(previous).status == .notFound)
        }
    }

    @Test("The timeline names what an event refers to", arguments: TestDatabase.available)
    func timeline(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, client in
            let file = try await app.admitted(surname: "Tijdlijn")
            let service = app.services.service
            let submitted = try await service.perform(
                .submitProcedure,
                on: file.id,
                input: FormInput(single: ["kind": "hasa", "submittedOn": "2026-05-20"]),
                expectedVersion: nil,
                actor: app.account(.ngo).actor
            )
            let pid = try #require(submitted.procedures.first).id
            _ = try await service.perform(
                .decideProcedure(pid),
                on: file.id,
                input: FormInput(single: ["outcome": "granted", "decidedOn": "2026-06-01"]),
                expectedVersion: nil,
                actor: app.account(.ind).actor
            )
            let item = ["party": "ngo", "text": "Paspoort opvragen", "dueOn": "2026-06-30"]
            let assigned = try await service.perform(
                .assignActionItem,
                on: file.id,
                input: FormInput(single: item),
                expectedVersion: nil,
                actor: app.account(.municipality).actor
            )
            let itemId = try #require(assigned.actionItems.first).id
            _ = try await service.perform(
                .completeActionItem(itemId),
                on: file.id,
                input: FormInput(single: ["on": "2026-06-15"]),
                expectedVersion: nil,
                actor: app.account(.ngo).actor
            )
            var web = WebClient(client)
            _ = try await web.login(app.account(.ngo).email)
            let page = try await web.get("/cases/\(file.id.uuidString.lowercased())")
            #expect(page.text.contains("Beslissing op Herhaalde asielaanvraag (HASA): Ingewilligd"))
            #expect(page.text.contains("Actiepunt van Ngo afgerond: Paspoort opvragen"))
            #expect(page.text.contains("Markeren als afgerond") == false, "the only item is done")
        }
    }

    @Test(
        "Search by name uses an index: FTS5 trigram on SQLite, pg_trgm on PostgreSQL",
        arguments: TestDatabase.available
    )
    func searchIndex(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, _ in
            _ = try await app.referral(surname: "Mansour-Haddad")
            let found = try await app.services.cases.list(
                CaseListQuery(locationIds: app.account(.ngo).actor.locationIds, text: "haddad mansour")
            )
            #expect(found.total == 1)
            struct Plan: Decodable { let detail: String }
            struct PostgresPlan: Decodable {
                let plan: String
                enum CodingKeys: String, CodingKey { case plan = "QUERY PLAN" }
            }
            let plan: String
            switch database {
            case .sqlite:
                let sql = app.services.database.db as! any SQLDatabase
                plan = try await sql.raw(
                    """
                    EXPLAIN QUERY PLAN SELECT id FROM persons WHERE rowid IN \
                    (SELECT rowid FROM person_search WHERE search_text LIKE '%mansour%')
                    """
                ).all(decoding: Plan.self).map(\.detail).joined(separator: "\n")
                #expect(plan.contains("VIRTUAL TABLE INDEX"), "\(plan)")
            case .postgres:
                plan = try await app.services.database.db.transaction { db in
                    let sql = db as! any SQLDatabase
                    try await sql.raw("SET LOCAL enable_seqscan = off").run()
                    return try await sql.raw("EXPLAIN SELECT id FROM persons WHERE search_text LIKE '%mansour%'")
                        .all(decoding: PostgresPlan.self).map(\.plan).joined(separator: "\n")
                }
                #expect(plan.contains("persons_search_trgm"), "\(plan)")
            }
        }
    }
}
