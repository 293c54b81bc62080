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
    /// Where the facts recorded in this context come from, when not from the actor.
    public private(set) var source: FactSource?

    public init(actor: Actor, traceId: String, spanId: String) {
        self.actor = actor
        self.traceId = traceId
        self.spanId = spanId
    }

    /// The same context, recording facts that come from `source`.
    public func from(_ source: FactSource) -> ProcessingContext {
        var context = self
        context.source = source
        return context
    }

    /// The W3C trace and span ids of the request being served, as lower-case hex, set by the web
    /// layer for the duration of the request. Services make their contexts deep in their calls;
    /// a task-local reaches them all without passing the trace through every signature.
    @TaskLocal public static var requestTrace: (traceId: String, spanId: String)?

    /// A context under the request's trace and span; outside a request (the command line), with
    /// fresh W3C-style trace (16 bytes) and span (8 bytes) ids.
    public static func fresh(_ actor: Actor) -> ProcessingContext {
        if let trace = requestTrace {
            return ProcessingContext(actor: actor, traceId: trace.traceId, spanId: trace.spanId)
        }
        return ProcessingContext(actor: actor, traceId: randomHex(16), spanId: randomHex(8))
    }

    static func randomHex(_ bytes: Int) -> String {
        (0..<bytes).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
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
        _ activity: String,
        person: UUID,
        context: ProcessingContext,
        status: String = "ok",
        on db: any Database
    ) async throws {
        let row = ProcessingLogModel()
        row.id = UUID.timeOrdered()
        row.traceId = context.traceId
        row.spanId = context.spanId
        row.activity = activity
        row.subject = subject(person)
        row.userId = context.actor.userId
        row.organisationId = context.actor.organisationId
        row.status = status
        row.at = Date()
        try await row.create(on: db)
        Counter(label: "koers_processing_log_writes", dimensions: [("activity", activity)]).increment()
    }

    /// One entry per person, written in batches: an import logs every trajectory it writes.
    func record(_ activity: String, persons: [UUID], context: ProcessingContext, on db: any Database) async throws {
        let now = Date()
        let rows: [[any SQLExpression]] = persons.map { person in
            [
                SQLBind(UUID.timeOrdered()), SQLBind(context.traceId), SQLBind(context.spanId), SQLBind(activity),
                SQLBind(subject(person)), SQLBind(context.actor.userId), SQLBind(context.actor.organisationId),
                SQLBind("ok"), SQLBind(now),
            ]
        }
        try await (db as! any SQLDatabase).insert(
            into: ProcessingLogModel.schema,
            columns: [
                "id", "trace_id", "span_id", "activity", "subject", "user_id", "organisation_id", "status", "at",
            ],
            batched: rows
        )
        Counter(label: "koers_processing_log_writes", dimensions: [("activity", activity)]).increment(by: persons.count)
    }
}
