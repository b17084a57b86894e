#!/usr/bin/env bash
# A private PostgreSQL 15 cluster with PostGIS for the tests and benchmarks (docs/postgresql.md):
#   pg-cluster.sh start DIR   initdb in a new temporary directory as an unprivileged user
#                             (postgres when run as root: the build tree may not be readable by
#                             it), listen on a free port of 127.0.0.1 only, create the database
#                             jangkau_test with PostGIS; write its URL to DIR/url
#   pg-cluster.sh stop DIR    stop it and remove its directory and DIR
# Debian's postgresql-15 and postgresql-15-postgis-3 (scripts/install-deps.sh postgres).
set -euo pipefail
bin=/usr/lib/postgresql/15/bin
cmd=${1:?start|stop}
dir=${2:?directory}

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$cmd" in
  start)
    if [ -f "$dir/cluster" ]; then "$0" stop "$dir" || true; fi
    rm -rf "$dir"
    mkdir -p "$dir"
    cluster=$(mktemp -d /tmp/jangkau-pg.XXXXXX)
    echo "$cluster" >"$dir/cluster"
    if [ "$(id -u)" -eq 0 ]; then chown postgres: "$cluster"; fi
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    as_owner "$bin/initdb" -D "$cluster/data" -U jangkau --auth=trust -E UTF8 --locale=C.UTF-8 \
      >"$dir/initdb.log"
    # fsync off: the tests kill processes, never the machine; a cluster of the tests only.
    as_owner "$bin/pg_ctl" -D "$cluster/data" -l "$cluster/server.log" -w -t 60 \
      -o "-p $port -k $cluster -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" \
      start >/dev/null
    as_owner "$bin/psql" -q -h 127.0.0.1 -p "$port" -U jangkau -d postgres \
      -c "CREATE DATABASE jangkau_test" >/dev/null
    as_owner "$bin/psql" -q -h 127.0.0.1 -p "$port" -U jangkau -d jangkau_test \
      -c "CREATE EXTENSION postgis" >/dev/null
    echo "postgresql://jangkau@127.0.0.1:$port/jangkau_test" >"$dir/url"
    echo "PostgreSQL: $(cat "$dir/url")"
    ;;
  stop)
    if [ -f "$dir/cluster" ]; then
      cluster=$(cat "$dir/cluster")
      if [ -d "$cluster/data" ]; then
        as_owner "$bin/pg_ctl" -D "$cluster/data" -m fast -w stop >/dev/null || true
      fi
      case "$cluster" in /tmp/jangkau-pg.*) rm -rf "$cluster" ;; esac
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "pg-cluster.sh: start|stop DIR" >&2
    exit 2
    ;;
esac
