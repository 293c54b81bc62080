import Foundation
import KoersStatistics
import Testing

@Suite("Logistic regression")
struct LogisticTests {
    @Test func aSmallExampleFitsAndReportsWhatItShould() throws {
        // setup: a known data set with overlap (no separation)
        let x: [Double] = [
            0.5, 0.75, 1, 1.25, 1.5, 1.75, 1.75, 2, 2.25, 2.5, 2.75, 3, 3.25, 3.5, 4, 4.25, 4.5, 4.75, 5, 5.5,
        ]
        let y: [Double] = [0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 1, 1, 1, 1, 1]
        // MUT
        let fit = try Logistic.fit(y: y, x: x.map { [1, $0] }, names: ["Intercept", "hours"])
        // validate: the classic "hours of study" example (intercept -4.0777, slope 1.5046)
        #expect(abs(fit.coefficients[0] - -4.0777) < 1e-4 && abs(fit.coefficients[1] - 1.5046) < 1e-4)
        #expect(abs(fit.standardErrors[1] - 0.6287) < 1e-4)
        #expect(fit.converged && fit.n == 20 && fit.events == 10)
        #expect(fit.mcFaddenR2 > 0 && fit.mcFaddenR2 < 1)
        #expect(fit.warnings.isEmpty)
        // Fewer than ten events per covariate is warned about.
        let small = try Logistic.fit(
            y: Array(y.prefix(12)),
            x: x.prefix(12).map { [1, $0] },
            names: ["Intercept", "hours"]
        )
        #expect(small.warnings.contains { $0.contains("Few events") })
    }

    @Test func completeSeparationIsRefusedWithItsName() {
        let x: [Double] = [1, 2, 3, 4, 5, 6, 7, 8]
        let y: [Double] = [0, 0, 0, 0, 1, 1, 1, 1]
        #expect(throws: StatisticsError.separation) {
            try Logistic.fit(y: y, x: x.map { [1, $0] }, names: ["Intercept", "x"])
        }
    }

    @Test func impossibleFitsAreRefusedWithAReason() {
        #expect(throws: StatisticsError.outcomeNotBinary) {
            try Logistic.fit(y: [1, 1, 1], x: [[1], [1], [1]], names: ["Intercept"])
        }
        #expect(throws: StatisticsError.singular) {
            try Logistic.fit(y: [0, 1, 0, 1], x: [[1, 2], [1, 2], [1, 2], [1, 2]], names: ["Intercept", "c"])
        }
        #expect(throws: StatisticsError.tooSmall(4)) {
            try Logistic.fit(y: [0, 1, 0, 1], x: [[1], [1], [1], [1]], names: ["Intercept"], minimumGroup: 5)
        }
    }

    @Test func csvAndDummiesFollowTheFormulaConvention() throws {
        let table = try CSVTable(parsing: "y,city,age\n1,Utrecht,30\n0,\"Den Haag, Zuid\",40\n1,Amsterdam,50\n")
        #expect(try table.column("city") == ["Utrecht", "Den Haag, Zuid", "Amsterdam"])
        let design = DesignMatrix(
            columns: [("city", try table.column("city")), ("age", try table.column("age"))],
            rowCount: 3
        )
        #expect(design.names == ["Intercept", "city[T.Den Haag, Zuid]", "city[T.Utrecht]", "age"])
        #expect(design.rows[2] == [1, 0, 0, 50])
        #expect(throws: CSVTable.Failure.unknownColumn("x")) { try table.column("x") }
    }
}
