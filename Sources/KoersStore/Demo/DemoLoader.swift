import FluentKit
import Foundation
import KoersCore
import SQLKit

/// Writes a generated population in bulk: persons, trajectories (their rows folded from the
/// events, exactly as the store would write them) and events, in batches, one transaction each;
/// then the case meetings, transfers, committee requests and escalations, through the store like any user's decisions.
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
        var written = 0
        var seenPersons = Set<UUID>()
        let chunk = 2000
        switch scenario {
        case .standard(let persons):
            var remaining = persons
            while remaining > 0 {
                let n = min(chunk, remaining)
                remaining -= n
                written += try await write(
                    population.generate(count: n),
                    to: directory.database,
                    linkage: cases.linkage,
                    seenPersons: &seenPersons
                )
            }
        case .pilot2022(let scale):
            let generated = population.generatePilot(scale: scale)
            var start = 0
            while start < generated.count {
                let end = min(start + chunk, generated.count)
                written += try await write(
                    Array(generated[start..<end]),
                    to: directory.database,
                    linkage: cases.linkage,
                    seenPersons: &seenPersons
                )
                start = end
            }
        }
        try await DemoMeetings.create(accounts: accounts, directory: directory, cases: cases, today: today)
        try await DemoTransfers.create(accounts: accounts, directory: directory, cases: cases, today: today)
        if case .standard = scenario { try await DemoDuplicates.create(accounts: accounts, cases: cases, today: today) }
        try await DemoCommittee.create(accounts: accounts, cases: cases, today: today)
        try await DemoEscalations.create(accounts: accounts, cases: cases, today: today)
        return (accounts, written)
    }

    /// Writes generated cases in one transaction; returns how many were written.
    private static func write(
        _ generated: [DemoPopulation.Case],
        to database: KoersDatabase,
        linkage: LinkageStore,
        seenPersons: inout Set<UUID>
    ) async throws -> Int {
        let rows = rows(generated, seenPersons: &seenPersons)
        let index = LinkageStore.rows(rows.files, encoder: linkage.encoder, now: Date())
        try await database.db.transaction { db in
            let sql = db as! any SQLDatabase
            try await batches(
                sql,
                "persons",
                [
                    "id", "given_names", "surname", "aliases", "birth_date", "nationality", "gender", "v_number",
                    "search_text", "created_at",
                ],
                rows.persons
            )
            try await batches(
                sql,
                "trajectories",
                [
                    "id", "person_id", "location_id", "stage", "perspective", "version", "referred_on", "admitted_on",
                    "left_on", "previous_trajectory_id", "updated_at", "summary", "decided_on", "monitor_facts",
                ],
                rows.trajectories
            )
            try await batches(
                sql,
                "case_events",
                [
                    "id", "trajectory_id", "sequence", "kind", "payload", "user_id", "user_name", "organisation_id",
                    "organisation_name", "party", "recorded_at", "effective_on",
                ],
                rows.events
            )
            try await batches(sql, "linkage_entries", LinkageStore.entryColumns, index.entries)
            try await LinkageStore.insertKeys(index.keys, sql)
        }
        return rows.trajectories.count
    }

    typealias Rows = (
        persons: [[any SQLExpression]], trajectories: [[any SQLExpression]], events: [[any SQLExpression]],
        files: [CaseFile]
    )

    private static func rows(_ cases: [DemoPopulation.Case], seenPersons: inout Set<UUID>) -> Rows {
        var personRows: [[any SQLExpression]] = []
        var trajectoryRows: [[any SQLExpression]] = []
        var eventRows: [[any SQLExpression]] = []
        var files: [CaseFile] = []
        let now = Date()
        for c in cases {
            let events = c.caseEvents()
            guard let file = CaseFile.fold(events, personId: c.personId, locationId: c.locationId) else { continue }
            files.append(file)
            if !seenPersons.contains(c.personId) {
                seenPersons.insert(c.personId)
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
                SQLBind(row.monitorFacts),
            ])
            for e in events {
                let m = CaseStore.row(e)
                eventRows.append([
                    SQLBind(m.id!), SQLBind(m.trajectoryId), SQLBind(m.sequence), SQLBind(m.kind), SQLBind(m.payload),
                    SQLBind(m.userId), SQLBind(m.userName),
                    SQLBind(m.organisationId), SQLBind(m.organisationName), SQLBind(m.party), SQLBind(m.recordedAt),
                    SQLBind(m.effectiveOn),
                ])
            }
        }
        return (personRows, trajectoryRows, eventRows, files)
    }

    private static func batches(
        _ sql: any SQLDatabase,
        _ table: String,
        _ columns: [String],
        _ rows: [[any SQLExpression]]
    ) async throws {
        // Stay well under SQLite's and PostgreSQL's limits on bound parameters.
        let size = max(1, 8000 / columns.count)
        var start = 0
        while start < rows.count {
            let end = min(start + size, rows.count)
            var insert = sql.insert(into: table).columns(columns)
            for row in rows[start..<end] { insert = insert.values(row) }
            try await insert.run()
            start = end
        }
    }
}
