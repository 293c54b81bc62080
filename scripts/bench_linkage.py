"""The duplicate-detection benchmark: Koers (`koers linkage ...`, matching on encodings only) beside
the reference tools on the same data, in one run. Prints a table of measured numbers and ratios.

Driven by scripts/bench-linkage.sh, which builds Koers in release mode first. Steps:

1. Dice on 1024-bit encodings, all pairs between two sets of R random filters at ~40% fill:
   Koers `dice_per_second_one_core` (from `koers linkage bench`) beside anonlink's C++ kernel
   (`anonlink.similarities.dice_coefficient_accelerated`, one thread, threshold 0.95).
2. Encoding, records per second on one core: Koers `encode_per_second_one_core` beside clkhash
   (CLKs over the same seven identity fields plus the extra column, one worker) when it is
   installed, or else a plain-Python HMAC-SHA256 bigram Bloom filter (given name + surname,
   k = 20, 1024 bits).
3. The intake check — one new registration against an index of everyone in the file: Koers
   `check_p50_ms` / `check_p99_ms` beside Splink's `find_matches_to_new_records` on the model
   trained in step 4 (on a 100,000-row index instead when a probe against the whole file takes
   more than a few seconds; the table says which).
4. Deduplication of the whole file: wall time of `koers linkage dedup` (process start to pairs
   written) beside Splink's dedup (read, train, predict at match probability ≥ 0.9), each with
   precision and recall against the truth.

Ratios are "how many times faster Koers is": Koers throughput / reference throughput, or
reference time / Koers time.
"""
import argparse
import csv
import hashlib
import hmac
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np
import pandas as pd

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import linkage_data  # noqa: E402
import linkage_reference  # noqa: E402

TARGETS = {"dice": 200e6, "encode": 10_000, "check_p99_ms": 5.0, "dedup_seconds": 60.0}


