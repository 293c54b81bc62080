import Foundation
import Hummingbird
import Logging
import OTel
import ServiceLifecycle
import Tracing

/// OpenTelemetry traces, off unless the operator asks for them.
///
/// `KOERS_TRACING=otlp` exports a span per request over OTLP/HTTP (protobuf) to the collector the
/// standard `OTEL_EXPORTER_OTLP_ENDPOINT` or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` names; the other
/// standard `OTEL_*` variables (service name, sampler, batch delay) apply as the OpenTelemetry
/// specification says. Metrics stay with Prometheus at `/metrics` and logs with swift-log: only traces
/// leave the process. A span carries the route, the method, the status and the path, never the query
/// string, where a search puts a name.
public enum KoersTracing {
    /// Installs the OTLP tracer for the process when `KOERS_TRACING` asks for it, and returns the
    /// service that exports its spans (run it with the application); nil when tracing is off.
    public static func bootstrap(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        logger: Logger
    ) throws -> (any Service)? {
        guard let choice = environment["KOERS_TRACING"]?.lowercased(), !choice.isEmpty, choice != "off" else {
            return nil
        }
        guard choice == "otlp" else {
            throw TracingConfigurationError(
                message: "KOERS_TRACING is ‘\(choice)’: use otlp (OTLP/HTTP to OTEL_EXPORTER_OTLP_ENDPOINT) or off."
            )
        }
        var configuration = OTel.Configuration.default
        configuration.serviceName = environment["OTEL_SERVICE_NAME"] ?? "koers"
        configuration.logs.enabled = false
        configuration.metrics.enabled = false
        configuration.traces.otlpExporter.protocol = .httpProtobuf
        configuration.diagnosticLogger = .custom(logger)
        let (tracer, service) = try OTel.makeTracingBackend(configuration: configuration)
        InstrumentationSystem.bootstrap(tracer)
        let endpoint =
            environment["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"] ?? environment["OTEL_EXPORTER_OTLP_ENDPOINT"]
            ?? "OpenTelemetry's default, http://localhost:4318"
        logger.info("Tracing: spans go over OTLP/HTTP to \(endpoint).")
        return service
    }
}

/// `KOERS_TRACING` holds something Koers does not know.
public struct TracingConfigurationError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

/// Hummingbird's `TracingMiddleware`, shown the request without its query string: the span records
/// the path, but a search's `q=` (a name) never leaves Koers. The route itself still gets the query.
struct QuerylessTracingMiddleware: RouterMiddleware {
    typealias Context = KoersRequestContext
    let tracing = TracingMiddleware<KoersRequestContext>()

    func handle(
        _ request: Request,
        context: KoersRequestContext,
        next: (Request, KoersRequestContext) async throws -> Response
    ) async throws -> Response {
        var head = request.head
        head.path = request.uri.path
        let shown = Request(head: head, body: request.body)
        return try await tracing.handle(shown, context: context) { _, context in try await next(request, context) }
    }
}
