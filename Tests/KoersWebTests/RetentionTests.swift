import FluentKit
import Foundation
import HTTPTypes
import HummingbirdTesting
import KoersCore
import KoersDemo
import KoersMonitor
import Logging
import SQLKit
import Testing

@testable import KoersStore
@testable import KoersWeb

/// Bewaren en vernietigen: the people whose period ended are listed, approved and erased; no value
/// of theirs stays in any table, every published monitor cell stays, the chains still verify, and a
/// backup restored later erases them again.
@Suite("Retention with erasure")
struct RetentionTests {
    /// A person whose trajectory ended in January 2024, with everything that holds their data: an
    /// alias, a full birth date, a V-nummer, notes naming them, a transfer's hand-over summary, and
    /// a line of the IND's list.
    struct Planted {
        let file: CaseFile
        let values: [String]
    }

    static func plant(
        _ app: TestApp,
        given: String,
        surname: String,
        alias: String,
        vNumber: String
    ) async throws
        -> Planted
    {
        let ngo = app.account(.ngo).actor
        let service = app.services.service
        var referral = [
            "givenNames": given, "surname": surname, "nationality": "ERI", "gender": "female",
            "birthDate": "1987-04-23", "channel": "ngo", "referredOn": "2023-01-05", "vNumber": vNumber,
            "note": "Aangemeld door de buurvrouw van \(given) \(surname)",
        ]
        referral["aliases"] = alias
        let file = try await service.refer(FormInput(single: referral), actor: ngo)
        var intake = Fixtures.intake
        intake["givenNames"] = given
        intake["surname"] = surname
        intake["aliases"] = alias
        intake["birthDate"] = "1987-04-23"
        intake["vNumber"] = vNumber
        intake["inRegionSince"] = "2022-01-01"
        intake["lastAsylumRejectionOn"] = "2022-06-01"
        for step in [
            (CaseOperation.intake, intake),
            (.admission, ["outcome": "admit", "decidedOn": "2023-01-20"]),
            (.note, ["classification": "social", "text": "\(given) \(surname) (\(alias)) slaapt bij familie"]),
            (.note, ["classification": "general", "text": "V-nummer \(vNumber) bevestigd"]),
        ] {
            _ = try await service.perform(
                step.0,
                on: file.id,
                input: FormInput(single: step.1),
                expectedVersion: nil,
                actor: ngo
            )
        }
        let amsterdam = app.account(.municipality, "amsterdam").actor.locationIds.first!
        _ = try await app.services.transfers.request(
            file.id,
            input: FormInput(single: [
                "toLocationId": amsterdam.uuidString, "reason": "Netwerk van \(given) in Amsterdam",
            ]),
            actor: ngo
        )
        _ = try await app.services.transfers.decide(
            try #require(
                try await TransferModel.query(on: app.services.database.db).filter(\.$trajectoryId == file.id)
                    .first()?.id
            ),
            input: FormInput(single: ["decision": "decline", "note": "Geen plek voor \(surname)"]),
            actor: app.account(.ngo, "amsterdam").actor
        )
        let done = try await service.perform(
            .outflow,
            on: file.id,
            input: FormInput(single: ["leftOn": "2024-01-10", "reason": "leftUnknown"]),
            expectedVersion: nil,
            actor: ngo
        )
        return Planted(file: done, values: [given, surname, alias, "1987-04-23", vNumber])
    }

    /// A retention service with a one-year period, so the planted people (ended January 2024) are due,
    /// and the erasure register written to `register`.
    static func oneYearRetention(_ app: TestApp, register: URL) -> RetentionService {
        var configuration = app.services.configuration
        configuration.retentionYears = 1
        configuration.erasureRegisterPath = register.path
        return RetentionService(
            store: RetentionStore(cases: app.services.cases, register: app.services.register),
            configuration: configuration
        )
    }

    /// Every table and text column in which a value occurs.
    static func occurrences(of value: String, in database: KoersDatabase) async throws -> [String] {
        let sql = database.sql
        var columns: [(String, String)] = []
        if database.kind == .sqlite {
            struct Table: Decodable { let name: String }
            struct Column: Decodable { let name: String }
            let tables = try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'table'").all(
                decoding: Table.self
            )
            for table in tables {
                let cols = try await sql.raw("SELECT name FROM pragma_table_info(\(bind: table.name))").all(
                    decoding: Column.self
                )
                columns += cols.map { (table.name, $0.name) }
            }
        } else {
            struct Column: Decodable {
                let table_name: String
                let column_name: String
            }
            let cols = try await sql.raw(
                """
                SELECT table_name, column_name FROM information_schema.columns \
                WHERE table_schema = current_schema()
                """
            ).all(decoding: Column.self)
            columns = cols.map { ($0.table_name, $0.column_name) }
        }
        var found: [String] = []
        for (table, column) in columns {
            let pattern = "%" + value + "%"
            let hits =
                try await sql.raw(
                    """
                    SELECT COUNT(*) AS n FROM \(ident: table) \
                    WHERE CAST(\(ident: column) AS TEXT) LIKE \(bind: pattern)
                    """
                ).first()?.decode(column: "n", as: Int.self) ?? 0
            if hits > 0 { found.append("\(table).\(column) (\(hits))") }
        }
        return found
    }

    static func published(_ app: TestApp) async throws -> [String: [[String]]] {
        let day = CaseService.latestReferenceDate(before: TestApp.today)
        let report = PublishedReport(try await app.services.service.monitorReport(peildatum: day, k: 10), language: .nl)
        return Dictionary(
            uniqueKeysWithValues: report.tables.map { table in
                (table.id, table.cells.map { row in row.map { String(describing: $0) } })
            }
        )
    }

    @Test(
        "Plan, approve, apply: nothing of the erased stays, the monitor is unchanged, the chains verify",
        arguments: TestDatabase.available
    )
    func erased(_ database: TestDatabase) async throws {
        let app = try await TestApp.make(database, scenario: .pilot2022(scale: 1))
        try await app.services.database.closing {
            let first = try await Self.plant(
                app,
                given: "Quirinella",
                surname: "Vandermolenaar",
                alias: "Xantippa",
                vNumber: "8123456781"
            )
            let second = try await Self.plant(
                app,
                given: "Zebulonia",
                surname: "Okonkwoberg",
                alias: "Yolandine",
                vNumber: "8123456792"
            )
            // The IND's list names the first.
            let ind = "V-nummer;Ingediend;Besluitdatum;Uitkomst\n8123456781;2023-02-01;2023-05-01;afgewezen\n"
            _ = try await app.services.reconciliations.upload(
                file: Data(ind.utf8),
                named: "ind.csv",
                source: .ind,
                at: first.file.locationId,
                actor: app.account(.municipality).actor
            )
            let kept = try await app.admitted(surname: "Blijftstaan")
            for value in first.values + second.values {
                #expect(!(try await Self.occurrences(of: value, in: app.services.database)).isEmpty, "\(value) planted")
            }
            let before = try await Self.published(app)

            let register = FileManager.default.temporaryDirectory.appendingPathComponent("erasures-\(UUID()).txt")
            defer { try? FileManager.default.removeItem(at: register) }
            let retention = Self.oneYearRetention(app, register: register)
            let admin = app.account(.admin, nil).actor
            await #expect(throws: AppError.self) { _ = try await retention.due(actor: app.account(.ngo).actor) }
            let plan = try await retention.propose(actor: admin)
            let planned = Set(plan.items.map(\.personId))
            #expect(planned.isSuperset(of: [first.file.personId, second.file.personId]))
            #expect(!planned.contains(kept.personId))
            // The list names people by pseudonym only.
            #expect(!JSONCoding.string(plan.items).contains("Vandermolenaar"))
            await #expect(throws: AppError.self) { _ = try await retention.apply(plan.id, actor: admin) }
            await #expect(throws: AppError.self) { _ = try await retention.approve(plan.id, FormInput(), actor: admin) }
            _ = try await retention.approve(plan.id, FormInput(single: ["decision": "Besluit 2026/17"]), actor: admin)
            let report = try await retention.apply(plan.id, actor: admin)
            #expect(report.items.count == plan.items.count && (report.rows["case_events"] ?? 0) > 0)

            for value in first.values + second.values {
                let left = try await Self.occurrences(of: value, in: app.services.database)
                #expect(left.isEmpty, "\(value) remains in \(left)")
            }
            #expect(!(try await Self.occurrences(of: "Blijftstaan", in: app.services.database)).isEmpty)
            let after = try await Self.published(app)
            #expect(before == after, "published monitor cells changed")
            #expect(before.count > 10)
            // The erased case still opens, without its values; the chains still verify.
            let record = try #require(try await app.services.cases.load(first.file.id, context: nil))
            #expect(record.file.identity.surname == Erasure.placeholder && record.file.identity.vNumber == nil)
            #expect(record.file.identity.birthDate?.description == "1987")
            let audit = try await AuditVerifier(cases: app.services.cases).verify()
            #expect(audit.passed, "\(audit.findings.prefix(5))")
            let registered = try ErasureRegisterFile.read(register)
            #expect(registered.count == plan.items.count && !registered.contains { $0.contains("Vandermolenaar") })
            // Nobody is due any more.
            #expect(try await retention.due(actor: admin).isEmpty)
        }
    }
}

