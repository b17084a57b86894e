#!/usr/bin/env bash
# `make bench`: the benchmarks on this machine, with the machine they ran on. Figures go into
# docs/benchmarks.md. BENCH_ACCESS_SIZES (default "2000 6000 10000") sets the grid sides of the
# GRASS r.cost comparison; BENCH_QUICK=1 skips it. BENCH_WRK_SECONDS (default 30) sets the
# length of each HTTP load test.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
"$build/jangkau_bench" --benchmark_counters_tabular=true

work=$(mktemp -d /tmp/jangkau-bench.XXXXXX)
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT

# The web API under load: wrk, 50 connections, BENCH_WRK_SECONDS (default 30) per endpoint,
# against the OKI demo workspace, logged in as the planner.
echo
echo "== HTTP API under load: wrk -t2 -c50 -d${BENCH_WRK_SECONDS:-30}s, OKI demo workspace (planner session)"
DEMO_OUT="$work/demo" bash scripts/demo.sh "$build/jangkau" > "$work/demo.log" 2>&1
"$build/jangkau" serve --workspace "$work/demo/oki.jangkau" --port 0 > "$work/url" 2>/dev/null &
server=$!
for _ in $(seq 100); do grep -q http "$work/url" 2>/dev/null && break; sleep 0.1; done
base=$(head -1 "$work/url" | sed 's|/$||')
cookie=$(curl -s -i -X POST "$base/api/v1/login" \
  -d '{"username":"perencana","password":"demo-perencana-2026"}' |
  sed -n 's/^Set-Cookie: \(jangkau_sesi=[^;]*\).*/\1/p')
