import FluentKit
import Foundation
import KoersCore
import KoersLinkage
import SQLKit

/// Writes a generated population in bulk: persons, trajectories and their read models (row,
/// summary, monitor facts and deadline index, folded from the events with the projection the
/// store applies to every change), events and linkage entries, in batches of one transaction
/// each; then the case meetings, transfers, committee requests and escalations, through the store
/// like any user's decisions.
public enum DemoLoader {
    /// Creates the network and the scenario's people; returns the accounts and the number of trajectories.
    public static func load(
        directory: DirectoryStore,
        cases: CaseStore,
        scenario: DemoScenario,
        seed: UInt64,
        today: Day
    ) async throws -> (accounts: [DemoNetwork.Account], trajectories: Int) {
        let accounts = try await DemoNetwork.create(directory)
        // The pilot ends the day before its reference date: that is its "today".
        let today = scenario.today ?? today
        var population = DemoPopulation(accounts: accounts, today: today, seed: seed)
        let policies = Dictionary(
            uniqueKeysWithValues: try await directory.locations().map { ($0.id, $0.deadlinePolicy) }
        )
        var seenPersons = Set<UUID>()
        let chunk = 2000
        // The scenario's cases a chunk at a time: generated as needed, or cut from the pilot's.
        let nextCases: () -> [DemoPopulation.Case]?
        switch scenario {
        case .standard(let persons):
            var remaining = persons
            nextCases = {
                guard remaining > 0 else { return nil }
                defer { remaining -= min(chunk, remaining) }
                return population.generate(count: min(chunk, remaining))
            }
        case .pilot2022(let scale):
            let generated = population.generatePilot(scale: scale)
            var start = 0
            nextCases = {
                guard start < generated.count else { return nil }
                defer { start = min(start + chunk, generated.count) }
                return Array(generated[start..<min(start + chunk, generated.count)])
            }
        }
        let written = try await directory.database.withoutSecondaryIndexes(on: bulkTables) {
            try await pipeline(into: directory.database) {
                nextCases().map {
                    prepare($0, encoder: cases.linkage.encoder, policies: policies, seen: &seenPersons)
                }
            }
        }
        try await DemoMeetings.create(accounts: accounts, directory: directory, cases: cases, today: today)
        try await DemoTransfers.create(accounts: accounts, directory: directory, cases: cases, today: today)
        if case .standard = scenario { try await DemoDuplicates.create(accounts: accounts, cases: cases, today: today) }
        try await DemoCommittee.create(accounts: accounts, cases: cases, today: today)
        try await DemoEscalations.create(accounts: accounts, cases: cases, today: today)
        // A bulk load changes every table's shape: the planner needs to know.
        try await directory.database.refreshStatistics()
        return (accounts, written)
    }

    /// The tables the population is written to in bulk.
    static let bulkTables = [
        "persons", "trajectories", "monitor_facts", OpenDeadlineModel.schema, "case_events", "linkage_entries",
        "linkage_keys",
    ]

    /// Writes batches as `next` prepares them, each in one transaction: the next batch's rows are
    /// built while the database writes the current one, so both cores work. Returns how many
    /// trajectories were written.
    private static func pipeline(
        into database: KoersDatabase,
        next: () -> Batch?
    ) async throws -> Int {
        var written = 0
        var pending = next()
        while let batch = pending {
            async let count = insert(batch, into: database)
            pending = next()
            written += try await count
        }
        return written
    }

    /// One transaction's rows: the generated cases' persons, trajectories with their read models,
    /// events and linkage index entries.
    struct Batch: Sendable {
        let rows: Rows
        let entries: [[any SQLExpression]]
        let keys: [(UUID, UInt64)]
    }

    private static func prepare(
        _ generated: [DemoPopulation.Case],
        encoder: LinkageEncoder,
        policies: [UUID: DeadlinePolicy],
        seen: inout Set<UUID>
    ) -> Batch {
        let newPerson = generated.map { seen.insert($0.personId).inserted }
        let rows = rows(generated[...], newPerson: newPerson[...], policies: policies)
        let index = LinkageStore.rows(rows.files, encoder: encoder, now: Date())
        return Batch(rows: rows, entries: index.entries, keys: index.keys)
    }

