#!/usr/bin/env bash
# `make bench`, issue 16: the access run over the whole province of Sumatera Selatan (17
# kabupaten/kota, 241 kecamatan as zones, 332 facilities: data/province/sumsel) at several cell
# sizes: wall time, peak memory and bytes per grid cell (of the whole province's grid), and the
# results per district. At 30 m the grid (about 2e8 cells) is above the access run's limit for one
# grid, and the run goes kabupaten by kabupaten (docs/access.md); its tiles are reported.
# Usage: bench_province.sh [BUILD] [METRES...] (default BENCH_PROVINCE_SIZES or 500 250 100 30).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
shift || true
sizes=("$@")
# shellcheck disable=SC2206
[ ${#sizes[@]} -gt 0 ] || sizes=(${BENCH_PROVINCE_SIZES:-500 250 100 30})
J="$build/jangkau"
data=data/province/sumsel
work=$(mktemp -d /tmp/jangkau-provinsi.XXXXXX)
trap 'rm -rf "$work"' EXIT
ws="$work/sumsel.jangkau"
"$J" init --workspace "$ws" >/dev/null
"$J" import regions "$data/wilayah.geojson" --workspace "$ws" --make-valid >/dev/null
"$J" import population "$data/penduduk.csv" --workspace "$ws" >/dev/null
"$J" import facilities "$data/faskes_bppsdmk_2019.csv" --workspace "$ws" >/dev/null
"$J" import assumptions "$data/asumsi_faskes.csv" --workspace "$ws" >/dev/null
if [ -f "$data/indikator_kecamatan.csv" ]; then
  "$J" import indicators "$data/indikator_kecamatan.csv" --workspace "$ws" >/dev/null
fi
"$J" import rivers data/network/gshhg_wdbii_rivers_ssumatra.geojson --workspace "$ws" >/dev/null
"$J" import water data/network/laut_gshhg_ssumatra.geojson --workspace "$ws" >/dev/null
"$J" import swamp data/network/sumsel_peat_thickness_class_polygons.geojson --workspace "$ws" >/dev/null

echo "== the province: access run over Sumatera Selatan (17 kab/kota, kecamatan as zones, 332 facilities)"
printf "%-8s %14s %10s %12s %14s\n" "cell" "grid cells" "seconds" "peak MiB" "bytes/cell"
for m in "${sizes[@]}"; do
  /usr/bin/time -f '%e %M' -o "$work/time" "$J" --lang en access run --workspace "$ws" \
    --resolution "$m" --out '' > "$work/run.txt"
  read -r secs kib < "$work/time"
  # "grid COLS x ROWS cells (M m), ..."
  cells=$(sed -n 's/.*grid \([0-9]*\) x \([0-9]*\) cells.*/\1 \2/p' "$work/run.txt" | awk '{print $1 * $2}')
  printf "%-8s %14s %10s %12s %14s\n" "$m m" "$cells" "$secs" "$((kib / 1024))" \
    "$(awk -v k="$kib" -v c="$cells" 'BEGIN { printf "%.0f", k * 1024 / c }')"
  # A run by kabupaten: its tiles, those widened, and the people, area and referrals whose time
  # its margins leave unsure.
  sed -n 's/^by kabupaten: /         by kabupaten: /p; s/^  \([0-9.]*\): margin widened to /           \1: margin widened to /p; s/^  \([a-z_]*\): \([0-9]*\) people whose.*/           \1: \2 people whose best path could leave their tile/p; s/^  \([a-z_]*\): \([0-9]*\) km2 of the map.*/           \1: \2 km2 of the map whose time may be shorter/p; s/^  \([a-z_]*\): \([0-9]*\) facility answers.*/           \1: \2 facility answers that may be shorter/p' "$work/run.txt"
done
echo
echo "-- per district, the last run (population: kecamatan with a population figure only)"
grep -E "^  (kode|[0-9]{2}\.[0-9]{2} )" "$work/run.txt" || true
