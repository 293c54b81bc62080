import Foundation
import KoersCore
import KoersDemo
import KoersImport
import KoersMonitor
import KoersStore
import Testing

@testable import KoersWeb

@Suite("Export in the import's format")
struct ExportRoundTripTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/import")

    /// The three cities' sample registrations, each imported by its municipality.
    static func importSamples(_ app: TestApp) async throws {
        for (city, file) in [
            ("amsterdam", "amsterdam.csv"), ("rotterdam", "rotterdam.xlsx"), ("utrecht", "utrecht.csv"),
        ] {
            let actor = app.account(.municipality, city).actor
            let location = try #require(actor.locationIds.first)
            let plan = try await app.services.imports.plan(
                file: try Data(contentsOf: fixtures.appendingPathComponent(file)),
                mapping: try Data(contentsOf: fixtures.appendingPathComponent("\(city).json")),
                at: location,
                actor: actor
            )
            _ = try await app.services.imports.commit(plan, fileName: file, at: location, actor: actor)
        }
    }

    @Test("Export, then import into an empty database: the same published cells")
    func roundTrip() async throws {
        // The format holds no transfers, so the history exported is one without them: the cities'
        // own registrations as they came in.
        let source = try await TestApp.make(.sqlite)
        try await Self.importSamples(source)
        let target = try await TestApp.make(.sqlite)
        try await source.services.database.closing {
            try await target.services.database.closing {
                let mapping = try RegistrationExport.mappingJSON()
                let targetLocations = try await target.services.directory.locations()
                var exported = 0
                for place in try await source.services.directory.locations() {
                    let files = try await source.services.cases.files(at: place.id)
                    guard !files.isEmpty else { continue }
                    exported += files.count
                    let there = try #require(targetLocations.first { $0.slug == place.slug })
                    let account = try #require(
                        target.accounts.first { $0.party == .municipality && $0.actor.locationIds.contains(there.id) }
                    )
                    let plan = try await target.services.imports.plan(
                        file: try RegistrationExport.csv(files),
                        mapping: mapping,
                        at: there.id,
                        actor: account.actor
                    )
                    let errors = plan.reports.filter { $0.severity == .error }
                    #expect(errors.isEmpty, "\(place.slug): \(errors.prefix(3))")
                    #expect(plan.trajectories.count == files.count)
                    _ = try await target.services.imports.commit(
                        plan,
                        fileName: "\(place.slug).csv",
                        at: there.id,
                        actor: account.actor
                    )
                }
                #expect(exported > 0)
                let day = CaseService.latestReferenceDate(before: TestApp.today)
                let before = PublishedReport(
                    try await source.services.service.monitorReport(peildatum: day, k: 10),
                    language: .nl
                )
                let after = PublishedReport(
                    try await target.services.service.monitorReport(peildatum: day, k: 10),
                    language: .nl
                )
                let differing = Set(
                    before.tables.filter { table in
                        after.tables.first { $0.id == table.id }.map { $0.cells != table.cells } ?? true
                    }.map(\.id)
                )
                #expect(differing.isEmpty)
                for id in differing {
                    let a = before.tables.first { $0.id == id }!
                    let b = after.tables.first { $0.id == id }!
                    Issue.record("\(id): \(a.columns)\n\(a.cells)\n\(b.cells)")
                }
                #expect(before.tables.count == after.tables.count && before.tables.count > 10)
            }
        }
    }
}
