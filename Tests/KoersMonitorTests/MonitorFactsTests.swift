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

@Suite("Monitor fact rows (binary form)")
struct FactsEncodingTests {
    /// A record with every optional field filled and every list non-empty, and deadline inputs with
    /// reviews, each kind of adjustment and open and completed action items.
    static func full() -> TrajectoryFacts {
        var record = population(perLocation: [1, 0, 0])[0]
        record.transferredFrom = monitorLocations[1].id
        record.transferredOn = day("2021-06-01")
        record.admissionOn = day("2021-01-10")
        record.admission = .admit
        record.rejectionReason = nil
        record.perspectives = [.init(on: day("2021-02-01"), perspective: .returnToOrigin)]
        record.support = [.init(instrument: .shelter24h, from: day("2021-02-01"))]
        record.hasaSubmittedOn = day("2021-03-03")
        record.hasaDecidedOn = day("2021-06-03")
        record.hasaOutcome = .granted
        record.outflowOn = day("2022-01-05")
        record.outcome = .durable
        record.outcomeReason = "vergunning-é"
        record.escalatedOn = [day("2021-04-02"), day("2021-05-02")]
        record.milestones = []
        let deadlines = DeadlineFacts(
            admittedOn: day("2021-01-10"),
            leftOn: day("2022-01-05"),
            firstPerspectiveOn: day("2021-02-01"),
            reviews: [day("2021-03-01"), day("2021-06-01")],
            adjustments: MilestoneAdjustment.Kind.allCases.map {
                MilestoneAdjustment(
                    key: "review-2",
                    kind: $0,
                    on: day("2021-04-01"),
                    until: day("2021-05-01"),
                    reason: nil
                )
            },
            actionItems: [
                ActionItem(
                    id: UUID(),
                    party: .ngo,
                    text: "",
                    dueOn: day("2021-03-01"),
                    assignedOn: day("2021-02-01"),
                    meetingId: nil
                ),
                ActionItem(
                    id: UUID(),
                    party: .municipality,
                    text: "",
                    dueOn: day("2021-04-01"),
                    assignedOn: day("2021-02-01"),
                    meetingId: nil,
                    completedOn: day("2021-03-15")
                ),
            ]
        )
        return TrajectoryFacts(record: record, deadlines: deadlines)
    }

    @Test func everyFieldSurvivesTheRoundTrip() throws {
        let full = Self.full()
        #expect(try FactsEncoding.decode(FactsEncoding.encode(full)) == full)
        // And the sparsest record: nothing but its referral.
        var empty = population(perLocation: [1, 0, 0])[0]
        empty.admissionOn = nil
        empty.admission = nil
        empty.birthYear = nil
        empty.perspectives = []
        empty.support = []
        empty.outflowOn = nil
        empty.outcome = nil
        empty.outcomeReason = nil
        empty.milestones = []
        let sparse = TrajectoryFacts(record: empty, deadlines: DeadlineFacts())
        #expect(try FactsEncoding.decode(FactsEncoding.encode(sparse)) == sparse)
    }

    @Test func aDamagedRowIsRefusedNotMisread() throws {
        let bytes = FactsEncoding.encode(Self.full())
        for cut in [0, 1, 20, bytes.count / 2, bytes.count - 1] {
            #expect(throws: FactsEncoding.Failure.self) { try FactsEncoding.decode(bytes.prefix(cut)) }
        }
        #expect(throws: FactsEncoding.Failure.unknownVersion(9)) { try FactsEncoding.decode([9] + bytes.dropFirst()) }
        #expect(throws: FactsEncoding.Failure.self) { try FactsEncoding.decode(bytes + [0]) }
    }

    @Test func milestonesAreDerivedOnTheDayAsked() {
        let facts = Self.full()
        let policy = DeadlinePolicy(perspectiveWithinWeeks: 2, reviewEveryWeeks: 8, maximumStayMonths: 18)
        let early = facts.record(policy: policy, on: day("2021-02-15"))
        let late = facts.record(policy: policy, on: day("2022-06-01"))
        #expect(early.milestones != late.milestones)
        for (record, on) in [(early, day("2021-02-15")), (late, day("2022-06-01"))] {
            let derived = Deadlines.milestones(for: facts.deadlines, policy: policy, on: on)
            #expect(
                record.milestones == derived.filter { $0.state != .skipped }.map { .init(due: $0.dueOn, met: $0.metOn) }
            )
        }
        #expect(late.milestones.contains { $0.met == day("2021-03-15") })
    }
}
