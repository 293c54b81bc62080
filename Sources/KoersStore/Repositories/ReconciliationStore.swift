import FluentKit
import Foundation
import KoersCore
import SQLKit

/// Keeps the comparisons of agency lists with Koers, and writes their resolutions: an accepted
/// line's fact goes into the case in the same transaction as the resolution.
public struct ReconciliationStore: Sendable {
    let cases: CaseStore

    public init(cases: CaseStore) {
        self.cases = cases
    }

    /// Koers's facts of the source's kind at the location, for persons with a V-nummer, and those
    /// V-nummers.
    public func registered(
        at locationId: UUID,
        for source: AgencySource
    ) async throws -> (facts: [RegisteredFact], known: Set<VNumber>) {
        var facts: [RegisteredFact] = []
        var known = Set<VNumber>()
        for file in try await cases.files(at: locationId) {
            guard let v = file.identity.vNumber else { continue }
            known.insert(v)
            facts += RegisteredFact.facts(of: file, for: source)
        }
        return (facts, known)
    }

    /// Keeps a comparison. A line that an earlier comparison at the location explained, unchanged
    /// since, stays explained with that note.
    public func save(
        _ result: ReconciliationResult,
        source: AgencySource,
        fileName: String,
        rejectedRows: Int,
        at locationId: UUID,
        context: ProcessingContext
    ) async throws -> UUID {
        try await cases.database.write { db in
            let earlier = try await ReconciliationModel.query(on: db).filter(\.$locationId == locationId)
                .filter(\.$source == source.rawValue).all().compactMap(\.id)
            var explained: [String: ReconciliationLineModel] = [:]
            for chunk in earlier.chunked(500) {
                for line in try await ReconciliationLineModel.query(on: db).filter(\.$reconciliationId ~~ chunk)
                    .filter(\.$resolution == Reconciliation.Resolution.explained.rawValue).all()
                {
                    explained[line.lineKey] = line
                }
            }
            let run = ReconciliationModel()
            run.id = UUID.timeOrdered()
            run.locationId = locationId
            run.source = source.rawValue
            run.fileName = fileName
            run.userName = context.actor.displayName
            run.uploadedAt = Date()
            run.unknownCount = result.unknownVNumbers
            run.rejectedRows = rejectedRows
            try await run.create(on: db)
            // One batched insert for the list's lines, however long the list.
            let rows: [[any SQLExpression]] = result.lines.enumerated().map { number, line in
                let key = Self.key(line)
                let before = line.status == .agrees ? nil : explained[key]
                return [
                    SQLBind(UUID.timeOrdered()), SQLBind(run.id!), SQLBind(number + 1), SQLBind(line.status.rawValue),
                    SQLBind(JSONCoding.string(line)), SQLBind(key), SQLBind(before?.resolution), SQLBind(before?.note),
                    SQLBind(before?.resolvedBy), SQLBind(before?.resolvedAt),
                ]
            }
            try await (db as! any SQLDatabase).insert(
                into: ReconciliationLineModel.schema,
                columns: [
                    "id", "reconciliation_id", "number", "status", "line", "line_key", "resolution", "note",
                    "resolved_by", "resolved_at",
                ],
                batched: rows
            )
            let persons = try await Self.persons(of: result.lines.map(\.vNumber), on: db)
            try await cases.log.record(.reconcileCompare, persons: persons, context: context, on: db)
            return run.id!
        }
    }

    /// A line as it reads the same in a later list: both facts, without the list's row number.
    static func key(_ line: ReconciliationLine) -> String {
        let listed = line.listed.map {
            "\($0.date)|\($0.decidedOn?.description ?? "")|\($0.outcome?.rawValue ?? "")|\($0.reasonCode ?? "")"
        }
        let registered = line.registered.map {
            "\($0.trajectoryId)|\($0.date)|\($0.decidedOn?.description ?? "")|\($0.outcome?.rawValue ?? "")|"
                + ($0.reasonCode ?? "")
        }
        return "\(line.status.rawValue)|\(line.vNumber)|\(listed ?? "-")|\(registered ?? "-")"
    }

    static func persons(of vNumbers: [VNumber], on db: any Database) async throws -> [UUID] {
        var ids: [UUID] = []
        for chunk in Array(Set(vNumbers.map(\.digits))).chunked(500) {
            ids += try await PersonModel.query(on: db).filter(\.$vNumber ~~ chunk).all().compactMap(\.id)
        }
        return ids
    }

    /// A comparison with its lines, in order.
    public func reconciliation(_ id: UUID) async throws -> Reconciliation? {
        let db = cases.database.db
        guard let run = try await ReconciliationModel.find(id, on: db) else { return nil }
        let lines = try await ReconciliationLineModel.query(on: db).filter(\.$reconciliationId == id)
            .sort(\.$number).all()
        return try Self.reconciliation(run, lines)
    }

