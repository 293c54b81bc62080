import Crypto
import FluentKit
import Foundation
import KoersCore
import Metrics
import SQLKit

/// What a request carries into the store so each processing of personal data is logged
/// (Logboek dataverwerkingen): who, under which trace and span.
public struct ProcessingContext: Sendable {
    public let actor: Actor
    public let traceId: String
    public let spanId: String
    /// The caller's span, from the request's `traceparent`; nil when Koers started the trace.
    public let parentSpanId: String?
    /// The operation's name: the route template of a request ("GET /cases/{id}"), or the command.
    public let operation: String
    /// When the operation began; the log entry's end is when it is written.
    public let startedAt: Date
    /// Where the facts recorded in this context come from, when not from the actor.
    public private(set) var source: FactSource?

    public init(
        actor: Actor,
        traceId: String,
        spanId: String,
        parentSpanId: String? = nil,
        operation: String = "koers",
        startedAt: Date = Date()
    ) {
        self.actor = actor
        self.traceId = traceId
        self.spanId = spanId
        self.parentSpanId = parentSpanId
        self.operation = operation
        self.startedAt = startedAt
    }

    /// The same context, recording facts that come from `source`.
    public func from(_ source: FactSource) -> ProcessingContext {
        var context = self
        context.source = source
        return context
    }

    /// The request being served, set by the web layer for its duration. Services make their
    /// contexts deep in their calls; a task-local reaches them all without passing the trace
    /// through every signature.
    @TaskLocal public static var requestTrace: RequestTrace?

    /// The command-line operation being run ("koers import registrations"), for contexts made
    /// outside a request.
    @TaskLocal public static var command: String?

    /// A context under the request's trace and span; outside a request (the command line), with
    /// fresh W3C-style trace (16 bytes) and span (8 bytes) ids.
    public static func fresh(_ actor: Actor) -> ProcessingContext {
        if let trace = requestTrace {
            return ProcessingContext(
                actor: actor,
                traceId: trace.traceId,
                spanId: trace.spanId,
                parentSpanId: trace.parentSpanId,
                operation: trace.operation,
                startedAt: trace.startedAt
            )
        }
        return ProcessingContext(
            actor: actor,
            traceId: randomHex(16),
            spanId: randomHex(8),
            operation: command ?? "koers"
        )
    }

    static func randomHex(_ bytes: Int) -> String {
        Hex.string((0..<bytes).map { _ in UInt8.random(in: 0...255) })
    }
}

/// The trace of the request being served, as the processing log records it: W3C ids as lower-case
/// hex, the route's template and the moment it began.
public struct RequestTrace: Sendable {
    public let traceId: String
    public let spanId: String
    public let parentSpanId: String?
    public let operation: String
    public let startedAt: Date

    public init(traceId: String, spanId: String, parentSpanId: String?, operation: String, startedAt: Date) {
        self.traceId = traceId
        self.spanId = spanId
        self.parentSpanId = parentSpanId
        self.operation = operation
        self.startedAt = startedAt
    }
}

/// Writes processing-log entries; data subjects appear only as keyed pseudonyms.
public struct ProcessingLog: Sendable {
    /// Key material; `SymmetricKey` itself is not Sendable, so the bytes are kept instead.
    let keyBytes: Data

    public init(secret: String) {
        keyBytes = Data(SHA256.hash(data: Data(("koers-processing-log:" + secret).utf8)))
    }

    /// The pseudonym under which a person appears in the log.
    public func subject(_ personId: UUID) -> String {
        Secrets.pseudonym(personId.uuidString, key: SymmetricKey(data: keyBytes))
    }

    func record(
        _ activity: ProcessingActivity,
        person: UUID,
        context: ProcessingContext,
        status: ProcessingStatus = .ok,
        on db: any Database
    ) async throws {
        try await record(activity, persons: [person], context: context, status: status, on: db)
    }

    /// One entry per person, written in batches: an import logs every trajectory it writes. The
    /// entries extend the chain of their day and shard, which the caller's transaction holds
    /// until it commits.
    func record(
        _ activity: ProcessingActivity,
        persons: [UUID],
        context: ProcessingContext,
        status: ProcessingStatus = .ok,
        on db: any Database
    ) async throws {
        try await write(entries(activity, persons: persons, context: context, status: status), on: db)
    }

