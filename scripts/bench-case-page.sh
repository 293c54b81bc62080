#!/usr/bin/env bash
# Benchmark (not a test): the case page and the case API on SQLite and on PostgreSQL, beside the
# same server's static /health endpoint as the ceiling, at 1 and 50 concurrent connections, with
# wrk. Loads PERSONS demo persons (default 100000) into each database first (release build).
#
#   scripts/bench-case-page.sh            # PERSONS=100000 DURATION=10s
#   PERSONS=20000 DURATION=5s scripts/bench-case-page.sh
#   BASELINE=/tmp/koers-old scripts/bench-case-page.sh   # and an earlier build, side by side
#
# Each request picks one of 1000 random cases of the signed-in user's location, so reads hit
# different rows; every case read is also written to the processing log, as in production.
set -euo pipefail
cd "$(dirname "$0")/.."
PERSONS=${PERSONS:-100000}
DURATION=${DURATION:-10s}
BASELINE=${BASELINE:-}
DATABASES=${DATABASES:-sqlite postgres}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
swift build -c release --product koers >/dev/null
CURRENT="$(swift build -c release --product koers --show-bin-path)/koers"
work=$(mktemp -d /tmp/koers-bench.XXXXXX)
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null || true
  [ -n "${PG_THROWAWAY_DIR:-}" ] && scripts/postgres-throwaway.sh stop || true
  rm -rf "$work"
}
trap cleanup EXIT

if [ -z "${KOERS_TEST_POSTGRES_URL:-}" ]; then
  eval "$(scripts/postgres-throwaway.sh)"
  export PG_THROWAWAY_DIR
fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
base="http://127.0.0.1:$port"
results="$work/results.tsv"

builds="current"; [ -n "$BASELINE" ] && builds="baseline current"
for build in $builds; do
for db in $DATABASES; do
  if [ "$build" = current ]; then KOERS="$CURRENT"; else KOERS="$BASELINE"; fi
  if [ "$db" = sqlite ]; then rm -f "$work"/bench.sqlite*; url="sqlite://$work/bench.sqlite"; else url="$KOERS_TEST_POSTGRES_URL"; fi
  echo "== $db: loading $PERSONS persons" >&2
  KOERS_DATABASE_URL="$url" "$KOERS" demo --persons "$PERSONS" | head -n 1 >&2
  KOERS_DATABASE_URL="$url" KOERS_PORT=$port KOERS_COOKIE_SECURE=false KOERS_LOG_LEVEL=error "$KOERS" serve >"$work/server-$db.log" 2>&1 &
  server=$!
  for _ in $(seq 1 100); do curl -sf "$base/health" >/dev/null && break; sleep 0.2; done
  token=$(KOERS_DATABASE_URL="$url" "$KOERS" token create --user ngo.utrecht@demo.koers.nl)
  # A browser session for the case page.
  curl -s -c "$work/jar" "$base/login" -o "$work/login.html"
  csrf=$(grep -o 'name="_csrf" value="[^"]*"' "$work/login.html" | sed 's/.*value="//;s/"$//')
  curl -s -b "$work/jar" -c "$work/jar" -o /dev/null --data "_csrf=$csrf&email=ngo.utrecht%40demo.koers.nl&password=koers-demo" "$base/login"
  session=$(awk '$6=="koers_session" {print $7}' "$work/jar")
  curl -s -H "Authorization: Bearer $token" "$base/api/v1/trajectories?page=1" >/dev/null
  python3 - "$base" "$token" "$work/paths.lua" <<'PY'
import json, random, sys, urllib.request
base, token, out = sys.argv[1:4]
ids = []
page = 1
while len(ids) < 1000:
    request = urllib.request.Request(f"{base}/api/v1/trajectories?page={page}", headers={"Authorization": f"Bearer {token}"})
    items = json.load(urllib.request.urlopen(request))["items"]
    if not items:
        break
    ids += [item["trajectoryId"].lower() for item in items]
    page += 1
random.Random(7).shuffle(ids)
with open(out, "w") as f:
    f.write("local ids = {" + ",".join(f'"{i}"' for i in ids) + "}\n")
    f.write("local n = 0\nrequest = function()\n  n = n + 1\n  local prefix = \"__PREFIX__\"\n")
    f.write("  local path = prefix == \"/health\" and prefix or prefix .. ids[(n % #ids) + 1]\n")
    f.write("  return wrk.format(\"GET\", path, HEADERS)\nend\n")
PY
  # The same request script per kind of endpoint, each with its own credentials.
  for c in 1 50; do
    sed "s|HEADERS|{ [\"Cookie\"] = \"koers_session=$session\" }|" "$work/paths.lua" > "$work/page.lua"
    sed "s|HEADERS|{ [\"Authorization\"] = \"Bearer $token\" }|" "$work/paths.lua" > "$work/api.lua"
    sed "s|HEADERS|{}|" "$work/paths.lua" > "$work/health.lua"
    for kind in page api health; do
      case $kind in
        page) prefix="/cases/"; label="case page (HTML)";;
        api) prefix="/api/v1/trajectories/"; label="case API (JSON)";;
        health) prefix="/health"; label="/health (ceiling)";;
      esac
      sed "s|__PREFIX__|$prefix|" "$work/$kind.lua" > "$work/run.lua"
      out=$(wrk -t "$(( c < 2 ? 1 : 2 ))" -c "$c" -d "$DURATION" --latency -s "$work/run.lua" "$base" 2>&1)
      rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
      p50=$(awk '$1=="50%" {print $2}' <<<"$out")
      p99=$(awk '$1=="99%" {print $2}' <<<"$out")
      errors=$(awk '/Non-2xx/ {print $NF}' <<<"$out"); errors=${errors:-0}
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$db" "$label" "$c" "$rps" "$p50" "$p99" "$errors" "$build" \
        >> "$results"
    done
  done
  kill "$server"; wait "$server" 2>/dev/null || true; server=""
done
done

echo
echo "Koers case page and API, $PERSONS persons, wrk $DURATION per row, $(nproc) cores shared by server and wrk"
[ -n "$BASELINE" ] && echo "baseline: $BASELINE; 'vs baseline' is this build's req/s over the baseline's"
printf '%-9s %-9s %-19s %5s %10s %9s %9s %8s %11s %12s\n' build database endpoint conns "req/s" p50 p99 non-2xx \
  "vs ceiling" "vs baseline"
awk -F'\t' '{ key=$8 FS $1 FS $3; if ($2 ~ /ceiling/) ceil[key]=$4; if ($8 == "baseline") base[$1 FS $2 FS $3]=$4;
  rows[NR]=$0 } END {
  for (i=1; i<=NR; i++) { split(rows[i], f, FS); key=f[8] FS f[1] FS f[3]; b=base[f[1] FS f[2] FS f[3]];
    ratio = (f[8] == "current" && b > 0) ? sprintf("%.2fx", f[4]/b) : "";
    printf "%-9s %-9s %-19s %5s %10s %9s %9s %8s %10.1f%% %12s\n", f[8], f[1], f[2], f[3], f[4], f[5], f[6], f[7],
      (ceil[key] > 0 ? 100*f[4]/ceil[key] : 0), ratio } }' "$results"
