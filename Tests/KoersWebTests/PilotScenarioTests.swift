import Foundation
import HTTPTypes
import HummingbirdTesting
import KoersCore
import KoersMonitor
import KoersStatistics
import NIOCore
import Testing

@testable import KoersDemo
@testable import KoersStore
@testable import KoersWeb

/// `koers demo --scenario pilot-2022`: the monitor on that database shows the evaluation's figures,
/// and the population carries the differences the evaluation found.
@Suite("Pilot 2022 scenario")
struct PilotScenarioTests {
    @Test(arguments: TestDatabase.available)
    func monitorReproducesTheEvaluationsHeadlineFigures(_ database: TestDatabase) async throws {
        try await TestApp.run(database, scenario: .pilot2022(scale: 1)) { app, client in
            // MUT: the monitor as the monitor party sees it, on the evaluation's reference date.
            let report = try await app.services.service.monitor(
                actor: app.account(.monitor, nil).actor,
                peildatum: Pilot2022.peildatum
            )
            // validate
            let national = report.locations.count
            let headline = try #require(report.table("headline"))
            #expect(report.table("persons")?.value(.init(0, 0)) == 2065)
            #expect(headline.value(.init(HeadlineRow.trajectories.rawValue, national)) == 2092)
            let outcome = try #require(report.table("outcomeCategory"))
            let outflow = try #require(outcome.value(.init(outcome.rowCount - 1, national)))
            #expect(outflow == 1258)
            let shares = (0..<3).map {
                Int((100 * Double(outcome.value(.init($0, national)) ?? -1000) / Double(outflow)).rounded())
            }
            #expect(shares == [18, 41, 41])  // durable, semi-durable, none
            let decided = try #require(headline.value(.init(HeadlineRow.hasaDecided.rawValue, national)))
            let granted = try #require(headline.value(.init(HeadlineRow.hasaGranted.rawValue, national)))
            #expect(Int((10 * Double(granted) / Double(decided)).rounded()) == 7)  // seven in ten
            // Per city: every city's trajectories and outflow are published, and add up.
            let cities = (0..<national).compactMap { headline.value(.init(HeadlineRow.trajectories.rawValue, $0)) }
            #expect(cities.count == national && cities.reduce(0, +) == 2092)
            let outflows = (0..<national).compactMap { outcome.value(.init(outcome.rowCount - 1, $0)) }
            #expect(outflows.count == national && outflows.reduce(0, +) == 1258)

            // The page: the monitor account signs in and sees those figures and the charts.
            var web = WebClient(client)
            _ = try await web.login("monitor@demo.koers.nl")
            let page = try await web.get("/monitor?peildatum=2022-07-01")
            #expect(page.status == .ok)
            for figure in [">2065<", ">2092<", ">1258<", ">18%<", ">41%<", ">70%<", "<svg"] {
                #expect(page.text.contains(figure), "\(figure)")
            }

            // The API: the same figures and analyses, as JSON for the monitor party's own tools.
            let token = try await app.token(.monitor, nil)
            let answer = try await APIClient(client: client, token: token)
                .send(.get, "/monitor?referenceDate=2022-07-01", language: "en")
            #expect(answer.status == .ok)
            let api = try JSONDecoder().decode(
                MonitorAPIController.MonitorDTO.self,
                from: Data(answer.body.readableBytesView)
            )
            let download = try JSONDecoder().decode(
                PublishedReport.self,
                from: Data(try await web.get("/monitor/download/json?peildatum=2022-07-01").body.readableBytesView)
            )
            #expect(api.peildatum == "2022-07-01" && api.k == 5 && api.locations == download.locations)
            #expect(api.tables.map(\.cells) == download.tables.map(\.cells))
            // The medians as a list in the order of the locations, the national one apart.
            #expect(api.medianDaysToOutflow.map(\.location) == download.locations)
            #expect(
                api.medianDaysToOutflow.map(\.medianDays)
                    == download.locations.map { download.medianDaysToOutflow[$0] ?? nil }
            )
            let nationalMedian = download.medianDaysToOutflow.first { !download.locations.contains($0.key) }?.value
            #expect(api.nationalMedianDaysToOutflow == nationalMedian)
            let headlineCells = api.tables.first { $0.id == "headline" }?.cells
            #expect(headlineCells?[HeadlineRow.trajectories.rawValue][national] == 2092)
            let solution = try #require(report.analyses?.solution.result)
            #expect(api.analyses?.solution.variables.map(\.oddsRatio) == Array(solution.oddsRatios.dropFirst()))
            #expect(api.analyses?.solution.n == solution.n)
            #expect(api.analyses?.outflows == report.analyses?.outflows)
            #expect(api.analyses?.stay?.points.map(\.months) == report.analyses?.stay?.points.map(\.months))
        }
    }

    @Test func theEvaluationsDifferencesAreInThePopulation() async throws {
        let app = try await TestApp.make(.sqlite, scenario: .pilot2022(scale: 1))
        let locations = try await app.services.directory.locations()
        let records = try await app.services.cases.monitorRecords(
            locations: locations,
            on: Pilot2022.peildatum.adding(days: -1)
        )
        await app.services.database.shutdown()
        let city = Dictionary(uniqueKeysWithValues: locations.map { ($0.id, $0.name) })
        let left = records.filter { $0.outflowOn != nil }

        func share(_ group: [MonitorRecord], _ outcome: (MonitorRecord) -> Bool) -> Double {
            Double(group.filter(outcome).count) / Double(max(group.count, 1))
        }
        let solution = { (r: MonitorRecord) in r.outcome != OutcomeCategory.none }
        // Women more often a solution, mostly semi-durable.
        let women = left.filter { $0.gender == .female }
        let men = left.filter { $0.gender == .male }
        #expect(share(women, solution) > share(men, solution) + 0.04)
        #expect(share(women, { $0.outcome == .semiDurable }) > share(men, { $0.outcome == .semiDurable }))
        // Eritreans and Afghans more often a solution.
        let eriAfg = left.filter { ["ERI", "AFG"].contains($0.nationality) }
        let others = left.filter { !["ERI", "AFG"].contains($0.nationality) }
        #expect(share(eriAfg, solution) > share(others, solution) + 0.04)
        // Eindhoven most often durable.
        let byCity = Dictionary(grouping: left) { city[$0.locationId]! }
        let durable = byCity.mapValues { share($0, { $0.outcome == .durable }) }
        #expect(durable.max { $0.value < $1.value }?.key == "LVV Eindhoven")
        // Rotterdam: the shortest trajectories and the most departures.
        let medians = byCity.mapValues { group in
            group.map { $0.admissionOn!.days(until: $0.outflowOn!) }.sorted()[group.count / 2]
        }
        #expect(medians.min { $0.value < $1.value }?.key == "LVV Rotterdam")
        let departures = byCity.mapValues { share($0, { $0.outcomeReason == "independentDeparture" }) }
        #expect(departures.max { $0.value < $1.value }?.key == "LVV Rotterdam")
        // Utrecht and Amsterdam: more HASAs granted of those decided.
        let decided = Dictionary(grouping: records.filter { $0.hasaOutcome != nil }) { city[$0.locationId]! }
        let grantRate = decided.mapValues { share($0, { $0.hasaOutcome == .granted }) }
        let favoured = min(grantRate["LVV Utrecht"]!, grantRate["LVV Amsterdam"]!)
        #expect(
            grantRate.filter { !["LVV Utrecht", "LVV Amsterdam"].contains($0.key) }.allSatisfy { $0.value < favoured }
        )
        // A plausible mix: Eritreans the largest group, about one in five a woman.
        let nationalities = Dictionary(grouping: records, by: \.nationality).mapValues(\.count)
        #expect(nationalities.max { $0.value < $1.value }?.key == "ERI")
        #expect((0.15...0.3).contains(share(records, { $0.gender == .female })))
    }

    @Test func theSameSeedGivesTheSamePilot() async throws {
        let app = try await TestApp.make(.sqlite)
        await app.services.database.shutdown()
        func signature() -> [String] {
            var population = DemoPopulation(
                accounts: app.accounts,
                today: Pilot2022.peildatum.adding(days: -1),
                seed: 7
            )
            return population.generatePilot(scale: 1).map { c in
                c.events.map { "\($0.change.kind)@\(Day($0.recordedAt))" }.joined(separator: ",")
            }
        }
        let first = signature()
        #expect(first.count == Pilot2022.trajectories + Pilot2022.rejectedReferrals)
        #expect(first == signature())
    }
}
