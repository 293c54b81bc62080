import Foundation
import KoersCore
import Testing

@Suite("The case meeting's agenda")
struct AgendaTests {
    let day = Day("2026-06-15")!

    func file(
        stage: Stage,
        evidence lawful: Answer = .no,
        admitted: Day? = nil,
        items: [ActionItem] = [],
        outflow: Day? = nil
    ) -> CaseFile {
        let identity = Identity(
            givenNames: "A",
            surname: "B",
            birthDate: nil,
            nationality: "ERI",
            gender: .male,
            vNumber: nil
        )
        var f = CaseFile(
            id: UUID(),
            personId: UUID(),
            locationId: UUID(),
            referral: Referral(channel: .ngo, referredOn: Day("2026-01-01")!, note: nil),
            identity: identity,
            previousTrajectoryId: nil
        )
        guard stage != .referral else { return f }
        let evidence = AdmissionEvidence(
            lawfulStay: lawful,
            stateReception: .no,
            asylumProcedureCompleted: .yes,
            lastAsylumRejectionOn: nil,
            willingToCooperate: .yes,
            activeAtOtherLocation: .no,
            inRegionSince: Day("2020-01-01"),
            regionalTies: [],
            seriousEntryBan: false,
            criminalRecord: false,
            biometricallyIdentified: true
        )
        f.apply(.intakeRecorded(identity: identity, evidence: evidence))
        if let admitted {
            let check = AdmissionCheck.evaluate(
                evidence: evidence,
                nationality: "ERI",
                rule: .national,
                policy: .national,
                on: admitted,
                activeElsewhere: nil
            )
            f.apply(
                .admissionDecided(
                    AdmissionDecision(
                        outcome: .admit,
                        decidedOn: admitted,
                        motivation: nil,
                        rejectionReason: nil,
                        check: check
                    )
                )
            )
        }
        for item in items { f.apply(.actionItemAssigned(item)) }
        if let outflow {
            f.apply(.outflowRecorded(Outflow(leftOn: outflow, reasonCode: "leftUnknown", category: .none, note: nil)))
        }
        return f
    }

    @Test func theAgendaHoldsTheCasesThatNeedTheTable() {
        let waiting = file(stage: .intake)
        let exception = file(stage: .intake, evidence: .yes)
        let overdue = file(stage: .active, admitted: Day("2026-01-10"))
        let quiet = file(stage: .active, admitted: Day("2026-06-01"))
        let item = ActionItem(
            id: UUID(),
            party: .ind,
            text: "x",
            dueOn: Day("2026-06-10")!,
            assignedOn: Day("2026-06-01")!,
            meetingId: nil
        )
        let withItem = file(stage: .active, admitted: Day("2026-06-01"), items: [item])
        let ended = file(stage: .active, admitted: Day("2026-01-10"), outflow: Day("2026-03-01"))
        let referral = file(stage: .referral)
        let policy = DeadlinePolicy(perspectiveWithinWeeks: 8, reviewEveryWeeks: 12)
        let agenda = Agenda.build(
            files: [quiet, withItem, overdue, ended, referral, exception, waiting].map(CaseSummary.init),
            policy: policy,
            rule: .national,
            on: day
        )
        let reasons = Dictionary(uniqueKeysWithValues: agenda.map { ($0.trajectoryId, $0.reasons) })
        #expect(reasons[waiting.id] == [.awaitingDecision])
        #expect(reasons[exception.id] == [.awaitingDecision, .admissionException])
        #expect(reasons[overdue.id] == [.overdueMilestone, .reviewDue])
        #expect(reasons[withItem.id] == [.actionItemDue])
        #expect(reasons[quiet.id] == nil && reasons[ended.id] == nil && reasons[referral.id] == nil)
        #expect(agenda.prefix(2).allSatisfy { $0.reasons.contains(.awaitingDecision) })
        #expect(agenda.last?.trajectoryId == withItem.id)
        // Without deadlines only admissions and action items need the table.
        #expect(Agenda.build(files: [CaseSummary(overdue)], policy: .noDeadlines, rule: .national, on: day).isEmpty)
    }

    @Test func refreshingKeepsTheChairsOrderAndAdditions() {
        let a = UUID()
        let b = UUID()
        let c = UUID()
        let current = [
            AgendaItem(trajectoryId: b, reasons: [.addedByChair]), AgendaItem(trajectoryId: a, reasons: [.reviewDue]),
        ]
        let fresh = [
            AgendaItem(trajectoryId: a, reasons: [.overdueMilestone]),
            AgendaItem(trajectoryId: b, reasons: [.actionItemDue]),
            AgendaItem(trajectoryId: c, reasons: [.awaitingDecision]),
        ]
        let result = Agenda.refresh(current, with: fresh)
        #expect(result.map(\.trajectoryId) == [b, a, c])
        #expect(result[0].reasons == [.actionItemDue, .addedByChair])
        #expect(result[1].reasons == [.overdueMilestone])
    }
}
