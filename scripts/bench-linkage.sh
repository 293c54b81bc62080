#!/usr/bin/env bash
# Benchmark (not a test): duplicate detection on encodings (`koers linkage`) beside anonlink (Dice),
# clkhash (encoding) and Splink 4 on DuckDB (intake check, deduplication) on the same data in the
# same run (release build).
#
#   scripts/bench-linkage.sh                 # PEOPLE=700000: a synthetic LVV-like file of ≈ 1,000,000 rows
#   PEOPLE=20000 scripts/bench-linkage.sh
#   FOLDER=/tmp/linkage-data REUSE=1 scripts/bench-linkage.sh   # keep the generated file between runs
#
# Prints a table of measured numbers and ratios (how many times faster Koers is), the precision and
# recall of both deduplications against the truth, and whether the targets are met (Dice ≥ 200M/s
# per core, encoding ≥ 10,000 records/s per core, intake check p99 ≤ 5 ms, dedup of 1M rows ≤ 60 s);
# exits non-zero when one is not. Splink's part takes several minutes at 1M rows.
set -euo pipefail
cd "$(dirname "$0")/.."
PEOPLE=${PEOPLE:-700000}
swift build -c release --product koers >/dev/null
KOERS="$(swift build -c release --product koers --show-bin-path)/koers"
[ -x .venv/bin/python ] || scripts/install-test-deps
# clkhash is the encoding reference; it is not a test dependency (it pins an old cryptography).
.venv/bin/python -c "import clkhash" 2>/dev/null || .venv/bin/pip install --quiet --disable-pip-version-check clkhash==0.18.3 || true
if [ -n "${FOLDER:-}" ]; then
  work=$FOLDER
else
  work=$(mktemp -d /tmp/koers-bench-linkage.XXXXXX)
  trap 'rm -rf "$work"' EXIT
fi
.venv/bin/python scripts/bench_linkage.py --binary "$KOERS" --people "$PEOPLE" --folder "$work" ${REUSE:+--reuse}
