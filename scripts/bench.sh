#!/usr/bin/env bash
# `make bench`: the benchmarks on this machine, with the machine they ran on. Figures go into
# docs/benchmarks.md. BENCH_ACCESS_SIZES (default "2000 6000") sets the grid sides of the
# GRASS r.cost comparison; BENCH_QUICK=1 skips it.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
"$build/jangkau_bench" --benchmark_counters_tabular=true

[ "${BENCH_QUICK:-0}" = 1 ] && exit 0
command -v grass >/dev/null || { echo "grass-core missing: run scripts/install-deps.sh"; exit 1; }
work=$(mktemp -d /tmp/jangkau-access-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
echo
echo "== travel time: GRASS r.cost vs jangkau access solve (40 sources, 10% impassable, same GeoTIFF;"
echo "   r.cost step alone, one run; jangkau whole command with GeoTIFF I/O, median of three)"
printf "%-12s %-3s %10s %10s %7s %14s %14s  %s\n" grid nb "r.cost s" "jangkau s" ratio "r.cost B/cell" "jangkau B/cell" parity
for side in ${BENCH_ACCESS_SIZES:-2000 6000}; do
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
    parity=$("$build/access_tools" compare "$dir/t.tif" "$dir/n.tif" "$dir/g.tif" "$dir/gn.tif" || true)
    printf "%-12s %-3s %10s %10s %7.1f %14.1f %14.1f  %s\n" "${side}x${side}" "$nb" "$g_s" "$j_s" \
      "$(echo "$g_s / $j_s" | bc -l)" "$(echo "$g_kb * 1024 / $cells" | bc -l)" \
      "$(echo "$j_kb * 1024 / $cells" | bc -l)" "$parity"
  done
done
