#!/usr/bin/env bash
# `make demo`: builds out/demo/oki.jangkau from the bundled Ogan Komering Ilir sample, checks
# it and prints a summary; then out/demo/muba.jangkau (Musi Banyuasin) for emergency response.
# Language: JANGKAU_LANG (id by default; en for English).
set -euo pipefail
cd "$(dirname "$0")/.."
jangkau=${1:-build/jangkau}
lang=${JANGKAU_LANG:-id}
out=${DEMO_OUT:-out/demo}
data=data/districts/oki
ws=$out/oki.jangkau
J() { "$jangkau" --lang "$lang" "$@"; }
say() { if [ "$lang" = en ]; then echo "$2"; else echo "$1"; fi; }

mkdir -p "$out"
rm -f "$ws" "$ws-wal" "$ws-shm"

say "== 1. Ruang kerja OKI: $ws" "== 1. OKI workspace: $ws"
J init --workspace "$ws"
# The published boundaries hold invalid polygons (self-intersections): repaired and reported.
J import regions "$data/wilayah.geojson" --workspace "$ws" --make-valid
J import population "$data/penduduk.csv" --workspace "$ws"
J import facilities "$data/faskes_bppsdmk_2019.csv" --workspace "$ws"
J import assumptions "$data/asumsi_faskes.csv" --workspace "$ws"
J import indicators "$data/indikator_desa.csv" --workspace "$ws"
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

echo
say "== 4. Waktu tempuh ke layanan (jalan, sungai, rawa; keluaran di $out/akses)" \
    "== 4. Travel time to care (roads, rivers, swamp; outputs in $out/akses)"
J import rivers data/network/gshhg_wdbii_rivers_ssumatra.geojson --workspace "$ws"
J import water data/network/laut_gshhg_ssumatra.geojson --workspace "$ws"
J import swamp data/network/sumsel_peat_thickness_class_polygons.geojson --workspace "$ws"
J access run --workspace "$ws" --out "$out/akses"

echo
say "== 5. Kebutuhan tenaga menurut norma Permenkes 75/2014 (lengkap: $out/kebutuhan_norma.csv)" \
    "== 5. Staffing need by the Permenkes 75/2014 norms (full: $out/kebutuhan_norma.csv)"
J needs --workspace "$ws" --method norms --format csv > "$out/kebutuhan_norma.csv"
J needs --workspace "$ws" --method norms --by cadre
say "  (kelompok 'a+b': sumber hanya mencatat jumlah gabungan, mis. tenaga medis)" \
    "  (group 'a+b': the source only counts them together, e.g. tenaga medis)"

echo
say "== 6. Usulan formasi untuk BKPSDM (plafon Rp 5 miliar)" \
    "== 6. Staffing proposal for BKPSDM (ceiling Rp 5 billion)"
J proposal --workspace "$ws" --budget 5000000000 --out "$out/usulan_formasi_oki.xlsx"

echo
say "== 7. Skenario banjir: 12 desa dengan indeks bahaya banjir tertinggi (kecepatan 20%), fasyankes di dalamnya tutup" \
    "== 7. Flood scenario: the 12 villages with the highest flood hazard index (20% speed), facilities in them closed"
J scenario create --workspace "$ws" --name banjir_musim_hujan --hazard-top 12 --flood-factor 0.2 \
  --close-flooded --description "Banjir musim hujan: 12 desa dengan indeks bahaya banjir tertinggi"
J plan compare --workspace "$ws" --scenario banjir_musim_hujan --out "$out/rencana"

echo
say "== 8. Lima lokasi fasyankes baru yang menjangkau penduduk terbanyak dalam 60 menit" \
    "== 8. Five new facility sites that bring the most people within 60 minutes"
J plan sites --workspace "$ws" --k 5 --minutes 60 --exact

echo
say "== 9. Layanan keliling / perahu klinik: desa > 60 menit dari FKTP, titik singgah <= 30 menit (lengkap: $out/rencana/titik_keliling.csv)" \
    "== 9. Mobile / boat clinic: villages > 60 minutes from an FKTP, stops within 30 minutes (full: $out/rencana/titik_keliling.csv)"
J plan stops --workspace "$ws" --minutes 60 --reach 30 --format csv > "$out/rencana/titik_keliling.csv"
J plan stops --workspace "$ws" --minutes 60 --reach 30 > "$out/rencana/titik_keliling.txt"
head -1 "$out/rencana/titik_keliling.txt"

echo
say "== 10. Gawat darurat Musi Banyuasin (CONTOH): unit, insiden, waktu respons (docs/emergency.md)" \
    "== 10. Emergency response in Musi Banyuasin (SAMPLE): units, incidents, response times (docs/emergency.md)"
