import FluentKit
import Foundation
import KoersCore
import KoersDemo
import KoersMonitor
import PropertyBased
import SQLKit
import Testing

@testable import KoersStore
@testable import KoersWeb

/// The read models are a cache of the events: whatever the sequence of changes, what was kept
/// incrementally equals a rebuild from the events, and a change that fails halfway leaves nothing.
@Suite("Read models kept in the transaction")
struct ProjectionTests {
    /// Applies one generated step to the case; invalid steps are refused and write nothing, as in use.
    /// Returns the case to continue with (a returning person's new trajectory after "return").
    static func apply(_ code: Int, to id: UUID, _ app: TestApp, city: inout String) async throws -> UUID {
        let services = app.services
        let municipality = app.account(.municipality, city).actor
        let ngo = app.account(.ngo, city).actor
        guard let record = try await services.cases.load(id, context: nil) else { return id }
        let file = record.file
        let today = TestApp.today
        // A day around the case's own dates, sometimes before them: backdated changes are the point.
        let base = file.admittedOn ?? file.referral.referredOn
        let day = base.adding(days: code % 97 - 20)
        let when = min(day, today).description
        let policy = try await services.directory.location(file.locationId)?.deadlinePolicy ?? .noDeadlines
        let milestones = Deadlines.milestones(for: file, policy: policy, on: today)
        func perform(_ op: CaseOperation, _ input: [String: String], _ actor: Actor) async {
            _ = try? await services.service.perform(
                op,
                on: id,
                input: FormInput(single: input),
                expectedVersion: nil,
                actor: actor
            )
        }
        switch code % 19 {
        case 0:
            var intake = Fixtures.intake
            intake["inRegionSince"] = "2020-01-01"
            await perform(.intake, intake, ngo)
        case 1: await perform(.admission, ["outcome": "admit", "decidedOn": when], ngo)
        case 2:
            await perform(.admission, ["outcome": "reject", "decidedOn": when, "rejectionReason": "notWilling"], ngo)
        case 3:
            let perspective = [Perspective.legalisation, .returnToOrigin, .underInvestigation][code % 3]
            await perform(.perspective, ["perspective": perspective.rawValue, "decidedOn": when], ngo)
        case 4: await perform(.startSupport, ["instrument": "socialSupport", "startedOn": when], ngo)
        case 5:
            if let open = file.support.first(where: \.isOpen) {
                await perform(.endSupport(open.id), ["endedOn": when], ngo)
            }
        case 6: await perform(.submitProcedure, ["kind": "hasa", "submittedOn": when], ngo)
        case 7:
            if let pending = file.procedures.first(where: \.isPending) {
                let outcome = code % 2 == 0 ? "granted" : "rejected"
                await perform(.decideProcedure(pending.id), ["outcome": outcome, "decidedOn": when], ngo)
            }
        case 8:
            let reason = ["leftUnknown", "permitGranted", "returned"][code % 3]
            await perform(.outflow, ["leftOn": when, "reason": reason], ngo)
        case 9: await perform(.note, ["classification": "general", "text": "Stap \(code)"], ngo)
        case 10:
            if let milestone = milestones.filter({ $0.state.isOpen && $0.kind != .actionItem }).first {
                let action = ["suspend", "resume", "extend", "skip"][code % 4]
                let until = today.adding(days: code % 40 + 1).description
                let input = ["action": action, "on": when, "until": until, "reason": "Reden \(code)"]
                await perform(.adjustMilestone(milestone.key), input, municipality)
            }
        case 11: await perform(.review, ["on": when], municipality)
        case 12:
            let due = today.adding(days: code % 30).description
            await perform(.assignActionItem, ["party": "ngo", "text": "Actie \(code)", "dueOn": due], municipality)
        case 13:
            if let item = file.actionItems.first(where: { $0.completedOn == nil }) {
                await perform(.completeActionItem(item.id), ["on": when], ngo)
            }
        case 14:
            // A transfer to another location, accepted there: the trajectory moves with its history.
            let target = city == "amsterdam" ? "rotterdam" : "amsterdam"
            let to = try #require(app.account(.ngo, target).actor.locationIds.first)
            let input = FormInput(single: ["toLocationId": to.uuidString, "reason": "Netwerk"])
            if let moved = try? await services.transfers.request(id, input: input, actor: ngo),
                let transfer = moved.pendingTransfer
            {
                let accept = FormInput(single: ["decision": "accept"])
                if (try? await services.transfers.decide(
                    transfer.id,
                    input: accept,
                    actor: app.account(.ngo, target).actor
                ))
                    != nil
                {
                    city = target
                }
            }
        case 15:
            // A policy edit at the location applies at once; the summary holds inputs, not states.
            let weeks = String(code % 20 + 1)
            _ = try? await services.service.setDeadlinePolicy(
                FormInput(single: ["perspectiveWithinWeeks": weeks, "reviewEveryWeeks": weeks]),
                for: file.locationId,
                actor: municipality
            )
        case 16:
            let request = FormInput(["request": ["Schrijnend"], "sharedSections": ["identity"]])
            _ = try? await services.service.perform(
                .requestCommittee,
                on: id,
                input: request,
                expectedVersion: nil,
                actor: ngo
            )
            if let open = file.committeeRequests.first(where: { $0.advice == nil }) {
                await perform(
                    .adviseCommittee(open.request.id),
                    ["advice": "Advies \(code)"],
                    app.account(.committee, nil).actor
                )
            }
        case 17:
            let body = ["level": "steeringGroup", "question": "Vraag", "proposedDecision": "Voorstel"]
            await perform(.escalate, body, municipality)
            if let open = file.escalations.first(where: { $0.decision == nil }) {
                await perform(
                    .decideEscalation(open.escalation.id),
                    ["decision": "Besluit"],
                    app.account(.escalationBody, city).actor
                )
            }
        default:
            // A returning person: a new trajectory once this one has ended.
            let input = FormInput(single: ["channel": "ngo", "referredOn": today.description])
            if let next = try? await services.service.reopen(id, input, actor: ngo) { return next.id }
        }
        return id
    }

