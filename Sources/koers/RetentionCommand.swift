import ArgumentParser
import Foundation
import KoersCore
import KoersStore
import KoersWeb

/// `koers retention`: destruction lists of the people whose retention period has ended, the
/// administrator's decision, and the destruction.
struct RetentionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retention",
        abstract:
            "List who is due for destruction (plan), record the decision to destroy (approve), and erase (apply). "
            + "The period is the processing register's, or KOERS_RETENTION_YEARS after the last outflow.",
        subcommands: [Plan.self, Approve.self, Apply.self]
    )

    struct Plan: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Make a destruction list of everyone due today.")
        @OptionGroup var database: DatabaseOptions
        @Option(name: .customLong("as"), help: "The administrator's e-mail address.") var email: String

        func run() async throws {
            try await withServices(database, migrate: false) { services in
                let actor = try await CommandLookup.actor(email, in: services)
                try await RetentionCommand.explained {
                    guard try await !services.retention.due(actor: actor).isEmpty else {
                        print("Nobody's retention period has ended; there is nothing to destroy.")
                        return
                    }
                    let plan = try await services.retention.propose(actor: actor)
                    RetentionCommand.show(plan)
                    print(
                        "Approve it with: koers retention approve \(plan.id.uuidString.lowercased()) --as \(email) "
                            + "--decision \"<the decision to destroy>\""
                    )
                }
            }
        }
    }

    struct Approve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record the decision to destroy a list (the Archiefwet asks for one before destruction)."
        )
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The list's id, as `plan` printed it.") var plan: String
        @Option(name: .customLong("as"), help: "The administrator's e-mail address.") var email: String
        @Option(help: "The decision's reference, e.g. \"Besluit B&W 2026/123\".") var decision: String

        func run() async throws {
            guard let id = UUID(uuidString: plan) else { throw ValidationError("‘\(plan)’ is not a list's id.") }
            try await withServices(database, migrate: false) { services in
                let actor = try await CommandLookup.actor(email, in: services)
                try await RetentionCommand.explained {
                    let approved = try await services.retention.approve(
                        id,
                        FormInput(single: ["decision": decision]),
                        actor: actor
                    )
                    print(
                        "Approved under ‘\(approved.decision ?? "")’: \(approved.items.count) people. "
                            + "Erase them with: koers retention apply \(plan) --as \(email)"
                    )
                }
            }
        }
    }

    struct Apply: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Erase everyone on an approved list and write the destruction report."
        )
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The approved list's id.") var plan: String
        @Option(name: .customLong("as"), help: "The administrator's e-mail address.") var email: String
        @Option(help: "Where to write the destruction report (JSON).") var report: String?

        func run() async throws {
            guard let id = UUID(uuidString: plan) else { throw ValidationError("‘\(plan)’ is not a list's id.") }
            try await withServices(database, migrate: false) { services in
                let actor = try await CommandLookup.actor(email, in: services)
                let done = try await RetentionCommand.explained { try await services.retention.apply(id, actor: actor) }
                let rows = done.rows.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
                print("Erased \(done.items.count) people under ‘\(done.decision)’ (rows changed: \(rows)).")
                print(
                    "Their pseudonyms were added to the erasure register \(services.configuration.erasureRegisterPath)."
                )
                if let report {
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                    encoder.dateEncodingStrategy = .iso8601
                    try encoder.encode(done).write(to: URL(fileURLWithPath: report))
                    print("Destruction report written to \(report).")
                }
            }
        }
    }

    /// Runs a step, and says in words why it was refused.
    @discardableResult
    static func explained<T>(_ step: () async throws -> T) async throws -> T {
        do {
            return try await step()
        } catch AppError.notFound {
            print(
                "Refused: only the administrator makes, approves and applies destruction lists, "
                    + "and the list must exist."
            )
            throw ExitCode(1)
        } catch AppError.conflict(let message) {
            print(message.en)
            throw ExitCode(1)
        } catch AppError.invalid(let failure) {
            print(failure.errors.map { "\($0.field): \($0.message.en)" }.joined(separator: "\n"))
            throw ExitCode(1)
        }
    }

    static func show(_ plan: RetentionPlan) {
        print("Destruction list \(plan.id.uuidString.lowercased()): \(plan.items.count) people.")
        print("pseudonym         due on      years  trajectories")
        for item in plan.items {
            let trajectories = item.trajectories.map { "\($0.location) until \($0.endedOn)" }.joined(separator: "; ")
            let years = String(item.retentionYears).padding(toLength: 5, withPad: " ", startingAt: 0)
            print("\(item.subject.prefix(16))  \(item.dueOn)  \(years)  " + trajectories)
        }
    }
}