# One table row from a wrk --latency report: wrk_row NAME FILE.
wrk_row() {
  awk -v ep="$1" '
    /Requests\/sec/ { rps = $2 }
    /^ +50%/ { p50 = $2 } /^ +90%/ { p90 = $2 } /^ +99%/ { p99 = $2 }
    /^ +Latency +[0-9]/ { max = $4 }
    /Non-2xx/ { errors += $NF } /Socket errors/ { errors += $4 + $6 + $8 + $10 }
    END { printf "%-40s %10s %9s %9s %9s %9s %8d\n", ep, rps, p50, p90, p99, max, errors }' "$2"
}
wrk_head() { printf "%-40s %10s %9s %9s %9s %9s %8s\n" endpoint "req/s" p50 p90 p99 max errors; }
# One wrk run per read endpoint, a table row each.
load_table() {
  wrk_head
  for ep in /api/v1/facilities /api/v1/submissions "/api/v1/needs?by=cadre" \
    "/api/v1/access/regions?level=desa&target=puskesmas" "/api/v1/map/regions?level=desa" \
    /api/v1/map/facilities "/api/v1/proposal?budget=5000000000"; do
    wrk -t2 -c50 -d"${BENCH_WRK_SECONDS:-30}s" --latency -H "Cookie: $cookie" "$base$ep" > "$work/wrk.txt"
    wrk_row "$ep" "$work/wrk.txt"
  done
}
rss_mb() { awk '/VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$server/status"; }
threads() { awk '/Threads/ { print $2 }' "/proc/$server/status"; }
csrf=$(curl -s -X POST "$base/api/v1/login" \
  -d '{"username":"perencana","password":"demo-perencana-2026"}' -c "$work/jar" |
  sed -n 's/.*"csrf_token":"\([^"]*\)".*/\1/p')
load_table

# The same with hostile clients held open (issue 10): 500 idle connections and 100 clients
# sending a request head a byte a second, from 120 loopback addresses, reopened when closed.
echo
echo "== the same while 500 idle connections and 100 slow clients are held open (bench/hold_connections)"
port=${base##*:}
"$build/hold_connections" "$port" 500 100 > "$work/hold.log" &
holder=$!
sleep 6
echo "held: $(tail -1 "$work/hold.log"); server threads: $(threads)"
load_table
echo "held at the end: $(tail -1 "$work/hold.log")"
kill "$holder"; wait "$holder" 2>/dev/null || true

# Memory after 200 background jobs and 1,000 failed logins (60 KB usernames): within 100 MB of
# the start (issue 10). Jobs beyond the queue get 429 and are tried again.
echo
echo "== memory: 200 background jobs (access run at 2,000 m), then 1,000 failed logins"
start_rss=$(rss_mb); start_threads=$(threads)
jobs_done=0; refused=0
while [ "$jobs_done" -lt 200 ]; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -b "$work/jar" -H "X-CSRF-Token: $csrf" \
    -X POST "$base/api/v1/access/run" -d '{"resolution_m": 2000}')
  if [ "$code" = 202 ]; then jobs_done=$((jobs_done + 1)); else refused=$((refused + 1)); sleep 0.2; fi
done
after_jobs=$(rss_mb)
name=$(head -c 60000 /dev/zero | tr '\0' a)
for i in $(seq 1000); do
  printf '{"username":"%s%d","password":"salah-salah"}' "$name" "$i" |
    curl -s -o /dev/null -X POST "$base/api/v1/login" --data-binary @-
done
sleep 2
echo "RSS MB: start $start_rss, after 200 jobs $after_jobs (429 answered $refused times), after 1,000 failed logins $(rss_mb)"

# 50 jobs at once: never more running than the pool (cores), no thread left behind.
echo
echo "== 50 jobs started at once"
seq 50 | xargs -P 50 -I{} curl -s -o /dev/null -w '%{http_code}\n' -b "$work/jar" \
  -H "X-CSRF-Token: $csrf" -X POST "$base/api/v1/access/run" -d '{"resolution_m": 2000}' |
  sort | uniq -c | awk '{ printf "HTTP %s: %d\n", $2, $1 }'
sleep 20
echo "server threads: before $start_threads, after $(threads); cores $(nproc)"
kill "$server"; server=""

# Planning on the same workspace: a flood scenario recomputed and compared with the baseline
# (target: under 2 s at 100 m), and the access run and site choice for scale.
echo
echo "== planning on OKI at 100 m (hyperfine, 5 runs; whole commands, workspace reads included)"
W="--workspace $work/demo/oki.jangkau"
hyperfine --style basic --runs 5 --export-markdown "$work/plan.md" \
  -n "plan compare (banjir_musim_hujan: 12 desa, 2 puskesmas tutup)" \
  "$build/jangkau plan compare $W --scenario banjir_musim_hujan --format csv" \
  -n "access run (3 tujuan + rute antar-puskesmas)" "$build/jangkau access run $W --out ''" \
  -n "plan sites --k 5 --minutes 60 (327 calon desa)" \
  "$build/jangkau plan sites $W --k 5 --minutes 60 --format csv" \
  -n "plan stops --minutes 60 --reach 30" \
  "$build/jangkau plan stops $W --minutes 60 --reach 30 --format csv" > /dev/null
cat "$work/plan.md"

# Dispatch under load (issue 12): 20 dispatchers each recording a call a second (POST intake)
# while 50 readers poll the board of open incidents, on the Muba demo workspace (user psc).
echo
echo "== dispatch API: 20 dispatchers taking a call a second each + 50 board readers at once (wrk, ${BENCH_WRK_SECONDS:-30}s)"
cp "$work/demo/muba.jangkau" "$work/muba-load.jangkau"
"$build/jangkau" serve --workspace "$work/muba-load.jangkau" --port 0 > "$work/url-muba" 2>/dev/null &
server=$!
for _ in $(seq 100); do grep -q http "$work/url-muba" 2>/dev/null && break; sleep 0.1; done
mbase=$(head -1 "$work/url-muba" | sed 's|/$||')
login=$(curl -s -i -X POST "$mbase/api/v1/login" -d '{"username":"psc","password":"demo-psc-2026"}')
pcookie=$(printf '%s' "$login" | sed -n 's/^Set-Cookie: \(jangkau_sesi=[^;]*\).*/\1/p')
pcsrf=$(printf '%s' "$login" | sed -n 's/.*"csrf_token":"\([^"]*\)".*/\1/p')
cat > "$work/intake.lua" <<LUA
wrk.method = "POST"
wrk.body = '{"prioritas":"P2","kategori":"trauma","desa":"16.06.11.2009","sumber":"119"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Cookie"] = "$pcookie"
wrk.headers["X-CSRF-Token"] = "$pcsrf"
function delay() return 1000 end
LUA
wrk -t1 -c20 -d"${BENCH_WRK_SECONDS:-30}s" --latency -s "$work/intake.lua" \
  "$mbase/api/v1/emergency/incidents" > "$work/intake.txt" &
intake=$!
wrk -t2 -c50 -d"${BENCH_WRK_SECONDS:-30}s" --latency -H "Cookie: $pcookie" \
  "$mbase/api/v1/emergency/incidents" > "$work/board.txt"
wait "$intake"
wrk_head
wrk_row "POST /emergency/incidents (20 x 1/s)" "$work/intake.txt"
wrk_row "GET /emergency/incidents (50 readers)" "$work/board.txt"
echo "open incidents on the board at the end: $(curl -s -H "Cookie: $pcookie" "$mbase/api/v1/emergency/incidents" | grep -o '"id":' | wc -l)"
kill "$server"; server=""

# Dispatch (issue 12): a recommendation for 50 units under 200 ms, on the Muba demo workspace,
# baseline and flood, at the dispatch grid (200 m) and at the access run's 100 m.
echo
echo "== dispatch: recommendation with 50 units on Musi Banyuasin (bench/dispatch_bench)"
"$build/dispatch_bench" "$work/demo/muba.jangkau"
"$build/dispatch_bench" "$work/demo/muba.jangkau" banjir_musim_hujan
"$build/dispatch_bench" "$work/demo/muba.jangkau" "" 100

# Growth (issue 13): z-scores of every indicator for 1,000,000 children under 2 s (the engine),
# the whole `growth zscore` command on the same children as CSV, and, as a peer, R computing the
# weight-for-age z-score alone, vectorised as WHO anthro does (merge on the LMS table).
echo
echo "== growth: WHO z-scores for 1,000,000 children (bench/growth_bench)"
"$build/growth_bench" 1000000 "$work/growth.csv"
/usr/bin/time -f "| jangkau growth zscore, 1,000,000 rows CSV in and out | %e s | %M KiB peak |" \
  "$build/jangkau" growth zscore "$work/growth.csv" --out "$work/growth_z.csv" 2>&1 | tail -1
if command -v Rscript >/dev/null; then
  Rscript -e 'd <- read.csv(commandArgs(TRUE)[1]); lms <- read.csv(commandArgs(TRUE)[2])
    t <- system.time({ days <- floor(d$age + 0.5); k <- match(paste(d$sex, days), paste(lms$sex, lms$age))
      l <- lms$l[k]; m <- lms$m[k]; s <- lms$s[k]; z <- round(((d$weight / m)^l - 1) / (s * l), 2) })
    cat(sprintf("| R (peer): weight-for-age alone, vectorised, 1,000,000 rows | %.2f s | |\n", t[["elapsed"]]))' \
    "$work/growth.csv" data/reference/who_growth/weianthro.csv
fi

# e-PPGBM import (issue 13): 200,000 rows under 10 s. The CONTOH export's rows repeated with new
# NIKs (each row a child), into a workspace holding Muba's boundaries (every village matched by
# name); beside it, as a floor, sqlite3's own .import of the same CSV into a bare table (no checks).
echo
echo "== e-PPGBM import: 200,000 rows of the CONTOH export's shape into a Muba workspace"
python3 - data/districts/muba/eppgbm_contoh.csv "$work/eppgbm_200k.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="")))
header, body = rows[0], rows[1:]
nik = header.index("NIK")
with open(sys.argv[2], "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(header)
    for i in range(200000):
        r = list(body[i % len(body)])
        r[nik] = "%016d" % (1606000000000000 + i)
        w.writerow(r)
PY
"$build/jangkau" init --workspace "$work/eppgbm.jangkau" >/dev/null
"$build/jangkau" import regions data/districts/muba/wilayah.geojson --make-valid \
  --workspace "$work/eppgbm.jangkau" >/dev/null 2>&1
/usr/bin/time -f "| jangkau import growth, 200,000 rows (read, checked, villages matched, written) | %e s | %M KiB peak |" \
  "$build/jangkau" import growth "$work/eppgbm_200k.csv" --workspace "$work/eppgbm.jangkau" 2>&1 | tail -1
/usr/bin/time -f "| sqlite3 .import (peer, a floor: no checks, text columns) | %e s | %M KiB peak |" \
  sqlite3 "$work/bare.sqlite" ".import --csv $work/eppgbm_200k.csv bare" 2>&1 | tail -1

# Early warning (issue 14): alerts by every method for a province, 300 puskesmas x 25 diseases x
# 5 years of weeks (1,957,500 reports), under 5 s. Farrington with its default b = 5 needs more
# than five years of weeks, so it is run again with b = 4 (it then computes the last year). As a
# peer, R's surveillance package on 30 of the 7,500 series, scaled.
echo
echo "== early warning: a province's weekly reports, 300 puskesmas x 25 diseases x 261 weeks (INVENTED)"
python3 bench/make_skdr_province.py "$work/skdr_faskes.csv" "$work/skdr_weekly.csv"
"$build/jangkau" init --workspace "$work/skdr.jangkau" >/dev/null
"$build/jangkau" import facilities "$work/skdr_faskes.csv" --workspace "$work/skdr.jangkau" >/dev/null
/usr/bin/time -f "| jangkau import weekly, 78,300 W2 rows = 1,957,500 reports | %e s | %M KiB peak |" \
  "$build/jangkau" import weekly "$work/skdr_weekly.csv" --workspace "$work/skdr.jangkau" 2>&1 | tail -1
for b in 5 4; do
  /usr/bin/time -f "| jangkau alerts --method all --b $b, every alert computed, monthly summary out | %e s | %M KiB peak |" \
    "$build/jangkau" alerts --method all --b $b --view bulanan --format csv --workspace "$work/skdr.jangkau" 2>&1 >/dev/null | tail -1
  /usr/bin/time -o "$work/alerts.time" -f "| jangkau alerts --method all --b $b, every alert written as CSV | %e s | %M KiB peak |" \
    "$build/jangkau" alerts --method all --b $b --format csv --workspace "$work/skdr.jangkau" 2>"$work/alerts.err" >"$work/alerts.csv"
  cat "$work/alerts.time"
  echo "   ($(tail -1 "$work/alerts.err"))"
done
if command -v Rscript >/dev/null; then
  echo "| R surveillance (peer): $(Rscript bench/surveillance_peer.R 30 4 2>/dev/null | tail -1) |"
fi

[ "${BENCH_QUICK:-0}" = 1 ] && exit 0
# The same work on a SQLite file and on PostgreSQL, side by side (issue 16).
echo
bash scripts/bench_stores.sh "$build"
# The province of Sumatera Selatan as one workspace: its access run at several cell sizes.
echo
bash scripts/bench_province.sh "$build"

command -v grass >/dev/null || { echo "grass-core missing: run scripts/install-deps.sh"; exit 1; }
echo
echo "== travel time: GRASS r.cost vs jangkau access solve (40 sources, 10% impassable, same GeoTIFF;"
echo "   r.cost step alone, one run; jangkau whole command with GeoTIFF I/O, median of three)"
echo "   loaded: the second core held by a busy loop, jangkau as it runs by default and with --threads 1,"
echo "   taken in turns, median of three each"
printf "%-12s %-3s %10s %10s %7s %14s %14s %9s %9s  %s\n" grid nb "r.cost s" "jangkau s" ratio "r.cost B/cell" "jangkau B/cell" "loaded s" "1 thr s" parity
for side in ${BENCH_ACCESS_SIZES:-2000 6000 10000}; do
  dir="$work/$side"
  mkdir -p "$dir"
  "$build/access_tools" make-grid "$side" "$side" 40 20261129 "$dir"
  cells=$((side * side))
  coords=$(cat "$dir/coords.txt")
  for nb in 8 16; do
    k=""; [ "$nb" = 16 ] && k="-k"
    # r.cost alone is timed (import and export are not), with its peak memory.
    rm -f "$dir/g.tif" "$dir/gn.tif"
    grass --tmp-location EPSG:32748 --exec bash -c "
      r.in.gdal -o input=$dir/friction.tif output=fric --quiet && g.region raster=fric &&
      /usr/bin/time -f '%e %M' -o $dir/grass_time r.cost $k input=fric output=tt nearest=near \
        start_coordinates=$coords memory=8000 --quiet &&
      r.out.gdal input=tt output=$dir/g.tif format=GTiff type=Float64 --quiet -f &&
      r.out.gdal input=near output=$dir/gn.tif format=GTiff type=Int32 --quiet -f" >"$dir/grass.log" 2>&1 || { cat "$dir/grass.log"; exit 1; }
    read -r g_s g_kb < "$dir/grass_time"
    # jangkau: the whole command, GeoTIFF in and out included; the median of three runs.
    for run in 1 2 3; do
      /usr/bin/time -f '%e %M' -o "$dir/our_time_$run" "$build/jangkau" access solve \
        --friction "$dir/friction.tif" --sources "$dir/sources.csv" --out "$dir/t.tif" \
        --nearest "$dir/n.tif" --neighbours "$nb" >/dev/null
    done
    read -r j_s j_kb < <(sort -n "$dir"/our_time_* | sed -n 2p)
    # Under load: one core kept busy by another process (r.cost, one thread, is not slowed).
    # Default threads and one thread taken in turns, three times each, the median of each.
    ( while :; do :; done ) &
    busy=$!
    for run in 1 2 3; do
      for threads in 0 1; do
        /usr/bin/time -f '%e' -o "$dir/loaded_${threads}_$run" "$build/jangkau" access solve \
          --friction "$dir/friction.tif" --sources "$dir/sources.csv" --out "$dir/t.tif" \
          --nearest "$dir/n.tif" --neighbours "$nb" --threads "$threads" >/dev/null
      done
    done
    kill "$busy"; wait "$busy" 2>/dev/null || true
    for threads in 0 1; do sort -n "$dir"/loaded_"${threads}"_* | sed -n 2p > "$dir/loaded_$threads"; done
    parity=$("$build/access_tools" compare "$dir/t.tif" "$dir/n.tif" "$dir/g.tif" "$dir/gn.tif" || true)
    printf "%-12s %-3s %10s %10s %7.1f %14.1f %14.1f %9s %9s  %s\n" "${side}x${side}" "$nb" "$g_s" "$j_s" \
      "$(echo "$g_s / $j_s" | bc -l)" "$(echo "$g_kb * 1024 / $cells" | bc -l)" \
      "$(echo "$j_kb * 1024 / $cells" | bc -l)" "$(cat "$dir/loaded_0")" "$(cat "$dir/loaded_1")" "$parity"
  done
done
