import FluentKit
import Foundation
import SQLKit

/// `koers audit verify`: walks every chain (each trajectory's events, the processing log's days and
/// shards, the administration's changes), checks each row against its hash and the row before it,
/// each shared chain against its recorded head, and, given exported heads, every chain against them.
public struct AuditVerifier: Sendable {
    let database: KoersDatabase
    /// The log's pseudonyms, to match erased people with the erasure register.
    let log: ProcessingLog

    public init(cases: CaseStore) {
        database = cases.database
        log = cases.log
    }

    /// What the walk gathers: each chain's last place and hash, and, to check exported heads, the
    /// stored hash of every place.
    struct Walked {
        var report = AuditReport()
        var heads: [String: ChainHeads.Head] = [:]
        var hashes: [String: [Int: String]] = [:]
        let keepHashes: Bool
        /// The trajectories of people the erasure register names.
        var erasedTrajectories: Set<UUID> = []

        mutating func add(_ walk: ChainWalk, _ rows: [ChainWalk.Row]) {
            let (findings, last) = walk.walk(rows)
            report.findings += findings
            report.checked[walk.table, default: 0] += rows.count
            report.chains += 1
            heads[walk.chain] = ChainHeads.Head(seq: last.seq, hash: last.hash)
            if keepHashes {
                hashes[walk.chain] = Dictionary(
                    rows.map { ($0.sequence, $0.storedHash ?? "") },
                    uniquingKeysWith: { a, _ in a }
                )
            }
        }
    }

    public func verify(against exported: SignedHeads? = nil) async throws -> AuditReport {
        var walked = Walked(keepHashes: exported != nil)
        try await walk(&walked)
        for (chain, head) in try await ChainHeads.all(on: database.db).sorted(by: { $0.key < $1.key }) {
            compare(chain, expected: head, source: "the recorded head", &walked)
        }
        if let exported {
            for (chain, head) in exported.chains.sorted(by: { $0.key < $1.key }) {
                compare(chain, expected: head, source: "the exported heads", &walked)
            }
            walked.report.headsChecked = exported.createdAt
        }
        return walked.report
    }

    /// The last place and hash of every chain as stored: what a signed export holds.
    public func currentHeads() async throws -> [String: ChainHeads.Head] {
        var walked = Walked(keepHashes: false)
        try await walk(&walked)
        return walked.heads
    }

    private func walk(_ walked: inout Walked) async throws {
        try await erasures(&walked)
        try await events(&walked)
        try await log(&walked)
        try await admin(&walked)
    }

    /// A chain against a head recorded or exported for it: shorter is cut off; another hash at the
    /// head's place means the chain was rewritten and hashed again.
    private func compare(_ chain: String, expected: ChainHeads.Head, source: String, _ walked: inout Walked) {
        let table =
            chain.hasPrefix("events/")
            ? CaseEventModel.schema : chain.hasPrefix("log/") ? ProcessingLogModel.schema : AdminChangeModel.schema
        let found = walked.heads[chain]
        func finding(_ kind: AuditFinding.Kind, _ sequence: Int, _ detail: String) {
            walked.report.findings.append(
                AuditFinding(kind: kind, table: table, chain: chain, sequence: sequence, rowId: nil, detail: detail)
            )
        }
        guard let found, found.seq >= expected.seq else {
            finding(
                .cutOff,
                (found?.seq ?? 0) + 1,
                "the chain ends at #\(found?.seq ?? 0); \(source) reach #\(expected.seq)"
            )
            return
        }
        let stored = found.seq == expected.seq ? found.hash : walked.hashes[chain]?[expected.seq]
        if let stored, stored != expected.hash {
            finding(
                .recomputed,
                expected.seq,
                "#\(expected.seq) no longer has the hash in \(source): the chain was rewritten"
            )
        }
    }

    // MARK: The chains

    /// The erasure register: each entry made with an administrative change (itself chained), and the
    /// trajectories of the people it names, whose payloads may differ from their hashes.
    private func erasures(_ walked: inout Walked) async throws {
        let register = try await ErasureModel.query(on: database.db).all()
        guard !register.isEmpty else { return }
        let recorded = Set(
            try await AdminChangeModel.query(on: database.db).filter(\.$objectKind == "erasure").all(\.$objectId)
        )
        for entry in register where !recorded.contains(entry.id!) {
            walked.report.findings.append(
                AuditFinding(
                    kind: .inserted,
                    table: ErasureModel.schema,
                    chain: "erasures",
                    sequence: nil,
                    rowId: entry.id,
                    detail: "no administrative change records this erasure"
                )
            )
        }
        let subjects = Set(register.map(\.subject))
        struct Row: Decodable {
            let id: UUID
            let person_id: UUID
        }
        let rows = try await database.sql.raw(
            """
            SELECT t.id, t.person_id FROM trajectories t JOIN persons p ON p.id = t.person_id \
            WHERE p.erased_at IS NOT NULL
            """
        ).all(decoding: Row.self)
        walked.erasedTrajectories = Set(rows.filter { subjects.contains(log.subject($0.person_id)) }.map(\.id))
    }

