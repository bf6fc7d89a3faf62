#!/usr/bin/env bash
# Starts or stops a throwaway PostgreSQL for tests, CI and benchmarks (see ../shared/STACK.md).
# usage: scripts/pg-throwaway.sh start [port]   → prints DATABASE_URL=… ; stop: scripts/pg-throwaway.sh stop [port]
set -euo pipefail
cmd=${1:-start}
PGPORT=${2:-54329}
STATE=/tmp/govsite-pg-$PGPORT
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$PGBIN" ]; then echo "PostgreSQL binaries not found (apt-get install -y postgresql)" >&2; exit 1; fi
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case "$cmd" in
  start)
    if [ -f "$STATE/data/postmaster.pid" ] && as_pg "$PGBIN/pg_ctl" -D "$STATE/data" status >/dev/null 2>&1; then
      echo "DATABASE_URL=postgres://postgres@127.0.0.1:$PGPORT/govsite_test"; exit 0
    fi
    rm -rf "$STATE"; mkdir -p "$STATE"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$STATE"
    chmod 700 "$STATE"
    as_pg "$PGBIN/initdb" -D "$STATE/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$STATE/initdb.log"
    as_pg "$PGBIN/pg_ctl" -D "$STATE/data" -l "$STATE/server.log" -w -t 30 \
      -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $STATE -c fsync=off -c synchronous_commit=off -c max_connections=200" start >/dev/null
    psql -h 127.0.0.1 -p "$PGPORT" -U postgres -qc 'CREATE DATABASE govsite_test' >/dev/null
    echo "DATABASE_URL=postgres://postgres@127.0.0.1:$PGPORT/govsite_test"
    ;;
  stop)
    if [ -d "$STATE/data" ]; then as_pg "$PGBIN/pg_ctl" -D "$STATE/data" -m fast -w stop >/dev/null 2>&1 || true; fi
    rm -rf "$STATE"
    ;;
  *) echo "usage: $0 start|stop [port]" >&2; exit 2 ;;
esac