def koers_json(binary, *arguments):
    out = subprocess.run([binary, "linkage", *arguments], check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


# ---- 1. Dice -------------------------------------------------------------------------------


def random_filters(rows, seed, fill=0.4, bits=1024):
    from bitarray import bitarray

    rng = np.random.default_rng(seed)
    packed = np.packbits(rng.random((rows, bits)) < fill, axis=1)
    filters = []
    for row in packed:
        b = bitarray()
        b.frombytes(row.tobytes())
        filters.append(b)
    return filters


def anonlink_dice(rows):
    """anonlink's accelerated Dice, all pairs between two sets of `rows` filters: comparisons per second."""
    from anonlink.similarities import dice_coefficient_accelerated

    a, b = random_filters(rows, 1), random_filters(rows, 2)
    dice_coefficient_accelerated([a[:100], b[:100]], threshold=0.95)  # warm up
    start = time.perf_counter()
    scores, _ = dice_coefficient_accelerated([a, b], threshold=0.95, k=None)
    seconds = time.perf_counter() - start
    return {"per_second": rows * rows / seconds, "seconds": seconds, "candidates": len(scores),
            "fill": float(np.mean([x.count() / len(x) for x in a[:1000]]))}


# ---- 2. Encoding ---------------------------------------------------------------------------


def read_rows(path, limit):
    with open(path, newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        rows = []
        for row in reader:
            rows.append(row)
            if len(rows) >= limit:
                break
    return header, rows


def clkhash_schema(header):
    def feature(name, n=2, bits=20):
        return {"identifier": name, "format": {"type": "string", "encoding": "utf-8"},
                "hashing": {"comparison": {"type": "ngram", "n": n}, "strategy": {"bitsPerToken": bits},
                            "hash": {"type": "doubleHash"}}}

    features = [{"identifier": "id", "ignored": True}]
    for name in header[1:]:
        features.append(feature(name, n=1 if name in ("gender", "nationality", "v_number", "birth_date") else 2))
    return {"version": 3, "clkConfig": {"l": 1024, "kdf": {"type": "HKDF", "hash": "SHA256",
            "salt": "SCbL2zHNnmsckfzchsNkZY9XoHk96P/G5nUBrM7ybymlEFsMV6PAeDZCNp3rfNUPCtLDMOGQHG4pCQpfhiHCyA==",
            "info": "c2NoZW1hX2V4YW1wbGU=", "keySize": 64}}, "features": features}


def reference_encoding(path, records=20_000):
    """Records per second on one core: clkhash if installed, else plain-Python HMAC bigram filters."""
    header, rows = read_rows(path, records)
    try:
        import clkhash
        from clkhash import clk
        from clkhash.schema import from_json_dict
    except ImportError:
        clk = None
    if clk is not None:
        schema = from_json_dict(clkhash_schema(header))
        clk.generate_clks(rows[:200], schema, "secret", validate=False, max_workers=1)
        start = time.perf_counter()
        clk.generate_clks(rows, schema, "secret", validate=False, max_workers=1)
        seconds = time.perf_counter() - start
        return {"per_second": len(rows) / seconds,
                "tool": f"clkhash {clkhash.__version__} (CLK, {len(header) - 1} fields, double hashing, 1 worker)"}
    k1, k2 = b"key-one", b"key-two"
    start = time.perf_counter()
    for row in rows:
        bits = bytearray(128)
        text = f" {row[1].lower()} {row[2].lower()} "
        for i in range(len(text) - 1):
            gram = text[i:i + 2].encode()
            h1 = int.from_bytes(hmac.new(k1, gram, hashlib.sha256).digest()[:8], "little")
            h2 = int.from_bytes(hmac.new(k2, gram, hashlib.sha256).digest()[:8], "little")
            for j in range(20):
                p = (h1 + j * h2) % 1024
                bits[p >> 3] |= 1 << (p & 7)
    seconds = time.perf_counter() - start
    return {"per_second": len(rows) / seconds,
            "tool": "plain Python HMAC-SHA256 bigram Bloom filter (given name + surname, k=20, 1024 bits)"}


# ---- 3 + 4. Splink -------------------------------------------------------------------------


def pairs_score(pairs_csv, truth):
    with open(pairs_csv, newline="") as f:
        reader = csv.reader(f)
        next(reader)
        found = {frozenset(row[:2]) for row in reader}
    return linkage_reference.score(found, truth)


def splink_dedup(path, truth):
    """Splink's dedup of the file; returns (result, linker, frame)."""
    start = time.perf_counter()
    frame = linkage_reference.read_koers_csv(path)
    read = time.perf_counter() - start
    linker, predictions, timings = linkage_reference.train_and_predict(
        [frame], "dedupe_only", u_pairs=1e6 if len(frame) < 200_000 else 5e6)
    found = {frozenset(p) for p in zip(predictions["unique_id_l"], predictions["unique_id_r"])}
    seconds = time.perf_counter() - start
    result = linkage_reference.score(found, truth)
    result.update(seconds=seconds, read_seconds=read, **timings)
    return result, linker, frame


def probe_records(frame, count, seed=3):
    sample = frame.sample(n=min(count, len(frame)), random_state=seed)
    records = []
    for i, row in enumerate(sample.to_dict("records")):
        record = {k: (None if pd.isna(v) else v) for k, v in row.items()}
        if record.get("birth_year") is not None:
            record["birth_year"] = int(record["birth_year"])
        record["unique_id"] = f"probe-{i}"
        records.append(record)
    return records


def splink_checks(linker, frame, probes, index_limit=100_000, slow_seconds=3.0):
    """Per-probe latency of find_matches_to_new_records (ms): p50, p99 and the index size used."""
    from splink import DuckDBAPI, Linker

    rules = linkage_reference.settings([frame], "dedupe_only").blocking_rules_to_generate_predictions
    records = probe_records(frame, probes + 2)
    index_rows = len(frame)

    def run(linker_, records_):
        times = []
        for record in records_:
            start = time.perf_counter()
            linker_.inference.find_matches_to_new_records([record], blocking_rules=rules).as_pandas_dataframe()
            times.append((time.perf_counter() - start) * 1000)
        return times

    run(linker, records[:2])  # warm up (term-frequency tables, compiled SQL)
    first = run(linker, records[2:5])
    note = ""
    if statistics.mean(first) / 1000 > slow_seconds and len(frame) > index_limit:
        index_rows = index_limit
        note = f" (on {index_limit:,} rows: {statistics.mean(first) / 1000:.1f} s per probe against all {len(frame):,})"
        small = frame.sample(n=index_limit, random_state=4)
        linker = Linker(small, linker.misc.save_model_to_json(), db_api=DuckDBAPI(), set_up_basic_logging=False)
        run(linker, records[:2])
        times = run(linker, records[2:])
    else:
        times = first + run(linker, records[5:])
    return {"p50_ms": float(np.percentile(times, 50)), "p99_ms": float(np.percentile(times, 99)), "probes": len(times),
            "index_rows": index_rows, "note": note}


# ---- the run -------------------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", default=".build/release/koers")
    parser.add_argument("--people", type=int, default=700_000, help="synthetic people (700,000 ≈ 1,000,000 rows)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--folder", default=None)
    parser.add_argument("--reuse", action="store_true",
                        help="use the synthetic file already in --folder (same --people and --seed)")
    parser.add_argument("--probes", type=int, default=2000, help="Koers intake checks to time")
    parser.add_argument("--splink-probes", type=int, default=50,
                        help="Splink find_matches_to_new_records calls to time")
    parser.add_argument("--dice-rows", type=int, default=10_000)
    parser.add_argument("--skip-splink", action="store_true", help="leave out Splink (steps 3 and 4 reference columns)")
    arguments = parser.parse_args()
    folder = arguments.folder or tempfile.mkdtemp(prefix="koers-bench-linkage-")
    os.makedirs(folder, exist_ok=True)
    data = os.path.join(folder, f"synthetic_{arguments.people}_{arguments.seed}.csv")
    truth_path = os.path.join(folder, f"synthetic_{arguments.people}_{arguments.seed}_truth.csv")

    if arguments.reuse and os.path.exists(data) and os.path.exists(truth_path):
        print(f"Data: the synthetic file already in {folder}", flush=True)
    else:
        made = linkage_data.synthetic(arguments.people, data, truth_path, arguments.seed)
        print(f"Data: {made['people']:,} synthetic people, {made['rows']:,} rows, {made['true_pairs']:,} true pairs "
              f"(generated in {made['seconds']:.1f} s) in {folder}", flush=True)
    truth = linkage_data.read_truth(truth_path)

    print("Koers: linkage bench …", flush=True)
    bench = koers_json(arguments.binary, "bench", "--input", data, "--probes", str(arguments.probes),
                       "--dice-rows", str(arguments.dice_rows))
    print("Koers: linkage dedup …", flush=True)
    pairs_csv = os.path.join(folder, "koers-pairs.csv")
    start = time.perf_counter()
    subprocess.run([arguments.binary, "linkage", "dedup", "--input", data, "--output", pairs_csv], check=True)
    koers_dedup_seconds = time.perf_counter() - start
    koers_quality = pairs_score(pairs_csv, truth)

    print(f"anonlink: Dice {arguments.dice_rows:,} × {arguments.dice_rows:,} …", flush=True)
    dice = anonlink_dice(arguments.dice_rows)
    print("Reference encoding …", flush=True)
    encoding = reference_encoding(data)

    splink, checks = None, None
    if not arguments.skip_splink:
        print("Splink: dedup (train + predict) …", flush=True)
        splink, linker, frame = splink_dedup(data, truth)
        print(f"Splink: {arguments.splink_probes} find_matches_to_new_records probes …", flush=True)
        checks = splink_checks(linker, frame, arguments.splink_probes)

    rows = len(open(data).readlines()) - 1
    table = [
        ("1. Dice, 1024-bit, per core (comparisons/s)", bench["dice_per_second_one_core"], dice["per_second"],
         bench["dice_per_second_one_core"] / dice["per_second"],
         "anonlink dice_coefficient_accelerated (C++, 1 thread)", "{:,.0f}"),
        ("   Dice, all cores (comparisons/s)", bench["dice_per_second_all_cores"], None, None,
         f"({os.cpu_count()} cores)", "{:,.0f}"),
        ("2. Encoding, per core (records/s)", bench["encode_per_second_one_core"], encoding["per_second"],
         bench["encode_per_second_one_core"] / encoding["per_second"], encoding["tool"], "{:,.0f}"),
    ]
    if checks:
        index_note = f"Splink find_matches_to_new_records, {checks['probes']} probes{checks['note']}"
        table += [
            (f"3. Intake check p50 (ms), index {bench['index_size']:,}", bench["check_p50_ms"], checks["p50_ms"],
             checks["p50_ms"] / bench["check_p50_ms"], index_note, "{:,.3f}"),
            ("   Intake check p99 (ms)", bench["check_p99_ms"], checks["p99_ms"],
             checks["p99_ms"] / bench["check_p99_ms"], "", "{:,.3f}"),
        ]
    else:
        table.append((f"3. Intake check p50 / p99 (ms), index {bench['index_size']:,}", bench["check_p99_ms"],
                      None, None, f"p50 {bench['check_p50_ms']:.3f} ms (Splink skipped)", "{:,.3f}"))
    table.append((f"4. Dedup {rows:,} rows, wall time (s)", koers_dedup_seconds, splink["seconds"] if splink else None,
                  splink["seconds"] / koers_dedup_seconds if splink else None,
                  "Splink 4 DuckDB: read + train + predict ≥ 0.9" if splink else "(Splink skipped)", "{:,.2f}"))

    print()
    print(f"{'step':<48} {'Koers':>16} {'reference':>16} {'Koers/ref':>10}   reference tool")
    for step, mine, ref, ratio, tool, fmt in table:
        print(f"{step:<48} {fmt.format(mine):>16} {fmt.format(ref) if ref is not None else '—':>16} "
              f"{f'{ratio:.2f}×' if ratio is not None else '':>10}   {tool}")
    print("Koers/ref = how many times faster Koers is (throughput ratio, or reference time / Koers time).")
    print()
    print(f"Dedup quality against {len(truth):,} true pairs:")
    print(f"  Koers   precision {koers_quality['precision']:.4f}  recall {koers_quality['recall']:.4f}  "
          f"F1 {koers_quality['f1']:.4f}  ({koers_quality['found_pairs']:,} pairs written)")
    if splink:
        print(f"  Splink  precision {splink['precision']:.4f}  recall {splink['recall']:.4f}  F1 {splink['f1']:.4f}  "
              f"({splink['found_pairs']:,} pairs; read {splink['read_seconds']:.1f} s, "
              f"train {splink['train_seconds']:.1f} s, predict {splink['predict_seconds']:.1f} s)")
    print(f"Koers index: {bench['index_size']:,} people, mean fill {bench['fill_mean']:.3f}; "
          f"anonlink random filters fill {dice['fill']:.3f}, {dice['candidates']} pairs ≥ 0.95")

    checks_met = {
        f"Dice ≥ {TARGETS['dice'] / 1e6:.0f}M/s/core": bench["dice_per_second_one_core"] >= TARGETS["dice"],
        f"encoding ≥ {TARGETS['encode']:,}/s/core": bench["encode_per_second_one_core"] >= TARGETS["encode"],
        f"check p99 ≤ {TARGETS['check_p99_ms']:g} ms": bench["check_p99_ms"] <= TARGETS["check_p99_ms"],
        f"dedup ≤ {TARGETS['dedup_seconds']:g} s": koers_dedup_seconds <= TARGETS["dedup_seconds"],
    }
    print("Targets: " + " | ".join(f"{name}: {'met' if ok else 'NOT met'}" for name, ok in checks_met.items()))
    sys.exit(0 if all(checks_met.values()) else 1)


if __name__ == "__main__":
    main()
