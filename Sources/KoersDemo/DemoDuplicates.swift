import Foundation
import KoersCore
import KoersStore

/// People who "shop" between LVVs in the demo: active at Utrecht (or Rotterdam), newly referred at
/// Amsterdam under another transliteration of their name and without their V-nummer, so that the
/// intake check has something to find.
enum DemoDuplicates {
    static func create(accounts: [DemoNetwork.Account], cases: CaseStore, today: Day) async throws {
        guard let amsterdam = accounts.first(where: { $0.party == .ngo && $0.location == "LVV Amsterdam" }),
            let amsterdamLocation = amsterdam.actor.locationIds.first
        else { return }
        for city in ["LVV Utrecht", "LVV Rotterdam"] {
            guard let account = accounts.first(where: { $0.party == .ngo && $0.location == city }),
                let location = account.actor.locationIds.first
            else { continue }
            let files = try await cases.firstFiles(at: location, stage: .active, count: 2) {
                $0.pendingTransfer == nil && respell($0.identity) != nil
            }
            var fromCity = 0
            for file in files where fromCity < 2 {
                guard let respelled = respell(file.identity) else { continue }
                // The first from each city arrives without a birth date's day and month, the way a
                // desk writes down "born 1990" — the check still finds it.
                var identity = respelled
                if fromCity == 1, let birth = file.identity.birthDate {
                    identity.birthDate = PartialDate(year: birth.year)
                }
                let referral = Referral(channel: .desk, referredOn: today, note: "Meldde zich aan de balie.")
                _ = try await cases.refer(
                    identity: identity,
                    referral: referral,
                    locationId: amsterdamLocation,
                    returningFrom: nil,
                    context: .fresh(amsterdam.actor)
                )
                fromCity += 1
            }
        }
    }

    /// The identity as another desk would write it: another transliteration of a name, no V-nummer.
    static func respell(_ identity: Identity) -> Identity? {
        let pool = DemoNames.pools[identity.nationality]
        var result = identity
        result.vNumber = nil
        result.aliases = []
        for (a, b) in pool?.variants ?? [] {
            if let given = identity.givenNames, given.contains(a) {
                result.givenNames = given.replacingOccurrences(of: a, with: b)
                return result
            }
            if identity.surname.contains(a) {
                result.surname = identity.surname.replacingOccurrences(of: a, with: b)
                return result
            }
        }
        return nil
    }
}
