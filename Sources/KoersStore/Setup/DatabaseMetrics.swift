import Metrics

/// How the database's pool is used by write transactions, for `/metrics`.
///
/// The drivers' pools keep their counts to themselves, so Koers measures where it asks for a
/// connection: every change goes through ``KoersDatabase/write(_:)``, and the wait for a
/// connection there is the pool's saturation as a user's write meets it.
///
/// Each metric is looked up by its label at each use, not kept: a handle made before the metrics
/// system is bootstrapped (a migration runs before the first request) would count nowhere.
enum DatabaseMetrics {
    /// Runs a transaction's body, begun `asked` after the pool was asked for a connection:
    /// records that wait (`koers_db_write_connection_wait`, seconds) and counts the body as open
    /// (`koers_db_write_transactions_open`) while it runs.
    static func holding<T>(askedAt asked: ContinuousClock.Instant, _ body: () async throws -> T) async rethrows -> T {
        let (seconds, attoseconds) = (ContinuousClock.now - asked).components
        Timer(label: "koers_db_write_connection_wait")
            .recordNanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
        let open = Meter(label: "koers_db_write_transactions_open")
        open.increment()
        defer { open.decrement() }
        return try await body()
    }

    /// A transaction collided with concurrent writers: run again (`koers_db_write_retries`), or,
    /// when `givenUp`, answered 503 (`koers_db_write_busy`).
    static func collided(givenUp: Bool) {
        Counter(label: givenUp ? "koers_db_write_busy" : "koers_db_write_retries").increment()
    }
}