    /// Writes a batch in one transaction; returns how many trajectories it held.
    private static func insert(_ batch: Batch, into database: KoersDatabase) async throws -> Int {
        let rows = batch.rows
        try await database.db.transaction { db in
            let sql = db as! any SQLDatabase
            try await sql.insert(
                into: "persons",
                columns: [
                    "id", "given_names", "surname", "aliases", "birth_date", "nationality", "gender", "v_number",
                    "search_text", "created_at",
                ],
                batched: rows.persons
            )
            try await sql.insert(
                into: "trajectories",
                columns: [
                    "id", "person_id", "location_id", "stage", "perspective", "version", "referred_on", "admitted_on",
                    "left_on", "previous_trajectory_id", "updated_at", "summary", "decided_on",
                ],
                batched: rows.trajectories
            )
            try await sql.insert(into: "monitor_facts", columns: ["id", "location_id", "facts"], batched: rows.facts)
            try await sql.insert(
                into: OpenDeadlineModel.schema,
                columns: Projections.deadlineColumns,
                batched: rows.deadlines
            )
            try await sql.insert(
                into: "case_events",
                columns: [
                    "id", "trajectory_id", "sequence", "kind", "payload", "user_id", "user_name", "organisation_id",
                    "organisation_name", "party", "recorded_at", "effective_on",
                ],
                batched: rows.events
            )
            try await sql.insert(into: "linkage_entries", columns: LinkageStore.entryColumns, batched: batch.entries)
            try await LinkageStore.insertKeys(batch.keys, sql)
        }
        return rows.trajectories.count
    }

    typealias Rows = (
        persons: [[any SQLExpression]], trajectories: [[any SQLExpression]], events: [[any SQLExpression]],
        facts: [[any SQLExpression]], deadlines: [[any SQLExpression]], files: [CaseFile]
    )

    private static func rows(
        _ cases: ArraySlice<DemoPopulation.Case>,
        newPerson: ArraySlice<Bool>,
        policies: [UUID: DeadlinePolicy]
    ) -> Rows {
        var personRows: [[any SQLExpression]] = []
        var trajectoryRows: [[any SQLExpression]] = []
        var eventRows: [[any SQLExpression]] = []
        var factRows: [[any SQLExpression]] = []
        var deadlineRows: [[any SQLExpression]] = []
        var files: [CaseFile] = []
        let now = Date()
        for (c, isNew) in zip(cases, newPerson) {
            let events = c.caseEvents()
            guard let file = CaseFile.fold(events, personId: c.personId, locationId: c.locationId) else { continue }
            files.append(file)
            if isNew {
                let person = PersonModel()
                CaseStore.fill(person, file.identity)
                personRows.append([
                    SQLBind(c.personId), SQLBind(person.givenNames), SQLBind(person.surname),
                    SQLBind(person.aliasesJSON), SQLBind(person.birthDate),
                    SQLBind(person.nationality), SQLBind(person.gender), SQLBind(person.vNumber),
                    SQLBind(person.searchText), SQLBind(now),
                ])
            }
            // The same projection the store applies to every change.
            let row = Projections.TrajectoryRow(file)
            trajectoryRows.append([
                SQLBind(c.trajectoryId), SQLBind(c.personId), SQLBind(row.locationId), SQLBind(row.stage),
                SQLBind(row.perspective), SQLBind(row.version), SQLBind(file.referral.referredOn.description),
                SQLBind(row.admittedOn), SQLBind(row.leftOn), SQLBind(c.previousTrajectoryId),
                SQLBind(events.last!.recordedAt), SQLBind(row.summary), SQLBind(row.decidedOn),
            ])
            factRows.append([SQLBind(c.trajectoryId), SQLBind(row.locationId), SQLBind(row.facts)])
            deadlineRows += Projections.deadlineRows(
                row.caseSummary,
                policy: policies[row.locationId] ?? .noDeadlines
            )
            // The columns `CaseStore.row` fills, without building a Fluent model per event.
            for e in events {
                eventRows.append([
                    SQLBind(e.id), SQLBind(e.trajectoryId), SQLBind(e.sequence), SQLBind(e.change.kind),
                    SQLBind(JSONCoding.string(e.change)), SQLBind(e.userId), SQLBind(e.userName),
                    SQLBind(e.organisationId), SQLBind(e.organisationName), SQLBind(e.party.rawValue),
                    SQLBind(e.recordedAt), SQLBind(e.effectiveOn.description),
                ])
            }
        }
        return (personRows, trajectoryRows, eventRows, factRows, deadlineRows, files)
    }
}
