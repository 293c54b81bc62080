import ArgumentParser
import Foundation
import KoersStatistics

struct Analyse: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run Koers's analyses on a CSV file of your own and print JSON (schema in the README).",
        subcommands: [Logit.self])

    struct Logit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Logistic regression of a 0/1 outcome on covariates: odds ratios, 95% CIs, Wald p-values, log-likelihoods, McFadden R².",
            discussion: "Text columns become treatment dummies against their first level in sorted order; numeric columns enter as they are.")

        @Option(help: "The CSV file (header row; comma-separated).") var input: String
        @Option(help: "The outcome column: 0/1.") var outcome: String
        @Option(help: "Comma-separated covariate columns.") var covariates: String
        @Option(help: "Refuse to fit on fewer rows than this (small-group protection).") var minimumGroup = 10

        func run() throws {
            let table = try CSVTable(parsing: String(contentsOfFile: input, encoding: .utf8))
            let y = try table.column(outcome).map { text -> Double in
                guard let value = Double(text.trimmingCharacters(in: .whitespaces)) else { throw ValidationError("The outcome ‘\(text)’ is not 0 or 1.") }
                return value
            }
            let names = covariates.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let columns = try names.map { (name: $0, values: try table.column($0)) }
            let design = DesignMatrix(columns: columns, rowCount: y.count)
            do {
                let result = try Logistic.fit(y: y, x: design.rows, names: design.names, minimumGroup: minimumGroup)
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                print(String(decoding: try encoder.encode(result), as: UTF8.self))
            } catch {
                throw ValidationError("Cannot fit: \(error)")
            }
        }
    }
}
