import Foundation
import KoersCore
import Testing

@testable import KoersMonitor

@Suite("Monitor facts")
struct MonitorFactsTests {
    /// The CSV files another tool reads hold exactly the records, and give the same report.
    @Test func roundTripGivesTheSameRecordsAndReport() throws {
        var records = population(perLocation: [120, 80, 12])
        records[0].transferredFrom = monitorLocations[1].id
        records[0].transferredOn = day("2021-06-01")
        records[1].support = [.init(instrument: .shelter24h, from: day("2021-02-01"))]
        records[1].milestones = [
            .init(due: day("2021-03-01"), met: nil), .init(due: day("2021-05-01"), met: day("2021-04-20")),
        ]
        records[1].escalatedOn = [day("2021-04-02")]
        records[2].hasaSubmittedOn = day("2021-03-03")
        records[2].hasaDecidedOn = day("2021-06-03")
        records[2].hasaOutcome = .granted
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("koers-facts-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        // MUT
        try MonitorFacts.write(records, locations: monitorLocations, to: folder)
        let (read, locations) = try MonitorFacts.read(from: folder)
        // validate
        #expect(read == records)
        #expect(locations == monitorLocations)
        let a = try #require(
            MonitorReport.build(records: records, locations: monitorLocations, peildatum: day("2022-01-01"))
        )
        let b = try #require(MonitorReport.build(records: read, locations: locations, peildatum: day("2022-01-01")))
        #expect(try PublishedReport(a).json() == PublishedReport(b).json())
    }

    @Test func aMalformedFileIsNamed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("koers-facts-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try MonitorFacts.write(population(perLocation: [5, 0, 0]), locations: monitorLocations, to: folder)
        try "trajectory_id,on,perspective\nnot-a-uuid,2021-01-01,legalisation\n".write(
            to: folder.appendingPathComponent("perspectives.csv"),
            atomically: true,
            encoding: .utf8
        )
        #expect(throws: MonitorFacts.Failure.self) { try MonitorFacts.read(from: folder) }
    }
}
