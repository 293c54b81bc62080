import ServiceLifecycle

/// The database as a service of the running application: it opens with the process and closes last.
///
/// `koers serve` runs it in Hummingbird's service group before the HTTP server. A service group
/// shuts down in reverse order, so on SIGTERM the server first stops accepting connections and
/// answers every request it already took, and only then does this service close the pool: a
/// request that got its answer has committed, and none is cut off half-way by a closed pool.
extension KoersDatabase: Service {
    public func run() async throws {
        // Cancelled or shut down gracefully: either way the pool closes.
        try? await gracefulShutdown()
        await shutdown()
    }

    /// Runs `body` and then closes the pool, also when `body` throws: how a command or a test that
    /// uses the database outside the service group ends.
    public func closing<T>(after body: () async throws -> T) async throws -> T {
        do {
            let result = try await body()
            await shutdown()
            return result
        } catch {
            await shutdown()
            throw error
        }
    }
}
