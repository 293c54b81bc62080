/// Failures of the store that callers turn into HTTP answers.
public enum StoreError: Error, Sendable, Equatable {
    /// Someone else changed the record first; `current` is its version now (409).
    case stale(current: Int)
    case notFound
    /// Too many failed logins for this account; try again after the given seconds (429).
    case throttled(retryAfterSeconds: Int)
    /// A rule that spans records was broken, e.g. a second open trajectory.
    case conflict(String)
}
