import FluentKit
import Foundation
import Logging
import SQLKit

/// Why a backup or a restore cannot go on.
public enum BackupError: Error, Sendable, CustomStringConvertible {
    /// A backup never overwrites a file.
    case exists(String)
    /// A restore goes only into an empty database.
    case targetNotEmpty(String)
    case notABackup(String)
    case toolMissing(String)
    case toolFailed(tool: String, status: Int32, output: String)

    public var description: String {
        switch self {
        case .exists(let path): "\(path) already exists; a backup never overwrites a file."
        case .targetNotEmpty(let what): "\(what) is not empty; a restore goes only into an empty database."
        case .notABackup(let path): "\(path) is not a Koers backup for this kind of database."
        case .toolMissing(let tool): "\(tool) was not found on the PATH or in /usr/lib/postgresql/*/bin."
        case .toolFailed(let tool, let status, let output): "\(tool) failed with status \(status): \(output)"
        }
    }
}

extension KoersDatabase {
    /// The PostgreSQL schema this database works in, when not the default.
    public var schemaName: String? { schema }

    /// Writes a consistent copy of the whole database to `path` while writes go on: everything
    /// committed before the copy began, nothing after. SQLite: `VACUUM INTO`, one read
    /// transaction. PostgreSQL: `pg_dump` in its custom format, which reads in one snapshot; it
    /// must be at least as new as the server (the README names the versions).
    public func backup(to path: String) async throws {
        guard !FileManager.default.fileExists(atPath: path) else { throw BackupError.exists(path) }
        switch kind {
        case .sqlite:
            try await sql.raw("VACUUM INTO \(bind: path)").run()
        case .postgres:
            let (target, password) = Self.withoutPassword(url)
            var arguments = [
                "--format=custom", "--no-owner", "--no-privileges", "--file=\(path)", "--dbname=\(target)",
            ]
            if let schema { arguments.append("--schema=\(schema)") }
            try Self.run("pg_dump", arguments, password: password)
        }
    }

    /// Restores a backup into an empty database: on SQLite the file `url` names must not exist
    /// yet (or be empty); on PostgreSQL the schema must hold no tables. The backup's schema
    /// version may be older: `koers migrate` (or `serve`) brings it up to date afterwards.
    public static func restore(from path: String, into url: String, schema: String?, logger: Logger) async throws {
        guard FileManager.default.fileExists(atPath: path) else { throw BackupError.notABackup(path) }
        if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
            let database = try KoersDatabase(url: url, logger: logger, schema: schema)
            struct Count: Decodable { let n: Int }
            let targetSchema = schema ?? "public"
            try await database.closing {
                let tables = try await database.sql.raw(
                    "SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = \(bind: targetSchema)"
                ).first(decoding: Count.self)
                guard tables?.n == 0 else { throw BackupError.targetNotEmpty("schema \(targetSchema)") }
                // Trigram search needs the extension, which a dump of one schema does not carry.
                try await database.sql.raw("CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public").run()
            }
            let (target, password) = withoutPassword(url)
            // All or nothing: one transaction, stopping at the first error.
            try run(
                "pg_restore",
                [
                    "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", "--dbname=\(target)",
                    path,
                ],
                password: password
            )
            return
        }
        let target = url.hasPrefix("sqlite://") ? String(url.dropFirst("sqlite://".count)) : url
        // Only the header is read: a backup of a national database is many gigabytes.
        let file = FileHandle(forReadingAtPath: path)
        let header = try file?.read(upToCount: 16)
        try file?.close()
        guard header == Data("SQLite format 3\0".utf8) else { throw BackupError.notABackup(path) }
        let size = (try? FileManager.default.attributesOfItem(atPath: target)[.size] as? Int) ?? nil
        guard size == nil || size == 0 else { throw BackupError.targetNotEmpty(target) }
        for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: target + suffix) {
            throw BackupError.targetNotEmpty(target + suffix)
        }
        if size == 0 { try FileManager.default.removeItem(atPath: target) }
        try FileManager.default.copyItem(atPath: path, toPath: target)
    }

    /// The URL without its password, and the password: handed to libpq by environment, so it
    /// does not show in the process list.
    static func withoutPassword(_ url: String) -> (String, String?) {
        guard var components = URLComponents(string: url), let password = components.password else { return (url, nil) }
        components.password = nil
        return (components.string ?? url, password)
    }

    private static func run(_ tool: String, _ arguments: [String], password: String?) throws {
        let process = Process()
        process.executableURL = try locate(tool)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        if let password { environment["PGPASSWORD"] = password }
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let output = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BackupError.toolFailed(
                tool: tool,
                status: process.terminationStatus,
                output: String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            )
        }
    }

    /// The tool on the PATH, or else the newest of Debian's PostgreSQL installations.
    private static func locate(_ tool: String) throws -> URL {
        let manager = FileManager.default
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for directory in path.split(separator: ":") where manager.isExecutableFile(atPath: "\(directory)/\(tool)") {
            return URL(fileURLWithPath: "\(directory)/\(tool)")
        }
        let versions = (try? manager.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        for version in versions.sorted(by: { (Int($0) ?? 0) > (Int($1) ?? 0) })
        where manager.isExecutableFile(atPath: "/usr/lib/postgresql/\(version)/bin/\(tool)") {
            return URL(fileURLWithPath: "/usr/lib/postgresql/\(version)/bin/\(tool)")
        }
        throw BackupError.toolMissing(tool)
    }
}
