import ArgumentParser
import Foundation
import KoersCore
import KoersDemo
import KoersMonitor
import KoersStatistics
import KoersStore
import KoersWeb
import Logging

/// The steps `scripts/bench-monitor.sh` times. Each prints its own wall times as JSON, so the
/// harness compares Koers's work with the reference tools' work and not process start-up.
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Benchmark steps for scripts/bench-monitor.sh: generate the scaled pilot as facts, time the monitor, time "
            + "a logistic regression.",
        subcommands: [Facts.self, Monitor.self, Logit.self]
    )

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    static func printJSON(_ values: [String: Any]) throws {
        print(
            String(decoding: try JSONSerialization.data(withJSONObject: values, options: [.sortedKeys]), as: UTF8.self)
        )
    }

    struct Facts: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Generate the pilot-2022 scenario at a scale, in memory, and write its monitor facts and an outflow "
                + "table as CSV."
        )

        @Option(help: "Multiplies the pilot (480 gives about a million trajectories).") var scale = 1
        @Option(help: "Seed for the generator.") var seed: UInt64 = 2019
        @Option(help: "The folder to write into.") var output: String

        func run() async throws {
            let folder = URL(fileURLWithPath: output)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            // The network (and so the generator's actors and locations) comes from a scratch database.
            var configuration = KoersConfiguration.fromEnvironment()
            configuration.databaseURL = "sqlite://" + folder.appendingPathComponent("network.sqlite").path
            configuration.bcryptCost = 4
            try? FileManager.default.removeItem(at: folder.appendingPathComponent("network.sqlite"))
            let services = try KoersServices(configuration, logger: makeLogger(.warning))
            let (accounts, locations) = try await services.database.closing {
                try await services.database.migrate()
                let accounts = try await DemoNetwork.create(services.directory)
                let locations = try await services.directory.locations().map {
                    MonitorLocation(id: $0.id, name: $0.name)
                }
                return (accounts, locations)
            }
            let start = ContinuousClock.now
            let records = Pilot2022.records(accounts: accounts, scale: scale, seed: seed)
            let generated = Bench.seconds(since: start)
            try MonitorFacts.write(records, locations: locations, to: folder)

            // The regression's data: one row per outflow, the covariates as the monitor's analyses form them.
            let asOf = Pilot2022.peildatum.adding(days: -1)
            let left = records.filter { $0.leftBy(asOf) && $0.outcome != nil }
            let nationality = MonitorAnalyses.nationalityGroups(left)
            let names = Dictionary(
                uniqueKeysWithValues: locations.map { ($0.id, $0.name.replacingOccurrences(of: "LVV ", with: "")) }
            )
            var csv = "solution,durable,gender,age,nationality,location\n"
            for (r, group) in zip(left, nationality) {
                let solution = r.outcome == OutcomeCategory.none ? 0 : 1
                let durable = r.outcome == .durable ? 1 : 0
                let location = names[r.location(on: r.outflowOn!)] ?? "other"
                csv +=
                    "\(solution),\(durable),\(r.gender.rawValue),\(MonitorAnalyses.ageGroup(r)),\(group),\(location)\n"
            }
            try csv.write(to: folder.appendingPathComponent("outflow.csv"), atomically: true, encoding: .utf8)
            try Bench.printJSON(["records": records.count, "outflows": left.count, "generate_seconds": generated])
        }
    }

    struct Monitor: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Read monitor facts and build the full monitor for one reference date; write its published cells as "
                + "JSON."
        )

        @Option(help: "The folder `koers bench facts` wrote.") var facts: String
        @Option(help: "The reference date, a quarter's first day.") var peildatum = Pilot2022.peildatum.description
        @Option(help: "Suppression threshold.") var k = 5
        @Option(help: "Where to write the published report (JSON).") var output: String

        func run() async throws {
            guard let day = Day(peildatum) else {
                throw ValidationError("The reference date ‘\(peildatum)’ is not YYYY-MM-DD.")
            }
            var start = ContinuousClock.now
            let (records, locations) = try MonitorFacts.read(from: URL(fileURLWithPath: facts))
            let read = Bench.seconds(since: start)
            start = ContinuousClock.now
            guard let report = MonitorReport.build(records: records, locations: locations, peildatum: day, k: k) else {
                throw ValidationError("The reference date is not a quarter's first day.")
            }
            let built = Bench.seconds(since: start)
            try PublishedReport(report, language: .nl).json().write(toFile: output, atomically: true, encoding: .utf8)
            try Bench.printJSON(["records": records.count, "read_seconds": read, "monitor_seconds": built])
        }
    }

    struct Logit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Time a logistic regression on a CSV: reading, the design matrix and the fit, separately."
        )

        @Option(help: "The CSV file.") var input: String
        @Option(help: "The 0/1 outcome column.") var outcome: String
        @Option(help: "Comma-separated covariate columns (text columns become treatment dummies).") var covariates:
            String

        func run() async throws {
            var start = ContinuousClock.now
            let table = try CSVTable(parsing: String(contentsOfFile: input, encoding: .utf8))
            let y = try table.column(outcome).map { Double($0) ?? -1 }
            let names = covariates.split(separator: ",").map(String.init)
            let columns = try names.map { (name: $0, values: try table.column($0)) }
            let read = Bench.seconds(since: start)
            start = ContinuousClock.now
            let design = DesignMatrix(columns: columns, rowCount: y.count)
            let designed = Bench.seconds(since: start)
            start = ContinuousClock.now
            let result = try Logistic.fit(y: y, x: design.rows, names: design.names)
            let fitted = Bench.seconds(since: start)
            try Bench.printJSON([
                "n": result.n, "read_seconds": read, "design_seconds": designed, "fit_seconds": fitted,
                "variables": result.variables, "coefficients": result.coefficients,
                "standard_errors": result.standardErrors,
                "log_likelihood": result.logLikelihood,
            ])
        }
    }
}
