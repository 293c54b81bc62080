import Foundation
import HTTPTypes
import HummingbirdTesting
import KoersCore
import KoersDemo
import KoersStore
import Testing

@testable import KoersWeb

@Suite("The life of a case")
struct LifeOfACaseTests {
    /// The case's id in a redirect to its page, which may carry `?saved=1` to announce the change.
    static func caseId(from location: String?) throws -> String {
        let path = try #require(location?.split(whereSeparator: { $0 == "?" || $0 == "#" }).first)
        return try #require(path.split(separator: "/").last.map(String.init))
    }

    static func version(_ html: String) throws -> String {
        let marker = "name=\"version\" value=\""
        let start = try #require(html.range(of: marker)).upperBound
        return String(html[start...].prefix { $0 != "\"" })
    }

    @Test("Utrecht NGO: referral to outflow in the browser", arguments: TestDatabase.available)
    func throughTheWeb(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, client in
            var web = WebClient(client)
            // setup
            #expect(try await web.login("ngo.utrecht@demo.koers.nl").status == .found)

            // MUT: referral
            var r = try await web.post(
                "/cases",
                [
                    ("givenNames", "Senait"), ("surname", "Gebremedhin"), ("aliases", "Senayt Gebremedin"),
                    ("birthDate", "1994"), ("nationality", "ERI"), ("gender", "female"), ("channel", "ngo"),
                    ("referredOn", "2026-05-02"),
                ]
            )
            #expect(r.status == .seeOther)
            let id = try Self.caseId(from: r.location)
            r = try await web.get("/cases/\(id)")
            #expect(r.text.contains("Senait Gebremedhin") && r.text.contains("Aanmelding"))

            // intake
            r = try await web.get("/cases/\(id)/intake")
            #expect(r.text.contains("value=\"Gebremedhin\""))
            var intake = Fixtures.intake.map { ($0.key, $0.value) }.filter {
                !["givenNames", "surname", "gender", "birthDate"].contains($0.0)
            }
            intake += [
                ("givenNames", "Senait"), ("surname", "Gebremedhin"), ("gender", "female"), ("birthDate", "1994"),
                ("version", try Self.version(r.text)), ("biometricallyIdentified", "true"),
            ]
            r = try await web.post("/cases/\(id)/intake", intake)
            #expect(r.status == .seeOther)

            // admission check shows every criterion with its reason, then admit
            r = try await web.get("/cases/\(id)/admission")
            for criterion in Criterion.allCases { #expect(r.text.contains(criterion.label.nl)) }
            #expect(r.text.contains("Voldoet aan de criteria"))
            r = try await web.post(
                "/cases/\(id)/admission",
                [("outcome", "admit"), ("decidedOn", "2026-05-12"), ("version", try Self.version(r.text))]
            )
            #expect(r.status == .seeOther)

            // perspective, support, HASA with its decision
            r = try await web.get("/cases/\(id)/perspective")
            r = try await web.post(
                "/cases/\(id)/perspective",
                [("perspective", "legalisation"), ("decidedOn", "2026-05-20"), ("version", try Self.version(r.text))]
            )
            #expect(r.status == .seeOther)
            r = try await web.get("/cases/\(id)/support")
            r = try await web.post(
                "/cases/\(id)/support",
                [("instrument", "shelter24h"), ("startedOn", "2026-05-12"), ("version", try Self.version(r.text))]
            )
            #expect(r.status == .seeOther)
            r = try await web.get("/cases/\(id)/procedures")
            r = try await web.post(
                "/cases/\(id)/procedures",
                [
                    ("kind", "hasa"), ("submittedOn", "2026-05-25"), ("reference", "HASA-1"),
                    ("version", try Self.version(r.text)),
                ]
            )
            #expect(r.status == .seeOther)
            r = try await web.get("/cases/\(id)")
            let decisionLink = try #require(
                r.text.range(of: "/procedures/[0-9a-f-]{36}/decision", options: .regularExpression).map {
                    String(r.text[$0])
                }
            )
            r = try await web.get("/cases/\(id)\(decisionLink)")
            #expect(r.status == .ok)
            r = try await web.post(
                "/cases/\(id)\(decisionLink)",
                [("outcome", "granted"), ("decidedOn", "2026-06-10"), ("version", try Self.version(r.text))]
            )
            #expect(r.status == .seeOther)

            // outflow with an outcome
            r = try await web.get("/cases/\(id)/outflow")
            r = try await web.post(
                "/cases/\(id)/outflow",
                [("leftOn", "2026-06-12"), ("reason", "permitGranted"), ("version", try Self.version(r.text))]
            )
            #expect(r.status == .seeOther)

            // validate: the case page and its timeline tell the whole story
            r = try await web.get("/cases/\(id)")
            let page = r.text
            #expect(page.contains("Uitgestroomd"))
            #expect(page.contains("Bestendige oplossing — Verblijfsvergunning verleend"))
            #expect(page.contains("Ingewilligd"))
            #expect(page.contains("24-uursopvang"))
            #expect(page.contains("Legalisering"))
            for line in [
                "Aangemeld via", "Intake vastgelegd", "Toelatingsbesluit: Toelaten", "Perspectief: Legalisering",
                "Gestart: 24-uursopvang",
                "Ingediend: Herhaalde asielaanvraag",
                "Beslissing op Herhaalde asielaanvraag (HASA): Ingewilligd (gemeld door ngo)",
                "Uitstroom: Verblijfsvergunning verleend",
            ] {
                #expect(page.contains(line), "timeline misses \(line)")
            }
            let file = try #require(try await app.services.cases.load(UUID(uuidString: id)!, context: nil)).file
            #expect(file.stage == .outflow && file.version == 8 && file.support.first?.endedOn == Day("2026-06-12"))

            // English on request
            r = try await web.get("/language?to=en&back=/cases/\(id)")
            r = try await web.get("/cases/\(id)")
            #expect(r.text.contains("Durable solution — Permit granted") && r.text.contains("lang=\"en\""))
        }
    }

    @Test("The same life through the API with a token", arguments: TestDatabase.available)
    func throughTheAPI(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, client in
            let api = APIClient(client: client, token: try await app.token(.ngo))
            var r = try await api.send(
                .post,
                "/trajectories",
                [
                    "givenNames": "Ahmad", "surname": "Rahimi", "birthDate": "1988-07", "nationality": "AFG",
                    "gender": "male",
                    "vNumber": "1234567890", "channel": "ngo", "referredOn": "2026-05-02",
                ]
            )
            #expect(r.status == .created)
            #expect(r.headers[.init("API-Version")!] == "1.0.0")
            let created = try r.decoded(CaseDTO.self)
            #expect(created.stage == .referral && created.identity?.surname == "Rahimi")
            let id = created.id.uuidString.lowercased()
            var etag = try #require(r.headers[.eTag])
            var intake: [String: Any] = Fixtures.intake
            intake["surname"] = "Rahimi"
            intake["nationality"] = "AFG"
            intake["vNumber"] = "1234567890"
            intake["regionalTies"] = ["familyOrNetwork"]
            intake["biometricallyIdentified"] = true
            r = try await api.send(.post, "/trajectories/\(id)/intake", intake, ifMatch: etag)
            #expect(r.status == .ok)
            etag = r.headers[.eTag]!
            r = try await api.send(.get, "/trajectories/\(id)/admission-check")
            let check = try r.decoded(AdmissionCheckDTO.self)
            #expect(check.verdict == .eligible)
            #expect(check.criteria.count == 6)
            let steps: [(String, [String: Any])] = [
                ("admission-decision", ["outcome": "admit", "decidedOn": "2026-05-12"]),
                ("perspectives", ["perspective": "legalisation", "decidedOn": "2026-05-20"]),
                ("support-periods", ["instrument": "legalAssistance", "startedOn": "2026-05-12"]),
                ("procedures", ["kind": "hasa", "submittedOn": "2026-05-25"]),
            ]
            for (path, body) in steps {
                r = try await api.send(.post, "/trajectories/\(id)/\(path)", body, ifMatch: etag)
                #expect(r.status == .ok, "\(path): \(r.text)")
                etag = r.headers[.eTag]!
            }
            let admitted = try r.decoded(CaseDTO.self)
            #expect(admitted.stage == .active && admitted.currentPerspective == .legalisation)
            let support = try #require(admitted.support?.first?.id).uuidString.lowercased()
            r = try await api.send(
                .post,
                "/trajectories/\(id)/support-periods/\(support)/end",
                ["endedOn": "2026-05-01"],
                ifMatch: etag
            )
            #expect(r.status == .badRequest)
            #expect(try r.decoded(Problem.self).invalidParams?.first?.code == "beforeStart")
            r = try await api.send(
                .post,
                "/trajectories/\(id)/support-periods/\(support)/end",
                ["endedOn": "2026-06-01"],
                ifMatch: etag
            )
            #expect(r.status == .ok)
            let ended = try r.decoded(CaseDTO.self)
            #expect(ended.support?.first?.endedOn == Day("2026-06-01"))
            etag = r.headers[.eTag]!
            #expect(etag == "\"\(ended.version)\"")
            let procedure = try #require(ended.procedures?.first?.id).uuidString.lowercased()
            r = try await api.send(
                .post,
                "/trajectories/\(id)/procedures/\(procedure)/decision",
                ["outcome": "granted", "decidedOn": "2026-06-10"],
                ifMatch: etag
            )
            #expect(r.status == .ok)
            #expect(try r.decoded(CaseDTO.self).procedures?.first?.outcome == .granted)
            etag = r.headers[.eTag]!
            r = try await api.send(
                .post,
                "/trajectories/\(id)/outflow",
                ["leftOn": "2026-06-12", "reason": "permitGranted"],
                ifMatch: etag
            )
            #expect(r.status == .ok)
            let left = try r.decoded(CaseDTO.self)
            #expect(left.stage == .outflow)
            #expect(left.outflow?.category == .durable)
            r = try await api.send(.get, "/trajectories/\(id)/events")
            #expect(r.status == .ok)
            // The timeline in the API's own shape: one name and one type per part of a change.
            let timeline = try r.decoded([CaseDTO.EventDTO].self)
            #expect(timeline.allSatisfy { $0.type == $0.change.type })
            #expect(timeline.first?.change.identity?.surname == "Rahimi")
            #expect(timeline.contains { $0.change.admissionDecision?.check.verdict == .eligible })
            let endedPeriod = try #require(ended.support?.first?.id)
            #expect(
                timeline.contains {
                    $0.change.supportPeriodId == endedPeriod && $0.change.endedOn == Day("2026-06-01")
                }
            )
            #expect(timeline.contains { $0.change.outflow?.reasonCode == "permitGranted" })
            r = try await api.send(.get, "/trajectories?q=1234567890")
            #expect(try r.decoded(APIController.CaseListDTO.self).total == 1)
            r = try await api.send(.get, "/trajectories?q=rahimi&stage=outflow")
            #expect(try r.decoded(APIController.CaseListDTO.self).total == 1)
        }
    }

    @Test("A returning person gets a new trajectory linked to the old", arguments: TestDatabase.available)
    func returningPerson(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, client in
            let ngo = app.account(.ngo).actor
            let first = try await app.admitted()
            _ = try await app.services.service.perform(
                .outflow,
                on: first.id,
                input: FormInput(single: ["leftOn": "2026-05-20", "reason": "leftUnknown"]),
                expectedVersion: nil,
                actor: ngo
            )
            let api = APIClient(client: client, token: try await app.token(.ngo))
            var r = try await api.send(
                .post,
                "/trajectories/\(first.id.uuidString)/return",
                ["channel": "desk", "referredOn": "2026-05-10"]
            )
            #expect(r.status == .badRequest)
            r = try await api.send(
                .post,
                "/trajectories/\(first.id.uuidString)/return",
                ["channel": "desk", "referredOn": "2026-06-01"]
            )
            #expect(r.status == .created)
            let returned = try r.decoded(CaseDTO.self)
            #expect(returned.previousTrajectoryId == first.id)
            #expect(returned.personId == first.personId)
            r = try await api.send(
                .post,
                "/trajectories/\(first.id.uuidString)/return",
                ["channel": "desk", "referredOn": "2026-06-02"]
            )
            #expect(r.status == .conflict)
        }
    }
}
