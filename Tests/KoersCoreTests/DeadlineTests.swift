import Foundation
import KoersCore
import Testing

/// Sub-deadline states on a reference date, for every policy kind and every transition.
@Suite("Sub-deadlines")
struct DeadlineTests {
    let admitted = Day("2026-01-05")!

    /// An admitted case, with further changes applied in order.
    func file(_ changes: [CaseChange] = []) -> CaseFile {
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
            referral: Referral(channel: .ngo, referredOn: Day("2025-12-01")!, note: nil),
            identity: identity,
            previousTrajectoryId: nil
        )
        let evidence = AdmissionEvidence(
            lawfulStay: .no,
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
        for change in changes { f.apply(change) }
        return f
    }

    func state(_ key: String, _ f: CaseFile, _ policy: DeadlinePolicy, on day: String) -> Milestone? {
        Deadlines.milestones(for: f, policy: policy, on: Day(day)!).first { $0.key == key }
    }

    let perspective8 = DeadlinePolicy(perspectiveWithinWeeks: 8)

    @Test func noDeadlinesMeansNoMilestones() {
        let f = file([
            .perspectiveSet(PerspectiveDecision(perspective: .returnToOrigin, decidedOn: Day("2026-06-01")!, note: nil))
        ])
        #expect(Deadlines.milestones(for: f, policy: .noDeadlines, on: Day("2027-01-01")!).isEmpty)
        #expect(DeadlinePolicy.noDeadlines.isEmpty)
    }

    @Test func perspectiveIsScheduledThenOverdueThenMet() {
        let due = admitted.adding(days: 56)
        let open = file()
        #expect(state("perspective", open, perspective8, on: "2026-02-01")?.state == .scheduled)
        #expect(state("perspective", open, perspective8, on: "2026-02-01")?.dueOn == due)
        #expect(state("perspective", open, perspective8, on: due.description)?.state == .scheduled)
        #expect(state("perspective", open, perspective8, on: due.adding(days: 1).description)?.state == .overdue)
        // "Under investigation" is not a perspective decided.
        let investigating = file([
            .perspectiveSet(
                PerspectiveDecision(perspective: .underInvestigation, decidedOn: Day("2026-01-20")!, note: nil)
            )
        ])
        #expect(state("perspective", investigating, perspective8, on: "2026-04-01")?.state == .overdue)
        let decided = file([
            .perspectiveSet(PerspectiveDecision(perspective: .legalisation, decidedOn: Day("2026-04-01")!, note: nil))
        ])
        #expect(state("perspective", decided, perspective8, on: "2026-03-31")?.state == .overdue)
        let met = state("perspective", decided, perspective8, on: "2026-04-01")
        #expect(met?.state == .met && met?.metOn == Day("2026-04-01"))
        // Before admission there are no policy milestones.
        #expect(state("perspective", decided, perspective8, on: "2026-01-04") == nil)
    }

