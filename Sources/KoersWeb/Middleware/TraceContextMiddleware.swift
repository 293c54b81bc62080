import HTTPTypes
import Hummingbird
import KoersStore
import Logging
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
        let trace = TraceContext(
            traceID: incoming?.traceID ?? .random(),
            spanID: .random(),
            flags: incoming?.flags ?? [],
            state: incoming?.state ?? TraceState()
        )
        let ids = (traceId: "\(trace.traceID)", spanId: "\(trace.spanID)")
        var context = context
        context.logger[metadataKey: "trace_id"] = .string(ids.traceId)
        context.logger[metadataKey: "span_id"] = .string(ids.spanId)
        var response = try await ProcessingContext.$requestTrace.withValue(ids) {
            try await next(request, context)
        }
        response.headers[Self.traceResponse] = trace.traceParentHeaderValue
        return response
    }
}
