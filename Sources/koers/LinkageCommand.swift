import ArgumentParser
import Foundation
import KoersLinkage
import KoersStore
import KoersWeb

/// `koers linkage`: duplicate detection on a file, its measurement, and its benchmark.
struct LinkageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "linkage",
        abstract:
            "Find people registered more than once, on encodings only (dedup), measure it against known pairs "
            + "(evaluate), time it (bench).",
        subcommands: [Dedup.self, Evaluate.self, LinkageBench.self, Reindex.self]
    )

    /// The key material: `KOERS_LINKAGE_SECRET` when set (to compare with a location's index),
    /// otherwise fresh random bytes, as a file compared only with itself needs no lasting key.
    static func secret() -> [UInt8] {
        if let text = ProcessInfo.processInfo.environment["KOERS_LINKAGE_SECRET"], !text.isEmpty {
            return Array(text.utf8)
        }
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }

    static func read(_ path: String) throws -> LinkageFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("cannot read \(path)")
        }
        do {
            return try LinkageFile(data: Array(data))
        } catch {
            throw ValidationError("\(path): \(error)")
        }
    }

    struct Dedup: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the pairs of rows that are one person: id_a,id_b,score.",
            discussion:
                "The input has the columns id,given_name,surname,birth_date,gender,nationality,v_number (any may be "
                + "empty); further columns are matched as extra text fields. Rows are encoded first; matching sees "
                + "only the encodings."
        )

        @Option(help: "The CSV file to check.") var input: String
        @Option(help: "Where to write the pairs (id_a,id_b,score).") var output: String
        @Option(help: "Match probability from which a pair is written (0–1).") var threshold = 0.9
        @Option(help: "Also write each row's group (id,group): rows linked by any chain of pairs share one.")
        var groups: String?

        func validate() throws {
            guard (0...1).contains(threshold) else { throw ValidationError("--threshold must be between 0 and 1") }
        }

        func run() throws {
            let file = try LinkageCommand.read(input)
            let encoder = LinkageEncoder(
                keys: LinkageKeys(secret: LinkageCommand.secret(), extraFields: file.extraColumns)
            )
            let people = encoder.encodeAll(file.identities)
            let result = Deduplication(
                layout: ComparisonLayout(extraCount: file.extraColumns.count),
                threshold: threshold
            ).run(people)
            var text = "id_a,id_b,score\n"
            for m in result.matches {
                let score = String(format: "%.6f", m.probability)
                text += "\(LinkageFile.quote(file.ids[m.a])),\(LinkageFile.quote(file.ids[m.b])),\(score)\n"
            }
            try text.write(toFile: output, atomically: true, encoding: .utf8)
            if let groups {
                var g = "id,group\n"
                for (i, id) in file.ids.enumerated() {
                    g += "\(LinkageFile.quote(id)),\(LinkageFile.quote(file.ids[result.groups[i]]))\n"
                }
                try g.write(toFile: groups, atomically: true, encoding: .utf8)
            }
            FileHandle.standardError.write(
                Data(
                    ("\(file.ids.count) rows, \(result.candidatePairs) candidate pairs, \(result.matches.count) pairs "
                        + "written\n").utf8
                )
            )
        }
    }

    struct Evaluate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure matching against known pairs: precision, recall and F1 as JSON.",
            discussion:
                "Deduplicates INPUT, or with --link-to links INPUT to a second file one-to-one, and compares the "
                + "pairs found with TRUTH (columns id_a,id_b)."
        )

        @Option(help: "The CSV file (or the first of two).") var input: String
        @Option(name: .customLong("link-to"), help: "A second file to link the first to, one-to-one.") var linkTo:
            String?
        @Option(help: "The true pairs: id_a,id_b.") var truth: String
        @Option(help: "Match probability from which a pair counts as found.") var threshold = 0.9

        func run() throws {
            let start = ContinuousClock.now
            let a = try LinkageCommand.read(input)
            let b = try linkTo.map(LinkageCommand.read)
            if let b, b.extraColumns != a.extraColumns {
                throw ValidationError("the two files have different extra columns")
            }
            let ids = a.ids + (b?.ids ?? [])
            let read = Bench.seconds(since: start)
            let encoder = LinkageEncoder(
                keys: LinkageKeys(secret: LinkageCommand.secret(), extraFields: a.extraColumns)
            )
            let encodingStart = ContinuousClock.now
            let people = encoder.encodeAll(a.identities + (b?.identities ?? []))
            let encoding = Bench.seconds(since: encodingStart)
            let result = Deduplication(layout: ComparisonLayout(extraCount: a.extraColumns.count), threshold: threshold)
                .run(people)
            var found: [(Int, Int)] = []
            if b != nil {
                // Linkage: only pairs across the files, each row in at most one pair, strongest first.
                let boundary = a.ids.count
                var usedA = Set<Int>()
                var usedB = Set<Int>()
                for m in result.matches.sorted(by: { $0.probability > $1.probability })
                where (m.a < boundary) != (m.b < boundary) {
                    let (x, y) = m.a < boundary ? (m.a, m.b) : (m.b, m.a)
                    if usedA.contains(x) || usedB.contains(y) { continue }
                    usedA.insert(x)
                    usedB.insert(y)
                    found.append((x, y))
                }
            } else {
                found = result.matches.map { ($0.a, $0.b) }
            }
            let truthFile = try LinkageCommand.readPairs(truth)
            func key(_ x: String, _ y: String) -> String { x < y ? x + "\u{1}" + y : y + "\u{1}" + x }
            let truthSet = Set(truthFile.map { key($0.0, $0.1) })
            let foundSet = Set(found.map { key(ids[$0.0], ids[$0.1]) })
            let correct = foundSet.intersection(truthSet).count
            let precision = foundSet.isEmpty ? 1 : Double(correct) / Double(foundSet.count)
            let recall = truthSet.isEmpty ? 1 : Double(correct) / Double(truthSet.count)
            try Bench.printJSON([
                "precision": precision, "recall": recall,
                "f1": precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0,
                "true_pairs": truthSet.count, "found_pairs": foundSet.count, "correct_pairs": correct,
                "candidate_pairs": result.candidatePairs, "skipped_blocks": result.skippedBlocks,
                "em_iterations": result.model.iterations,
                "match_share": result.model.matchShare, "m": result.model.m, "u": result.model.u,
                "fields": result.model.layout.fieldNames, "seconds": Bench.seconds(since: start), "rows": ids.count,
                "steps": (["reading": read, "encoding": encoding] as [String: Double]).merging(
                    result.seconds.map { ($0.step, $0.seconds) }
                ) { $1 },
            ])
        }
    }

    struct Reindex: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Encode every registration into the linkage index again: after KOERS_LINKAGE_SECRET changed, or for a "
                + "database from before the index."
        )

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await withServices(database, migrate: true) { services in
                let count = try await services.cases.linkage.reindexAll()
                print("Encoded \(count) registrations into the linkage index.")
            }
        }
    }

    /// Reads `id_a,id_b` pairs.
    static func readPairs(_ path: String) throws -> [(String, String)] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("cannot read \(path)")
        }
        let rows: [[String]]
        do {
            rows = try LinkageFile.rows(Array(data))
        } catch {
            throw ValidationError("\(path): \(error)")
        }
        guard let header = rows.first, let ia = header.firstIndex(of: "id_a"), let ib = header.firstIndex(of: "id_b")
        else {
            throw ValidationError("\(path): expected the columns id_a,id_b")
        }
        return rows.dropFirst().compactMap { $0.count > max(ia, ib) ? ($0[ia], $0[ib]) : nil }
    }
}