extension RetentionTests {
    /// Apart from the pilot's destruction above, on a network with only the two planted people: the
    /// mechanism is the same for each person, and erasing the pilot's 1,403 twice kept the suite
    /// busy for minutes.
    @Test(
        "A backup from before a destruction, restored: the register erases them again",
        arguments: TestDatabase.available
    )
    func restored(_ database: TestDatabase) async throws {
        let app = try await TestApp.make(database)
        let register = FileManager.default.temporaryDirectory.appendingPathComponent("erasures-\(UUID()).txt")
        defer { try? FileManager.default.removeItem(at: register) }
        let backup = FileManager.default.temporaryDirectory.appendingPathComponent("koers-backup-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: backup) }
        var values: [String] = []
        try await app.services.database.closing {
            for (given, surname, alias, vNumber) in [
                ("Quirinella", "Vandermolenaar", "Xantippa", "8123456781"),
                ("Zebulonia", "Okonkwoberg", "Yolandine", "8123456792"),
            ] {
                values += try await Self.plant(app, given: given, surname: surname, alias: alias, vNumber: vNumber)
                    .values
            }
            let retention = Self.oneYearRetention(app, register: register)
            let admin = app.account(.admin, nil).actor
            let plan = try await retention.propose(actor: admin)
            #expect(plan.items.count == 2)
            try await app.services.database.backup(to: backup)
            _ = try await retention.approve(plan.id, FormInput(single: ["decision": "Besluit 2026/18"]), actor: admin)
            _ = try await retention.apply(plan.id, actor: admin)
        }

        // The backup from before the destruction, restored: the register erases them again.
        var logger = Logger(label: "restore")
        logger.logLevel = .warning
        let target = try await BackupTests.emptyTarget(database, source: app.services.database, logger: logger)
        try await KoersDatabase.restore(from: backup, into: target.0, schema: target.1, logger: logger)
        var restoredConfiguration = KoersConfiguration(databaseURL: target.0, secret: "test-secret")
        restoredConfiguration.erasureRegisterPath = register.path
        let restored = try KoersServices(restoredConfiguration, logger: logger, schema: target.1)
        try await restored.database.closing {
            try await restored.database.migrate()
            #expect(!(try await Self.occurrences(of: "Vandermolenaar", in: restored.database)).isEmpty)
            let again = try await restored.retention.eraseAgain(from: register)
            #expect(again == 2)
            for value in values {
                let left = try await Self.occurrences(of: value, in: restored.database)
                #expect(left.isEmpty, "\(value) remains after restore in \(left)")
            }
        }
        try await target.2()
    }
}

extension RetentionTests {
    @Test(
        "The administrator's page: reminded, a list made, a decision required, destroyed",
        arguments: TestDatabase.available
    )
    func page(_ database: TestDatabase) async throws {
        let register = FileManager.default.temporaryDirectory.appendingPathComponent("erasures-\(UUID()).txt")
        defer { try? FileManager.default.removeItem(at: register) }
        let configure: (inout KoersConfiguration) -> Void = {
            $0.retentionYears = 2
            $0.erasureRegisterPath = register.path
        }
        try await TestApp.run(database, configure: configure) { app, client in
            let planted = try await Self.plant(
                app,
                given: "Ermengarde",
                surname: "Vossenbroek",
                alias: "Emmeke",
                vNumber: "8123456803"
            )
            _ = try await app.admitted(surname: "Nogbezig")
            var admin = WebClient(client)
            _ = try await admin.login(app.account(.admin, nil).email)
            let overview = try await admin.get("/admin")
            #expect(overview.text.contains("1 personen hebben de bewaartermijn bereikt"))
            let page = try await admin.get("/admin/retention")
            #expect(page.status == .ok && page.text.contains("Vernietigingslijst maken"))
            #expect(try await admin.post("/admin/retention/plans", []).status == .seeOther)
            let plan = try #require(try await app.services.retention.plans(actor: app.account(.admin, nil).actor).first)
            #expect(plan.items.map(\.personId) == [planted.file.personId])
            let listed = try await admin.get("/admin/retention")
            #expect(
                listed.text.contains(String(plan.items[0].subject.prefix(16))) && !listed.text.contains("Vossenbroek")
            )
            // No list while one is open; the reminder is quiet.
            #expect(!listed.text.contains("Vernietigingslijst maken"))
            #expect(!(try await admin.get("/admin")).text.contains("bewaartermijn bereikt"))
            let id = plan.id.uuidString.lowercased()
            let empty = try await admin.post("/admin/retention/plans/\(id)/approve", [("decision", "")])
            #expect(empty.status == .unprocessableContent && empty.text.contains("Dit veld is verplicht."))
            // Destroying before the decision is refused.
            #expect(try await admin.post("/admin/retention/plans/\(id)/apply", []).status == .conflict)
            #expect(
                try await admin.post("/admin/retention/plans/\(id)/approve", [("decision", "Besluit 2026/4")]).status
                    == .seeOther
            )
            #expect(try await admin.post("/admin/retention/plans/\(id)/apply", []).status == .seeOther)
            let done = try await admin.get("/admin/retention?done=applied")
            #expect(done.text.contains("De lijst is vernietigd") && done.text.contains("Verklaring van vernietiging"))
            #expect(try await Self.occurrences(of: "Vossenbroek", in: app.services.database).isEmpty)
            #expect(try ErasureRegisterFile.read(register) == [plan.items[0].subject])
            // The NGO opens the case: its values are gone, its history stays.
            var ngo = WebClient(client)
            _ = try await ngo.login(app.account(.ngo).email)
            let erased = try await ngo.get("/cases/\(planted.file.id.uuidString.lowercased())")
            #expect(erased.status == .ok && erased.text.contains("[gewist]") && !erased.text.contains("Ermengarde"))
        }
    }
}
