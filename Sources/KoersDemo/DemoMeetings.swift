import Foundation
import KoersCore
import KoersStore

/// Per location, a case meeting held a week ago with decisions on its first agenda cases, and
/// one planned for next week whose agenda has built itself.
enum DemoMeetings {
    static func create(
        accounts: [DemoNetwork.Account],
        directory: DirectoryStore,
        cases: CaseStore,
        today: Day
    ) async throws {
        let meetings = MeetingStore(database: directory.database)
        for chair in accounts where chair.party == .municipality {
            guard let locationId = chair.actor.locationIds.first,
                let location = try await directory.location(locationId)
            else { continue }
            let present: [Party] = [.municipality, .ngo, .ind, .dtv, .avim]
            let held = today.adding(days: -7)
            let files = try await cases.summaries(at: [locationId], stages: [.intake, .active])
            let agenda = Agenda.build(
                files: files,
                policy: location.deadlinePolicy,
                rule: location.regionalTiesRule,
                on: held
            )
            let meeting = try await meetings.create(
                locationId: locationId,
                heldOn: held,
                chair: chair.actor,
                partiesPresent: present,
                agenda: agenda
            )
            for item in agenda.prefix(4) {
                guard let file = files.first(where: { $0.id == item.trajectoryId }) else { continue }
                let check = file.evidence.map {
                    AdmissionCheck.evaluate(
                        evidence: $0,
                        nationality: file.nationality,
                        rule: location.regionalTiesRule,
                        policy: .national,
                        on: held,
                        activeElsewhere: nil
                    )
                }
                var input = FormInput(single: ["decision": decisionText(item.reasons), "reviewed": "true"])
                if file.stage == .intake, let check {
                    input.set("outcome", check.verdict == .eligible ? "admit" : "admitByException")
                    input.set(
                        "motivation",
                        check.verdict == .eligible
                            ? nil : "Het LSO besluit tot toelating: er is zicht op een duurzame oplossing."
                    )
                } else {
                    input.set("party", "ngo")
                    input.set("text", "Voortgang perspectief terugkoppelen in het volgende overleg")
                    input.set("dueOn", today.adding(days: 7).description)
                }
                let itemId = UUID()
                let decisionInput = input
                // A case whose dates do not allow the decision (e.g. referred after the meeting) is left undecided.
                _ = try? await cases.appendAll(
                    to: file.id,
                    expectedVersion: nil,
                    context: .fresh(chair.actor),
                    activity: .meetingDecision
                ) { current throws(ValidationFailure) in
                    try MeetingDecision.parse(
                        decisionInput,
                        on: current,
                        meetingId: meeting.id,
                        meetingDay: held,
                        check: check,
                        actionItemId: itemId,
                        today: today
                    )
                }
            }
            let next = today.adding(days: 7)
            let upcoming = Agenda.build(
                files: try await cases.summaries(at: [locationId], stages: [.intake, .active]),
                policy: location.deadlinePolicy,
                rule: location.regionalTiesRule,
                on: next
            )
            _ = try await meetings.create(
                locationId: locationId,
                heldOn: next,
                chair: chair.actor,
                partiesPresent: present,
                agenda: upcoming
            )
        }
    }

    static func decisionText(_ reasons: [AgendaReason]) -> String {
        if reasons.contains(.awaitingDecision) { return "Toelating besproken; besluit zoals vastgelegd." }
        if reasons.contains(.overdueMilestone) {
            return
                "Termijn verlopen: de ngo koppelt de voortgang terug; het perspectief wordt in het volgende overleg "
                + "vastgesteld."
        }
        return "Besproken; het traject loopt volgens plan."
    }
}
