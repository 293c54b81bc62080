import Foundation
import KoersCore
import KoersStatistics
import Testing

@testable import KoersMonitor

@Suite("Monitor analyses")
struct MonitorAnalysesTests {
    /// Every level a model keeps has at least k trajectories, k with the outcome and k without.
    @Test(arguments: [5, 20])
    func modelsKeepNoSmallGroup(k: Int) throws {
        let records = population(perLocation: [300, 200, 12])
        let analyses = MonitorAnalyses.build(
            records: records,
            locations: monitorLocations,
            peildatum: day("2022-04-01"),
            k: k
        )
        let left = records.filter { $0.leftBy(day("2022-03-31")) && $0.outcome != nil }
        for model in [analyses.solution, analyses.durable] {
            let result = try #require(model.result)
            #expect(result.n == left.count)
            // Culemborg has 12 trajectories: too few outcomes on its own at either k.
            #expect(!result.variables.contains("location=Culemborg"))
            #expect(model.merged.contains { $0.en.contains("Culemborg") })
        }
        let solution = try #require(analyses.solution.result)
        // "other" gathers merged levels; the merging itself is checked below.
        for name in solution.variables.dropFirst() where !name.hasSuffix("=other") {
            let parts = name.split(separator: "=", maxSplits: 1).map(String.init)
            let members = left.filter { r in
                switch parts[0] {
                case "gender": r.gender.rawValue == parts[1]
                case "age": MonitorAnalyses.ageGroup(r) == parts[1]
                case "nationality": r.nationality == parts[1]
                default: monitorLocations.first { $0.id == r.location(on: r.outflowOn!) }?.name == parts[1]
                }
            }
            let events = members.filter { $0.outcome != OutcomeCategory.none }.count
            #expect(members.count >= k && events >= k && members.count - events >= k, "\(name)")
        }
    }

    @Test func smallLevelsAreMergedIntoOtherAndOtherIntoTheLargest() {
        /// The protection applied to level names, read back as names.
        func protect(_ values: [String], k: Int) -> (values: [String], merged: [String]) {
            let levels = Array(Set(values)).sorted()
            let codes = values.map { levels.firstIndex(of: $0)! }
            let y = values.indices.map { $0 % 2 == 1 }
            let protected = MonitorAnalyses.protect(codes, levels: levels, y: y, k: k)
            return (protected.codes.map { protected.levels[$0] }, protected.merged)
        }
        let values = Array(repeating: "a", count: 40) + Array(repeating: "b", count: 30) + ["c", "c", "d"]
        let small = protect(values, k: 5)
        // c and d merged into "other", which is still too small and joins the largest level.
        #expect(Set(small.values) == ["a", "b"] && small.values.filter { $0 == "a" }.count == 43)
        // "other" was made here, not given, so only c and d are reported as merged.
        #expect(small.merged == ["c", "d"])
        let enough = protect(
            Array(repeating: "a", count: 40) + Array(repeating: "c", count: 6) + Array(repeating: "d", count: 6),
            k: 5
        )
        #expect(Set(enough.values) == ["a", "other"] && enough.merged == ["c", "d"])
        // A given "other" that is too small joins the largest level and is reported as merged.
        let given = protect(Array(repeating: "a", count: 40) + ["other", "other"], k: 5)
        #expect(Set(given.values) == ["a"] && given.merged == ["other"])
    }

    @Test func refusesWhenTooFewOutcomes() {
        let records = population(perLocation: [30, 0, 0])
        let analyses = MonitorAnalyses.build(
            records: records,
            locations: monitorLocations,
            peildatum: day("2022-04-01"),
            k: 40
        )
        #expect(analyses.solution.result == nil && analyses.solution.refusal != nil)
        #expect(analyses.stay == nil && analyses.incidence.isEmpty && analyses.curveRefusal != nil)
    }

    /// Curves are the library's estimates, read at the horizons where at least k are at risk.
    @Test func curvesAreTheEstimatesAtTheHorizons() throws {
        let records = population(perLocation: [300, 200, 12])
        let peildatum = day("2022-04-01")
        let analyses = MonitorAnalyses.build(records: records, locations: monitorLocations, peildatum: peildatum, k: 5)
        let admitted = records.filter { $0.admitted(by: peildatum.adding(days: -1)) }
        let times = admitted.map {
            Double(
                $0.admissionOn!.days(
                    until: $0.leftBy(peildatum.adding(days: -1)) ? $0.outflowOn! : peildatum.adding(days: -1)
                )
            )
        }
        let km = try KaplanMeier.fit(time: times, event: admitted.map { $0.leftBy(peildatum.adding(days: -1)) })
        let stay = try #require(analyses.stay)
        #expect(!stay.points.isEmpty)
        for point in stay.points {
            let i = try #require(km.times.lastIndex { $0 <= Double(point.months) * 30.4375 })
            #expect(point.value == km.survival[i] && point.atRisk >= 5)
            #expect(point.atRisk == times.filter { $0 > Double(point.months) * 30.4375 }.count)
        }
        // The three kinds of outflow and the share still in a trajectory add up to one.
        for (i, point) in stay.points.enumerated() {
            let sum = analyses.incidence.map { $0.points[i].value }.reduce(point.value, +)
            #expect(abs(sum - 1) < 1e-12)
        }
    }
}
