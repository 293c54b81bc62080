import FluentKit
import Foundation
import KoersCore
import SQLKit

/// One trajectory as a city's file holds it, in Koers's changes, with the city's own ids.
public struct ImportedCase: Sendable {
    public let sourcePersonId: String
    public let sourceTrajectoryId: String
    /// The facts in the order they happened; the first is the referral.
    public let changes: [CaseChange]

    public init(sourcePersonId: String, sourceTrajectoryId: String, changes: [CaseChange]) {
        self.sourcePersonId = sourcePersonId
        self.sourceTrajectoryId = sourceTrajectoryId
        self.changes = changes
    }
}

/// What committing an import did.
public struct ImportOutcome: Sendable, Hashable {
    /// New trajectories, and of them the persons new to the location.
    public var created = 0
    public var newPersons = 0
    /// Facts of earlier imported trajectories that differed: corrections.
    public var corrections = 0
    /// Facts an earlier import did not have (an outflow since): new events.
    public var added = 0
    /// Trajectories the file holds exactly as Koers does.
    public var unchanged = 0
    /// Possible matches of new registrations with others in the file or at other locations, now
    /// in the municipality's review queue.
    public var possibleDuplicates = 0

    public init(
        created: Int = 0,
        newPersons: Int = 0,
        corrections: Int = 0,
        added: Int = 0,
        unchanged: Int = 0,
        possibleDuplicates: Int = 0
    ) {
        self.created = created
        self.newPersons = newPersons
        self.corrections = corrections
        self.added = added
        self.unchanged = unchanged
        self.possibleDuplicates = possibleDuplicates
    }
}

/// Writes an import of registrations at one location, whole or not at all. The city's ids make
/// it idempotent: a trajectory imported before is compared fact by fact, and only what differs is
/// written, as a correction; the same file again changes nothing.
public struct RegistrationImportStore: Sendable {
    let cases: CaseStore
    let directory: DirectoryStore

    public init(cases: CaseStore, directory: DirectoryStore) {
        self.cases = cases
        self.directory = directory
    }

