import Foundation
import KoersCore
import KoersStore

/// Builds the demo: the network through the administration services, the generated population
/// through the store's bulk writer, then the case meetings, transfers, committee requests and
/// escalations through the store like any user's decisions.
public enum DemoLoader {
    /// Creates the network and the scenario's people; returns the accounts and the number of trajectories.
    public static func load(
        directory: DirectoryStore,
        cases: CaseStore,
        scenario: DemoScenario,
        seed: UInt64,
        today: Day
    ) async throws -> (accounts: [DemoNetwork.Account], trajectories: Int) {
        let accounts = try await DemoNetwork.create(directory)
        // The pilot ends the day before its reference date: that is its "today".
        let today = scenario.today ?? today
        var population = DemoPopulation(accounts: accounts, today: today, seed: seed)
        let chunk = 2000
        // The scenario's cases a chunk at a time: generated as needed, or cut from the pilot's.
        let nextCases: () -> [DemoPopulation.Case]?
        switch scenario {
        case .standard(let persons):
            var remaining = persons
            nextCases = {
                guard remaining > 0 else { return nil }
                defer { remaining -= min(chunk, remaining) }
                return population.generate(count: min(chunk, remaining))
            }
        case .pilot2022(let scale):
            let generated = population.generatePilot(scale: scale)
            var start = 0
            nextCases = {
                guard start < generated.count else { return nil }
                defer { start = min(start + chunk, generated.count) }
                return Array(generated[start..<min(start + chunk, generated.count)])
            }
        }
        let written = try await CaseHistoryWriter(directory: directory, cases: cases).write {
            nextCases().map { $0.map(\.history) }
        }
        try await DemoMeetings.create(accounts: accounts, directory: directory, cases: cases, today: today)
        try await DemoTransfers.create(accounts: accounts, directory: directory, cases: cases, today: today)
        if case .standard = scenario { try await DemoDuplicates.create(accounts: accounts, cases: cases, today: today) }
        try await DemoCommittee.create(accounts: accounts, cases: cases, today: today)
        try await DemoEscalations.create(accounts: accounts, cases: cases, today: today)
        return (accounts, written)
    }
}
