import Foundation
import KoersCore
import Testing

@Suite("Corrections")
struct CorrectionTests {
    let trajectoryId = UUID()
    let imported = FactSource(kind: .import, reference: "amsterdam-2019.csv")

    /// A referral and an outflow "independent departure" on 1 March 2021, as events 1 and 2.
    func history(_ more: [CaseChange] = []) -> [CaseEvent] {
        let identity = Identity(
            givenNames: "Amal",
            surname: "Haddad",
            birthDate: nil,
            nationality: "SYR",
            gender: .female,
            vNumber: nil
        )
        let changes: [CaseChange] =
            [
                .referred(
                    Referral(channel: .ngo, referredOn: Day("2020-06-01")!, note: nil),
                    identity: identity,
                    previousTrajectoryId: nil
                ),
                .outflowRecorded(
                    Outflow(
                        leftOn: Day("2021-03-01")!,
                        reasonCode: "independentDeparture",
                        category: .durable,
                        note: nil
                    )
                ),
            ] + more
        return changes.enumerated().map { index, change in
            CaseEvent(
                id: UUID(),
                trajectoryId: trajectoryId,
                sequence: index + 1,
                change: change,
                userId: UUID(),
                userName: "Import",
                organisationId: UUID(),
                organisationName: "Gemeente",
                party: .municipality,
                recordedAt: Date(),
                effectiveOn: change.effectiveOn ?? Day("2026-06-15")!,
                source: imported
            )
        }
    }

    let unknownDestination = CaseChange.outflowRecorded(
        Outflow(leftOn: Day("2021-04-15")!, reasonCode: "leftUnknown", category: .none, note: nil)
    )

    @Test func theFoldReadsTheCorrectedValueAndKeepsTheOriginal() throws {
        let events = history()
        let correction = try CorrectionCommands.correct(
            2,
            with: unknownDestination,
            reason: "De DT&V-lijst kent geen vertrek.",
            source: FactSource(kind: .agency, reference: "DT&V"),
            in: events
        )
        let all = history([correction])
        let file = try #require(CaseFile.fold(all, personId: UUID(), locationId: UUID()))
        #expect(file.outflow?.reasonCode == "leftUnknown" && file.outflow?.leftOn == Day("2021-04-15"))
        #expect(file.outflow?.category == OutcomeCategory.none)
        #expect(file.version == 3 && file.corrections.count == 1)
        // The original is still there, unchanged, and the stored form survives JSON.
        guard case .outflowRecorded(let original) = all[1].change else {
            Issue.record("original lost")
            return
        }
        #expect(original.reasonCode == "independentDeparture")
        let data = try JSONEncoder().encode(correction)
        #expect(try JSONDecoder().decode(CaseChange.self, from: data) == correction)
        #expect(correction.section == .outflow && correction.kind == "corrected")
    }

    @Test func aLaterCorrectionWinsAndTheCurrentValueIsTheLatest() throws {
        let first = try CorrectionCommands.correct(2, with: unknownDestination, reason: "a", source: nil, in: history())
        let back = CaseChange.outflowRecorded(
            Outflow(leftOn: Day("2021-03-01")!, reasonCode: "onwardMigration", category: .durable, note: nil)
        )
        let second = try CorrectionCommands.correct(2, with: back, reason: "b", source: nil, in: history([first]))
        let file = try #require(CaseFile.fold(history([first, second]), personId: UUID(), locationId: UUID()))
        #expect(file.outflow?.reasonCode == "onwardMigration")
        #expect(CorrectionCommands.current(2, in: history([first, second])) == back)
    }

    @Test func aWrongCorrectionNamesEveryField() throws {
        let first = try CorrectionCommands.correct(2, with: unknownDestination, reason: "a", source: nil, in: history())
        let events = history([first])
        #expect(throws: ValidationFailure.self) {
            try CorrectionCommands.correct(9, with: unknownDestination, reason: "x", source: nil, in: events)
        }
        do {
            _ = try CorrectionCommands.correct(3, with: unknownDestination, reason: " ", source: nil, in: events)
            Issue.record("a correction of a correction was accepted")
        } catch {
            #expect(Set(error.errors.map(\.code)) == ["required", "isCorrection"])
        }
        do {
            _ = try CorrectionCommands.correct(1, with: unknownDestination, reason: "x", source: nil, in: events)
            Issue.record("a correction of another kind was accepted")
        } catch {
            #expect(error.errors.map(\.code) == ["otherKind"])
        }
        do {
            _ = try CorrectionCommands.correct(2, with: unknownDestination, reason: "x", source: nil, in: events)
            Issue.record("a correction that changes nothing was accepted")
        } catch {
            #expect(error.errors.map(\.code) == ["unchanged"])
        }
    }

    @Test func theReferralItselfCanBeCorrected() throws {
        let events = history()
        guard case .referred(var referral, let identity, _) = events[0].change else { return }
        referral.referredOn = Day("2020-05-01")!
        let correction = try CorrectionCommands.correct(
            1,
            with: .referred(referral, identity: identity, previousTrajectoryId: nil),
            reason: "Datum in het bronbestand was verkeerd overgenomen.",
            source: imported,
            in: events
        )
        let file = try #require(CaseFile.fold(history([correction]), personId: UUID(), locationId: UUID()))
        #expect(file.referral.referredOn == Day("2020-05-01"))
    }
}
