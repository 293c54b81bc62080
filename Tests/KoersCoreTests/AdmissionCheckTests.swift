import KoersCore
import Testing

@Suite("Admission check")
struct AdmissionCheckTests {
    let today = Day("2026-06-15")!

    func evidence(
        lawful: Answer = .no,
        asylum: Answer = .yes,
        rejection: Day? = Day("2024-01-01"),
        since: Day? = Day("2023-01-01"),
        ties: [RegionalTie] = [],
        ban: Bool = false,
        record: Bool = false
    ) -> AdmissionEvidence {
        AdmissionEvidence(
            lawfulStay: lawful,
            stateReception: .no,
            asylumProcedureCompleted: asylum,
            lastAsylumRejectionOn: rejection,
            willingToCooperate: .yes,
            activeAtOtherLocation: .no,
            inRegionSince: since,
            regionalTies: ties,
            seriousEntryBan: ban,
            criminalRecord: record,
            biometricallyIdentified: true
        )
    }

    @Test func everyCriterionMetIsEligible() {
        let check = AdmissionCheck.evaluate(
            evidence: evidence(),
            nationality: "ERI",
            rule: .national,
            policy: .national,
            on: today,
            activeElsewhere: nil
        )
        #expect(check.verdict == .eligible)
        #expect(check.criteria.count == Criterion.allCases.count)
        #expect(check.criteria.allSatisfy { $0.status == .met && !$0.reason.nl.isEmpty && !$0.reason.en.isEmpty })
        #expect(check.flags.isEmpty)
    }

    @Test func lawfulStayFailsTheCheck() {
        let check = AdmissionCheck.evaluate(
            evidence: evidence(lawful: .yes),
            nationality: "ERI",
            rule: .national,
            policy: .national,
            on: today,
            activeElsewhere: nil
        )
        #expect(check.verdict == .notEligible)
        #expect(check.criteria.first { $0.criterion == .noLawfulStay }?.status == .notMet)
    }

    @Test func flagsSendTheCaseToTheMeeting() {
        let check = AdmissionCheck.evaluate(
            evidence: evidence(rejection: Day("2026-06-01"), ban: true, record: true),
            nationality: "MAR",
            rule: .national,
            policy: .national,
            on: today,
            activeElsewhere: nil
        )
        #expect(check.verdict == .needsCaseMeeting)
        #expect(Set(check.flags.map(\.flag)) == Set(AdmissionFlag.allCases))
    }

    @Test func regionalTiesFollowTheLocationsRule() {
        let rotterdam = RegionalTiesRule(
            minimumMonthsInRegion: 12,
            acceptedTies: [.familyOrNetwork],
            deviation: LocalizedText(nl: "twaalf maanden", en: "twelve months")
        )
        let eightMonths = evidence(since: today.adding(months: -8))
        let national = AdmissionCheck.evaluate(
            evidence: eightMonths,
            nationality: "ERI",
            rule: .national,
            policy: .national,
            on: today,
            activeElsewhere: nil
        )
        let local = AdmissionCheck.evaluate(
            evidence: eightMonths,
            nationality: "ERI",
            rule: rotterdam,
            policy: .national,
            on: today,
            activeElsewhere: nil
        )
        #expect(national.criteria.first { $0.criterion == .regionalTies }?.status == .met)
        #expect(local.criteria.first { $0.criterion == .regionalTies }?.status == .notMet)
        #expect(local.localDeviation?.en == "twelve months")
        let medical = AdmissionCheck.evaluate(
            evidence: evidence(since: nil, ties: [.medicalTreatment]),
            nationality: "ERI",
            rule: rotterdam,
            policy: .national,
            on: today,
            activeElsewhere: nil
        )
        #expect(medical.criteria.first { $0.criterion == .regionalTies }?.status == .notMet)
        let family = AdmissionCheck.evaluate(
            evidence: evidence(since: nil, ties: [.familyOrNetwork]),
            nationality: "ERI",
            rule: rotterdam,
            policy: .national,
            on: today,
            activeElsewhere: nil
        )
        #expect(family.criteria.first { $0.criterion == .regionalTies }?.status == .met)
    }

    @Test func anActiveTrajectoryElsewhereOverridesTheDeclaration() {
        let check = AdmissionCheck.evaluate(
            evidence: evidence(),
            nationality: "ERI",
            rule: .national,
            policy: .national,
            on: today,
            activeElsewhere: "LVV Utrecht"
        )
        #expect(check.verdict == .notEligible)
        #expect(check.criteria.first { $0.criterion == .notActiveElsewhere }?.reason.nl.contains("LVV Utrecht") == true)
    }

    @Test func plainAdmissionNeedsAnEligibleCheck() throws {
        let notEligible = AdmissionCheck.evaluate(
            evidence: evidence(lawful: .yes),
            nationality: "ERI",
            rule: .national,
            policy: .national,
            on: today,
            activeElsewhere: nil
        )
        let referred = Day("2026-05-01")!
        #expect(throws: ValidationFailure.self) {
            try AdmissionDecision.parse(
                FormInput(single: ["outcome": "admit", "decidedOn": "2026-06-01"]),
                check: notEligible,
                referredOn: referred,
                today: today
            )
        }
        do {
            _ = try AdmissionDecision.parse(
                FormInput(single: ["outcome": "admitByException", "decidedOn": "2026-06-01"]),
                check: notEligible,
                referredOn: referred,
                today: today
            )
            Issue.record("an exception without motivation was accepted")
        } catch {
            #expect(error.errors.map(\.field) == ["motivation"])
        }
        let decision = try AdmissionDecision.parse(
            FormInput(single: [
                "outcome": "admitByException", "decidedOn": "2026-06-01",
                "motivation": "LSO 2026-06-01: toegelaten wegens medische situatie.",
            ]),
            check: notEligible,
            referredOn: referred,
            today: today
        )
        #expect(decision.outcome == .admitByException)
        do {
            _ = try AdmissionDecision.parse(
                FormInput(single: ["outcome": "reject", "decidedOn": "2026-04-01"]),
                check: notEligible,
                referredOn: referred,
                today: today
            )
            Issue.record("a rejection without reason was accepted")
        } catch {
            #expect(Set(error.errors.map(\.field)) == ["decidedOn", "rejectionReason"])
        }
    }
}
