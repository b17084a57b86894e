#!/usr/bin/env bash
# `make bench`, issue 16: the same work on a SQLite workspace file and on a district of a
# PostgreSQL server (a private cluster started here, scripts/pg-cluster.sh), side by side:
# the national facility import, needs for all its facilities in one call, copying the OKI demo
# workspace in, access run, backup and restore, and the API's latency under load.
# Usage: bench_stores.sh [BUILD] (the OKI demo workspace is made when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
J="$build/jangkau"
seconds=${BENCH_WRK_SECONDS:-30}
work=$(mktemp -d /tmp/jangkau-stores.XXXXXX)
servers=()
cleanup() {
  for s in "${servers[@]}"; do kill "$s" 2>/dev/null || true; done
  bash scripts/pg-cluster.sh stop "$work/pg" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
bash scripts/pg-cluster.sh start "$work/pg" >/dev/null
pg=$(cat "$work/pg/url")

# Wall seconds of a command (its output discarded; its errors shown and fatal).
t() {
  /usr/bin/time -f '%e' -o "$work/time" "$@" >/dev/null 2>"$work/err" || { cat "$work/err"; exit 1; }
  cat "$work/time"
}
row() { printf "%-58s %10s %10s\n" "$1" "$2" "$3"; }
# A row of one jangkau command run on each store: both LABEL FILE_WS PG_WS ARGS..., where "@WS" in
# ARGS stands for the workspace and "@K" for "file" or "pg" (to keep their outputs apart).
shopt -u patsub_replacement 2>/dev/null || true  # a "&" in a URL stays a "&"
both() {
  local label=$1 file=$2 server=$3
  shift 3
  local on_file=("${@//@WS/$file}") on_pg=("${@//@WS/$server}")
  row "$label" "$(t "$J" "${on_file[@]//@K/file}")" "$(t "$J" "${on_pg[@]//@K/pg}")"
}

echo "== SQLite file vs PostgreSQL 15 + PostGIS (same machine, private cluster, fsync off), seconds"
row "what" "SQLite" "PostgreSQL"

# The national BPPSDMK file, its one impossible longitude cleared (as bench/import_bench.cc).
national="$work/national.csv"
sed -e 's/,-3.449333,119415581.0,/,,,/' data/national/bppsdmk_faskes_sdmk_indonesia_2019.csv > "$national"
file_ws="$work/national.jangkau"
pg_ws="$pg?district=99"
t "$J" init --workspace "$file_ws" >/dev/null
t "$J" init --workspace "$pg_ws" >/dev/null
both "import facilities + headcounts, national file (10,284)" "$file_ws" "$pg_ws" \
  import facilities "$national" --workspace @WS
both "needs, every facility of the national file, one call" "$file_ws" "$pg_ws" \
  needs --workspace @WS --format csv

# The OKI demo workspace (make demo), copied into the server and into a second file.
demo=out/demo/oki.jangkau
if [ ! -f "$demo" ]; then
  DEMO_OUT="$work/demo" bash scripts/demo.sh "$J" > "$work/demo.log" 2>&1
  demo="$work/demo/oki.jangkau"
fi
oki_file="$work/oki.jangkau"
oki_pg="$pg?district=16.02"
both "jangkau copy, OKI demo workspace into the store" "$oki_file" "$oki_pg" \
  copy --from "$demo" --to @WS
both "jangkau copy back, nothing changed (every unit compared)" "$oki_file" "$oki_pg" \
  copy --from @WS --to "$demo" --dry-run
both "access run, OKI at 500 m (results written)" "$oki_file" "$oki_pg" \
  access run --workspace @WS --resolution 500
both "needs, OKI" "$oki_file" "$oki_pg" needs --workspace @WS --format csv
both "backup (SQLite backup API / pg_dump)" "$oki_file" "$oki_pg" \
  backup --workspace @WS --out "$work/oki.@K.bak"
both "restore over the workspace" "$oki_file" "$oki_pg" \
  restore --workspace @WS --from "$work/oki.@K.bak"

# The API under load on each store: wrk, 50 connections, planner session.
# Started in this shell (not in a $(...) subshell) so that cleanup knows its process.
serve() {
  "$J" serve --workspace "$1" --port 0 > "$work/url.$2" 2>/dev/null &
  servers+=($!)
}
url() {
  for _ in $(seq 100); do grep -q http "$work/url.$1" 2>/dev/null && break; sleep 0.1; done
  head -1 "$work/url.$1" | sed 's|/$||'
}
login() {
  curl -s -i -X POST "$1/api/v1/login" -d '{"username":"perencana","password":"demo-perencana-2026"}' |
    sed -n 's/^Set-Cookie: \(jangkau_sesi=[^;]*\).*/\1/p'
}
p99() {
  wrk -t2 -c50 -d"${seconds}s" --latency -H "Cookie: $2" "$1" > "$work/wrk.txt"
  awk '/Requests\/sec/ { rps = $2 } /^ +99%/ { p99 = $2 } /Non-2xx/ { bad = $NF }
       END { printf "%s (%.0f/s%s)", p99, rps, bad ? ", " bad " errors" : "" }' "$work/wrk.txt"
}
serve "$oki_file" file
serve "$oki_pg" pg
base_file=$(url file)
base_pg=$(url pg)
cookie_file=$(login "$base_file")
cookie_pg=$(login "$base_pg")
echo
echo "== API p99 latency under load (wrk -t2 -c50 -d${seconds}s), OKI, planner session"
row "endpoint" "SQLite" "PostgreSQL"
for ep in /api/v1/facilities /api/v1/facilities/P1602010202/staff "/api/v1/needs?by=cadre" \
  "/api/v1/access/regions?level=desa&target=puskesmas" "/api/v1/map/regions?level=desa"; do
  row "$ep" "$(p99 "$base_file$ep" "$cookie_file")" "$(p99 "$base_pg$ep" "$cookie_pg")"
done