    @Test func suspensionStopsTheClockUntilResumed() {
        let suspend = MilestoneAdjustment(
            key: "perspective",
            kind: .suspend,
            on: Day("2026-02-01")!,
            until: nil,
            reason: "Ziekenhuisopname"
        )
        let resume = MilestoneAdjustment(
            key: "perspective",
            kind: .resume,
            on: Day("2026-02-21")!,
            until: nil,
            reason: nil
        )
        let suspended = file([.milestoneAdjusted(suspend)])
        #expect(state("perspective", suspended, perspective8, on: "2026-01-31")?.state == .scheduled)
        let during = state("perspective", suspended, perspective8, on: "2026-06-01")
        #expect(during?.state == .suspended && during?.reason == "Ziekenhuisopname")
        let resumed = file([.milestoneAdjusted(suspend), .milestoneAdjusted(resume)])
        let after = state("perspective", resumed, perspective8, on: "2026-03-05")
        #expect(after?.dueOn == admitted.adding(days: 56 + 20))
        #expect(after?.plannedOn == admitted.adding(days: 56))
        #expect(after?.state == .scheduled)
        #expect(
            state("perspective", resumed, perspective8, on: admitted.adding(days: 77).description)?.state == .overdue
        )
    }

    @Test func extensionMovesTheDueDateWithAReason() {
        let extend = MilestoneAdjustment(
            key: "perspective",
            kind: .extend,
            on: Day("2026-02-20")!,
            until: Day("2026-05-01")!,
            reason: "Wacht op IND-besluit"
        )
        let f = file([.milestoneAdjusted(extend)])
        #expect(state("perspective", f, perspective8, on: "2026-02-19")?.state == .scheduled)
        let extended = state("perspective", f, perspective8, on: "2026-04-01")
        #expect(
            extended?.state == .extended && extended?.dueOn == Day("2026-05-01")
                && extended?.reason == "Wacht op IND-besluit"
        )
        #expect(state("perspective", f, perspective8, on: "2026-05-02")?.state == .overdue)
    }

    @Test func skippedMilestonesStaySkipped() {
        let skip = MilestoneAdjustment(
            key: "perspective",
            kind: .skip,
            on: Day("2026-02-10")!,
            until: nil,
            reason: "Niet van toepassing"
        )
        let f = file([.milestoneAdjusted(skip)])
        #expect(state("perspective", f, perspective8, on: "2026-02-09")?.state == .scheduled)
        #expect(state("perspective", f, perspective8, on: "2026-12-01")?.state == .skipped)
    }

    @Test func reviewsRecurAfterEachReview() {
        let policy = DeadlinePolicy(reviewEveryWeeks: 6)
        let f = file([
            .reviewHeld(on: Day("2026-02-10")!, meetingId: nil), .reviewHeld(on: Day("2026-03-30")!, meetingId: nil),
        ])
        let onApril = Deadlines.milestones(for: f, policy: policy, on: Day("2026-04-01")!)
        #expect(onApril.map(\.key) == ["review-1", "review-2", "review-3"])
        #expect(onApril.map(\.state) == [.met, .met, .scheduled])
        #expect(onApril[1].dueOn == Day("2026-02-10")!.adding(days: 42))
        #expect(onApril[1].metOn == Day("2026-03-30"))
        #expect(onApril[2].dueOn == Day("2026-03-30")!.adding(days: 42))
        // Before the second review, the second one is what is due.
        let onMarch = Deadlines.milestones(for: f, policy: policy, on: Day("2026-03-25")!)
        #expect(onMarch.map(\.state) == [.met, .overdue])
    }

    @Test func aSkippedReviewStartsTheNextCycleAndStaysSkipped() {
        let policy = DeadlinePolicy(reviewEveryWeeks: 4)
        let skip = MilestoneAdjustment(
            key: "review-1",
            kind: .skip,
            on: Day("2026-01-20")!,
            until: nil,
            reason: "Besproken in stuurgroep"
        )
        let f = file([.milestoneAdjusted(skip), .reviewHeld(on: Day("2026-02-05")!, meetingId: nil)])
        let list = Deadlines.milestones(for: f, policy: policy, on: Day("2026-02-10")!)
        #expect(list.map(\.key) == ["review-1", "review-2", "review-3"])
        #expect(list.map(\.state) == [.skipped, .met, .scheduled])
        #expect(list[1].plannedOn == Day("2026-01-20")!.adding(days: 28))
    }

    @Test func maximumStayIsMetByTheOutflow() {
        let policy = DeadlinePolicy(maximumStayMonths: 6)
        let f = file([
            .outflowRecorded(
                Outflow(leftOn: Day("2026-08-01")!, reasonCode: "independentDeparture", category: .durable, note: nil)
            )
        ])
        #expect(state("maximumStay", f, policy, on: "2026-06-01")?.state == .scheduled)
        #expect(state("maximumStay", f, policy, on: "2026-07-06")?.state == .overdue)
        let after = state("maximumStay", f, policy, on: "2026-09-01")
        #expect(after?.state == .met && after?.metOn == Day("2026-08-01"))
    }

    @Test func openMilestonesLapseWhenTheTrajectoryEnds() {
        let f = file([
            .outflowRecorded(Outflow(leftOn: Day("2026-02-01")!, reasonCode: "leftUnknown", category: .none, note: nil))
        ])
        #expect(state("perspective", f, perspective8, on: "2026-01-20")?.state == .scheduled)
        #expect(state("perspective", f, perspective8, on: "2026-06-01")?.state == .skipped)
    }

    @Test func actionItemsAreDueWhateverThePolicy() {
        let id = UUID()
        let item = ActionItem(
            id: id,
            party: .ind,
            text: "Dossier opvragen",
            dueOn: Day("2026-02-15")!,
            assignedOn: Day("2026-02-01")!,
            meetingId: nil
        )
        let open = file([.actionItemAssigned(item)])
        #expect(state(item.milestoneKey, open, .noDeadlines, on: "2026-01-31") == nil)
        let scheduled = state(item.milestoneKey, open, .noDeadlines, on: "2026-02-10")
        #expect(scheduled?.state == .scheduled && scheduled?.party == .ind && scheduled?.title == "Dossier opvragen")
        #expect(state(item.milestoneKey, open, .noDeadlines, on: "2026-02-16")?.state == .overdue)
        let done = file([.actionItemAssigned(item), .actionItemCompleted(id: id, on: Day("2026-02-20")!)])
        #expect(state(item.milestoneKey, done, .noDeadlines, on: "2026-02-19")?.state == .overdue)
        #expect(state(item.milestoneKey, done, .noDeadlines, on: "2026-02-20")?.state == .met)
    }

    @Test func policyFormAcceptsEmptyAndRejectsNonsense() throws {
        let policy = try DeadlinePolicy.parse(
            FormInput(single: ["perspectiveWithinWeeks": "12", "reviewEveryWeeks": "", "maximumStayMonths": "6"])
        )
        #expect(policy == DeadlinePolicy(perspectiveWithinWeeks: 12, reviewEveryWeeks: nil, maximumStayMonths: 6))
        do {
            _ = try DeadlinePolicy.parse(
                FormInput(single: ["perspectiveWithinWeeks": "0", "reviewEveryWeeks": "veel"])
            )
            Issue.record("invalid policy accepted")
        } catch {
            #expect(Set(error.errors.map(\.field)) == ["perspectiveWithinWeeks", "reviewEveryWeeks"])
        }
    }
}
