import KoersStatistics
import Testing

@Suite("Cumulative incidence (Aalen–Johansen)")
struct CumulativeIncidenceTests {
    @Test func tiedEventsOfDifferentCausesShareOneRiskSet() throws {
        // setup: at t=1 one ‘a’ and one ‘b’ among 4; at t=2 one censored; at t=3 one ‘a’ of the last 1
        let cif = try CumulativeIncidence.fit(time: [1, 1, 2, 3], cause: ["a", "b", nil, "a"])
        // validate: F_a(1) = 1/4, F_b(1) = 1/4; S(1) = 1/2; F_a(3) = 1/4 + 1/1 · 1/2
        #expect(cif.causes == ["a", "b"])
        #expect(cif.times == [1, 2, 3])
        #expect(cif.atRisk == [4, 2, 1])
        #expect(cif.incidence[0] == [0.25, 0.25, 0.75])
        #expect(cif.incidence[1] == [0.25, 0.25, 0.25])
        // The causes add up to one minus the all-cause Kaplan–Meier.
        for j in cif.times.indices { #expect(abs(cif.incidence[0][j] + cif.incidence[1][j] - cif.anyCause[j]) < 1e-15) }
    }

    @Test func rowOrderDoesNotMatterAndNumericCausesSortNumerically() throws {
        let time: [Double] = [5, 2, 2, 9, 2, 5, 7]
        let cause: [String?] = ["10", "2", nil, "2", "10", nil, "2"]
        let a = try CumulativeIncidence.fit(time: time, cause: cause)
        let b = try CumulativeIncidence.fit(time: time.reversed(), cause: cause.reversed())
        #expect(a.causes == ["2", "10"])
        #expect(a.incidence == b.incidence && a.lower == b.lower && a.upper == b.upper)
        #expect(throws: StatisticsError.tooSmall(7)) {
            try CumulativeIncidence.fit(time: time, cause: cause, minimumGroup: 10)
        }
    }
}
