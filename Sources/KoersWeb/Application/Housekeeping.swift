import Foundation
import KoersCore
import KoersStore
import Logging
import ServiceLifecycle

/// What `koers serve` does once a day beside answering requests: sign the chains' heads and write
/// them where the hosting party collects them (when a key and a directory are configured).
struct Housekeeping: Service {
    let services: KoersServices
    let logger: Logger

    func run() async throws {
        try await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await exportHeads()
                try await Task.sleep(for: .seconds(3600))
            }
        }
    }

    /// Writes `heads-YYYY-MM-DD.json` once per day.
    func exportHeads() async {
        let configuration = services.configuration
        guard let keyPath = configuration.auditKeyPath, let directory = configuration.auditHeadsDirectory else {
            return
        }
        let day = configuration.today().description
        let file = URL(fileURLWithPath: directory).appendingPathComponent("heads-\(day).json")
        guard !FileManager.default.fileExists(atPath: file.path) else { return }
        do {
            let key = try AuditKey(file: URL(fileURLWithPath: keyPath))
            let heads = try await AuditVerifier(cases: services.cases).currentHeads()
            try SignedHeads.sign(heads, with: key).encoded().write(to: file)
            logger.info("Signed the heads of \(heads.count) chains into \(file.path).")
        } catch {
            logger.error("Could not export the audit heads: \(error)")
        }
    }
}
