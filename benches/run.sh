#!/usr/bin/env bash
# The benchmark on both databases: starts a private PostgreSQL cluster on
# loopback (as .ci/run does), then `cargo bench --features bench --bench load`.
#   benches/run.sh [--scale N] [--seconds S] [--concurrency C]   (defaults 100, 10, 32)
# Data sets are generated once per scale under target/bench/ (delete to regenerate).
set -euo pipefail
cd "$(dirname "$0")/.."
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
if [ -z "$(pg_bin)" ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq postgresql >/dev/null
fi
PGBIN="$(pg_bin)"
PGPORT="${HUIGUI_BENCH_PGPORT:-55433}"
PGDATA="$PWD/target/bench/pgdata"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
mkdir -p target/bench
if [ ! -f "$PGDATA/PG_VERSION" ]; then
  mkdir -p "$PGDATA" && chown postgres: "$PGDATA"
  as_pg "$PGBIN/initdb" -D "$PGDATA" -U postgres --auth=trust >/dev/null
fi
as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" \
  -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGDATA -c max_connections=200 -c shared_buffers=256MB" -w start >/dev/null
trap 'as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null 2>&1 || true' EXIT
HUIGUI_BENCH_PG_URL="postgres://postgres@127.0.0.1:$PGPORT/postgres" \
  cargo bench --features bench --bench load -- --db both "$@"
