#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the integration tests, on a loopback port.
#   scripts/postgres-test-cluster.sh start [port]   → prints the admin URL on stdout
#   scripts/postgres-test-cluster.sh stop  [port]
# Data lives in /tmp/refugio-pg-test-<port>; fsync is off because the data is disposable.
# initdb refuses to run as root, so as root the server runs as the `postgres` user.
set -euo pipefail

command=${1:-}
port=${2:-${REFUGIO_TEST_PG_PORT:-54329}}
pgdata="/tmp/refugio-pg-test-$port"

pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [[ -z "$pgbin" || ! -x "$pgbin/initdb" ]]; then
  echo "postgres-test-cluster: PostgreSQL server binaries not found under /usr/lib/postgresql (apt-get install postgresql)" >&2
  exit 1
fi

# Runs a server binary as the postgres user when we are root, as ourselves otherwise.
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
  stop_quietly
  rm -rf "$pgdata"
  mkdir -p "$pgdata"
  if [[ $(id -u) -eq 0 ]]; then chown postgres:postgres "$pgdata"; fi
  chmod 700 "$pgdata"
  as_owner "$pgbin/initdb" -D "$pgdata" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$pgdata.initdb.log" 2>&1 || {
    echo "postgres-test-cluster: initdb failed:" >&2
    cat "$pgdata.initdb.log" >&2
    exit 1
  }
  # The socket goes in the data dir: /tmp may hold other clusters' sockets for the same port.
  if ! as_owner "$pgbin/pg_ctl" -D "$pgdata" -l "$pgdata/server.log" -w -t 60 \
      -o "-p $port -k $pgdata -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null; then
    echo "postgres-test-cluster: the server did not start on port $port:" >&2
    tail -20 "$pgdata/server.log" >&2 || true
    exit 1
  fi
  echo "postgres://postgres@127.0.0.1:$port/postgres"
}

stop_quietly() {
  if [[ -f "$pgdata/postmaster.pid" ]]; then
    as_owner "$pgbin/pg_ctl" -D "$pgdata" -m immediate -w stop >/dev/null 2>&1 || true
  fi
}

case "$command" in
  start) start ;;
  stop)
    stop_quietly
    rm -rf "$pgdata" "$pgdata.initdb.log"
    ;;
  *)
    echo "usage: $0 start|stop [port]" >&2
    exit 2
    ;;
esac