    /// The deadline index's rows of some trajectories.
    static func deadlineIndex(of ids: [UUID], _ app: TestApp) async throws -> [(UUID, OpenDeadline)] {
        try await OpenDeadlineModel.query(on: app.services.database.db).filter(\.$trajectoryId ~~ ids).all().map {
            ($0.trajectoryId, try JSONCoding.decode(OpenDeadline.self, $0.deadline))
        }
    }

    @Test(
        "Random sequences of changes: the kept summaries equal a rebuild from the events",
        arguments: TestDatabase.available
    )
    func incrementalEqualsRebuild(_ database: TestDatabase) async throws {
        let app = try await TestApp.make(database)
        await propertyCheck(count: 40, input: Gen.int(in: 0...9999).array(of: 6...28)) { steps in
            do {
                var city = "amsterdam"
                // Most sequences start from an admitted case, where deadlines and coordination apply.
                let first =
                    steps[0] % 4 == 0
                    ? try await app.referral(.ngo, city, surname: "Projectie")
                    : try await app.admitted(city, surname: "Projectie")
                var ids = [first.id]
                var id = first.id
                for code in steps {
                    id = try await Self.apply(code, to: id, app, city: &city)
                    if !ids.contains(id) { ids.append(id) }
                }
                // What was kept equals what the events give, and a rebuild finds nothing to change.
                for trajectory in ids {
                    let record = try #require(try await app.services.cases.load(trajectory, context: nil))
                    let kept = try #require(try await app.services.cases.summaries(of: [trajectory]).first)
                    #expect(kept == CaseSummary(record.file), "steps \(steps)")
                    // The milestones derived from the summary are those derived from the events.
                    let policy = DeadlinePolicy(perspectiveWithinWeeks: 4, reviewEveryWeeks: 6, maximumStayMonths: 3)
                    for offset in [-60, 0, 45, 200] {
                        let day = TestApp.today.adding(days: offset)
                        #expect(
                            Deadlines.milestones(for: kept, policy: policy, on: day)
                                == Deadlines.milestones(for: record.file, policy: policy, on: day)
                        )
                    }
                }
                // The monitor's records from the read models equal the records of the fold.
                let locations = try await app.services.directory.locations()
                let day = TestApp.today
                let kept = try await app.services.cases.monitorRecords(locations: locations, on: day)
                    .filter { ids.contains($0.trajectoryId) }
                var folded: [MonitorRecord] = []
                for trajectory in ids {
                    let file = try #require(try await app.services.cases.load(trajectory, context: nil)).file
                    let policy = locations.first { $0.id == file.locationId }?.deadlinePolicy ?? .noDeadlines
                    folded.append(
                        MonitorRecord(file, milestones: Deadlines.milestones(for: file, policy: policy, on: day))
                    )
                }
                #expect(Set(kept) == Set(folded), "steps \(steps)")
                // The deadline index holds the open milestones the fold gives, today and later.
                let indexed = try await Self.deadlineIndex(of: ids, app)
                for offset in [0, 45, 200] {
                    let day = TestApp.today.adding(days: offset)
                    var derived: Set<String> = []
                    for trajectory in ids {
                        let file = try #require(try await app.services.cases.load(trajectory, context: nil)).file
                        guard !file.stage.isClosed else { continue }
                        let policy = locations.first { $0.id == file.locationId }?.deadlinePolicy ?? .noDeadlines
                        for m in Deadlines.milestones(for: file, policy: policy, on: day) where m.state.isOpen {
                            derived.insert("\(trajectory) \(m.key) \(m.dueOn) \(m.state)")
                        }
                    }
                    let fromIndex = Set(
                        indexed.map { row, d in
                            let m = d.milestone(on: day)
                            return "\(row) \(m.key) \(m.dueOn) \(m.state)"
                        }
                    )
                    #expect(fromIndex == derived, "steps \(steps), day \(day)")
                }
                #expect(try await app.services.cases.rebuildProjections() == 0, "steps \(steps)")
                let rebuilt = try await Self.deadlineIndex(of: ids, app)
                #expect(
                    Set(rebuilt.map { "\($0.0) \(JSONCoding.string($0.1))" })
                        == Set(indexed.map { "\($0.0) \(JSONCoding.string($0.1))" })
                )
            } catch {
                Issue.record(error, "steps \(steps)")
            }
        }
        // The sequences reach every kind of change, backdated ones and transfers included.
        let kinds = Set(try await CaseEventModel.query(on: app.services.database.db).all().map(\.kind))
        for kind in ["milestoneAdjusted", "transferDecided", "outflowRecorded", "reviewHeld", "escalationDecided"] {
            #expect(kinds.contains(kind), "no \(kind) in the generated sequences")
        }
        await app.services.database.shutdown()
    }

    @Test("A change that fails halfway leaves neither its event nor its read model", arguments: TestDatabase.available)
    func failedHalfway(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, _ in
            let file = try await app.admitted(surname: "Halverwege")
            let sql = app.services.database.db as! any SQLDatabase
            // The processing log is written last in a change's transaction: make it refuse the write.
            switch database {
            case .sqlite:
                try await sql.raw(
                    """
                    CREATE TRIGGER refuse_log BEFORE INSERT ON processing_log WHEN NEW.activity = 'case.perspective' \
                    BEGIN SELECT RAISE(ABORT, 'refused by the test'); END
                    """
                ).run()
            case .postgres:
                try await sql.raw(
                    """
                    CREATE FUNCTION refuse_log() RETURNS trigger AS $$ BEGIN \
                    IF NEW.activity = 'case.perspective' THEN RAISE EXCEPTION 'refused by the test'; END IF; \
                    RETURN NEW; END $$ LANGUAGE plpgsql
                    """
                ).run()
                try await sql.raw(
                    """
                    CREATE TRIGGER refuse_log BEFORE INSERT ON processing_log \
                    FOR EACH ROW EXECUTE FUNCTION refuse_log()
                    """
                ).run()
            }
            let before = try await app.counts()
            let summaryBefore = try await app.services.cases.summaries(of: [file.id])
            let input = FormInput(single: ["perspective": "legalisation", "decidedOn": "2026-06-01"])
            await #expect(throws: (any Error).self) {
                _ = try await app.services.service.perform(
                    .perspective,
                    on: file.id,
                    input: input,
                    expectedVersion: nil,
                    actor: app.account(.ngo).actor
                )
            }
            #expect(try await app.counts() == before)
            #expect(try await app.services.cases.summaries(of: [file.id]) == summaryBefore)
            let row = try #require(try await TrajectoryModel.find(file.id, on: app.services.database.db))
            #expect(row.version == file.version && row.perspective == nil)
        }
    }

    @Test(
        "Migrating a database whose rows have no read models fills them from the events",
        arguments: TestDatabase.available
    )
    func filledOnMigration(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, _ in
            let file = try await app.admitted(surname: "Bestaand")
            _ = try await app.services.service.setDeadlinePolicy(
                FormInput(single: ["perspectiveWithinWeeks": "4", "reviewEveryWeeks": "6"]),
                for: file.locationId,
                actor: app.account(.municipality).actor
            )
            let kept = try await app.services.cases.summaries(of: [file.id])
            let sql = app.services.database.db as! any SQLDatabase
            let facts = try #require(try await MonitorFactsModel.find(file.id, on: app.services.database.db)).facts
            try await sql.raw("UPDATE trajectories SET summary = NULL").run()
            try await sql.raw("DELETE FROM monitor_facts").run()
            // The deadline index is filled when a migration marks it so.
            let deadlines = try await Self.deadlineIndex(of: [file.id], app).map { JSONCoding.string($0.1) }
            #expect(!deadlines.isEmpty)
            try await sql.raw("DELETE FROM open_deadlines").run()
            try await sql.raw("INSERT INTO read_model_fills (name) VALUES ('open_deadlines')").run()
            try await app.services.database.migrate()
            #expect(try await Self.deadlineIndex(of: [file.id], app).map { JSONCoding.string($0.1) } == deadlines)
            #expect(try await app.services.cases.summaries(of: [file.id]) == kept)
            let row = try #require(try await MonitorFactsModel.find(file.id, on: app.services.database.db))
            #expect(row.facts == facts)
        }
    }
}
