import Foundation
import HTTPTypes
import HummingbirdTesting
import KoersCore
import KoersDemo
import KoersStore
import Testing

@testable import KoersWeb

/// The access matrix for the hardship committee: a case put to it with every combination of the
/// parts that can be shared, and every section and the page heading checked in the web
/// application and the API. The committee must see exactly what was shared, from one decision.
@Suite("Access matrix: the committee, every combination of shared parts")
struct CommitteeSharingMatrixTests {
    /// Per section, texts that appear only when the section is readable: on the page and in the API.
    static let markers: [(section: CaseSection, page: [String], api: [String])] = [
        (.identity, ["Verborgen"], ["Verborgen", "\"identity\":"]),
        (.admission, ["id=\"h-admission\""], ["\"admission\":", "admissionDecided"]),
        (.perspective, ["PERSPECTIEF-NOTITIE"], ["PERSPECTIEF-NOTITIE", "\"perspectives\":"]),
        (.support, ["STEUN-NOTITIE", "AANMELD-NOTITIE"], ["STEUN-NOTITIE", "AANMELD-NOTITIE", "\"support\":"]),
        (.procedures, ["PROC-KENMERK"], ["PROC-KENMERK", "\"procedures\":"]),
        (.notes, ["ALGEMENE-NOTITIE", "COMMISSIE-NOTITIE"], ["ALGEMENE-NOTITIE", "COMMISSIE-NOTITIE"]),
        (.progress, ["ACTIEPUNT-TEKST"], ["ACTIEPUNT-TEKST", "\"actionItems\":"]),
    ]

    /// A case with something in every section, put to the committee with `shared`.
    static func sharedCase(_ app: TestApp, index: Int, shared: [CaseSection]) async throws -> CaseFile {
        let ngo = app.account(.ngo).actor
        let municipality = app.account(.municipality).actor
        let service = app.services.service
        let surname = "Verborgen" + String(index)
        // "21239" then the index: a V-nummer of its own per case, and a marker of identity.
        let vNumber = "21239" + String(format: "%05d", index)
        var referral: [String: String] = [
            "givenNames": "Yonas", "surname": surname, "nationality": "ERI", "gender": "male", "birthDate": "1990",
            "channel": "ngo", "referredOn": "2026-05-01", "note": "AANMELD-NOTITIE", "vNumber": vNumber,
        ]
        let file = try await service.refer(FormInput(single: referral), actor: ngo)
        referral = Fixtures.intake
        referral["surname"] = surname
        referral["vNumber"] = vNumber
        let steps: [(CaseOperation, [String: String], Actor)] = [
            (.intake, referral, ngo),
            (.admission, ["outcome": "admit", "decidedOn": "2026-05-10"], ngo),
            (
                .perspective,
                ["perspective": "legalisation", "decidedOn": "2026-05-12", "note": "PERSPECTIEF-NOTITIE"], ngo
            ),
            (
                .startSupport, ["instrument": "legalAssistance", "startedOn": "2026-05-11", "note": "STEUN-NOTITIE"],
                ngo
            ),
            (.submitProcedure, ["kind": "hasa", "submittedOn": "2026-05-13", "reference": "PROC-KENMERK"], ngo),
            (.note, ["classification": "general", "text": "ALGEMENE-NOTITIE"], ngo),
            (.note, ["classification": "social", "text": "SOCIALE-NOTITIE"], ngo),
            (.assignActionItem, ["party": "ngo", "text": "ACTIEPUNT-TEKST", "dueOn": "2026-07-01"], municipality),
        ]
        for (op, input, actor) in steps {
            _ = try await service.perform(
                op,
                on: file.id,
                input: FormInput(single: input),
                expectedVersion: nil,
                actor: actor
            )
        }
        let committeeNote = FormInput([
            "classification": ["social"], "text": ["COMMISSIE-NOTITIE"], "sharedWith": ["committee"],
        ])
        _ = try await service.perform(.note, on: file.id, input: committeeNote, expectedVersion: nil, actor: ngo)
        let request = FormInput(["request": ["Schrijnend"], "sharedSections": shared.map(\.rawValue)])
        return try await service.perform(
            .requestCommittee,
            on: file.id,
            input: request,
            expectedVersion: nil,
            actor: ngo
        )
    }

    @Test("Every combination of shared parts, page and API", arguments: TestDatabase.available)
    func combinations(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, client in
            var web = WebClient(client)
            #expect(try await web.login(app.account(.committee, nil).email).status == .found)
            let api = APIClient(client: client, token: try await app.token(.committee, nil))
            let sections = Self.markers.map(\.section)
            // Every non-empty combination of the sections that can hold something while the case
            // is open; the outflow is shared in every other one (an open case has none to show).
            for mask in 1..<(1 << sections.count) {
                var shared = sections.indices.filter { mask & (1 << $0) != 0 }.map { sections[$0] }
                if mask % 2 == 0 { shared.append(.outflow) }
                let file = try await Self.sharedCase(app, index: mask, shared: shared)
                let id = file.id.uuidString.lowercased()
                let page = try await web.get("/cases/\(id)")
                let json = try await api.send(.get, "/trajectories/\(id)")
                let events = try await api.send(.get, "/trajectories/\(id)/events")
                #expect(page.status == .ok && json.status == .ok && events.status == .ok, "\(shared)")
                let apiText = json.text + events.text
                for marker in Self.markers {
                    let visible = shared.contains(marker.section)
                    for text in marker.page {
                        #expect(page.text.contains(text) == visible, "page \(marker.section) \(text) shared \(shared)")
                    }
                    for text in marker.api {
                        #expect(apiText.contains(text) == visible, "api \(marker.section) \(text) shared \(shared)")
                    }
                }
                let vNumber = "21239" + String(format: "%05d", mask)
                #expect(
                    page.text.contains(vNumber) == shared.contains(.identity)
                        && apiText.contains(vNumber) == shared.contains(.identity)
                )
                // Never shared with the committee: a social note meant for the NGO alone.
                #expect(!page.text.contains("SOCIALE-NOTITIE") && !apiText.contains("SOCIALE-NOTITIE"))
                // The heading and the title name the person only when identity was shared.
                let heading = try #require(
                    page.text.range(of: "<h1>[^<]*</h1>", options: .regularExpression).map { page.text[$0] }
                )
                let title = try #require(
                    page.text.range(of: "<title>[^<]*</title>", options: .regularExpression).map { page.text[$0] }
                )
                if shared.contains(.identity) {
                    #expect(heading.contains("Yonas Verborgen\(mask)") && title.contains("Verborgen"))
                } else {
                    #expect(heading.contains("Dossier \(id.suffix(8))") && !title.contains("Verborgen"), "\(heading)")
                    let dto = try json.decoded(CaseDTO.self)
                    #expect(dto.personId == nil && dto.previousTrajectoryId == nil)
                }
            }
        }
    }
}
