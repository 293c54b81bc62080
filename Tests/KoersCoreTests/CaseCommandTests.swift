import Foundation
import KoersCore
import Testing

@Suite("Case commands")
struct CaseCommandTests {
    let today = Day("2026-06-15")!
    let actor = Actor(
        userId: UUID(),
        organisationId: UUID(),
        party: .ngo,
        locationIds: [UUID()],
        displayName: "Test",
        organisationName: "NGO"
    )

    func referral(_ values: [String: String]) throws(ValidationFailure) -> (Referral, Identity) {
        try CaseCommands.refer(FormInput(single: values), today: today)
    }

    @Test func referralReportsEveryInvalidFieldAtOnce() {
        do {
            _ = try referral([
                "vNumber": "123456789", "birthDate": "2030", "nationality": "QQQ", "gender": "robot",
                "referredOn": "2026-13-01",
            ])
            Issue.record("invalid referral accepted")
        } catch {
            let fields = Set(error.errors.map(\.field))
            #expect(fields == ["surname", "vNumber", "birthDate", "nationality", "gender", "channel", "referredOn"])
            #expect(error.errors.allSatisfy { !$0.message.nl.isEmpty && !$0.message.en.isEmpty })
            #expect(error.error(for: "vNumber")?.code == "invalidVNumber")
            #expect(error.error(for: "birthDate")?.code == "inFuture")
            #expect(error.error(for: "nationality")?.code == "unknownCode")
        }
    }

    @Test func aFullCaseFoldsFromItsEvents() throws {
        let (r, identity) = try referral([
            "surname": "Tesfay", "nationality": "ERI", "gender": "male", "channel": "ngo", "referredOn": "2026-01-10",
            "birthDate": "1990",
        ])
        var file = CaseFile(
            id: UUID(),
            personId: UUID(),
            locationId: UUID(),
            referral: r,
            identity: identity,
            previousTrajectoryId: nil
        )
        #expect(file.stage == .referral && file.version == 1)
        let intake = FormInput(single: [
            "surname": "Tesfay", "nationality": "ERI", "gender": "male", "lawfulStay": "no", "stateReception": "no",
            "asylumProcedureCompleted": "yes",
            "willingToCooperate": "yes", "activeAtOtherLocation": "no", "inRegionSince": "2024-01-01",
        ])
        let recorded = try CaseCommands.recordIntake(intake, on: file, today: today)
        file.apply(recorded)
        #expect(file.stage == .intake)
        guard case .intakeRecorded(_, let evidence) = recorded else {
            Issue.record("wrong change")
            return
        }
        let check = AdmissionCheck.evaluate(
            evidence: evidence,
            nationality: "ERI",
            rule: .national,
            policy: .national,
            on: today,
            activeElsewhere: nil
        )
        file.apply(
            try CaseCommands.decideAdmission(
                FormInput(single: ["outcome": "admit", "decidedOn": "2026-02-01"]),
                on: file,
                check: check,
                today: today
            )
        )
        #expect(file.stage == .active && file.admittedOn == Day("2026-02-01"))
        file.apply(
            try CaseCommands.setPerspective(
                FormInput(single: ["perspective": "legalisation", "decidedOn": "2026-03-01"]),
                on: file,
                today: today
            )
        )
        #expect(file.perspective(on: Day("2026-02-15")!) == nil)
        #expect(file.perspective(on: Day("2026-03-01")!) == .legalisation)
        let hasa = UUID()
        file.apply(
            try CaseCommands.submitProcedure(
                FormInput(single: ["kind": "hasa", "submittedOn": "2026-03-10"]),
                on: file,
                id: hasa,
                today: today
            )
        )
        do {
            _ = try CaseCommands.decideProcedure(
                FormInput(single: ["outcome": "granted", "decidedOn": "2026-03-01"]),
                on: file,
                procedureId: hasa,
                by: .ind,
                today: today
            )
            Issue.record("decision before submission accepted")
        } catch {
            #expect(error.errors.map(\.code) == ["beforeSubmission"])
        }
        file.apply(
            try CaseCommands.decideProcedure(
                FormInput(single: ["outcome": "granted", "decidedOn": "2026-05-01"]),
                on: file,
                procedureId: hasa,
                by: .ngo,
                today: today
            )
        )
        #expect(file.procedures.first?.outcome == .granted)
        // Recorded by the NGO, the IND's decision is kept as a fact the NGO reported.
        #expect(file.procedures.first?.decisionReportedBy == .ngo)
        do {
            _ = try CaseCommands.recordOutflow(
                FormInput(single: ["leftOn": "2026-01-15", "reason": "nonsense"]),
                on: file,
                reasons: OutflowReason.nationalDefault,
                today: today
            )
            Issue.record("invalid outflow accepted")
        } catch {
            #expect(Set(error.errors.map(\.code)) == ["beforeAdmission", "unknownCode"])
        }
        file.apply(
            try CaseCommands.recordOutflow(
                FormInput(single: ["leftOn": "2026-05-20", "reason": "permitGranted"]),
                on: file,
                reasons: OutflowReason.nationalDefault,
                today: today
            )
        )
        #expect(file.stage == .outflow && file.outflow?.category == .durable && file.version == 7)
    }

    @Test func eventsSurviveJSON() throws {
        let change = CaseChange.noteAdded(
            CaseNote(
                id: UUID(),
                classification: .medical,
                text: "x",
                authorOrganisationId: UUID(),
                sharedWith: [.municipality]
            )
        )
        let data = try JSONEncoder().encode(change)
        #expect(try JSONDecoder().decode(CaseChange.self, from: data) == change)
    }

    @Test func agenciesWriteGeneralNotesOnly() {
        let ind = Actor(
            userId: UUID(),
            organisationId: UUID(),
            party: .ind,
            locationIds: [],
            displayName: "IND",
            organisationName: "IND"
        )
        #expect(throws: ValidationFailure.self) {
            try CaseCommands.addNote(
                FormInput(single: ["classification": "medical", "text": "x"]),
                by: ind,
                id: UUID(),
                today: today
            )
        }
        #expect(throws: Never.self) {
            try CaseCommands.addNote(
                FormInput(single: ["classification": "general", "text": "x"]),
                by: ind,
                id: UUID(),
                today: today
            )
        }
    }
}
