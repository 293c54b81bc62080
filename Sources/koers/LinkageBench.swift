import ArgumentParser
import Foundation
import KoersLinkage

extension LinkageCommand {
    /// The speeds `scripts/bench-linkage.sh` compares with anonlink and Splink, as one JSON line.
    struct LinkageBench: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "bench",
            abstract:
                "Time encoding, Dice comparisons and the intake check against an index of the file's people; prints "
                + "JSON."
        )

        @Option(help: "The CSV file whose people form the index.") var input: String
        @Option(help: "How many intake checks to time.") var probes = 2_000
        @Option(
            name: .customLong("dice-rows"),
            help: "Dice is timed all-pairs between two sets of this many random encodings."
        ) var diceRows = 10_000

        func run() throws {
            let file = try LinkageCommand.read(input)
            let encoder = LinkageEncoder(
                keys: LinkageKeys(secret: LinkageCommand.secret(), extraFields: file.extraColumns)
            )

            // Encoding, one core: the first 100k rows.
            let sample = Array(file.identities.prefix(100_000))
            var start = ContinuousClock.now
            var fills = 0.0
            var filters = 0
            for identity in sample {
                let e = encoder.encode(identity)
                for f in [e.givenName, e.surname] + e.extras {
                    if let f {
                        fills += f.fill
                        filters += 1
                    }
                }
            }
            let encodeRate = Double(sample.count) / Bench.seconds(since: start)

            // Dice, all pairs between two random sets.
            let left = Self.randomFilters(diceRows, seed: 1)
            let right = Self.randomFilters(diceRows, seed: 2)
            start = ContinuousClock.now
            let hits = DiceBlock.countAbove(0.95, left, right)
            let diceOne = Double(diceRows * diceRows) / Bench.seconds(since: start)
            start = ContinuousClock.now
            let hitsAll = DiceBlock.countAboveParallel(0.95, left, right)
            let diceAll = Double(diceRows * diceRows) / Bench.seconds(since: start)

            // The intake check against the whole file as index.
            start = ContinuousClock.now
            let people = encoder.encodeAll(file.identities)
            let encodeAllSeconds = Bench.seconds(since: start)
            let index = LinkageIndex(people: people, model: .intake(extraCount: file.extraColumns.count))
            var random = SystemRandomNumberGenerator()
            var times: [Double] = []
            var found = 0
            for _ in 0..<probes {
                let identity = file.identities[Int.random(in: 0..<file.identities.count, using: &random)]
                let t = ContinuousClock.now
                let matches = index.check(encoder.encode(identity))
                times.append(Bench.seconds(since: t) * 1000)
                if !matches.isEmpty { found += 1 }
            }
            times.sort()
            func quantile(_ q: Double) -> Double {
                times.isEmpty ? 0 : times[min(times.count - 1, Int(Double(times.count) * q))]
            }
            try Bench.printJSON([
                "encode_per_second_one_core": encodeRate, "encode_all_seconds": encodeAllSeconds,
                "dice_per_second_one_core": diceOne, "dice_per_second_all_cores": diceAll, "dice_hits": hits,
                "dice_hits_parallel": hitsAll,
                "check_p50_ms": quantile(0.5), "check_p99_ms": quantile(0.99), "check_max_ms": times.last ?? 0,
                "checks_with_match": found,
                "index_size": people.count, "fill_mean": filters > 0 ? fills / Double(filters) : 0,
                "cores": ProcessInfo.processInfo.activeProcessorCount,
            ])
        }

        /// Random encodings with about 40% of bits set, from a fixed seed.
        static func randomFilters(_ count: Int, seed: UInt64) -> [BloomFilter] {
            var random = SplitMix64(seed: seed &* 0x9E37_79B9_7F4A_7C15)
            func next() -> UInt64 { random.next() }
            return (0..<count).map { _ in
                var words = SIMD16<UInt64>(repeating: 0)
                // Two random words ANDed and ORed with a third give bits set with probability 0.4 or so.
                for i in 0..<16 { words[i] = (next() & next()) | (next() & next() & next()) }
                return BloomFilter(words: words)
            }
        }
    }
}
