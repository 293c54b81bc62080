import ArgumentParser
import Foundation
import KoersStore
import KoersWeb

/// `koers audit`: the tamper-evident record of case events, administrative changes and the
/// processing log.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Verify the hash chains, export their signed heads, or make the signing key.",
        subcommands: [Verify.self, Heads.self, Key.self]
    )

    /// `koers audit verify [--heads FILE]`.
    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Walk every chain and name each row that was changed, deleted, inserted or reordered; with --heads, "
                + "also a chain rewritten and hashed again, or cut off, since those heads were exported."
        )
        @OptionGroup var database: DatabaseOptions
        @Option(help: "A heads file written by `koers audit heads` (or by `koers serve` each day).") var heads: String?

        func run() async throws {
            let exported = try heads.map { try SignedHeads.decode(Data(contentsOf: URL(fileURLWithPath: $0))) }
            if let exported {
                // The file's signature, against the configured key when there is one.
                let key = try AuditKeyOption.configured()
                let signer = key?.publicKeyBase64 ?? exported.publicKey
                guard exported.isSigned(by: signer) else {
                    print(
                        "The heads file's signature does not verify\(key == nil ? "" : " with KOERS_AUDIT_KEY"): "
                            + "it was changed, or signed with another key."
                    )
                    throw ExitCode(2)
                }
                if key == nil { print("Note: KOERS_AUDIT_KEY is not set; checked against the key inside the file.") }
            }
            try await withServices(database, migrate: false) { services in
                let report = try await AuditVerifier(cases: services.cases).verify(against: exported)
                let rows = report.checked.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }
                    .joined(separator: ", ")
                print("Checked \(report.chains) chains: \(rows).")
                if let at = report.headsChecked { print("Against the heads exported at \(at).") }
                for finding in report.findings { print(finding) }
                if report.passed {
                    print("Every chain verifies.")
                } else {
                    print("\(report.findings.count) findings.")
                    throw ExitCode(1)
                }
            }
        }
    }

    /// `koers audit heads --out FILE`.
    struct Heads: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Sign the heads of every chain with KOERS_AUDIT_KEY and write them to a file to keep elsewhere."
        )
        @OptionGroup var database: DatabaseOptions
        @Option(help: "The file to write.") var out: String

        func run() async throws {
            guard let key = try AuditKeyOption.configured() else {
                print("Set KOERS_AUDIT_KEY to the key file (koers audit key --out FILE); keep it outside the database.")
                throw ExitCode(2)
            }
            try await withServices(database, migrate: false) { services in
                let heads = try await AuditVerifier(cases: services.cases).currentHeads()
                try SignedHeads.sign(heads, with: key).encoded().write(to: URL(fileURLWithPath: out))
                print("Signed the heads of \(heads.count) chains into \(out).")
            }
        }
    }

    /// `koers audit key --out FILE`.
    struct Key: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make a new signing key (Ed25519); point KOERS_AUDIT_KEY at it and keep it off the database host."
        )
        @Option(help: "The file to write; it must not exist yet.") var out: String

        func run() throws {
            guard !FileManager.default.fileExists(atPath: out) else {
                print("\(out) exists already.")
                throw ExitCode(2)
            }
            try AuditKey.generate().write(toFile: out, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: out)
            print("Wrote a new audit key to \(out).")
        }
    }
}

/// The signing key named by `KOERS_AUDIT_KEY`, if any.
enum AuditKeyOption {
    static func configured() throws -> AuditKey? {
        guard let path = ProcessInfo.processInfo.environment["KOERS_AUDIT_KEY"], !path.isEmpty else { return nil }
        return try AuditKey(file: URL(fileURLWithPath: path))
    }
}
