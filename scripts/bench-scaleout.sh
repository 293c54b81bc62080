#!/usr/bin/env bash
# Benchmark (not a test): several Koers instances on one PostgreSQL, as the README claims they can run — one
# `koers serve` directly, one behind haproxy, and two behind haproxy (round robin), each measured with wrk over
# HTTP on the case API, the case page, the case list and note writes. Prints a Markdown table.
#
#   scripts/bench-scaleout.sh                          # release build, pilot-2022 scale 10, 10 s per row
#   SCALE=48 DURATION=20s scripts/bench-scaleout.sh
#
# Options (environment): KOERS_BIN (a binary instead of a release build), SCALE (default 10), DURATION (default
# 10s), CONNECTIONS (default 50), KEEP=1 (keep the work folder). PostgreSQL is a throwaway cluster unless
# KOERS_TEST_POSTGRES_URL is set — whose database is REPLACED. Needs wrk and haproxy (apt-get install wrk haproxy).
# Everything listens on 127.0.0.1; instances, haproxy and the cluster are stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
command -v haproxy >/dev/null || { echo "haproxy is needed: apt-get install haproxy" >&2; exit 1; }
if [ -n "${KOERS_BIN:-}" ]; then
  KOERS="$KOERS_BIN"
else
  swift build -c release --product koers >/dev/null
  KOERS="$(swift build -c release --product koers --show-bin-path)/koers"
fi
KOERS=$(cd "$(dirname "$KOERS")" && pwd)/$(basename "$KOERS")
[ -x .venv/bin/python ] || scripts/install-test-deps

work=$(mktemp -d /tmp/koers-bench-scaleout.XXXXXX)
cleanup() {
  local pid
  if [ -f "$work/pids" ]; then
    while read -r pid; do kill "$pid" 2>/dev/null || true; done < "$work/pids"
  fi
  [ -n "${PG_THROWAWAY_DIR:-}" ] && scripts/postgres-throwaway.sh stop || true
  if [ "${KEEP:-0}" = 1 ]; then echo "work folder kept: $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
if [ -z "${KOERS_TEST_POSTGRES_URL:-}" ]; then
  eval "$(scripts/postgres-throwaway.sh)"
  export PG_THROWAWAY_DIR
fi
touch "$work/pids"
PYTHONPATH=scripts .venv/bin/python scripts/bench_scaleout.py --binary "$KOERS" \
  --postgres-url "$KOERS_TEST_POSTGRES_URL" --postgres-dir "${PG_THROWAWAY_DIR:-}" --scale "${SCALE:-10}" \
  --duration "${DURATION:-10s}" --connections "${CONNECTIONS:-50}" --folder "$work" --pids "$work/pids"
