import ArgumentParser
import Foundation
import KoersStatistics

struct Analyse: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run Koers's analyses on a CSV file of your own and print JSON (schema in the README).",
        subcommands: [Logit.self, KM.self, CIF.self]
    )

    /// The researcher's CSV file.
    static func table(_ path: String) throws -> CSVTable {
        try CSVTable(parsing: String(contentsOfFile: path, encoding: .utf8))
    }

    /// A time column: non-negative numbers, or a message naming the first that is not.
    static func times(_ table: CSVTable, _ column: String) throws -> [Double] {
        try table.column(column).map { text -> Double in
            guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value >= 0 else {
                throw ValidationError("The time ‘\(text)’ is not a non-negative number.")
            }
            return value
        }
    }

    /// Prints a result as the documented JSON: pretty, keys sorted.
    static func printJSON<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        print(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    struct Logit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Logistic regression of a 0/1 outcome on covariates: odds ratios, 95% CIs, Wald p-values, "
                + "log-likelihoods, McFadden R².",
            discussion:
                "Text columns become treatment dummies against their first level in sorted order; numeric columns "
                + "enter as they are."
        )

        @Option(help: "The CSV file (header row; comma-separated).") var input: String
        @Option(help: "The outcome column: 0/1.") var outcome: String
        @Option(help: "Comma-separated covariate columns.") var covariates: String
        @Option(help: "Refuse to fit on fewer rows than this (small-group protection).") var minimumGroup = 10

        func run() throws {
            let table = try Analyse.table(input)
            let y = try table.column(outcome).map { text -> Double in
                guard let value = Double(text.trimmingCharacters(in: .whitespaces)) else {
                    throw ValidationError("The outcome ‘\(text)’ is not 0 or 1.")
                }
                return value
            }
            let names = covariates.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter
            { !$0.isEmpty }
            let columns = try names.map { (name: $0, values: try table.column($0)) }
            let design = DesignMatrix(columns: columns, rowCount: y.count)
            do {
                try Analyse.printJSON(
                    try Logistic.fit(y: y, x: design.rows, names: design.names, minimumGroup: minimumGroup)
                )
            } catch {
                throw ValidationError("Cannot fit: \(error)")
            }
        }
    }
}

extension Analyse {
    struct KM: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "km",
            abstract:
                "Kaplan–Meier time to event: survival at each distinct time with its exponential Greenwood 95% "
                + "interval, and the median."
        )

        @Option(help: "The CSV file (header row; comma-separated).") var input: String
        @Option(help: "The time column (e.g. days from admission).") var time: String
        @Option(help: "The event column: 1 for the event, 0 for censored.") var event: String
        @Option(help: "Refuse to estimate on fewer rows than this (small-group protection).") var minimumGroup = 10

        func run() throws {
            let table = try Analyse.table(input)
            let times = try Analyse.times(table, time)
            let events = try table.column(event).map { text -> Bool in
                switch text.trimmingCharacters(in: .whitespaces) {
                case "1", "true": return true
                case "0", "false": return false
                default: throw ValidationError("The event ‘\(text)’ is not 0 or 1.")
                }
            }
            do {
                try Analyse.printJSON(try KaplanMeier.fit(time: times, event: events, minimumGroup: minimumGroup))
            } catch {
                throw ValidationError("Cannot estimate: \(error)")
            }
        }
    }
}

extension Analyse {
    struct CIF: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cif",
            abstract:
                "Cumulative incidence of competing outcomes (Aalen–Johansen, ties exact), "
                + "with Aalen's variance and a "
                + "log–log 95% interval.",
            discussion: """
                Either --event alone, holding the cause of each ending (0 or empty for censored), or --event as \
                0/1 with --outcome naming the cause column.
                """
        )

        @Option(help: "The CSV file (header row; comma-separated).") var input: String
        @Option(help: "The time column (e.g. days from admission).") var time: String
        @Option(help: "The event column: the cause, or 0/empty for censored; or 0/1 when --outcome is given.")
        var event: String
        @Option(help: "The column holding the cause of each event, when --event is 0/1.") var outcome: String?
        @Option(help: "Refuse to estimate on fewer rows than this (small-group protection).") var minimumGroup = 10

        func run() throws {
            let table = try Analyse.table(input)
            let times = try Analyse.times(table, time)
            let marks = try table.column(event).map { $0.trimmingCharacters(in: .whitespaces) }
            let causes: [String?]
            if let outcome {
                let labels = try table.column(outcome).map { $0.trimmingCharacters(in: .whitespaces) }
                causes = try zip(marks, labels).map { mark, label in
                    switch mark {
                    case "1", "true":
                        guard !label.isEmpty else { throw ValidationError("An event without a cause in ‘\(outcome)’.") }
                        return label
                    case "0", "false", "": return nil
                    default: throw ValidationError("The event ‘\(mark)’ is not 0 or 1.")
                    }
                }
            } else {
                causes = marks.map { $0.isEmpty || $0 == "0" ? nil : $0 }
            }
            do {
                try Analyse.printJSON(
                    try CumulativeIncidence.fit(time: times, cause: causes, minimumGroup: minimumGroup)
                )
            } catch {
                throw ValidationError("Cannot estimate: \(error)")
            }
        }
    }
}
