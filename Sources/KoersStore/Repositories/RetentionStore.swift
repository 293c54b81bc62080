import FluentKit
import Foundation
import KoersCore
import KoersMonitor
import SQLKit

/// Bewaartermijnen: who is due for destruction, the plans the administrator approves, and the
/// erasure itself, one person per transaction.
public struct RetentionStore: Sendable {
    let cases: CaseStore
    let register: ProcessingRegisterStore

    public init(cases: CaseStore, register: ProcessingRegisterStore) {
        self.cases = cases
        self.register = register
    }

    var database: KoersDatabase { cases.database }

    // MARK: Who is due

    /// The people whose every trajectory ended more than their retention period ago: the longest
    /// period of the activities the log holds for them, `defaultYears` for activities without one.
    public func due(on today: Day, defaultYears: Int) async throws -> [RetentionItem] {
        let entries = try await register.entries()
        let years = Dictionary(uniqueKeysWithValues: entries.map { ($0.activity.rawValue, $0.retentionYears) })
        let shortest = min(defaultYears, entries.compactMap(\.retentionYears).min() ?? defaultYears)
        let cutoff = today.adding(months: -12 * shortest)
        struct Candidate: Decodable {
            let person_id: UUID
            let ended: String
        }
        let candidates = try await database.sql.raw(
            """
            SELECT t.person_id, MAX(COALESCE(t.left_on, t.decided_on, t.referred_on)) AS ended \
            FROM trajectories t JOIN persons p ON p.id = t.person_id WHERE p.erased_at IS NULL \
            GROUP BY t.person_id \
            HAVING SUM(CASE WHEN t.stage IN ('outflow', 'rejected') THEN 0 ELSE 1 END) = 0 \
            AND MAX(COALESCE(t.left_on, t.decided_on, t.referred_on)) <= \(bind: cutoff.description)
            """
        ).all(decoding: Candidate.self)
        // The activities logged for, and the trajectories of, every candidate: a few chunked queries
        // rather than two per person, since the administration page asks this on every visit.
        let subjects = Dictionary(
            uniqueKeysWithValues: candidates.map { ($0.person_id, cases.log.subject($0.person_id)) }
        )
        let logged = try await activities(of: Array(subjects.values))
        var items: [RetentionItem] = []
        var dueAt: [UUID: (period: Int, dueOn: Day)] = [:]
        for candidate in candidates {
            guard let ended = Day(candidate.ended), let subject = subjects[candidate.person_id] else { continue }
            let period = (logged[subject] ?? []).map { (years[$0] ?? nil) ?? defaultYears }.max() ?? defaultYears
            let dueOn = ended.adding(months: 12 * period)
            if dueOn <= today { dueAt[candidate.person_id] = (period, dueOn) }
        }
        let trajectories = try await trajectories(of: Array(dueAt.keys))
        for (personId, due) in dueAt {
            items.append(
                RetentionItem(
                    personId: personId,
                    subject: subjects[personId]!,
                    trajectories: trajectories[personId] ?? [],
                    retentionYears: due.period,
                    dueOn: due.dueOn
                )
            )
        }
        return items.sorted { ($0.dueOn, $0.subject) < ($1.dueOn, $1.subject) }
    }

    /// The activities the log holds per pseudonym.
    private func activities(of subjects: [String]) async throws -> [String: Set<String>] {
        struct Row: Decodable {
            let subject: String
            let activity: String
        }
        var found: [String: Set<String>] = [:]
        for chunk in subjects.chunked(500) {
            let rows = try await database.sql.select().distinct().column("subject").column("activity")
                .from(ProcessingLogModel.schema).where("subject", .in, SQLBind.group(chunk)).all(decoding: Row.self)
            for row in rows { found[row.subject, default: []].insert(row.activity) }
        }
        return found
    }

    /// Each person's trajectories, in the order they were referred.
    private func trajectories(of persons: [UUID]) async throws -> [UUID: [RetentionItem.Trajectory]] {
        struct Row: Decodable {
            let id: UUID
            let person_id: UUID
            let name: String
            let ended: String
        }
        var found: [UUID: [RetentionItem.Trajectory]] = [:]
        for chunk in persons.chunked(500) {
            let rows = try await database.sql.raw(
                """
                SELECT t.id, t.person_id, l.name, COALESCE(t.left_on, t.decided_on, t.referred_on) AS ended \
                FROM trajectories t JOIN locations l ON l.id = t.location_id \
                WHERE t.person_id IN \(SQLBind.group(chunk)) ORDER BY t.referred_on
                """
            ).all(decoding: Row.self)
            for row in rows {
                found[row.person_id, default: []].append(
                    RetentionItem.Trajectory(
                        id: row.id,
                        location: row.name,
                        endedOn: Day(row.ended) ?? Day(year: 2000, month: 1, day: 1)!
                    )
                )
            }
        }
        return found
    }

    // MARK: Plans

    /// Keeps a proposed destruction list.
    public func propose(_ items: [RetentionItem], by author: ChangeAuthor) async throws -> RetentionPlan {
        try await database.write { db in
            let row = RetentionPlanModel()
            row.id = UUID.timeOrdered()
            row.createdAt = AuditHash.truncated(Date())
            row.createdBy = author.name
            row.status = RetentionStatus.proposed.rawValue
            row.items = JSONCoding.string(items)
            try await row.create(on: db)
            try await AdministrationStore.log(
                db,
                author,
                "retentionPlan",
                row.id!,
                "proposed",
                before: nil,
                after: ["persons": String(items.count)]
            )
            return try Self.plan(row)
        }
    }

