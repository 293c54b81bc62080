/// Failures of the store that callers turn into HTTP answers.
public enum StoreError: Error, Sendable, Equatable {
    /// Someone else changed the record first; `current` is its version now (409).
    case stale(current: Int)
    case notFound
    /// Too many failed logins for this account; try again after the given seconds (429).
    case throttled(retryAfterSeconds: Int)
    /// A rule that spans records was broken, e.g. a second open trajectory.
    case conflict(String)
    /// The write lost a race to concurrent writers more often than it is retried (503): nothing
    /// was written, and the same request may be sent again.
    case busy
    /// Processing of the person is restricted (AVG art. 18): only the municipality changes the
    /// case; the reason is the one recorded with the restriction (403).
    case restricted(reason: String)
}

/// Thrown inside a write when it collided with a concurrent writer through no choice of its
/// caller (no `If-Match` was sent): ``KoersDatabase/write(_:)`` runs the transaction again.
public struct LostRace: Error, Sendable {
    public init() {}
}
