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

echo "== SQLite file vs PostgreSQL 15 + PostGIS (same machine, private cluster, fsync off), seconds"
row "what" "SQLite" "PostgreSQL"

# The national BPPSDMK file, its one impossible longitude cleared (as bench/import_bench.cc).
national="$work/national.csv"
sed -e 's/,-3.449333,119415581.0,/,,,/' data/national/bppsdmk_faskes_sdmk_indonesia_2019.csv > "$national"
file_ws="$work/national.jangkau"
pg_ws="$pg?district=99"
t "$J" init --workspace "$file_ws" >/dev/null
t "$J" init --workspace "$pg_ws" >/dev/null
row "import facilities + headcounts, national file (10,284)" \
  "$(t "$J" import facilities "$national" --workspace "$file_ws")" \
  "$(t "$J" import facilities "$national" --workspace "$pg_ws")"
row "needs, every facility of the national file, one call" \
  "$(t "$J" needs --workspace "$file_ws" --format csv)" \
  "$(t "$J" needs --workspace "$pg_ws" --format csv)"

# The OKI demo workspace (make demo), copied into the server and into a second file.
demo=out/demo/oki.jangkau
if [ ! -f "$demo" ]; then
  DEMO_OUT="$work/demo" bash scripts/demo.sh "$J" > "$work/demo.log" 2>&1
  demo="$work/demo/oki.jangkau"
fi
oki_file="$work/oki.jangkau"
oki_pg="$pg?district=16.02"
row "jangkau copy, OKI demo workspace into the store" \
  "$(t "$J" copy --from "$demo" --to "$oki_file")" \
  "$(t "$J" copy --from "$demo" --to "$oki_pg")"
row "jangkau copy back, nothing changed (every unit compared)" \
  "$(t "$J" copy --from "$oki_file" --to "$demo" --dry-run)" \
  "$(t "$J" copy --from "$oki_pg" --to "$demo" --dry-run)"
row "access run, OKI at 500 m (results written)" \
  "$(t "$J" access run --workspace "$oki_file" --resolution 500)" \
  "$(t "$J" access run --workspace "$oki_pg" --resolution 500)"
row "needs, OKI" \
  "$(t "$J" needs --workspace "$oki_file" --format csv)" \
  "$(t "$J" needs --workspace "$oki_pg" --format csv)"
row "backup (SQLite backup API / pg_dump)" \
  "$(t "$J" backup --workspace "$oki_file" --out "$work/oki.bak")" \
  "$(t "$J" backup --workspace "$oki_pg" --out "$work/oki.dump")"
row "restore over the workspace" \
  "$(t "$J" restore --workspace "$oki_file" --from "$work/oki.bak")" \
  "$(t "$J" restore --workspace "$oki_pg" --from "$work/oki.dump")"

# The API under load on each store: wrk, 50 connections, planner session.
serve() {
  "$J" serve --workspace "$1" --port 0 > "$work/url.$2" 2>/dev/null &
  servers+=($!)
  for _ in $(seq 100); do grep -q http "$work/url.$2" 2>/dev/null && break; sleep 0.1; done
  head -1 "$work/url.$2" | sed 's|/$||'
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
base_file=$(serve "$oki_file" file)
base_pg=$(serve "$oki_pg" pg)
cookie_file=$(login "$base_file")
cookie_pg=$(login "$base_pg")
echo
echo "== API p99 latency under load (wrk -t2 -c50 -d${seconds}s), OKI, planner session"
row "endpoint" "SQLite" "PostgreSQL"
for ep in /api/v1/facilities /api/v1/facilities/P1602010202/staff "/api/v1/needs?by=cadre" \
  "/api/v1/access/regions?level=desa&target=puskesmas" "/api/v1/map/regions?level=desa"; do
  row "$ep" "$(p99 "$base_file$ep" "$cookie_file")" "$(p99 "$base_pg$ep" "$cookie_pg")"
done
