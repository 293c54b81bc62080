import FluentKit
import FluentSQL
import Foundation
import KoersCore
import SQLKit

/// Filters for "my cases".
public struct CaseListQuery: Sendable {
    public var locationIds: Set<UUID>
    /// The stages to list; empty lists every stage.
    public var stages: Set<Stage>
    public var perspective: Perspective?
    public var nationality: String?
    /// A name, part of a name, or a V-nummer.
    public var text: String?
    public var page: Int
    public var pageSize: Int

    public init(
        locationIds: Set<UUID>,
        stages: Set<Stage> = [],
        perspective: Perspective? = nil,
        nationality: String? = nil,
        text: String? = nil,
        page: Int = 1,
        pageSize: Int = 50
    ) {
        self.locationIds = locationIds
        self.stages = stages
        self.perspective = perspective
        self.nationality = nationality
        self.text = text
        self.page = max(page, 1)
        self.pageSize = pageSize
    }
}

/// Trajectories and their events. Every change is one transaction: the event, the trajectory's
/// row and the person's row are written together or not at all.
public struct CaseStore: Sendable {
    let database: KoersDatabase
    let log: ProcessingLog
    /// The linkage index, kept in step with every registration in the same transaction.
    public let linkage: LinkageStore
    /// The log's entries that belong to no change, committed in groups.
    let logGroups: LogGroupCommit

    public init(database: KoersDatabase, log: ProcessingLog, linkage: LinkageStore) {
        self.database = database
        self.log = log
        self.linkage = linkage
        logGroups = LogGroupCommit { entries in
            try await database.write { db in try await log.write(entries, on: db) }
        }
    }

    /// Logs a processing that belongs to no change (a read, a refusal), once committed.
    func logOutside(
        _ activity: ProcessingActivity,
        person: UUID,
        context: ProcessingContext,
        status: ProcessingStatus = .ok
    ) async throws {
        try await logGroups.submit(log.entries(activity, persons: [person], context: context, status: status))
    }

    // MARK: Reading

    /// Where a trajectory is, for the access policy to decide before anything else is read.
    public func locationOf(_ trajectoryId: UUID) async throws -> UUID? {
        try await TrajectoryModel.find(trajectoryId, on: database.db)?.locationId
    }

    /// Loads and folds a case, logging the read for its data subject.
    ///
    /// This runs for every case page and case API request, so it reads rows with SQLKit rather
    /// than hydrating Fluent models (whose per-row reflection cost more than the queries).
    public func load(_ trajectoryId: UUID, context: ProcessingContext?) async throws -> CaseRecord? {
        let sql = database.sql
        guard
            let head = try await sql.raw(
                """
                SELECT t.person_id, t.location_id, l.name FROM trajectories t \
                JOIN locations l ON l.id = t.location_id WHERE t.id = \(bind: trajectoryId)
                """
            ).first()
        else { return nil }
        let personId = try head.decode(column: "person_id", as: UUID.self)
        let locationId = try head.decode(column: "location_id", as: UUID.self)
        let rows = try await sql.raw(
            """
            SELECT id, sequence, payload, user_id, user_name, organisation_id, organisation_name, party, \
            recorded_at, effective_on, source FROM case_events WHERE trajectory_id = \(bind: trajectoryId) \
            ORDER BY sequence
            """
        ).all()
        let events = try rows.map { try Self.event($0, trajectoryId: trajectoryId) }
        guard let file = CaseFile.fold(events, personId: personId, locationId: locationId) else { return nil }
        if let context {
            try await logOutside(.read, person: personId, context: context)
        }
        return CaseRecord(file: file, events: events, locationName: try head.decode(column: "name", as: String.self))
    }

    /// Logs an attempt on a case that was refused or failed, outside any write's transaction (which
    /// rolled back): the log keeps what was tried, not only what succeeded.
    public func logAttempt(
        _ activity: ProcessingActivity,
        on trajectoryId: UUID,
        context: ProcessingContext,
        status: ProcessingStatus
    ) async throws {
        guard let row = try await TrajectoryModel.find(trajectoryId, on: database.db) else { return }
        try await logOutside(activity, person: row.personId, context: context, status: status)
    }

