import KoersStatistics
import Testing

@Suite("Kaplan–Meier")
struct KaplanMeierTests {
    @Test func theProductLimitAndItsMedian() throws {
        // setup: six people; censored at 3 and 6
        let time: [Double] = [1, 2, 3, 4, 5, 6]
        let event = [true, true, false, true, true, false]
        // MUT
        let km = try KaplanMeier.fit(time: time, event: event)
        // validate: S = 5/6, 4/6, 4/6, 4/6·2/3, 4/6·2/3·1/2, same
        let expected = [5.0 / 6, 4.0 / 6, 4.0 / 6, 4.0 / 9, 2.0 / 9, 2.0 / 9]
        for (a, b) in zip(km.survival, expected) { #expect(abs(a - b) < 1e-12) }
        #expect(km.median == 4)
        #expect(km.atRisk == [6, 5, 4, 3, 2, 1])
        #expect(zip(km.lower, km.upper).allSatisfy { $0 <= $1 })
        #expect(zip(km.lower, km.survival).allSatisfy { $0 <= $1 + 1e-15 })
    }

    @Test func noMedianWhenSurvivalStaysAboveHalf() throws {
        let km = try KaplanMeier.fit(time: [1, 2, 3, 4], event: [true, false, false, false])
        #expect(km.median == nil && km.totalEvents == 1)
        #expect(throws: StatisticsError.tooSmall(4)) {
            try KaplanMeier.fit(time: [1, 2, 3, 4], event: [true, true, true, true], minimumGroup: 5)
        }
    }
}
