"""The import benchmark's harness (see bench-import.sh): files, runs, and the table."""
import argparse
import importlib.util
import os
import subprocess
import time

import duckdb

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("fixtures", os.path.join(HERE, "make-import-fixtures.py"))
fixtures = importlib.util.module_from_spec(spec)
spec.loader.exec_module(fixtures)
FIXTURES = os.path.join(HERE, "..", "Tests", "Fixtures", "import")


def timed(command, env):
    started = time.perf_counter()
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command[:3])} failed: {result.stderr[-2000:]}")
    return seconds, result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--rows", type=int, default=100000)
    parser.add_argument("--folder", required=True)
    args = parser.parse_args()

    # The fixtures' generator, at scale, into the work folder.
    fixtures.OUT = args.folder
    original = fixtures.people
    fixtures.people = lambda seed, count, start: original(seed, args.rows, start)
    # The agencies' lists are for the tests, not the benchmark.
    fixtures.agency_lists = lambda rows: None
    fixtures.amsterdam()
    fixtures.rotterdam()
    csv_path = os.path.join(args.folder, "amsterdam.csv")
    xlsx_path = os.path.join(args.folder, "rotterdam.xlsx")

    rows = []
    for name, city, path in [("CSV", "amsterdam", csv_path), ("XLSX", "rotterdam", xlsx_path)]:
        env = dict(os.environ, KOERS_DATABASE_URL=f"sqlite://{args.folder}/{city}.sqlite", KOERS_BCRYPT_COST="4",
                   KOERS_LOG_LEVEL="error")
        subprocess.run([args.binary, "demo", "--persons", "1"], env=env, capture_output=True, check=True)
        base = [args.binary, "import", "registrations", "--location", f"LVV {city.capitalize()}", "--as",
                f"municipality.{city}@demo.koers.nl", "--mapping", os.path.join(args.folder, f"{city}.json"),
                "--format", "json"]
        dry, _ = timed(base + [path], env)
        commit, result = timed(base + ["--commit", path], env)
        again, repeat = timed(base + ["--commit", path], env)
        rows.append((f"Koers dry run ({name})", dry))
        rows.append((f"Koers dry run + commit ({name})", commit))
        rows.append((f"Koers same file again ({name})", again))
        print(f"{name}: {result.stderr.strip()} | again: {repeat.stderr.strip()}")

    started = time.perf_counter()
    count = duckdb.sql(f"SELECT count(*) FROM read_csv('{csv_path}', delim=';', header=true)").fetchone()[0]
    rows.append(("DuckDB read_csv (CSV), for comparison", time.perf_counter() - started))
    assert count == args.rows, count

    print(f"\n{args.rows:,} rows, SQLite, release build")
    print(f"{'step':44} {'seconds':>9} {'rows/s':>10}")
    for step, seconds in rows:
        print(f"{step:44} {seconds:9.2f} {args.rows / seconds:10,.0f}")


if __name__ == "__main__":
    main()