    /// Commits the cases in one transaction, as the context's actor, with its source on every event;
    /// possible duplicates go to the municipality's review queue as sent `today`.
    public func commit(
        _ imported: [ImportedCase],
        at locationId: UUID,
        context: ProcessingContext,
        today: Day = Day.today()
    ) async throws -> ImportOutcome {
        let policies = try await directory.deadlinePolicies()
        return try await cases.database.write { db in
            let keys = try await ImportKeyModel.query(on: db).filter(\.$locationId == locationId).all()
            let byTrajectory = Dictionary(keys.map { ($0.sourceTrajectoryId, $0) }, uniquingKeysWith: { a, _ in a })
            var personOf = Dictionary(keys.map { ($0.sourcePersonId, $0.personId) }, uniquingKeysWith: { a, _ in a })
            // The latest trajectory of each person, for a returning person's link to it.
            var latest: [UUID: (referredOn: Day, id: UUID)] = [:]
            for chunk in keys.map(\.trajectoryId).chunked(500) {
                for row in try await TrajectoryModel.query(on: db).filter(\.$id ~~ chunk).all() {
                    guard let day = Day(row.referredOn) else { continue }
                    if latest[row.personId].map({ $0.referredOn < day }) ?? true {
                        latest[row.personId] = (day, row.id!)
                    }
                }
            }
            var outcome = ImportOutcome()
            var histories: [CaseHistory] = []
            var newPerson: [Bool] = []
            var keyRows: [[any SQLExpression]] = []
            let now = Date()
            // The events of the trajectories imported before, read a chunk at a time rather than
            // one query per trajectory.
            let known = imported.compactMap { byTrajectory[$0.sourceTrajectoryId]?.trajectoryId }
            var eventsOf: [UUID: [CaseEvent]] = [:]
            for chunk in known.chunked(500) {
                for model in try await CaseEventModel.query(on: db).filter(\.$trajectoryId ~~ chunk).all() {
                    eventsOf[model.trajectoryId, default: []].append(try CaseStore.event(model))
                }
            }
            for item in imported {
                if let key = byTrajectory[item.sourceTrajectoryId] {
                    let events = (eventsOf[key.trajectoryId] ?? []).sorted { $0.sequence < $1.sequence }
                    try await update(
                        key.trajectoryId,
                        events: events,
                        with: item.changes,
                        context: context,
                        on: db,
                        &outcome
                    )
                    continue
                }
                guard case .referred(let referral, let identity, _) = item.changes.first else { continue }
                let isNew = personOf[item.sourcePersonId] == nil
                let personId = personOf[item.sourcePersonId] ?? UUID.timeOrdered()
                personOf[item.sourcePersonId] = personId
                let trajectoryId = UUID.timeOrdered()
                let previous = latest[personId].flatMap { $0.referredOn <= referral.referredOn ? $0.id : nil }
                var changes = item.changes
                changes[0] = .referred(referral, identity: identity, previousTrajectoryId: previous)
                latest[personId] = (referral.referredOn, trajectoryId)
                let events = changes.enumerated().map { index, change in
                    CaseStore.makeEvent(
                        change,
                        trajectoryId: trajectoryId,
                        sequence: index + 1,
                        context: context,
                        at: now
                    )
                }
                histories.append(
                    CaseHistory(
                        personId: personId,
                        trajectoryId: trajectoryId,
                        locationId: locationId,
                        previousTrajectoryId: previous,
                        events: events
                    )
                )
                newPerson.append(isNew)
                keyRows.append([
                    SQLBind(UUID.timeOrdered()), SQLBind(locationId), SQLBind(item.sourcePersonId),
                    SQLBind(item.sourceTrajectoryId), SQLBind(personId), SQLBind(trajectoryId), SQLBind(now),
                ])
                outcome.created += 1
                outcome.newPersons += isNew ? 1 : 0
            }
            let batch = CaseHistoryWriter.batch(
                histories,
                newPerson: newPerson,
                policies: policies,
                encoder: cases.linkage.encoder
            )
            // Identity at import: the new registrations against each other and the other locations'.
            let matches = try await cases.linkage.importMatches(
                batch.rows.files,
                encoded: batch.encoded,
                at: locationId,
                on: db
            )
            try await CaseHistoryWriter.insert(batch, on: db)
            try await LinkageStore.queue(matches, at: locationId, on: today, db: db)
            outcome.possibleDuplicates = matches.count
            try await (db as! any SQLDatabase).insert(
                into: ImportKeyModel.schema,
                columns: [
                    "id", "location_id", "source_person_id", "source_trajectory_id", "person_id", "trajectory_id",
                    "imported_at",
                ],
                batched: keyRows
            )
            try await cases.log.record(
                .importRegistrations,
                persons: histories.map(\.personId),
                context: context,
                on: db
            )
            if !histories.isEmpty { try await MonitorOutputs.invalidate(after: nil, on: db) }
            return outcome
        }
    }

    /// Brings an imported trajectory in step with the file: a fact that differs becomes a
    /// correction of the imported one, a fact the earlier import lacked a new event.
    private func update(
        _ trajectoryId: UUID,
        events: [CaseEvent],
        with changes: [CaseChange],
        context: ProcessingContext,
        on db: any Database,
        _ outcome: inout ImportOutcome
    ) async throws {
        var toWrite: [CaseChange] = []
        var used = Set<Int>()
        for change in changes {
            // The imported event of the same kind not matched yet, in order.
            let original = events.first { event in
                event.source?.kind == .import && event.change.kind == change.kind && !used.contains(event.sequence)
            }
            guard let original else {
                toWrite.append(change)
                outcome.added += 1
                continue
            }
            used.insert(original.sequence)
            let current = CorrectionCommands.current(original.sequence, in: events) ?? original.change
            guard !ImportedFact.same(current, change) else { continue }
            toWrite.append(
                try CorrectionCommands.correct(
                    original.sequence,
                    with: ImportedFact.keepingIds(of: original.change, change),
                    reason: "Gewijzigd in het bronbestand \(context.source?.reference ?? "")",
                    source: context.source,
                    in: events
                )
            )
            outcome.corrections += 1
        }
        guard !toWrite.isEmpty else {
            outcome.unchanged += 1
            return
        }
        let written = toWrite
        _ = try await cases.append(
            to: trajectoryId,
            expectedVersion: nil,
            context: context,
            activity: .importRegistrations,
            on: db
        ) { _, _ in written }
    }
}

extension Array {
    /// The array in consecutive pieces of at most `size`, for `IN` lists a database accepts.
    func chunked(_ size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
