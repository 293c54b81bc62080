import FluentKit
import Foundation
import KoersCore
import Testing

@testable import KoersStore
@testable import KoersWeb

/// The committee's and escalation bodies' queues list every open question and only the latest
/// answered ones, however many were answered over the years.
@Suite("Bounded queues")
struct BoundedQueueTests {
    @Test("Every open request and the latest 25 answered", arguments: TestDatabase.available)
    func committeeAndEscalationQueues(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, _ in
            let file = try await app.admitted(surname: "Wachtrij")
            let db = app.services.database.db
            for i in 0..<40 {
                let day = Day("2024-01-01")!.adding(days: i).description
                let request = CommitteeQueueModel()
                request.trajectoryId = file.id
                request.locationId = file.locationId
                request.requestedOn = day
                request.advisedOn = i < 37 ? day : nil
                try await request.create(on: db)
                let escalation = EscalationQueueModel()
                escalation.trajectoryId = file.id
                escalation.locationId = file.locationId
                escalation.level = "steeringGroup"
                escalation.escalatedOn = day
                escalation.decidedOn = i < 37 ? day : nil
                try await escalation.create(on: db)
            }
            let requests = try await app.services.cases.committeeQueue(at: [file.locationId])
            #expect(requests.count == 3 + CaseStore.answeredShown)
            #expect(requests.filter { $0.advisedOn == nil }.count == 3)
            // The answered ones shown are the latest.
            #expect(requests.compactMap(\.advisedOn).min() == Day("2024-01-01")!.adding(days: 12).description)
            let escalated = try await app.services.cases.escalationQueue(level: "steeringGroup", at: [file.locationId])
            #expect(escalated.count == 3 + CaseStore.answeredShown)
        }
    }
}