    private func events(_ walked: inout Walked) async throws {
        struct Row: Decodable {
            let id: UUID
            let trajectory_id: UUID
            let sequence: Int
            let kind: String
            let payload: String
            let payload_hash: String?
            let user_id: UUID
            let user_name: String
            let organisation_id: UUID
            let organisation_name: String
            let party: String
            let recorded_at: Date
            let effective_on: String
            let source: String?
            let hash: String?
        }
        let sql = database.sql
        let erased = walked.erasedTrajectories
        struct Id: Decodable { let id: UUID }
        let trajectories = try await sql.select().column("id").from(TrajectoryModel.schema).orderBy("id")
            .all(decoding: Id.self).map(\.id)
        for chunk in trajectories.chunked(500) {
            let rows = try await sql.select().column("*").from(CaseEventModel.schema)
                .where("trajectory_id", .in, SQLBind.group(chunk)).orderBy("trajectory_id").orderBy("sequence")
                .all(decoding: Row.self)
            for (trajectory, group) in Dictionary(grouping: rows, by: \.trajectory_id).sorted(by: { $0.key < $1.key }) {
                let walk = ChainWalk(table: CaseEventModel.schema, chain: AuditHash.eventChain(trajectory))
                walked.add(
                    walk,
                    group.map { r in
                        let payloadHash = r.payload_hash ?? AuditHash.hex(r.payload)
                        return ChainWalk.Row(
                            id: r.id,
                            sequence: r.sequence,
                            storedHash: r.hash,
                            // Retention erases values from a payload and keeps its hash.
                            contentChanged: AuditHash.hex(r.payload) != payloadHash
                                && !erased.contains(r.trajectory_id),
                            hashAt: { sequence, previous in
                                AuditHash.event(
                                    previous: previous,
                                    id: r.id,
                                    trajectoryId: r.trajectory_id,
                                    sequence: sequence,
                                    kind: r.kind,
                                    payloadHash: payloadHash,
                                    userId: r.user_id,
                                    userName: r.user_name,
                                    organisationId: r.organisation_id,
                                    organisationName: r.organisation_name,
                                    party: r.party,
                                    recordedAt: r.recorded_at,
                                    effectiveOn: r.effective_on,
                                    source: r.source
                                )
                            }
                        )
                    }
                )
            }
        }
    }

    private func log(_ walked: inout Walked) async throws {
        struct Row: Decodable {
            let id: UUID
            let trace_id: String
            let span_id: String
            let parent_span_id: String?
            let operation: String?
            let activity: String
            let subject: String
            let subject_type: String?
            let user_id: UUID
            let organisation_id: UUID
            let status: String
            let started_at: Date?
            let at: Date
            let chain: String?
            let chain_seq: Int?
            let hash: String?
        }
        // One chain at a time: a day's shard is what must be in memory, not the whole log.
        struct Chain: Decodable { let chain: String? }
        let chains = try await database.sql.select().distinct().column("chain").from(ProcessingLogModel.schema)
            .all(decoding: Chain.self).map(\.chain).sorted { ($0 ?? "") < ($1 ?? "") }
        for name in chains {
            let chain = name ?? "log/unchained"
            let value: any SQLExpression = name.map { SQLBind($0) } ?? SQLLiteral.null
            let rows = try await database.sql.select().column("*").from(ProcessingLogModel.schema)
                .where("chain", name == nil ? .is : .equal, value).orderBy("chain_seq").orderBy("id")
                .all(decoding: Row.self)
            walked.add(
                ChainWalk(table: ProcessingLogModel.schema, chain: chain),
                rows.map { r in
                    ChainWalk.Row(
                        id: r.id,
                        sequence: r.chain_seq ?? 0,
                        storedHash: r.hash,
                        contentChanged: false,
                        hashAt: { sequence, previous in
                            ProcessingLog.Entry(
                                id: r.id,
                                traceId: r.trace_id,
                                spanId: r.span_id,
                                parentSpanId: r.parent_span_id,
                                operation: r.operation,
                                activity: r.activity,
                                subject: r.subject,
                                subjectType: r.subject_type,
                                userId: r.user_id,
                                organisationId: r.organisation_id,
                                status: r.status,
                                startedAt: r.started_at,
                                at: r.at,
                                chain: chain,
                                chainSeq: sequence
                            ).hash(previous: previous)
                        }
                    )
                }
            )
        }
    }

    private func admin(_ walked: inout Walked) async throws {
        let rows = try await AdminChangeModel.query(on: database.db).sort(\.$chainSeq).sort(\.$id).all()
        guard !rows.isEmpty else { return }
        walked.add(
            ChainWalk(table: AdminChangeModel.schema, chain: AdministrationStore.chain),
            rows.map { change in
                ChainWalk.Row(
                    id: change.id,
                    sequence: change.chainSeq ?? 0,
                    storedHash: change.hash,
                    contentChanged: false,
                    hashAt: { sequence, previous in
                        _ = sequence
                        return AdministrationStore.hash(change, previous: previous)
                    }
                )
            }
        )
    }
}
