import Foundation
import KoersCore
import KoersStore
import Logging
import ServiceLifecycle

/// What `koers serve` does beside answering requests, checked every hour: once a day, sign the
/// chains' heads and write them where the hosting party collects them (when a key and a directory
/// are configured), and remind the administrator when people are due for destruction.
struct Housekeeping: Service {
    let services: KoersServices
    let logger: Logger

    func run() async throws {
        // On shutdown the sleep is cancelled and the loop ends: a clean return, not an error that
        // would make `koers serve` exit with a failure.
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await exportHeads()
                await remindRetention()
                try? await Task.sleep(for: .seconds(3600))
            }
        }
    }

    /// Warns in the log, once a day, while people are due for destruction and no list is open; the
    /// administration page says the same.
    func remindRetention() async {
        let day = services.configuration.today()
        guard await reminded.claim(day) else { return }
        do {
            let due = try await services.retention.dueWithoutPlan()
            if due > 0 {
                logger.warning(
                    """
                    \(due) people are due for destruction: make a list under Beheer → Bewaren en vernietigen, or \
                    run `koers retention plan --as <administrator>`.
                    """
                )
            }
        } catch {
            logger.error("Could not check retention: \(error)")
        }
    }

    /// The day the reminder last ran.
    let reminded = Reminded()

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

/// The last day the retention reminder ran.
actor Reminded {
    private var last: Day?

    /// True once per day.
    func claim(_ day: Day) -> Bool {
        guard last != day else { return false }
        last = day
        return true
    }
}
