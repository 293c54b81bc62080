#!/usr/bin/env bash
# Benchmark (not a test): `koers import registrations` on the path a municipality takes, at
# 100,000 rows, beside DuckDB's read_csv of the same file in the same run (release build).
#
#   scripts/bench-import.sh            # ROWS=100000
#   ROWS=20000 scripts/bench-import.sh
#
# Writes an Amsterdam-style CSV and a Rotterdam-style XLSX of ROWS rows with the fixtures'
# generator, makes a fresh SQLite database with the demo network (one person), then times the
# dry run and the commit of each file through the command line, and DuckDB reading the CSV.
# Prints a table of wall times and rows per second.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-100000}
swift build -c release --product koers >/dev/null
KOERS="$(swift build -c release --product koers --show-bin-path)/koers"
[ -x .venv/bin/python ] || scripts/install-test-deps
work=$(mktemp -d /tmp/koers-bench-import.XXXXXX)
trap 'rm -rf "$work"' EXIT
.venv/bin/python scripts/bench_import.py --binary "$KOERS" --rows "$ROWS" --folder "$work"
