import Foundation
import KoersCore
import KoersStore

/// Cases put to the hardship committee in the demo: per city one advised, and in Utrecht and
/// Amsterdam one still waiting for advice.
enum DemoCommittee {
    static func create(accounts: [DemoNetwork.Account], cases: CaseStore, today: Day) async throws {
        guard let committee = accounts.first(where: { $0.party == .committee }) else { return }
        for ngo in accounts where ngo.party == .ngo {
            guard let location = ngo.actor.locationIds.first else { continue }
            let pending = ngo.location == "LVV Utrecht" || ngo.location == "LVV Amsterdam"
            let candidates = try await cases.firstFiles(at: location, stage: .active, count: pending ? 2 : 1) {
                $0.committeeRequests.isEmpty && $0.perspectives.last?.perspective == .legalisation
            }
            for (index, file) in candidates.enumerated() {
                let input = FormInput([
                    "request": [
                        "Verblijft al vele jaren in Nederland; de familie heeft een vergunning. Wij vragen advies "
                            + "over een humanitaire oplossing."
                    ],
                    "sharedSections": ["identity", "perspective", "procedures"],
                ])
                let id = UUID()
                _ = try await cases.append(
                    to: file.id,
                    expectedVersion: nil,
                    context: .fresh(ngo.actor),
                    activity: .committeeRequest
                ) { current throws(ValidationFailure) in
                    try CommitteeCommands.request(input, on: current, by: .ngo, id: id, today: today)
                }
                guard index == 0 else { continue }
                let advice = FormInput(single: [
                    "advice":
                        "De commissie adviseert een aanvraag om een verblijfsvergunning op humanitaire gronden te "
                        + "ondersteunen."
                ])
                _ = try await cases.append(
                    to: file.id,
                    expectedVersion: nil,
                    context: .fresh(committee.actor),
                    activity: .committeeAdvise
                ) { current throws(ValidationFailure) in
                    try CommitteeCommands.advise(advice, on: current, requestId: id, today: today)
                }
            }
        }
    }
}
