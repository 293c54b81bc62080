import Metrics
import Prometheus

/// The process's metrics in Prometheus form: swift-metrics' backend, set up once per process on
/// first use (swift-metrics allows one), so every Koers instance in a process (tests make many)
/// shares it. Requests by route, method and status, their latency histograms and errors come from
/// Hummingbird's `MetricsMiddleware`; the store counts processing-log and linkage-index writes.
public enum KoersMetrics {
    public static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()

    /// The Prometheus text exposition of every metric so far.
    public static func exposition() -> String {
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }
}
