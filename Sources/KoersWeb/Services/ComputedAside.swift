import Dispatch

/// Runs long CPU-bound work, such as the monitor's suppression, on a dispatch queue and waits for it.
///
/// Swift's cooperative pool has a thread per core, two on the hosts Koers runs on. Work that keeps one of them for
/// seconds (and the monitor's `concurrentPerform` waits on it, too) holds back every other request's continuation:
/// two monitors computed at once stalled the whole server, and requests waiting for a database connection timed out.
func computedAside<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        DispatchQueue.global(qos: .userInitiated).async { continuation.resume(returning: work()) }
    }
}
