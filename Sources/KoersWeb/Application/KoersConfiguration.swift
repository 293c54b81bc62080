import Foundation
import KoersCore
import KoersStore
import Logging

/// Everything Koers reads from its environment, in one place.
public struct KoersConfiguration: Sendable {
    /// `KOERS_DATABASE_URL`: `sqlite://koers.sqlite` (default) or `postgres://…`.
    public var databaseURL: String
    /// `KOERS_HOST` and `KOERS_PORT`: where to listen (default 127.0.0.1:8080).
    public var host: String
    public var port: Int
    /// `KOERS_SECRET`: the key material for pseudonyms in the processing log. Required in production.
    public var secret: String
    /// `KOERS_LINKAGE_SECRET`: the key material of the linkage encodings, the same at every
    /// location of the network and never stored in the index. Defaults to one derived from `secret`.
    public var linkageSecret: String?
    /// `KOERS_COOKIE_SECURE`: mark cookies `Secure` (default true; browsers accept them on localhost).
    public var secureCookies: Bool
    /// Bcrypt cost for new passwords (`KOERS_BCRYPT_COST`, default 12).
    public var bcryptCost: UInt8
    /// `KOERS_SQLITE_SYNCHRONOUS`: `full` (default: a commit survives a power cut) or `normal`
    /// (faster writes; a power cut may lose the last commits).
    public var sqliteSynchronous: KoersDatabase.Synchronous = .full
    /// The monitor's suppression threshold: cells counting fewer people are not published.
    public var monitorK: Int = 5
    /// Bewaartermijn: years after a person's last outflow that their data is kept, for the register's
    /// activities without a period of their own (`KOERS_RETENTION_YEARS`).
    public var retentionYears: Int = 7
    /// `KOERS_AUDIT_KEY`: the file of the key that signs the chains' heads, kept outside the
    /// database; with `KOERS_AUDIT_HEADS_DIR`, `koers serve` writes the signed heads there each day.
    public var auditKeyPath: String?
    /// `KOERS_ERASURE_REGISTER`: the file of the erasure register kept beside the backups, which
    /// `koers restore` reads to erase again whoever was erased after a backup was made.
    public var erasureRegisterPath = "koers-erasures.txt"
    public var auditHeadsDirectory: String?
    /// `KOERS_SMTP_HOST` (and `KOERS_SMTP_PORT`, default 25; `KOERS_SMTP_FROM`): the mail relay for
    /// notifications and invitations; none are sent without it.
    public var smtp: SMTPMailer.Settings?
    /// `KOERS_PUBLIC_URL`: where users reach Koers, for the links in mails (default from host and port).
    public var publicURL: String?
    public var logLevel: Logger.Level
    /// The day "today" is; fixed in tests so date rules are reproducible.
    public var today: @Sendable () -> Day

    /// The linkage secret's bytes.
    public var linkageKeyMaterial: [UInt8] {
        Array((linkageSecret ?? "linkage:" + secret).utf8)
    }

    public init(
        databaseURL: String = "sqlite://koers.sqlite",
        host: String = "127.0.0.1",
        port: Int = 8080,
        secret: String = "koers-development-secret",
        secureCookies: Bool = true,
        bcryptCost: UInt8 = 12,
        logLevel: Logger.Level = .info,
        today: @escaping @Sendable () -> Day = { Day.today() }
    ) {
        self.databaseURL = databaseURL
        self.host = host
        self.port = port
        self.secret = secret
        self.secureCookies = secureCookies
        self.bcryptCost = bcryptCost
        self.logLevel = logLevel
        self.today = today
    }

    /// Reads the `KOERS_*` environment variables over the defaults.
    public static func fromEnvironment(
        _ env: [String: String] = ProcessInfo.processInfo.environment
    ) -> KoersConfiguration {
        var c = KoersConfiguration()
        if let v = env["KOERS_DATABASE_URL"], !v.isEmpty { c.databaseURL = v }
        if let v = env["KOERS_HOST"], !v.isEmpty { c.host = v }
        if let v = env["KOERS_PORT"].flatMap(Int.init) { c.port = v }
        if let v = env["KOERS_SECRET"], !v.isEmpty { c.secret = v }
        if let v = env["KOERS_LINKAGE_SECRET"], !v.isEmpty { c.linkageSecret = v }
        if let v = env["KOERS_COOKIE_SECURE"] { c.secureCookies = !["0", "false", "no"].contains(v.lowercased()) }
        if let v = env["KOERS_BCRYPT_COST"].flatMap(UInt8.init) { c.bcryptCost = v }
        if let v = env["KOERS_SQLITE_SYNCHRONOUS"].flatMap({ KoersDatabase.Synchronous(rawValue: $0.lowercased()) }) {
            c.sqliteSynchronous = v
        }
        if let v = env["KOERS_MONITOR_K"].flatMap(Int.init), v >= 1 { c.monitorK = v }
        if let v = env["KOERS_RETENTION_YEARS"].flatMap(Int.init), v >= 1 { c.retentionYears = v }
        if let host = env["KOERS_SMTP_HOST"], !host.isEmpty {
            c.smtp = SMTPMailer.Settings(
                host: host,
                port: env["KOERS_SMTP_PORT"].flatMap(Int.init) ?? 25,
                from: env["KOERS_SMTP_FROM"].flatMap { $0.isEmpty ? nil : $0 } ?? "koers@localhost"
            )
        }
        if let v = env["KOERS_AUDIT_KEY"], !v.isEmpty { c.auditKeyPath = v }
        if let v = env["KOERS_ERASURE_REGISTER"], !v.isEmpty { c.erasureRegisterPath = v }
        if let v = env["KOERS_AUDIT_HEADS_DIR"], !v.isEmpty { c.auditHeadsDirectory = v }
        if let v = env["KOERS_PUBLIC_URL"], !v.isEmpty { c.publicURL = v.hasSuffix("/") ? String(v.dropLast()) : v }
        if let v = env["KOERS_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) { c.logLevel = v }
        return c
    }
}
