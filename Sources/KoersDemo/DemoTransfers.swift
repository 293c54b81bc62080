import Foundation
import KoersCore
import KoersStore

/// Transfers in the demo: from Rotterdam to Amsterdam, one accepted and one waiting for an answer.
enum DemoTransfers {
    static func create(
        accounts: [DemoNetwork.Account],
        directory: DirectoryStore,
        cases: CaseStore,
        today: Day
    ) async throws {
        guard let from = accounts.first(where: { $0.party == .ngo && $0.location == "LVV Rotterdam" }),
            let to = accounts.first(where: { $0.party == .municipality && $0.location == "LVV Amsterdam" }),
            let fromLocation = from.actor.locationIds.first, let toLocation = to.actor.locationIds.first
        else { return }
        let known = Set(try await directory.locations().map(\.id))
        let candidates = try await cases.firstFiles(at: fromLocation, stage: .active, count: 2) {
            $0.pendingTransfer == nil
        }
        for (index, file) in candidates.enumerated() {
            let input = FormInput(single: [
                "toLocationId": toLocation.uuidString,
                "reason": "Familie en netwerk in Amsterdam; warme overdracht afgesproken in het LSO.",
            ])
            let id = UUID()
            _ = try await cases.append(
                to: file.id,
                expectedVersion: nil,
                context: .fresh(from.actor),
                activity: .transferRequest
            ) { current throws(ValidationFailure) in
                try TransferCommands.request(
                    input,
                    on: current,
                    pending: false,
                    knownLocations: known,
                    id: id,
                    today: today
                )
            }
            guard index == 0, let transfer = try await cases.transfer(id) else { continue }
            let request = TransferRequest(
                id: id,
                fromLocationId: fromLocation,
                toLocationId: toLocation,
                reason: transfer.reason,
                requestedOn: today
            )
            _ = try await cases.append(
                to: file.id,
                expectedVersion: nil,
                context: .fresh(to.actor),
                activity: .transferDecide
            ) { current throws(ValidationFailure) in
                try TransferCommands.decide(
                    FormInput(single: ["decision": "accept", "note": "Welkom in Amsterdam."]),
                    on: current,
                    request: request,
                    status: .pending,
                    today: today
                )
            }
        }
    }
}
