#!/usr/bin/env bash
# `make demo`: builds out/demo/oki.jangkau from the bundled Ogan Komering Ilir sample, checks
# it and prints a summary. Language: JANGKAU_LANG (id by default; en for English).
set -euo pipefail
cd "$(dirname "$0")/.."
jangkau=${1:-build/jangkau}
lang=${JANGKAU_LANG:-id}
out=out/demo
data=data/districts/oki
ws=$out/oki.jangkau
J() { "$jangkau" --lang "$lang" "$@"; }
say() { if [ "$lang" = en ]; then echo "$2"; else echo "$1"; fi; }

mkdir -p "$out"
rm -f "$ws" "$ws-wal" "$ws-shm"

say "== 1. Ruang kerja OKI: $ws" "== 1. OKI workspace: $ws"
J init --workspace "$ws"
J import regions "$data/wilayah.geojson" --workspace "$ws"
J import population "$data/penduduk.csv" --workspace "$ws"
J import facilities "$data/faskes_bppsdmk_2019.csv" --workspace "$ws"
J import assumptions "$data/asumsi_faskes.csv" --workspace "$ws"
J check --workspace "$ws"

echo
say "== 2. Pemeriksaan data (daftar lengkap: $out/validasi.txt)" \
    "== 2. Data checks (full list: $out/validasi.txt)"
J validate --workspace "$ws" > "$out/validasi.txt"
# The problems a planner must look at first; the long lists (villages without population,
# assumptions per facility) are counted in the summary below.
grep -v -E "population 0|penduduk 0|ASUMSI|ASSUMPTION" "$out/validasi.txt" || true

echo
say "== 3. Ringkasan" "== 3. Summary"
J show summary --workspace "$ws"
J export facilities --workspace "$ws" --format gpkg --out "$out/fasyankes_oki.gpkg"
J export warnings --workspace "$ws" --format xlsx --out "$out/peringatan_oki.xlsx"
