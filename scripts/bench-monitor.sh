#!/usr/bin/env bash
# Benchmark (not a test): the national monitor and its logistic regression at scale, beside
# DuckDB and statsmodels on the same data in the same run (release build).
#
#   scripts/bench-monitor.sh              # SCALE=480: the pilot-2022 scenario × 480 ≈ 1M trajectories
#   SCALE=48 scripts/bench-monitor.sh
#
# Koers generates the scaled pilot in memory and writes its monitor facts as CSV; Koers and
# DuckDB each load those files and compute the monitor's tables for 1 July 2022, and every cell
# Koers publishes is checked against DuckDB's count. Koers and statsmodels fit the same logistic
# regression (solution at outflow on gender, age group, nationality group and location) on the
# same CSV. Prints a table of wall times and ratios; exits non-zero when a number disagrees.
set -euo pipefail
cd "$(dirname "$0")/.."
SCALE=${SCALE:-480}
swift build -c release --product koers >/dev/null
KOERS="$(swift build -c release --product koers --show-bin-path)/koers"
[ -x .venv/bin/python ] || scripts/install-test-deps
work=$(mktemp -d /tmp/koers-bench-monitor.XXXXXX)
trap 'rm -rf "$work"' EXIT
.venv/bin/python scripts/bench_monitor.py --binary "$KOERS" --scale "$SCALE" --folder "$work"