    /// The entries of one processing, not yet placed in a chain.
    func entries(
        _ activity: ProcessingActivity,
        persons: [UUID],
        context: ProcessingContext,
        status: ProcessingStatus
    ) -> [Entry] {
        let now = AuditHash.truncated(Date())
        let started = AuditHash.truncated(min(context.startedAt, now))
        return persons.map { person in
            Entry(
                id: UUID.timeOrdered(),
                traceId: context.traceId,
                spanId: context.spanId,
                parentSpanId: context.parentSpanId,
                operation: context.operation,
                activity: activity.rawValue,
                subject: subject(person),
                subjectType: Self.subjectType,
                userId: context.actor.userId,
                organisationId: context.actor.organisationId,
                status: status.rawValue,
                startedAt: started,
                at: now,
                chain: "",
                chainSeq: 0
            )
        }
    }

    /// Writes entries, in the caller's transaction, at the end of the chain of their first one's
    /// day and shard.
    func write(_ entries: [Entry], on db: any Database) async throws {
        guard let first = entries.first else { return }
        let chain = Self.chain(at: first.at, traceId: first.traceId)
        var head = try await ChainHeads.claim(chain, on: db)
        var rows: [[any SQLExpression]] = []
        rows.reserveCapacity(entries.count)
        for var entry in entries {
            entry.chain = chain
            entry.chainSeq = head.seq + 1
            head = ChainHeads.Head(seq: head.seq + 1, hash: entry.hash(previous: head.hash))
            rows.append(entry.binds + [SQLBind(head.hash)])
        }
        try await (db as! any SQLDatabase).insert(
            into: ProcessingLogModel.schema,
            columns: Entry.columns + ["hash"],
            batched: rows
        )
        try await ChainHeads.advance(chain, to: head, on: db)
        for (activity, count) in Dictionary(grouping: entries, by: \.activity).mapValues(\.count) {
            Counter(label: "koers_processing_log_writes", dimensions: [("activity", activity)]).increment(by: count)
        }
    }

    /// How many chains the log's writers spread over per day, by their trace id.
    static let shards = 16

    /// The chain of a day (UTC) and a trace's shard.
    static func chain(at date: Date, traceId: String) -> String {
        let day = ISO8601DateFormatter.string(from: date, timeZone: .gmt, formatOptions: [.withFullDate])
        let shard = Int(traceId.prefix(2), radix: 16).map { $0 % shards } ?? 0
        return "log/\(day)/\(shard)"
    }

    /// One entry as written and as hashed.
    struct Entry {
        let id: UUID
        let traceId: String
        let spanId: String
        let parentSpanId: String?
        let operation: String?
        let activity: String
        let subject: String
        let subjectType: String?
        let userId: UUID
        let organisationId: UUID
        let status: String
        let startedAt: Date?
        let at: Date
        var chain: String
        var chainSeq: Int

        static let columns = [
            "id", "trace_id", "span_id", "parent_span_id", "operation", "activity", "subject", "subject_type",
            "user_id", "organisation_id", "status", "started_at", "at", "chain", "chain_seq",
        ]

        var binds: [any SQLExpression] {
            [
                SQLBind(id), SQLBind(traceId), SQLBind(spanId), SQLBind(parentSpanId), SQLBind(operation),
                SQLBind(activity), SQLBind(subject), SQLBind(subjectType), SQLBind(userId), SQLBind(organisationId),
                SQLBind(status), SQLBind(startedAt), SQLBind(at), SQLBind(chain), SQLBind(chainSeq),
            ]
        }

        func hash(previous: String) -> String {
            AuditHash.link(
                previous,
                [
                    id.uuidString.lowercased(), traceId, spanId, parentSpanId ?? "", operation ?? "", activity, subject,
                    subjectType ?? "", userId.uuidString.lowercased(), organisationId.uuidString.lowercased(), status,
                    startedAt.map(AuditHash.millis) ?? "", AuditHash.millis(at), chain, String(chainSeq),
                ]
            )
        }
    }

    /// The type of the data subject's id (LDV's `data_subject_id_type`): a keyed pseudonym of the
    /// person's id in Koers.
    public static let subjectType = "koers-persoon-pseudoniem"
}
