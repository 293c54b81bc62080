import Foundation
import KoersCore
import KoersStore

/// Escalations in the demo: per city one case decided by the steering group, and in Rotterdam
/// one escalated further to the national meeting and still waiting.
enum DemoEscalations {
    static func create(accounts: [DemoNetwork.Account], cases: CaseStore, today: Day) async throws {
        for chair in accounts where chair.party == .municipality {
            guard let location = chair.actor.locationIds.first,
                let steering = accounts.first(where: { $0.party == .escalationBody && $0.location == chair.location }),
                accounts.contains(where: { $0.party == .escalationBody && $0.location == nil })
            else { continue }
            let candidates = try await cases.firstFiles(at: location, stage: .active, count: 1) {
                $0.escalations.isEmpty && $0.perspectives.last?.perspective == .returnToOrigin
            }
            guard let file = candidates.first else { continue }
            let first = UUID()
            let escalate = FormInput(single: [
                "level": "steeringGroup",
                "question": "Het LSO komt niet tot een besluit over het perspectief: terugkeer of medisch uitstel?",
                "proposedDecision": "Artikel 64 laten onderzoeken; terugkeer aanhouden.",
            ])
            _ = try await cases.append(
                to: file.id,
                expectedVersion: nil,
                context: .fresh(chair.actor),
                activity: .escalate
            ) { current throws(ValidationFailure) in
                try EscalationCommands.escalate(
                    escalate,
                    on: current,
                    id: first,
                    ladder: EscalationLevel.defaultLadder,
                    today: today.adding(days: -12)
                )
            }
            if chair.location == "LVV Rotterdam" {
                // Rotterdam's steering group decided, then the case went up to the national meeting.
                _ = try await cases.append(
                    to: file.id,
                    expectedVersion: nil,
                    context: .fresh(steering.actor),
                    activity: .escalationDecide
                ) { current throws(ValidationFailure) in
                    try EscalationCommands.decide(
                        FormInput(single: [
                            "decision": "Geen overeenstemming; door naar het landelijk escalatieoverleg."
                        ]),
                        on: current,
                        escalationId: first,
                        today: today.adding(days: -5)
                    )
                }
                let up = FormInput(single: [
                    "level": "national",
                    "question": "Is gedwongen vertrek aan de orde nu vrijwillig vertrek niet lukt?",
                    "proposedDecision": "Nog drie maanden vrijwillig vertrek.",
                ])
                let second = UUID()
                _ = try await cases.append(
                    to: file.id,
                    expectedVersion: nil,
                    context: .fresh(chair.actor),
                    activity: .escalate
                ) { current throws(ValidationFailure) in
                    try EscalationCommands.escalate(
                        up,
                        on: current,
                        id: second,
                        ladder: EscalationLevel.defaultLadder,
                        today: today.adding(days: -4)
                    )
                }
                continue
            }
            let decision = FormInput(single: [
                "decision": "Akkoord met het voorstel; terug naar het LSO voor uitvoering."
            ])
            _ = try await cases.append(
                to: file.id,
                expectedVersion: nil,
                context: .fresh(steering.actor),
                activity: .escalationDecide
            ) { current throws(ValidationFailure) in
                try EscalationCommands.decide(decision, on: current, escalationId: first, today: today.adding(days: -3))
            }
        }
    }
}