    /// The first `count` trajectories at a location in a stage, in the order of their ids, whose
    /// fold satisfies `condition`: the demo's way to pick cases for meetings, transfers and
    /// escalations. Folds 200 trajectories at a time and stops when it has enough, so its cost
    /// does not grow with the caseload.
    public func firstFiles(
        at locationId: UUID,
        stage: Stage,
        count: Int,
        where condition: (CaseFile) -> Bool
    ) async throws -> [CaseFile] {
        let db = database.db
        var files: [CaseFile] = []
        var after: UUID?
        while files.count < count {
            var query = TrajectoryModel.query(on: db).filter(\.$locationId == locationId)
                .filter(\.$stage == stage.rawValue).sort(\.$id).limit(200)
            if let after { query = query.filter(\.$id > after) }
            let rows = try await query.all()
            guard let last = rows.last else { break }
            after = last.id
            for (_, file) in try await Self.fold(rows, on: db) where condition(file) {
                files.append(file)
                if files.count == count { break }
            }
        }
        return files
    }

    /// Every trajectory at a location, folded: what an export writes and a reconciliation compares.
    /// Folds 500 trajectories a query.
    public func files(at locationId: UUID) async throws -> [CaseFile] {
        let db = database.db
        let rows = try await TrajectoryModel.query(on: db).filter(\.$locationId == locationId).sort(\.$id).all()
        var files: [CaseFile] = []
        files.reserveCapacity(rows.count)
        for chunk in rows.chunked(500) { files += try await Self.fold(chunk, on: db).map(\.file) }
        return files
    }

    /// The files of trajectory rows, folded from their events with one query, in the rows' order.
    static func fold(
        _ rows: [TrajectoryModel],
        on db: any Database
    ) async throws
        -> [(row: TrajectoryModel, file: CaseFile)]
    {
        let events = try await CaseEventModel.query(on: db).filter(\.$trajectoryId ~~ rows.compactMap(\.id))
            .sort(\.$trajectoryId).sort(\.$sequence).all()
        let grouped = Dictionary(grouping: try events.map(Self.event), by: \.trajectoryId)
        return rows.compactMap { row in
            CaseFile.fold(grouped[row.id!] ?? [], personId: row.personId, locationId: row.locationId).map {
                (row, $0)
            }
        }
    }

    /// The summaries of the trajectories at the given locations in the given stages, from their
    /// read model: one indexed query, no events folded. `leftSince` adds trajectories that ended
    /// on or after that day (a progress view on a past reference date).
    public func summaries(
        at locationIds: Set<UUID>,
        stages: [Stage],
        leftSince: Day? = nil
    ) async throws -> [CaseSummary] {
        guard !locationIds.isEmpty else { return [] }
        let query = TrajectoryModel.query(on: database.db).filter(\.$locationId ~~ Array(locationIds))
        if let leftSince {
            query.group(.or) {
                $0.filter(\.$stage ~~ stages.map(\.rawValue)).filter(\.$leftOn >= leftSince.description)
            }
        } else {
            query.filter(\.$stage ~~ stages.map(\.rawValue))
        }
        return try await query.all().map(Self.summary)
    }

    /// The summaries of the given trajectories.
    public func summaries(of ids: [UUID]) async throws -> [CaseSummary] {
        let sql = database.db as! any SQLDatabase
        var summaries: [CaseSummary] = []
        summaries.reserveCapacity(ids.count)
        // The summary column alone, 1000 ids a query: well within both databases' limits on binds.
        for start in stride(from: 0, to: ids.count, by: 1000) {
            let chunk = Array(ids[start..<min(start + 1000, ids.count)])
            let rows = try await sql.select().column("summary").from(TrajectoryModel.schema)
                .where("id", .in, SQLBind.group(chunk)).all()
            for row in rows {
                guard
                    let text = try row.decodeNil(column: "summary")
                        ? nil : row.decode(column: "summary", as: String.self)
                else { throw StoreError.notFound }
                summaries.append(try JSONCoding.decode(CaseSummary.self, text))
            }
        }
        return summaries
    }

