#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on a free loopback port, as a non-root user, and prints
# its URL. Usage: eval "$(scripts/postgres-throwaway.sh)"   (exports KOERS_TEST_POSTGRES_URL and PG_THROWAWAY_DIR)
# Stop it with: scripts/postgres-throwaway.sh stop
set -euo pipefail

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$bindir" ] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }

run_as() {
  if [ "$(id -u)" = "0" ]; then
    id koers-pg >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin koers-pg
    runuser -u koers-pg -- "$@"
  else
    "$@"
  fi
}

if [ "${1:-}" = "stop" ]; then
  [ -n "${PG_THROWAWAY_DIR:-}" ] && run_as "$bindir/pg_ctl" -D "$PG_THROWAWAY_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  [ -n "${PG_THROWAWAY_DIR:-}" ] && rm -rf "$PG_THROWAWAY_DIR"
  exit 0
fi

dir=$(mktemp -d /tmp/koers-pg.XXXXXX)
chmod 755 "$dir"
[ "$(id -u)" = "0" ] && { id koers-pg >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin koers-pg; chown koers-pg "$dir"; }
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
run_as "$bindir/initdb" -D "$dir/data" -U koers --auth=trust -E UTF8 >/dev/null
run_as "$bindir/pg_ctl" -D "$dir/data" -l "$dir/log" -w -o "-h 127.0.0.1 -p $port -k $dir -c fsync=off -c full_page_writes=off -c max_connections=400" start >/dev/null
run_as "$bindir/createdb" -h 127.0.0.1 -p "$port" -U koers koers
# The cluster has no TLS: saying so spares every connection pool a TLS context of its own.
echo "export KOERS_TEST_POSTGRES_URL=postgres://koers@127.0.0.1:$port/koers?sslmode=disable PG_THROWAWAY_DIR=$dir"