    /// The comparisons at these locations, newest first, counted in the database: a list of
    /// a year's monthly lists stays one query however long the lists are. `latestOnly` keeps the
    /// latest per location and agency, what the monitor's share reads.
    public func summaries(at locationIds: Set<UUID>, latestOnly: Bool = false) async throws -> [ReconciliationSummary] {
        guard !locationIds.isEmpty else { return [] }
        let db = cases.database.db
        var runs = try await ReconciliationModel.query(on: db).filter(\.$locationId ~~ Array(locationIds))
            .sort(\.$uploadedAt, .descending).all()
        if latestOnly {
            var seen = Set<String>()
            runs = runs.filter { seen.insert("\($0.locationId)|\($0.source)").inserted }
        }
        var counts: [UUID: (lines: Int, open: Int)] = [:]
        for chunk in runs.compactMap(\.id).chunked(500) {
            let rows = try await (db as! any SQLDatabase).raw(
                """
                SELECT reconciliation_id, COUNT(*) AS lines, \
                SUM(CASE WHEN status <> 'agrees' AND resolution IS NULL THEN 1 ELSE 0 END) AS open \
                FROM reconciliation_lines WHERE reconciliation_id IN (\(SQLList(chunk.map { SQLBind($0) }))) \
                GROUP BY reconciliation_id
                """
            ).all()
            for row in rows {
                counts[try row.decode(column: "reconciliation_id", as: UUID.self)] = (
                    try row.decode(column: "lines", as: Int.self), try row.decode(column: "open", as: Int.self)
                )
            }
        }
        return runs.map { run in
            ReconciliationSummary(
                id: run.id!,
                locationId: run.locationId,
                source: AgencySource(rawValue: run.source) ?? .ind,
                fileName: run.fileName,
                uploadedAt: run.uploadedAt,
                lines: counts[run.id!]?.lines ?? 0,
                open: counts[run.id!]?.open ?? 0
            )
        }
    }

    static func reconciliation(_ run: ReconciliationModel, _ lines: [ReconciliationLineModel]) throws -> Reconciliation
    {
        Reconciliation(
            id: run.id!,
            locationId: run.locationId,
            source: AgencySource(rawValue: run.source) ?? .ind,
            fileName: run.fileName,
            userName: run.userName,
            uploadedAt: run.uploadedAt,
            unknownVNumbers: run.unknownCount,
            rejectedRows: run.rejectedRows,
            lines: try lines.map { m in
                Reconciliation.Line(
                    id: m.id!,
                    number: m.number,
                    line: try JSONCoding.decode(ReconciliationLine.self, m.line),
                    resolution: m.resolution.flatMap(Reconciliation.Resolution.init(rawValue:)),
                    note: m.note,
                    resolvedBy: m.resolvedBy,
                    resolvedAt: m.resolvedAt
                )
            }
        )
    }

    /// Resolves an open line, in one transaction: accepting writes the agency's fact into the case
    /// (`accept` returns the changes for the case as it stands), explaining keeps the note.
    /// Refused as a conflict when the line was resolved meanwhile.
    public func resolve(
        _ lineId: UUID,
        of reconciliation: Reconciliation,
        as resolution: Reconciliation.Resolution,
        note: String?,
        context: ProcessingContext,
        accept: @escaping @Sendable (ReconciliationLine, CaseFile, [CaseEvent]) throws -> [CaseChange]
    ) async throws {
        guard let line = reconciliation.lines.first(where: { $0.id == lineId }), line.isOpen else {
            throw StoreError.conflict("This line is resolved already.")
        }
        try await cases.database.write { db in
            let sql = db as! any SQLDatabase
            let claimed = try await sql.raw(
                """
                UPDATE reconciliation_lines SET resolution = \(bind: resolution.rawValue), note = \(bind: note), \
                resolved_by = \(bind: context.actor.displayName), resolved_at = \(bind: Date()) \
                WHERE id = \(bind: lineId) AND resolution IS NULL RETURNING id
                """
            ).all()
            guard !claimed.isEmpty else { throw StoreError.conflict("This line is resolved already.") }
            let persons = try await Self.persons(of: [line.line.vNumber], on: db)
            guard resolution == .accepted else {
                try await cases.log.record(.reconcileExplain, persons: persons, context: context, on: db)
                return
            }
            let trajectoryId = try await target(of: line.line, at: reconciliation.locationId, on: db)
            let item = line.line
            _ = try await cases.append(
                to: trajectoryId,
                expectedVersion: nil,
                context: context,
                activity: .reconcileAccept,
                on: db
            ) { file, events in try accept(item, file, events) }
        }
    }

    /// The trajectory a line's fact goes into: the one Koers's fact is on, or for a fact Koers
    /// lacks the person's trajectory at the location running on its date.
    func target(of line: ReconciliationLine, at locationId: UUID, on db: any Database) async throws -> UUID {
        if let id = line.registered?.trajectoryId { return id }
        let persons = try await Self.persons(of: [line.vNumber], on: db)
        let rows = try await TrajectoryModel.query(on: db).filter(\.$personId ~~ persons)
            .filter(\.$locationId == locationId).all()
        let files = try await CaseStore.fold(rows, on: db).map(\.file)
        guard let date = line.listed?.date, let file = ReconciliationCommands.trajectory(for: date, among: files) else {
            throw StoreError.notFound
        }
        return file.id
    }
}