    /// A person's names contain `word`: through the FTS5 trigram index on SQLite, the `pg_trgm`
    /// index on PostgreSQL (both serve `LIKE '%word%'`).
    static func nameContains(_ word: String, sqlite: Bool) -> DatabaseQuery.Filter {
        let pattern = "%" + word.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "") + "%"
        if sqlite {
            let match: SQLQueryString = "SELECT rowid FROM person_search WHERE search_text LIKE \(bind: pattern)"
            return .sql(embed: "\(ident: "persons").rowid IN (\(match))")
        }
        return .sql(embed: "\(ident: "persons").\(ident: "search_text") LIKE \(bind: pattern)")
    }

    /// Beyond this many a case list says "more than" instead of counting them all.
    public static let countCap = ListBounds.countCap

    static func summary(_ row: TrajectoryModel) throws -> CaseSummary {
        guard let text = row.summary else { throw StoreError.notFound }
        return try JSONCoding.decode(CaseSummary.self, text)
    }

    /// The monitor's stored outputs, on the same database.
    public var monitorOutputs: MonitorOutputs { MonitorOutputs(database: database) }

    /// Rebuilds every read model of every trajectory from the events; returns how many rows changed.
    public func rebuildProjections() async throws -> Int {
        try await database.write { db in
            let changed = try await Projections.rebuildSummaries(on: db)
            try await Projections.rebuildDeadlines(at: nil, on: db)
            return changed
        }
    }

    /// Other trajectories of the same person, newest first (a returning person's history).
    public func otherTrajectories(
        of personId: UUID,
        except id: UUID
    ) async throws -> [(id: UUID, stage: Stage, referredOn: String, locationId: UUID)] {
        try await TrajectoryModel.query(on: database.db).filter(\.$personId == personId).filter(\.$id != id).sort(
            \.$referredOn,
            .descending
        ).all()
            .map { ($0.id!, Stage(rawValue: $0.stage) ?? .referral, $0.referredOn, $0.locationId) }
    }

    /// The name of another location where this person (by id or V-nummer) has an open trajectory.
    public func activeElsewhere(personId: UUID, vNumber: VNumber?, excluding locationId: UUID) async throws -> String? {
        let db = database.db
        var personIds: [UUID] = [personId]
        if let vNumber {
            personIds += try await PersonModel.query(on: db).filter(\.$vNumber == vNumber.digits).all().compactMap(\.id)
        }
        let open = [Stage.referral, .intake, .active].map(\.rawValue)
        guard
            let other = try await TrajectoryModel.query(on: db)
                .filter(\.$personId ~~ personIds).filter(\.$locationId != locationId).filter(\.$stage ~~ open).first()
        else { return nil }
        return try await LocationModel.find(other.locationId, on: db)?.name
    }

    /// The outflow code list of the table, in display order: the first policy version's.
    public func outflowReasons() async throws -> [OutflowReason] {
        try await Self.outflowReasons(on: database)
    }

    static func outflowReasons(on database: KoersDatabase) async throws -> [OutflowReason] {
        // SQLKit rows, without a Fluent model per reason.
        struct Row: Decodable {
            let code: String
            let category: String
            let label_nl: String
            let label_en: String
        }
        let rows = try await database.sql.select().columns("code", "category", "label_nl", "label_en")
            .from(OutflowReasonModel.schema).where("active", .equal, true).orderBy("position")
            .all(decoding: Row.self)
        return rows.compactMap { m in
            OutcomeCategory(rawValue: m.category).map {
                OutflowReason(code: m.code, category: $0, label: LocalizedText(nl: m.label_nl, en: m.label_en))
            }
        }
    }

    /// "My cases": trajectories at the given locations, filtered, newest change first.
    public func list(_ q: CaseListQuery) async throws -> (items: [CaseListItem], total: Int) {
        guard !q.locationIds.isEmpty else { return ([], 0) }
        let db = database.db
        let query = TrajectoryModel.query(on: db)
            .join(PersonModel.self, on: \TrajectoryModel.$personId == \PersonModel.$id)
            .join(LocationModel.self, on: \TrajectoryModel.$locationId == \LocationModel.$id)
            .filter(\TrajectoryModel.$locationId ~~ Array(q.locationIds))
        if !q.stages.isEmpty { query.filter(\TrajectoryModel.$stage ~~ q.stages.map(\.rawValue)) }
        if let perspective = q.perspective { query.filter(\TrajectoryModel.$perspective == perspective.rawValue) }
        if let nationality = q.nationality {
            query.filter(PersonModel.self, \.$nationality == nationality.uppercased())
        }
        if let text = q.text {
            if let v = VNumber(text) {
                query.filter(PersonModel.self, \.$vNumber == v.digits)
            } else {
                // Every word must occur, in any order, in the given names, surname or aliases.
                let words = Secrets.searchable(text).split(whereSeparator: { $0.isWhitespace || $0 == "," })
                for word in words { query.filter(Self.nameContains(String(word), sqlite: database.kind == .sqlite)) }
            }
        }
        // A list needs no exact total beyond a few pages: counting stops past `countCap`, so the
        // count costs what the first pages cost however many cases a location holds.
        let total = try await query.copy().limit(Self.countCap + 1).all(\.$id).count
        let rows = try await query.sort(\TrajectoryModel.$updatedAt, .descending).sort(\TrajectoryModel.$id)
            .range(((q.page - 1) * q.pageSize)..<(q.page * q.pageSize)).all()
        let items = try rows.map { row -> CaseListItem in
            let person = try row.joined(PersonModel.self)
            let location = try row.joined(LocationModel.self)
            return CaseListItem(
                trajectoryId: row.id!,
                name: [person.givenNames, person.surname].compactMap { $0 }.joined(separator: " "),
                birthDate: person.birthDate,
                nationality: person.nationality,
                vNumber: person.vNumber,
                stage: Stage(rawValue: row.stage) ?? .referral,
                perspective: row.perspective.flatMap(Perspective.init(rawValue:)),
                location: location.name,
                referredOn: row.referredOn,
                version: row.version
            )
        }
        return (items, total)
    }

    // MARK: Writing

    /// Registers a referral: a new person, or a returning one whose earlier trajectory has ended.
    public func refer(
        identity: Identity,
        referral: Referral,
        locationId: UUID,
        returningFrom previous: UUID?,
        context: ProcessingContext
    ) async throws -> CaseFile {
        try await database.write { db in
            let personId: UUID
            if let previous {
                guard let old = try await TrajectoryModel.find(previous, on: db) else { throw StoreError.notFound }
                let open = try await TrajectoryModel.query(on: db).filter(\.$personId == old.personId)
                    .filter(\.$stage ~~ [Stage.referral, .intake, .active].map(\.rawValue)).count()
                if open > 0 { throw StoreError.conflict("This person already has an open trajectory.") }
                personId = old.personId
            } else {
                let person = PersonModel()
                person.id = UUID.timeOrdered()
                person.createdAt = Date()
                Self.fill(person, identity)
                try await person.create(on: db)
                personId = person.id!
            }
            let file = CaseFile(
                id: UUID.timeOrdered(),
                personId: personId,
                locationId: locationId,
                referral: referral,
                identity: identity,
                previousTrajectoryId: previous
            )
            let trajectory = TrajectoryModel()
            trajectory.id = file.id
            trajectory.personId = personId
            trajectory.referredOn = referral.referredOn.description
            trajectory.previousTrajectoryId = previous
            let projected = Projections.TrajectoryRow(file)
            projected.apply(to: trajectory, at: Date())
            try await trajectory.create(on: db)
            try await Projections.saveFacts(projected, of: file.id, changes: [], on: db)
            try await Projections.saveDeadlines(projected.caseSummary, on: db)
            let change = CaseChange.referred(referral, identity: identity, previousTrajectoryId: previous)
            let event = Self.makeEvent(change, trajectoryId: file.id, sequence: 1, context: context)
            try await Self.row(event, previous: AuditHash.genesis(AuditHash.eventChain(file.id))).create(on: db)
            try await log.record(.refer, person: personId, context: context, on: db)
            try await linkage.index(file, reencode: true, on: db)
            return file
        }
    }

    /// Appends one change to a case, in one transaction.
    ///
    /// The case is read inside the transaction; `expectedVersion` must match or the write is
    /// refused as stale. `decide` sees the case as it stands and returns the change or throws
    /// its validation errors, in which case nothing is written.
    public func append(
        to trajectoryId: UUID,
        expectedVersion: Int?,
        context: ProcessingContext,
        activity: ProcessingActivity,
        _ decide: @escaping @Sendable (CaseFile) throws -> CaseChange
    ) async throws -> CaseFile {
        try await appendAll(to: trajectoryId, expectedVersion: expectedVersion, context: context, activity: activity) {
            [try decide($0)]
        }
    }

    /// Appends several changes that belong together (a meeting's decision on a case) in one transaction.
    public func appendAll(
        to trajectoryId: UUID,
        expectedVersion: Int?,
        context: ProcessingContext,
        activity: ProcessingActivity,
        _ decide: @escaping @Sendable (CaseFile) throws -> [CaseChange]
    ) async throws -> CaseFile {
        try await database.write { db in
            try await append(
                to: trajectoryId,
                expectedVersion: expectedVersion,
                context: context,
                activity: activity,
                on: db
            ) { file, _ in try decide(file) }
        }
    }

    /// Corrects an earlier event's fact (``CorrectionCommands``), checked against the whole history
    /// in the same transaction; the read models, the monitor's facts and the linkage index follow
    /// the corrected history.
    public func correct(
        _ trajectoryId: UUID,
        supersedes sequence: Int,
        with replacement: CaseChange,
        reason: String,
        context: ProcessingContext
    ) async throws -> CaseFile {
        try await database.write { db in
            try await append(to: trajectoryId, expectedVersion: nil, context: context, activity: .correct, on: db) {
                _,
                events in
                [
                    try CorrectionCommands.correct(
                        sequence,
                        with: replacement,
                        reason: reason,
                        source: context.source,
                        in: events
                    )
                ]
            }
        }
    }

    /// Appends changes to two cases in one transaction: a decision on the first that asks
    /// something of the second (the intake check's "same person: ask for a transfer").
    public func appendAll(
        to first: UUID,
        expectedVersion: Int?,
        _ decideFirst: @escaping @Sendable (CaseFile) throws -> [CaseChange],
        andTo second: UUID,
        _ decideSecond: @escaping @Sendable (CaseFile) throws -> [CaseChange],
        context: ProcessingContext,
        activity: ProcessingActivity
    ) async throws -> CaseFile {
        try await database.write { db in
            // Both rows locked up front, in one order, so two such writes cannot deadlock.
            try await Self.lockForAppend([first, second], on: db)
            let file = try await append(
                to: first,
                expectedVersion: expectedVersion,
                context: context,
                activity: activity,
                on: db
            ) { file, _ in try decideFirst(file) }
            _ = try await append(
                to: second,
                expectedVersion: nil,
                context: context,
                activity: activity,
                on: db
            ) { file, _ in try decideSecond(file) }
            return file
        }
    }

    /// Locks the trajectories' rows until the transaction ends, in id order. On PostgreSQL two
    /// appends to one case otherwise both read its version, both number their event from it, and
    /// the later one fails on `(trajectory_id, sequence)`: a 409 for a client that sent no
    /// `If-Match` and so had no version to be stale. Locked, the second waits and then reads the
    /// first one's version. SQLite runs one write transaction at a time; there this is a no-op.
    static func lockForAppend(_ trajectoryIds: [UUID], on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        guard sql.dialect.exclusiveSelectLockExpression != nil else { return }
        try await sql.select().column("id").from(TrajectoryModel.schema)
            .where("id", .in, SQLBind.group(trajectoryIds))
            .orderBy("id").for(.update).run()
    }

    /// The body of an append, inside the caller's transaction.
    func append(
        to trajectoryId: UUID,
        expectedVersion: Int?,
        context: ProcessingContext,
        activity: ProcessingActivity,
        on db: any Database,
        _ decide: @Sendable (CaseFile, [CaseEvent]) throws -> [CaseChange]
    ) async throws -> CaseFile {
        try await Self.lockForAppend([trajectoryId], on: db)
        guard let row = try await TrajectoryModel.find(trajectoryId, on: db) else { throw StoreError.notFound }
        if let expectedVersion, expectedVersion != row.version { throw StoreError.stale(current: row.version) }
        // Fold exactly the events the row's version counts, and number new ones from it: under
        // READ COMMITTED a concurrent writer's event may already be visible to the next query,
        // and numbering from the row makes such a race collide on (trajectory_id, sequence).
        let models = try await CaseEventModel.query(on: db).filter(\.$trajectoryId == trajectoryId).filter(
            \.$sequence <= row.version
        )
        .sort(\.$sequence).all()
        let events = try models.map(Self.event)
        var previous = models.last?.hash ?? AuditHash.genesis(AuditHash.eventChain(trajectoryId))
        guard var file = CaseFile.fold(events, personId: row.personId, locationId: row.locationId),
            file.version == row.version
        else { throw StoreError.notFound }
        let changes = try decide(file, events)
        if !AccessPolicy.mayWrite(changes, to: file, by: context.actor), let restriction = file.restriction {
            throw StoreError.restricted(reason: restriction.reason)
        }
        var appended: [CaseEvent] = []
        for (offset, change) in changes.enumerated() {
            let event = Self.makeEvent(
                change,
                trajectoryId: trajectoryId,
                sequence: row.version + offset + 1,
                context: context
            )
            let model = Self.row(event, previous: previous)
            previous = model.hash!
            do {
                try await model.create(on: db)
            } catch let error as any DatabaseError where error.isConstraintFailure {
                // A concurrent writer took this sequence number first (the row lock makes this
                // rare). Stale only for a caller who named the version it saw; anyone else's
                // append is run again on the case as it now stands.
                if expectedVersion != nil { throw StoreError.stale(current: row.version + 1) }
                throw LostRace()
            }
            file.apply(change)
            appended.append(event)
        }
        // A correction reaches back to an earlier event: only the whole history folded shows it.
        let corrects = changes.contains { if case .corrected = $0 { true } else { false } }
        if corrects, let refolded = CaseFile.fold(events + appended, personId: row.personId, locationId: row.locationId)
        {
            file = refolded
        }
        let projected = Projections.TrajectoryRow(file)
        projected.apply(to: row, at: Date())
        try await row.save(on: db)
        try await Projections.saveFacts(projected, of: trajectoryId, changes: changes, on: db)
        try await Projections.saveDeadlines(projected.caseSummary, on: db)
        let identityChanged = changes.contains { change in
            switch change {
            case .intakeRecorded, .biometricsRecorded: true
            case .corrected(let c): c.replacement.section == .identity
            default: false
            }
        }
        if identityChanged, let person = try await PersonModel.find(row.personId, on: db) {
            Self.fill(person, file.identity)
            try await person.save(on: db)
        }
        try await linkage.index(file, reencode: identityChanged, on: db)
        try await Self.project(transfersIn: changes, file: file, on: db)
        try await projectLinkage(changes, file: file, on: db)
        try await log.record(activity, person: row.personId, context: context, on: db)
        return file
    }

    /// Keeps the review queue and the remembered "not the same person" pairs in step with the decisions.
    func projectLinkage(_ changes: [CaseChange], file: CaseFile, on db: any Database) async throws {
        for case .duplicateResolved(let r) in changes {
            let open = try await LinkageReviewModel.query(on: db).filter(\.$trajectoryId == file.id).filter(
                \.$entryId == r.entryId
            ).filter(\.$decidedOn == nil).all()
            if r.kind == .review {
                if open.isEmpty {
                    let m = LinkageReviewModel()
                    m.id = r.id
                    m.trajectoryId = file.id
                    m.locationId = file.locationId
                    m.entryId = r.entryId
                    m.strength = r.strength
                    m.sentOn = r.on.description
                    try await m.create(on: db)
                }
                continue
            }
            for m in open {
                m.decidedOn = r.on.description
                try await m.save(on: db)
            }
            if r.kind == .notSamePerson,
                let own = try await LinkageEntryModel.query(on: db).filter(\.$trajectoryId == file.id).first()?.id
            {
                try await linkage.rememberNotSame(own, r.entryId, on: r.on, db: db)
            }
        }
    }

    /// Keeps the transfers and committee tables in step with their events, in the same transaction.
    static func project(transfersIn changes: [CaseChange], file: CaseFile, on db: any Database) async throws {
        for change in changes {
            switch change {
            case .transferRequested(let request):
                let m = TransferModel()
                m.id = request.id
                m.trajectoryId = file.id
                m.fromLocationId = request.fromLocationId
                m.toLocationId = request.toLocationId
                m.status = TransferStatus.pending.rawValue
                m.reason = request.reason
                m.requestedOn = request.requestedOn.description
                m.askedByReceiver = request.askedByReceiver
                m.summaryJSON = JSONCoding.string(HandoverSummary(file))
                try await m.create(on: db)
            case .escalated(let escalation):
                let m = EscalationQueueModel()
                m.id = escalation.id
                m.trajectoryId = file.id
                m.locationId = file.locationId
                m.level = escalation.level
                m.escalatedOn = escalation.escalatedOn.description
                try await m.create(on: db)
            case .escalationDecided(let id, _, let day):
                guard let m = try await EscalationQueueModel.find(id, on: db) else { continue }
                m.decidedOn = day.description
                try await m.save(on: db)
            case .committeeRequested(let request):
                let m = CommitteeQueueModel()
                m.id = request.id
                m.trajectoryId = file.id
                m.locationId = file.locationId
                m.requestedOn = request.requestedOn.description
                try await m.create(on: db)
            case .committeeAdvised(let id, _, let day):
                guard let m = try await CommitteeQueueModel.find(id, on: db) else { continue }
                m.advisedOn = day.description
                try await m.save(on: db)
            case .transferDecided(let id, let accepted, let day, let note):
                guard let m = try await TransferModel.find(id, on: db) else { continue }
                m.status = (accepted ? TransferStatus.accepted : .declined).rawValue
                m.decidedOn = day.description
                m.note = note
                try await m.save(on: db)
            default:
                continue
            }
        }
    }

    /// Transfers from or to the given locations, newest first.
    public func transfers(involving locationIds: Set<UUID>) async throws -> [Transfer] {
        guard !locationIds.isEmpty else { return [] }
        let ids = Array(locationIds)
        return try await TransferModel.query(on: database.db)
            .group(.or) { $0.filter(\.$fromLocationId ~~ ids).filter(\.$toLocationId ~~ ids) }
            .sort(\.$requestedOn, .descending).all().map(Self.transfer)
    }

    /// How many answered requests or escalations a queue shows beside every open one.
    public static let answeredShown = 25

    /// Cases put to the committee at the given locations: every one still waiting for advice and
    /// the latest advised, newest first. The queue stays small over the years.
    public func committeeQueue(
        at locationIds: Set<UUID>
    ) async throws -> [(trajectoryId: UUID, requestedOn: String, advisedOn: String?)] {
        guard !locationIds.isEmpty else { return [] }
        let query = { CommitteeQueueModel.query(on: self.database.db).filter(\.$locationId ~~ Array(locationIds)) }
        let open = try await query().filter(\.$advisedOn == nil).sort(\.$requestedOn, .descending).all()
        let advised = try await query().filter(\.$advisedOn != nil).sort(\.$requestedOn, .descending)
            .limit(Self.answeredShown).all()
        return (open + advised).map { ($0.trajectoryId, $0.requestedOn, $0.advisedOn) }
    }

    /// Cases escalated to a level at the given locations: every one still waiting for a decision
    /// and the latest decided, newest first.
    public func escalationQueue(level: String, at locationIds: Set<UUID>) async throws -> [UUID] {
        guard !locationIds.isEmpty else { return [] }
        let query = {
            EscalationQueueModel.query(on: self.database.db).filter(\.$level == level)
                .filter(\.$locationId ~~ Array(locationIds))
        }
        let open = try await query().filter(\.$decidedOn == nil).sort(\.$escalatedOn, .descending).all()
        let decided = try await query().filter(\.$decidedOn != nil).sort(\.$escalatedOn, .descending)
            .limit(Self.answeredShown).all()
        return (open + decided).map(\.trajectoryId)
    }

    /// The trajectory an index entry belongs to, for a decision that must reach the other case.
    public func trajectory(ofEntry entryId: UUID) async throws -> UUID? {
        try await LinkageEntryModel.find(entryId, on: database.db)?.trajectoryId
    }

    public func transfer(_ id: UUID) async throws -> Transfer? {
        try await TransferModel.find(id, on: database.db).map(Self.transfer)
    }

    static func transfer(_ m: TransferModel) throws -> Transfer {
        Transfer(
            id: m.id!,
            trajectoryId: m.trajectoryId,
            fromLocationId: m.fromLocationId,
            toLocationId: m.toLocationId,
            status: TransferStatus(rawValue: m.status) ?? .pending,
            reason: m.reason,
            requestedOn: m.requestedOn,
            decidedOn: m.decidedOn,
            note: m.note,
            summary: try JSONCoding.decode(HandoverSummary.self, m.summaryJSON),
            askedByReceiver: m.askedByReceiver ?? false
        )
    }

    // MARK: Mapping

    static func fill(_ person: PersonModel, _ identity: Identity) {
        person.givenNames = identity.givenNames
        person.surname = identity.surname
        person.aliasesJSON = JSONCoding.string(identity.aliases)
        person.birthDate = identity.birthDate?.description
        person.nationality = identity.nationality
        person.gender = identity.gender.rawValue
        person.vNumber = identity.vNumber?.digits
        person.searchText = Secrets.searchable(
            ([identity.givenNames ?? "", identity.surname] + identity.aliases).joined(separator: " | ")
        )
    }

    static func makeEvent(
        _ change: CaseChange,
        trajectoryId: UUID,
        sequence: Int,
        context: ProcessingContext,
        at now: Date = AuditHash.truncated(Date())
    ) -> CaseEvent {
        CaseEvent(
            id: UUID.timeOrdered(),
            trajectoryId: trajectoryId,
            sequence: sequence,
            change: change,
            userId: context.actor.userId,
            userName: context.actor.displayName,
            organisationId: context.actor.organisationId,
            organisationName: context.actor.organisationName,
            party: context.actor.party,
            recordedAt: now,
            effectiveOn: change.effectiveOn ?? Day(now),
            source: context.source
        )
    }

    /// The event's row, linked to the hash of the event before it in its trajectory.
    static func row(_ e: CaseEvent, previous: String) -> CaseEventModel {
        let m = CaseEventModel()
        m.id = e.id
        m.trajectoryId = e.trajectoryId
        m.sequence = e.sequence
        m.kind = e.change.kind
        m.payload = JSONCoding.string(e.change)
        m.userId = e.userId
        m.userName = e.userName
        m.organisationId = e.organisationId
        m.organisationName = e.organisationName
        m.party = e.party.rawValue
        // Whole milliseconds: the moment stored is the moment hashed, on either database.
        m.recordedAt = AuditHash.truncated(e.recordedAt)
        m.effectiveOn = e.effectiveOn.description
        m.source = e.source.map { JSONCoding.string($0) }
        m.payloadHash = AuditHash.hex(m.payload)
        m.hash = hash(m, previous: previous)
        return m
    }

    /// An event row's link in its trajectory's chain.
    static func hash(_ m: CaseEventModel, previous: String) -> String {
        AuditHash.event(
            previous: previous,
            id: m.id!,
            trajectoryId: m.trajectoryId,
            sequence: m.sequence,
            kind: m.kind,
            payloadHash: m.payloadHash ?? AuditHash.hex(m.payload),
            userId: m.userId,
            userName: m.userName,
            organisationId: m.organisationId,
            organisationName: m.organisationName,
            party: m.party,
            recordedAt: m.recordedAt,
            effectiveOn: m.effectiveOn,
            source: m.source
        )
    }

    /// An event from a `case_events` row read with SQLKit.
    static func event(_ row: any SQLRow, trajectoryId: UUID) throws -> CaseEvent {
        let recordedAt = try row.decode(column: "recorded_at", as: Date.self)
        return CaseEvent(
            id: try row.decode(column: "id", as: UUID.self),
            trajectoryId: trajectoryId,
            sequence: try row.decode(column: "sequence", as: Int.self),
            change: try JSONCoding.decode(CaseChange.self, try row.decode(column: "payload", as: String.self)),
            userId: try row.decode(column: "user_id", as: UUID.self),
            userName: try row.decode(column: "user_name", as: String.self),
            organisationId: try row.decode(column: "organisation_id", as: UUID.self),
            organisationName: try row.decode(column: "organisation_name", as: String.self),
            party: Party(rawValue: try row.decode(column: "party", as: String.self)) ?? .ngo,
            recordedAt: recordedAt,
            effectiveOn: Day(try row.decode(column: "effective_on", as: String.self)) ?? Day(recordedAt),
            source: try row.decode(column: "source", as: String?.self).map {
                try JSONCoding.decode(FactSource.self, $0)
            }
        )
    }

    static func event(_ m: CaseEventModel) throws -> CaseEvent {
        CaseEvent(
            id: m.id!,
            trajectoryId: m.trajectoryId,
            sequence: m.sequence,
            change: try JSONCoding.decode(CaseChange.self, m.payload),
            userId: m.userId,
            userName: m.userName,
            organisationId: m.organisationId,
            organisationName: m.organisationName,
            party: Party(rawValue: m.party) ?? .ngo,
            recordedAt: m.recordedAt,
            effectiveOn: Day(m.effectiveOn) ?? Day(m.recordedAt),
            source: try m.source.map { try JSONCoding.decode(FactSource.self, $0) }
        )
    }
}
