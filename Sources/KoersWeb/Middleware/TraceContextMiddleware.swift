import Foundation
import HTTPTypes
import Hummingbird
import KoersStore
import Logging
import Tracing
import W3CTraceContext

/// W3C Trace Context: a request's `traceparent` names the trace it belongs to. Koers serves it as
/// a new span of that trace (or of a new trace, when the header is absent or malformed), puts the
/// trace and span ids on every log line of the request and into the processing log, and answers
/// with `traceresponse` (Trace Context level 2), so a complaint can be followed from the caller's
/// logs into Koers's and back.
struct TraceContextMiddleware: RouterMiddleware {
    typealias Context = KoersRequestContext

    static let traceParent = HTTPField.Name("traceparent")!
    static let traceState = HTTPField.Name("tracestate")!
    static let traceResponse = HTTPField.Name("traceresponse")!

    func handle(
        _ request: Request,
        context: KoersRequestContext,
        next: (Request, KoersRequestContext) async throws -> Response
    ) async throws -> Response {
        let incoming = request.headers[Self.traceParent].flatMap {
            try? TraceContext(traceParentHeaderValue: $0, traceStateHeaderValue: request.headers[Self.traceState])
        }
        let trace: TraceContext
        if let span = Self.currentSpan() {
            // A tracer is installed (KOERS_TRACING) and has started this request's span from the
            // same header: the logs and the processing log carry the ids of the span it exports.
            trace = span
        } else {
            trace = TraceContext(
                traceID: incoming?.traceID ?? .random(),
                spanID: .random(),
                flags: incoming?.flags ?? [],
                state: incoming?.state ?? TraceState()
            )
        }
        let ids = (traceId: "\(trace.traceID)", spanId: "\(trace.spanID)")
        var context = context
        context.logger[metadataKey: "trace_id"] = .string(ids.traceId)
        context.logger[metadataKey: "span_id"] = .string(ids.spanId)
        let processing = RequestTrace(
            traceId: ids.traceId,
            spanId: ids.spanId,
            parentSpanId: incoming.map { "\($0.spanID)" },
            operation: "\(request.method.rawValue) \(Self.template(request.uri.path))",
            startedAt: Date()
        )
        var response = try await ProcessingContext.$requestTrace.withValue(processing) {
            try await next(request, context)
        }
        response.headers[Self.traceResponse] = trace.traceParentHeaderValue
        return response
    }

    /// The path with its ids replaced by `{id}`: the operation's name says what was done, the log
    /// entry's subject to whom.
    static func template(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            UUID(uuidString: String(segment)) == nil ? String(segment) : "{id}"
        }.joined(separator: "/")
    }

    /// The span the installed tracer is in, as W3C trace context; nil without a tracer (the
    /// default no-op one injects nothing).
    private static func currentSpan() -> TraceContext? {
        guard let context = ServiceContext.current else { return nil }
        var carrier: [String: String] = [:]
        InstrumentationSystem.instrument.inject(context, into: &carrier, using: DictionaryInjector())
        return carrier["traceparent"].flatMap {
            try? TraceContext(traceParentHeaderValue: $0, traceStateHeaderValue: carrier["tracestate"])
        }
    }
}

/// Writes what an instrument propagates into a dictionary, to read the current span's ids back.
private struct DictionaryInjector: Injector {
    func inject(_ value: String, forKey key: String, into carrier: inout [String: String]) {
        carrier[key.lowercased()] = value
    }
}
