import FluentKit
import Foundation
import KoersCore
import KoersLinkage
import SQLKit

/// One trajectory's whole history, as a generator makes it or an import reads it: the events in
/// order, numbered from 1, for one person at one location.
public struct CaseHistory: Sendable {
    public let personId: UUID
    public let trajectoryId: UUID
    public let locationId: UUID
    /// The person's trajectory before this one, when they came back.
    public let previousTrajectoryId: UUID?
    public let events: [CaseEvent]

    public init(personId: UUID, trajectoryId: UUID, locationId: UUID, previousTrajectoryId: UUID?, events: [CaseEvent])
    {
        self.personId = personId
        self.trajectoryId = trajectoryId
        self.locationId = locationId
        self.previousTrajectoryId = previousTrajectoryId
        self.events = events
    }
}

/// Writes many case histories in bulk: persons, trajectories and their read models (row, summary,
/// monitor facts and deadline index, folded from the events with the projection the store applies
/// to every change), events and linkage entries, in batches of one transaction each.
///
/// A batch is written whole or not at all. While the database writes one batch, the next is
/// prepared, so both cores work; the secondary indexes are built once at the end.
public struct CaseHistoryWriter: Sendable {
    let directory: DirectoryStore
    let encoder: LinkageEncoder

    public init(directory: DirectoryStore, cases: CaseStore) {
        self.directory = directory
        self.encoder = cases.linkage.encoder
    }

    /// Writes the batches `next` returns until it returns nil; returns how many trajectories were
    /// written. A person is written with the first of their histories.
    public func write(_ next: () -> [CaseHistory]?) async throws -> Int {
        let database = directory.database
        let policies = try await directory.deadlinePolicies()
        var seen = Set<UUID>()
        let written = try await database.withoutSecondaryIndexes(on: Self.bulkTables) {
            var written = 0
            var pending = next().map { prepare($0, policies: policies, seen: &seen) }
            while let batch = pending {
                async let count = Self.insert(batch, into: database)
                pending = next().map { prepare($0, policies: policies, seen: &seen) }
                written += try await count
            }
            return written
        }
        // A bulk load changes every table's shape: the planner needs to know.
        try await database.refreshStatistics()
        return written
    }

    /// The tables written in bulk.
    static let bulkTables = [
        "persons", "trajectories", "monitor_facts", OpenDeadlineModel.schema, "case_events", "linkage_entries",
        "linkage_keys",
    ]

    /// One transaction's rows.
    struct Batch: Sendable {
        let rows: Rows
        let entries: [[any SQLExpression]]
        let keys: [(UUID, UInt64)]
        /// Each trajectory's index entry and encoding, in the order of `rows.files`.
        let encoded: [(entryId: UUID, person: EncodedPerson)]
    }

    private func prepare(_ histories: [CaseHistory], policies: [UUID: DeadlinePolicy], seen: inout Set<UUID>) -> Batch {
        let newPerson = histories.map { seen.insert($0.personId).inserted }
        return Self.batch(histories, newPerson: newPerson, policies: policies, encoder: encoder)
    }

    /// The rows of some histories; a person's row only where `newPerson` says so.
    static func batch(
        _ histories: [CaseHistory],
        newPerson: [Bool],
        policies: [UUID: DeadlinePolicy],
        encoder: LinkageEncoder
    ) -> Batch {
        let rows = Self.rows(histories, newPerson: newPerson, policies: policies)
        let index = LinkageStore.rows(rows.files, encoder: encoder, now: Date())
        return Batch(rows: rows, entries: index.entries, keys: index.keys, encoded: index.encoded)
    }

    /// Writes a batch in one transaction; returns how many trajectories it held.
    private static func insert(_ batch: Batch, into database: KoersDatabase) async throws -> Int {
        try await database.db.transaction { db in try await insert(batch, on: db) }
        return batch.rows.trajectories.count
    }

    /// Writes a batch inside the caller's transaction.
    static func insert(_ batch: Batch, on db: any Database) async throws {
        let rows = batch.rows
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
                "organisation_name", "party", "recorded_at", "effective_on", "source", "payload_hash", "hash",
            ],
            batched: rows.events
        )
        try await sql.insert(into: "linkage_entries", columns: LinkageStore.entryColumns, batched: batch.entries)
        try await LinkageStore.insertKeys(batch.keys, sql)
    }

    typealias Rows = (
        persons: [[any SQLExpression]], trajectories: [[any SQLExpression]], events: [[any SQLExpression]],
        facts: [[any SQLExpression]], deadlines: [[any SQLExpression]], files: [CaseFile]
    )

    private static func rows(
        _ histories: [CaseHistory],
        newPerson: [Bool],
        policies: [UUID: DeadlinePolicy]
    ) -> Rows {
        var personRows: [[any SQLExpression]] = []
        var trajectoryRows: [[any SQLExpression]] = []
        var eventRows: [[any SQLExpression]] = []
        var factRows: [[any SQLExpression]] = []
        var deadlineRows: [[any SQLExpression]] = []
        var files: [CaseFile] = []
        let now = Date()
        for (c, isNew) in zip(histories, newPerson) {
            let events = c.events
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
            // The columns `CaseStore.row` fills, and the trajectory's chain from its start.
            var previous = AuditHash.genesis(AuditHash.eventChain(c.trajectoryId))
            for e in events {
                let payload = JSONCoding.string(e.change)
                let payloadHash = AuditHash.hex(payload)
                let source = e.source.map { JSONCoding.string($0) }
                let recordedAt = AuditHash.truncated(e.recordedAt)
                previous = AuditHash.event(
                    previous: previous,
                    id: e.id,
                    trajectoryId: e.trajectoryId,
                    sequence: e.sequence,
                    kind: e.change.kind,
                    payloadHash: payloadHash,
                    userId: e.userId,
                    userName: e.userName,
                    organisationId: e.organisationId,
                    organisationName: e.organisationName,
                    party: e.party.rawValue,
                    recordedAt: recordedAt,
                    effectiveOn: e.effectiveOn.description,
                    source: source
                )
                eventRows.append([
                    SQLBind(e.id), SQLBind(e.trajectoryId), SQLBind(e.sequence), SQLBind(e.change.kind),
                    SQLBind(payload), SQLBind(e.userId), SQLBind(e.userName),
                    SQLBind(e.organisationId), SQLBind(e.organisationName), SQLBind(e.party.rawValue),
                    SQLBind(recordedAt), SQLBind(e.effectiveOn.description), SQLBind(source),
                    SQLBind(payloadHash), SQLBind(previous),
                ])
            }
        }
        return (personRows, trajectoryRows, eventRows, factRows, deadlineRows, files)
    }
}
