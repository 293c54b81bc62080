import Crypto
import FluentKit
import Foundation
import KoersCore
import KoersDemo
import SQLKit
import Testing

@testable import KoersStore
@testable import KoersWeb

/// The tamper-evident record: rows edited, deleted, inserted, reordered or rehashed directly in the
/// database, and `verify` naming each.
@Suite("Hash chains and signed heads")
struct AuditChainTests {
    /// Rows hashed before must verify after: the digests are written as they always were, two lower-case
    /// hexadecimal digits a byte (FIPS 180-2's test vector for SHA-256, and RFC 4231's first HMAC case).
    @Test("Digests are the standard's, in lower-case hexadecimal")
    func digestsInHex() {
        #expect(AuditHash.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let key = SymmetricKey(data: [UInt8](repeating: 0x0B, count: 20))
        #expect(
            Secrets.pseudonym("Hi There", key: key)
                == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"
        )
        #expect(Hex.string([0x00, 0x0F, 0xA0, 0xFF]) == "000fa0ff")
    }

    /// A case with several events, reads in the log, and an administrative change.
    static func record(_ app: TestApp) async throws -> CaseFile {
        let file = try await app.admitted(surname: "Keten")
        let ngo = app.account(.ngo).actor
        for text in ["eerste", "tweede", "derde"] {
            _ = try await app.services.service.perform(
                .note,
                on: file.id,
                input: FormInput(single: ["classification": "general", "text": text]),
                expectedVersion: nil,
                actor: ngo
            )
        }
        for _ in 0..<3 { _ = try await app.services.service.read(file.id, actor: ngo) }
        var entry = RegisterEntry.defaultEntry(.read)
        entry.retentionYears = 9
        try await app.services.register.save(entry, by: ChangeAuthor(userId: nil, name: "beheer"))
        entry.retentionYears = 8
        try await app.services.register.save(entry, by: ChangeAuthor(userId: nil, name: "beheer"))
        return file
    }

    static func verify(_ app: TestApp, _ heads: SignedHeads? = nil) async throws -> AuditReport {
        try await AuditVerifier(cases: app.services.cases).verify(against: heads)
    }

    static func signed(_ app: TestApp) async throws -> SignedHeads {
        let keyFile = FileManager.default.temporaryDirectory.appendingPathComponent("audit-\(UUID()).key")
        try AuditKey.generate().write(to: keyFile, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: keyFile) }
        let key = try AuditKey(file: keyFile)
        let heads = try SignedHeads.sign(
            try await AuditVerifier(cases: app.services.cases).currentHeads(),
            with: key
        )
        #expect(heads.isSigned(by: key.publicKeyBase64))
        return heads
    }

    static func events(_ app: TestApp, _ file: CaseFile) async throws -> [CaseEventModel] {
        try await CaseEventModel.query(on: app.services.database.db).filter(\.$trajectoryId == file.id)
            .sort(\.$sequence).all()
    }

    @Test(
        "A clean record verifies; its heads are signed; a changed heads file is refused",
        arguments: TestDatabase.available
    )
    func clean(_ database: TestDatabase) async throws {
        let app = try await TestApp.make(database, scenario: .pilot2022(scale: 1))
        try await app.services.database.closing {
            _ = try await Self.record(app)
            let report = try await Self.verify(app)
            #expect(report.passed, "\(report.findings)")
            #expect((report.checked["case_events"] ?? 0) > 1000 && (report.checked["processing_log"] ?? 0) > 0)
            #expect((report.checked["admin_changes"] ?? 0) >= 2)
            let heads = try await Self.signed(app)
            #expect(try await Self.verify(app, heads).passed)
            // A heads file edited after signing no longer verifies with its key.
            var chains = heads.chains
            let some = try #require(chains.keys.first)
            chains[some] = ChainHeads.Head(seq: 1, hash: "0")
            let forged = SignedHeads(
                createdAt: heads.createdAt,
                chains: chains,
                publicKey: heads.publicKey,
                signature: heads.signature
            )
            #expect(!forged.isSigned(by: heads.publicKey))
        }
    }

    @Test("Changed, deleted, inserted and reordered rows are named", arguments: TestDatabase.available)
    func tampered(_ database: TestDatabase) async throws {
        let app = try await TestApp.make(database)
        try await app.services.database.closing {
            let file = try await Self.record(app)
            let sql = app.services.database.sql
            let events = try await Self.events(app, file)
            #expect(events.count == 6)

            // Changed: a note's text in its payload.
            try await sql.update("case_events").set(
                "payload",
                to: SQLBind(
                    events[3].payload.replacingOccurrences(
                        of: "eerste",
                        with: "vervalst"
                    )
                )
            ).where("id", .equal, SQLBind(events[3].id!)).run()
            // Reordered: two events swap places (through a free number, for the unique index).
            try await sql.update("case_events").set("sequence", to: SQLBind(99)).where(
                "id",
                .equal,
                SQLBind(events[4].id!)
            ).run()
            try await sql.update("case_events").set("sequence", to: SQLBind(5)).where(
                "id",
                .equal,
                SQLBind(events[5].id!)
            ).run()
            try await sql.update("case_events").set("sequence", to: SQLBind(6)).where(
                "id",
                .equal,
                SQLBind(events[4].id!)
            ).run()
            // Deleted: the intake.
            try await sql.delete(from: "case_events").where("id", .equal, SQLBind(events[1].id!)).run()
            // The log: one entry changed, one inserted at the place of another, one without a hash.
            let log = try await ProcessingLogModel.query(on: app.services.database.db)
                .filter(\.$activity == ProcessingActivity.read.rawValue).sort(\.$at).all()
            let changedEntry = log[0]
            try await sql.update("processing_log").set("organisation_id", to: SQLBind(UUID()))
                .where("id", .equal, SQLBind(changedEntry.id!)).run()
            let inserted = UUID()
            let copied = try #require(log.last)
            try await sql.insert(into: "processing_log").columns(
                "id",
                "trace_id",
                "span_id",
                "activity",
                "subject",
                "user_id",
                "organisation_id",
                "status",
                "at",
                "chain",
                "chain_seq",
                "hash"
            ).values(
                SQLBind(inserted),
                SQLBind(copied.traceId),
                SQLBind(copied.spanId),
                SQLBind("case.read"),
                SQLBind(copied.subject),
                SQLBind(copied.userId),
                SQLBind(copied.organisationId),
                SQLBind("ok"),
                SQLBind(copied.at),
                SQLBind(copied.chain),
                SQLBind(copied.chainSeq! - 1),
                SQLBind(String(repeating: "a", count: 64))
            ).run()
            let unhashed = UUID()
            try await sql.insert(into: "processing_log").columns(
                "id",
                "trace_id",
                "span_id",
                "activity",
                "subject",
                "user_id",
                "organisation_id",
                "status",
                "at"
            ).values(
                SQLBind(unhashed),
                SQLBind("t"),
                SQLBind("s"),
                SQLBind("case.read"),
                SQLBind(copied.subject),
                SQLBind(copied.userId),
                SQLBind(copied.organisationId),
                SQLBind("ok"),
                SQLBind(Date())
            ).run()
            // The administration: a change's "after" edited.
            let change = try #require(
                try await AdminChangeModel.query(on: app.services.database.db).sort(\.$chainSeq).first()
            )
            try await sql.update("admin_changes").set("after", to: SQLBind("{}")).where(
                "id",
                .equal,
                SQLBind(change.id!)
            ).run()

            let report = try await Self.verify(app)
            func has(_ kind: AuditFinding.Kind, _ id: UUID?, sequence: Int? = nil) -> Bool {
                report.findings.contains {
                    $0.kind == kind && $0.rowId == id && (sequence == nil || $0.sequence == sequence)
                }
            }
            #expect(has(.changed, events[3].id), "\(report.findings)")
            #expect(has(.deleted, nil, sequence: 2), "\(report.findings)")
            #expect(has(.reordered, events[4].id) && has(.reordered, events[5].id), "\(report.findings)")
            #expect(has(.changed, changedEntry.id), "\(report.findings)")
            #expect(has(.inserted, inserted) && has(.inserted, unhashed), "\(report.findings)")
            #expect(has(.changed, change.id), "\(report.findings)")
            // Nothing else is named: the rows left alone verify.
            #expect(report.findings.count == 8, "\(report.findings.map(\.description).joined(separator: "\n"))")
        }
    }

    @Test("A rehashed chain and a cut-off tail are caught against exported heads", arguments: TestDatabase.available)
    func rewritten(_ database: TestDatabase) async throws {
        let app = try await TestApp.make(database)
        try await app.services.database.closing {
            let file = try await Self.record(app)
            let other = try await app.admitted(surname: "Staart")
            let heads = try await Self.signed(app)
            let sql = app.services.database.sql

            // Rewritten: the second note's text changed, and the chain hashed again from there on.
            var previous = ""
            for (index, event) in try await Self.events(app, file).enumerated() {
                if index == 4 {
                    event.payload = event.payload.replacingOccurrences(of: "tweede", with: "herschreven")
                    event.payloadHash = AuditHash.hex(event.payload)
                }
                if index >= 4 {
                    event.hash = CaseStore.hash(event, previous: previous)
                    try await sql.update("case_events").set("payload", to: SQLBind(event.payload))
                        .set("payload_hash", to: SQLBind(event.payloadHash)).set("hash", to: SQLBind(event.hash))
                        .where("id", .equal, SQLBind(event.id!)).run()
                }
                previous = event.hash!
            }
            // Cut off: the other case's last event, and the log's last entry with its recorded head.
            let tail = try #require(try await Self.events(app, other).last)
            try await sql.delete(from: "case_events").where("id", .equal, SQLBind(tail.id!)).run()

            let alone = try await Self.verify(app)
            #expect(alone.passed, "rehashed and cut, the chains hold on their own: \(alone.findings)")
            let against = try await Self.verify(app, heads)
            let chain = AuditHash.eventChain(file.id)
            #expect(against.findings.contains { $0.kind == .recomputed && $0.chain == chain }, "\(against.findings)")
            #expect(
                against.findings.contains {
                    $0.kind == .cutOff && $0.chain == AuditHash.eventChain(other.id) && $0.sequence == tail.sequence
                },
                "\(against.findings)"
            )
            #expect(against.findings.count == 2, "\(against.findings)")

            // The log's shared chains have a recorded head: a cut tail shows even without exported heads.
            let last = try #require(
                try await ProcessingLogModel.query(on: app.services.database.db).sort(\.$at, .descending)
                    .sort(\.$chainSeq, .descending).first()
            )
            try await sql.delete(from: "processing_log").where("id", .equal, SQLBind(last.id!)).run()
            let cut = try await Self.verify(app)
            #expect(cut.findings.contains { $0.kind == .cutOff && $0.chain == last.chain }, "\(cut.findings)")
        }
    }
}
