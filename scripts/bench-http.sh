#!/usr/bin/env bash
# Benchmark (not a test): Koers over HTTP as issue 14 measures it — the real server (`koers serve`) on SQLite and
# PostgreSQL, loaded with the pilot-2022 demo at several scales, every page a user waits for, with wrk.
#
#   scripts/bench-http.sh                                   # release build; SCALES="1 10 48", both databases
#   SCALES=48 DATABASES=sqlite DURATION=5s scripts/bench-http.sh
#   SCALE480=1 scripts/bench-http.sh                        # also scale 480 (about a million trajectories) on SQLite
#   KOERS_BIN=.build/debug/koers SCALES=1 DATABASES=sqlite DURATION=2s scripts/bench-http.sh   # smoke run
#
# Options (environment):
#   KOERS_BIN       use this binary instead of building one (`swift build -c release --product koers`)
#   SCALES          demo scales, `koers demo --scenario pilot-2022 --scale N` (default "1 10 48"; 48 ≈ 100k
#                   trajectories, 480 ≈ a million)
#   DATABASES       "sqlite postgres" (default); PostgreSQL is a throwaway cluster (scripts/postgres-throwaway.sh,
#                   stopped at the end) unless KOERS_TEST_POSTGRES_URL is set — whose database is REPLACED
#   SCALE480=1      adds scale 480 on SQLite only
#   DURATION        wrk time per row (default 10s); CONNECTIONS (default "1 50")
#   HEAVY_SECONDS   a page whose one request takes longer (default 1) gets no wrk: REPEAT (default 5) sequential
#                   requests are timed instead, marked seq×REPEAT in the table
#   DUCKDB=0        skip the facts/DuckDB/in-memory-tally section
#   LOAD_TIMEOUT    seconds allowed per demo load and per `koers bench` step (default 7200)
#   REPORT=FILE     also write the Markdown report to FILE
#   KEEP=1          keep the work folder (databases are deleted per scale; server logs, facts) and print its path
#   KEEP_DATABASES=1  with KEEP=1, keep the SQLite databases too (bench-SCALE.sqlite in the work folder)
#
# Per database and scale: load the demo (its load time is printed), start `koers serve` on a free 127.0.0.1 port,
# time the first /monitor?peildatum=2022-07-01 (the first computation), sign in through the login form as the NGO
# and the municipality of the largest location and as monitor@demo.koers.nl, then measure: the case page (rotating
# over up to 1000 cases of the location) and the case API (bearer token), the case list, a search, /progress,
# /inbox, /meetings, one agenda, /transfers, /duplicates, repeat visits of the monitor and its CSV and XLSX
# downloads, with /health as the ceiling. Output: a Markdown table per database and scale (page, connections, p50,
# p99, req/s, bytes of one response), scale 10 against the largest scale, the issue's targets met or missed, and
# DuckDB beside Koers's in-memory monitor tally on the same facts. Progress goes to standard error. Before each
# measurement the harness waits (at most 120 s) until the server and the cluster's backends are idle, so no row pays
# for the requests a previous wrk run left queued; a wrk row in which no request completed shows "–". Everything
# listens on 127.0.0.1; servers and the throwaway cluster are stopped on exit. Needs wrk (apt-get install wrk).
set -euo pipefail
cd "$(dirname "$0")/.."
SCALES=${SCALES:-"1 10 48"}
DATABASES=${DATABASES:-"sqlite postgres"}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-"1 50"}
REPEAT=${REPEAT:-5}
HEAVY_SECONDS=${HEAVY_SECONDS:-1}
DUCKDB=${DUCKDB:-1}
LOAD_TIMEOUT=${LOAD_TIMEOUT:-7200}
extra=""
[ "${SCALE480:-0}" = 1 ] && extra=480

command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
if [ -n "${KOERS_BIN:-}" ]; then
  KOERS="$KOERS_BIN"
else
  swift build -c release --product koers >/dev/null
  KOERS="$(swift build -c release --product koers --show-bin-path)/koers"
fi
# The binary may be relinked while we start; wait a little for it.
for _ in $(seq 1 30); do [ -x "$KOERS" ] && break; sleep 1; done
[ -x "$KOERS" ] || { echo "no koers binary at $KOERS" >&2; exit 1; }
KOERS=$(cd "$(dirname "$KOERS")" && pwd)/$(basename "$KOERS")
[ -x .venv/bin/python ] || scripts/install-test-deps

work=$(mktemp -d /tmp/koers-bench-http.XXXXXX)
cleanup() {
  local pid
  if [ -n "${harness:-}" ]; then
    kill "$harness" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$harness" 2>/dev/null || break; sleep 0.5; done
  fi
  if [ -f "$work/pids" ]; then
    while read -r pid; do kill "$pid" 2>/dev/null || true; done < "$work/pids"
  fi
  [ -n "${PG_THROWAWAY_DIR:-}" ] && scripts/postgres-throwaway.sh stop || true
  if [ "${KEEP:-0}" = 1 ]; then echo "work folder kept: $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [[ " $DATABASES " == *" postgres "* ]] && [ -z "${KOERS_TEST_POSTGRES_URL:-}" ]; then
  eval "$(scripts/postgres-throwaway.sh)"
  export PG_THROWAWAY_DIR
fi

set +e
.venv/bin/python scripts/bench_http.py --binary "$KOERS" --databases "$DATABASES" --scales "$SCALES" \
  --sqlite-extra-scales "$extra" --postgres-url "${KOERS_TEST_POSTGRES_URL:-}" --duration "$DURATION" \
  --connections "$CONNECTIONS" --repeat "$REPEAT" --heavy "$HEAVY_SECONDS" --duckdb "$DUCKDB" \
  --load-timeout "$LOAD_TIMEOUT" --folder "$work" --pids "$work/pids" > "$work/report.md" &
harness=$!
wait "$harness"
status=$?
harness=""
set -e
cat "$work/report.md"
[ -n "${REPORT:-}" ] && cp "$work/report.md" "$REPORT"
exit "$status"