    public func plans() async throws -> [RetentionPlan] {
        try await RetentionPlanModel.query(on: database.db).sort(\.$createdAt, .descending).all().map(Self.plan)
    }

    public func plan(_ id: UUID) async throws -> RetentionPlan? {
        try await RetentionPlanModel.find(id, on: database.db).map(Self.plan)
    }

    /// Records the administrator's decision to destroy the plan's list.
    public func approve(_ id: UUID, decision: String, by author: ChangeAuthor) async throws -> RetentionPlan {
        try await database.write { db in
            guard let row = try await RetentionPlanModel.find(id, on: db) else { throw StoreError.notFound }
            guard row.status == RetentionStatus.proposed.rawValue else {
                throw StoreError.conflict("This plan was \(row.status) already.")
            }
            row.status = RetentionStatus.approved.rawValue
            row.decision = decision
            row.approvedBy = author.name
            row.approvedAt = AuditHash.truncated(Date())
            try await row.save(on: db)
            try await AdministrationStore.log(
                db,
                author,
                "retentionPlan",
                id,
                "approved",
                before: ["status": RetentionStatus.proposed.rawValue],
                after: ["status": RetentionStatus.approved.rawValue, "decision": decision]
            )
            return try Self.plan(row)
        }
    }

    /// Erases everyone on an approved plan, each in a transaction of their own, appends each to the
    /// erasure register (the table and, when given, the file kept beside the backups), and records
    /// the destruction report. Someone the list names who was erased meanwhile is skipped.
    public func apply(
        _ id: UUID,
        context: ProcessingContext,
        registerFile: URL?
    ) async throws -> DestructionReport {
        guard let plan = try await plan(id) else { throw StoreError.notFound }
        guard plan.status == .approved, let decision = plan.decision, let approvedBy = plan.approvedBy else {
            throw StoreError.conflict("Only an approved plan is applied; this one is \(plan.status.rawValue).")
        }
        var rows: [String: Int] = [:]
        for item in plan.items {
            let changed = try await erase(item.personId, planId: id, context: context)
            for (table, count) in changed { rows[table, default: 0] += count }
            if let registerFile { try ErasureRegisterFile.append(item.subject, to: registerFile) }
        }
        let report = DestructionReport(
            planId: id,
            decision: decision,
            approvedBy: approvedBy,
            appliedBy: context.actor.displayName,
            appliedAt: AuditHash.truncated(Date()),
            items: plan.items,
            rows: rows
        )
        try await database.write { db in
            guard let row = try await RetentionPlanModel.find(id, on: db) else { throw StoreError.notFound }
            row.status = RetentionStatus.applied.rawValue
            row.appliedAt = report.appliedAt
            row.report = JSONCoding.string(report)
            try await row.save(on: db)
            try await AdministrationStore.log(
                db,
                ChangeAuthor(userId: context.actor.userId, name: context.actor.displayName),
                "retentionPlan",
                id,
                "applied",
                before: ["status": RetentionStatus.approved.rawValue],
                after: ["status": RetentionStatus.applied.rawValue, "persons": String(plan.items.count)]
            )
        }
        try await dropStaleUploads()
        try await database.compactAfterErasure()
        return report
    }

    static func plan(_ row: RetentionPlanModel) throws -> RetentionPlan {
        RetentionPlan(
            id: row.id!,
            createdAt: row.createdAt,
            createdBy: row.createdBy,
            status: RetentionStatus(rawValue: row.status) ?? .proposed,
            items: try JSONCoding.decode([RetentionItem].self, row.items),
            decision: row.decision,
            approvedBy: row.approvedBy,
            approvedAt: row.approvedAt,
            appliedAt: row.appliedAt,
            report: try row.report.map { try JSONCoding.decode(DestructionReport.self, $0) }
        )
    }

    // MARK: Restore

    /// After a restore: erases again everyone the register file names whom the restored database
    /// still holds. Returns how many.
    public func eraseAgain(from registerFile: URL, context: ProcessingContext) async throws -> Int {
        let subjects = try ErasureRegisterFile.read(registerFile)
        guard !subjects.isEmpty else { return 0 }
        let persons = try await PersonModel.query(on: database.db).filter(\.$erasedAt == nil).all(\.$id)
        var count = 0
        for person in persons where subjects.contains(cases.log.subject(person)) {
            _ = try await erase(person, planId: nil, context: context)
            count += 1
        }
        if count > 0 {
            try await dropStaleUploads()
            try await database.compactAfterErasure()
        }
        return count
    }

    /// Uploaded files past their day (an import's dry run left without a commit) hold whole rows of
    /// people; they go before the pages are given back, whoever they name.
    private func dropStaleUploads() async throws {
        try await ImportUploadModel.query(on: database.db)
            .filter(\.$createdAt < Date().addingTimeInterval(-ImportUploadStore.lifetime)).delete()
    }
}

/// The erasure register as a file beside the backups: one pseudonym per line, appended as people
/// are erased, so a backup restored later knows whom to erase again.
public enum ErasureRegisterFile {
    static func append(_ subject: String, to file: URL) throws {
        if !FileManager.default.fileExists(atPath: file.path) {
            try Data().write(to: file)
        }
        let handle = try FileHandle(forWritingTo: file)
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data((subject + "\n").utf8))
        try handle.synchronize()
    }

    public static func read(_ file: URL) throws -> Set<String> {
        guard FileManager.default.fileExists(atPath: file.path) else { return [] }
        let text = try String(contentsOf: file, encoding: .utf8)
        return Set(
            text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
        )
    }
}
