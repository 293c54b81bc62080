import FluentKit
import Foundation
import KoersCore

/// The versions of the national policy. The first is made from the defaults and the configured k
/// the first time it is asked for; later ones by the administrator, each logged.
public struct PolicyStore: Sendable {
    let database: KoersDatabase
    /// k of the first version: `KOERS_MONITOR_K`, which is only the initial value.
    let initialMonitorK: Int

    public init(database: KoersDatabase, initialMonitorK: Int) {
        self.database = database
        self.initialMonitorK = initialMonitorK
    }

    /// Every version, the first first.
    public func versions() async throws -> [NationalPolicy] {
        let stored = try await PolicyVersionModel.query(on: database.db).sort(\.$version).all()
        guard !stored.isEmpty else { return [try await initial()] }
        return try stored.map { try JSONCoding.decode(NationalPolicy.self, $0.policyJSON) }
    }

    /// The first version: the national defaults, k as configured, and the outflow code list as the
    /// installation kept it before policies had versions (the active reasons of its table).
    func initial() async throws -> NationalPolicy {
        let defaults = NationalPolicy.initial(monitorK: initialMonitorK)
        let reasons = try await CaseStore.outflowReasons(on: database)
        return NationalPolicy(
            version: 1,
            validFrom: defaults.validFrom,
            admission: defaults.admission,
            regionalTies: defaults.regionalTies,
            monitorK: defaults.monitorK,
            outflowReasons: reasons.isEmpty ? defaults.outflowReasons : reasons
        )
    }

    /// The version in force on a day: the last that started on or before it.
    public func inForce(on day: Day) async throws -> NationalPolicy {
        NationalPolicy.inForce(on: day, in: try await versions())
    }

    /// Adds the next version, read from the input against the latest one in the same transaction.
    public func add(
        _ read: @escaping @Sendable (NationalPolicy) throws -> NationalPolicy,
        by author: ChangeAuthor
    ) async throws -> NationalPolicy {
        let initial = try await initial()
        return try await database.write { db in
            var stored = try await PolicyVersionModel.query(on: db).sort(\.$version).all()
            if stored.isEmpty {
                // The first version is written the first time another follows it.
                let first = PolicyVersionModel(
                    version: 1,
                    validFrom: initial.validFrom.description,
                    policyJSON: JSONCoding.string(initial),
                    createdAt: Date()
                )
                try await first.create(on: db)
                stored = [first]
            }
            let latest = try JSONCoding.decode(NationalPolicy.self, stored.last!.policyJSON)
            let next = try read(latest)
            let model = PolicyVersionModel(
                version: next.version,
                validFrom: next.validFrom.description,
                policyJSON: JSONCoding.string(next),
                createdAt: Date()
            )
            try await model.create(on: db)
            try await AdministrationStore.log(
                db,
                author,
                "policy",
                model.id!,
                "versionAdded",
                before: ["version": String(latest.version), "policy": JSONCoding.string(latest)],
                after: ["version": String(next.version), "policy": JSONCoding.string(next)]
            )
            return next
        }
    }
}
