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

@Suite("Corrections through the store")
struct CorrectionFlowTests {
    @Test(
        "A correction changes the case, its row and the monitor's facts; the timeline and API show both values",
        arguments: TestDatabase.available
    )
    func correctedOutflow(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, client in
            let ngo = app.account(.ngo).actor
            let admitted = try await app.admitted(surname: "Gecorrigeerd")
            let left = try await app.services.service.perform(
                .outflow,
                on: admitted.id,
                input: FormInput(single: ["leftOn": "2026-06-01", "reason": "independentDeparture"]),
                expectedVersion: nil,
                actor: ngo
            )
            let outflowSequence = left.version
            let factsBefore = try await MonitorFactsModel.find(admitted.id, on: app.services.database.db)?.facts

            // DT&V's list knows no departure: the municipality accepts its fact as a correction.
            let municipality = app.account(.municipality).actor
            let context = ProcessingContext.fresh(municipality).from(FactSource(kind: .agency, reference: "DT&V"))
            let corrected = try await app.services.cases.correct(
                admitted.id,
                supersedes: outflowSequence,
                with: .outflowRecorded(
                    Outflow(leftOn: Day("2026-06-10")!, reasonCode: "leftUnknown", category: .none, note: nil)
                ),
                reason: "Volgens de vertreklijst van DT&V vertrokken met onbekende bestemming.",
                context: context
            )
            #expect(corrected.outflow?.reasonCode == "leftUnknown" && corrected.outflow?.leftOn == Day("2026-06-10"))
            let row = try #require(try await TrajectoryModel.find(admitted.id, on: app.services.database.db))
            #expect(row.leftOn == "2026-06-10" && row.version == outflowSequence + 1)
            let factsAfter = try await MonitorFactsModel.find(admitted.id, on: app.services.database.db)?.facts
            #expect(factsAfter != nil && factsAfter != factsBefore)

            // Correcting with the same value again is refused, naming the field; nothing is written.
            await #expect(throws: ValidationFailure.self) {
                _ = try await app.services.cases.correct(
                    admitted.id,
                    supersedes: outflowSequence,
                    with: .outflowRecorded(
                        Outflow(leftOn: Day("2026-06-10")!, reasonCode: "leftUnknown", category: .none, note: nil)
                    ),
                    reason: "Nogmaals.",
                    context: context
                )
            }
            #expect(try await TrajectoryModel.find(admitted.id, on: app.services.database.db)?.version == row.version)

            // The timeline shows the new value, what it was, and where it came from.
            var web = WebClient(client)
            _ = try await web.login(app.account(.ngo).email)
            let page = try await web.get("/cases/\(admitted.id.uuidString.lowercased())").text
            #expect(page.contains("Gecorrigeerd: "))
            #expect(page.contains("Was: "))
            #expect(page.contains("bron: opgave van DT&amp;V"))
            #expect(page.contains("later gecorrigeerd"))

            // The API: the correction with its supersedes and type, and its source.
            let api = APIClient(client: client, token: try await app.token(.ngo))
            let answer = try await api.send(.get, "/trajectories/\(admitted.id.uuidString.lowercased())/events")
            struct Event: Decodable {
                struct Change: Decodable {
                    let type: String
                    let supersedes: Int?
                    let correctedType: String?
                    let outflow: Outflow?
                    struct Outflow: Decodable { let reasonCode: String }
                }
                struct Source: Decodable {
                    let kind: String
                    let reference: String
                }
                let change: Change
                let source: Source?
            }
            let events = try JSONDecoder().decode([Event].self, from: Data(String(buffer: answer.body).utf8))
            let last = try #require(events.last)
            #expect(last.change.type == "corrected" && last.change.supersedes == outflowSequence)
            #expect(last.change.correctedType == "outflowRecorded" && last.change.outflow?.reasonCode == "leftUnknown")
            #expect(last.source?.kind == "agency" && last.source?.reference == "DT&V")
        }
    }
}