muba=data/districts/muba
mws=$out/muba.jangkau
rm -f "$mws" "$mws-wal" "$mws-shm"
J init --workspace "$mws" >/dev/null
J import regions "$muba/wilayah.geojson" --workspace "$mws" --make-valid >/dev/null
J import population "$muba/penduduk.csv" --workspace "$mws" >/dev/null
J import facilities "$muba/faskes_bppsdmk_2019.csv" --workspace "$mws" >/dev/null
# CONTOH: three units at the first three puskesmas with coordinates (an ambulance, a motorbike,
# a boat), and four calls at fixed times in villages of three kecamatan; all invented.
kinds=(ambulans motor perahu)
n=0
while IFS=, read -r kode lat lon; do
  J unit add --workspace "$mws" --kode "CONTOH-${kinds[$n]}" --jenis "${kinds[$n]}" \
    --lon "$lon" --lat "$lat" --pangkalan "$kode" --nama "CONTOH ${kinds[$n]} $kode" >/dev/null
  n=$((n + 1))
done < <("$jangkau" show facilities --workspace "$mws" --format json | awk '
  # One key per line ("key": value,); an object ends with "}".
  { gsub(/[",]/, ""); sub(/^ +/, "") }
  $1 == "kode_faskes:" { kode = $2 } $1 == "jenis_faskes:" { jenis = $2 }
  $1 == "lat:" { lat = $2 } $1 == "lon:" { lon = $2 }
  $1 == "}" {
    if (jenis == "puskesmas" && lat != "null" && lat != "" && n < 3) { print kode "," lat "," lon; n++ }
    kode = jenis = lat = lon = "" }')
J unit list --workspace "$mws"
desa=($(awk -F, 'NR > 1 && $1 ~ /^16\.06\.0[1-3]\.2/ { print $1 }' "$muba/penduduk.csv" | sort | awk 'NR % 7 == 1' | head -4))
call() {  # call DESA PRIORITY CATEGORY DAY MINUTES(notified departed scene [facility])...
  local id
  id=$(J incident create --workspace "$mws" --waktu "2026-11-0$4T08:00" --prioritas "$2" \
       --kategori "$3" --desa "$1" --sumber 119 | tail -1)
  J incident event --workspace "$mws" --id "$id" --status terverifikasi --waktu "2026-11-0$4T08:01" >/dev/null
  J incident event --workspace "$mws" --id "$id" --status unit_dikirim --waktu "2026-11-0$4T08:$5" \
    --unit CONTOH-ambulans >/dev/null
  J incident event --workspace "$mws" --id "$id" --status unit_berangkat --waktu "2026-11-0$4T08:$6" >/dev/null
  J incident event --workspace "$mws" --id "$id" --status tiba_di_lokasi --waktu "2026-11-0$4T08:$7" >/dev/null
  J incident event --workspace "$mws" --id "$id" --status selesai --waktu "2026-11-0$4T09:30" >/dev/null
}
call "${desa[0]}" P1 kecelakaan_lalu_lintas 2 03 05 24
call "${desa[1]}" P1 kegawatan_medis 3 02 04 41
call "${desa[2]}" P2 persalinan 4 04 07 52
call "${desa[3]}" P3 kunjungan_rumah 5 10 15 45
say "Waktu respons per prioritas (menit; target bawaan adalah ASUMSI):" \
    "Response times by priority (minutes; the shipped targets are ASSUMPTIONS):"
J incident kpi --workspace "$mws" --by prioritas --format csv | cut -d, -f1,2,15,16,17,18

echo
say "== 11. Aplikasi web: pengguna contoh (kata sandi hanya untuk demo)" \
    "== 11. Web application: demo users (passwords for the demo only)"
first_puskesmas=$("$jangkau" show facilities --workspace "$ws" --format csv | awk -F, '$3 == "puskesmas" && !found { print $1; found = 1 }')
for user in "admin admin" "perencana planner" "operator operator" "bpjs viewer"; do
  set -- $user
  extra=""
  [ "$2" = operator ] && extra="--facility $first_puskesmas"
  echo "demo-$1-2026" | J user add --workspace "$ws" --username "$1" --role "$2" $extra >/dev/null
  printf "  %-10s %-9s kata sandi / password: demo-%s-2026 %s\n" "$1" "$2" "$1" "${extra:+($first_puskesmas)}"
done
echo "  Aplikasi web / web application: http://127.0.0.1:${PORT:-8080}/   (API: /api/v1, docs/http.md)"
if [ "${SERVE:-0}" = 1 ]; then
  J serve --workspace "$ws" --port "${PORT:-8080}"
else
  say "  (jalankan SERVE=1 make demo untuk menyalakan server)" "  (run SERVE=1 make demo to start the server)"
fi
