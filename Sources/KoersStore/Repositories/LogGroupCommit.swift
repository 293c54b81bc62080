import Foundation

/// Group commit for the processing-log entries written outside a change's transaction (every case
/// read, refused and failed attempts, access documents): each caller waits until its entries are
/// committed, and the entries of callers that arrive while a batch is being written go in the next
/// batch, in one transaction with one claim of their chain's head. Under load, fifty readers cost
/// a few transactions instead of fifty; alone, a reader waits for its own.
actor LogGroupCommit {
    private var pending: [(entries: [ProcessingLog.Entry], done: CheckedContinuation<Void, any Error>)] = []
    private var flushing = false
    private let write: @Sendable ([ProcessingLog.Entry]) async throws -> Void

    init(write: @escaping @Sendable ([ProcessingLog.Entry]) async throws -> Void) {
        self.write = write
    }

    /// Returns once the entries are committed; throws what their batch's transaction threw.
    func submit(_ entries: [ProcessingLog.Entry]) async throws {
        guard !entries.isEmpty else { return }
        try await withCheckedThrowingContinuation { (done: CheckedContinuation<Void, any Error>) in
            pending.append((entries, done))
            if !flushing {
                flushing = true
                Task { await flush() }
            }
        }
    }

    private func flush() async {
        while !pending.isEmpty {
            let batch = pending
            pending = []
            do {
                try await write(batch.flatMap(\.entries))
                for waiting in batch { waiting.done.resume() }
            } catch {
                for waiting in batch { waiting.done.resume(throwing: error) }
            }
        }
        flushing = false
    }
}
