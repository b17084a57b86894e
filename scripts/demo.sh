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
say "== 10. Gawat darurat Musi Banyuasin (CONTOH): unit, panggilan, rekomendasi unit sebelum dan saat banjir, waktu respons, pangkalan (docs/emergency.md)" \
    "== 10. Emergency response in Musi Banyuasin (SAMPLE): units, calls, unit recommendation before and during the flood, response times, bases (docs/emergency.md)"
muba=data/districts/muba
mws=$out/muba.jangkau
rm -f "$mws" "$mws-wal" "$mws-shm"
M() { J "$@" --workspace "$mws"; }
M init >/dev/null
M import regions "$muba/wilayah.geojson" --make-valid >/dev/null
M import population "$muba/penduduk.csv" >/dev/null
M import facilities "$muba/faskes_bppsdmk_2019.csv" >/dev/null
M import indicators "$muba/indikator_desa.csv" >/dev/null
M import rivers data/network/gshhg_wdbii_rivers_ssumatra.geojson >/dev/null
M import water data/network/laut_gshhg_ssumatra.geojson >/dev/null
M import swamp data/network/sumsel_peat_thickness_class_polygons.geojson >/dev/null
# CONTOH (invented): an ambulance at each RSUD; at the puskesmas in turn an ambulance, a
# motorbike and a boat; a home-visit team at the first two puskesmas.
"$jangkau" show facilities --workspace "$mws" --format json | awk '
  # One key per line ("key": value,); an object ends with "}".
  { gsub(/[",]/, ""); sub(/^ +/, "") }
  $1 == "kode_faskes:" { kode = $2 } $1 == "jenis_faskes:" { jenis = $2 }
  $1 == "lat:" { lat = $2 } $1 == "lon:" { lon = $2 }
  $1 == "}" {
    if (lat != "null" && lat != "") {
      if (jenis == "rumah_sakit") print "ambulans", kode, lon, lat
      if (jenis == "puskesmas") {
        split("ambulans motor perahu", kinds, " ")
        print kinds[n % 3 + 1], kode, lon, lat
        if (n < 2) print "tim_kunjungan", kode, lon, lat
        n++
      }
    }
    kode = jenis = lat = lon = "" }' > "$out/unit_contoh.txt"
while read -r kind kode lon lat; do
  M unit add --kode "CONTOH-$kind-$kode" --jenis "$kind" --lon "$lon" --lat "$lat" \
    --pangkalan "$kode" --nama "CONTOH $kind $kode" >/dev/null
done < "$out/unit_contoh.txt"
say "$(wc -l < "$out/unit_contoh.txt") unit CONTOH ($(cut -d' ' -f1 "$out/unit_contoh.txt" | sort | uniq -c | awk '{printf "%s%s %s", sep, $1, $2; sep=", "}'))" \
    "$(wc -l < "$out/unit_contoh.txt") SAMPLE units ($(cut -d' ' -f1 "$out/unit_contoh.txt" | sort | uniq -c | awk '{printf "%s%s %s", sep, $1, $2; sep=", "}'))"
# The rainy-season flood (CONTOH period 10-20 November 2026): the 12 villages with the highest
# flood hazard index (BNPB) at 20% speed, the facilities in them closed.
M scenario create --name banjir_musim_hujan --hazard-top 12 --flood-factor 0.2 --close-flooded \
  --mulai 2026-11-10T00:00 --selesai 2026-11-20T23:59 \
  --description "Banjir musim hujan: 12 desa dengan indeks bahaya banjir tertinggi" >/dev/null
# Twelve calls in November 2026 at villages, priorities and times drawn with a fixed seed; each
# gets the unit the recommendation ranks first (in the flood while it lasts) and goes through
# its lifecycle.
awk -F, 'NR > 1 && $1 ~ /^16\.06\.[0-9][0-9]\.[12][0-9][0-9][0-9]$/ { print $1 }' "$muba/penduduk.csv" | sort |
  awk -v seed=2026 'BEGIN { srand(seed) } { desa[n++] = $1 }
    END { split("kegawatan_medis kecelakaan_lalu_lintas persalinan trauma kunjungan_rumah tenggelam", cat, " ")
          for (i = 0; i < 12; i++) printf "%s P%d %s %02d %02d %d %d %d\n", desa[int(rand() * n)],
            1 + int(rand() * 3), cat[1 + int(rand() * 6)], 1 + i * 2, 6 + int(rand() * 12),
            1 + int(rand() * 4), 1 + int(rand() * 3), 10 + int(rand() * 50) }' > "$out/panggilan_contoh.txt"
at() { printf "2026-11-%sT%02d:%02d" "$1" $((10#$2 + $3 / 60)) $(($3 % 60)); }
while read -r desa prio cat day hour notify turnout travel; do
  id=$(M incident create --waktu "$(at "$day" "$hour" 0)" --prioritas "$prio" --kategori "$cat" \
       --desa "$desa" --sumber 119 | tail -1)
  flood=""
  [ "$((10#$day))" -ge 10 ] && [ "$((10#$day))" -le 20 ] && flood="--scenario banjir_musim_hujan"
  unit=$(M incident recommend --id "$id" $flood --format csv | awk -F, 'NR == 2 && $4 != "" { print $2 }')
  M incident event --id "$id" --status terverifikasi --waktu "$(at "$day" "$hour" 1)" >/dev/null
  [ -n "$unit" ] || { M incident event --id "$id" --status dibatalkan --waktu "$(at "$day" "$hour" 2)" >/dev/null; continue; }
  M incident event --id "$id" --status unit_dikirim --waktu "$(at "$day" "$hour" $((1 + notify)))" --unit "$unit" >/dev/null
  M incident event --id "$id" --status unit_berangkat --waktu "$(at "$day" "$hour" $((1 + notify + turnout)))" >/dev/null
  M incident event --id "$id" --status tiba_di_lokasi --waktu "$(at "$day" "$hour" $((1 + notify + turnout + travel)))" >/dev/null
  M incident event --id "$id" --status selesai --waktu "$(at "$day" "$hour" $((30 + notify + turnout + travel)))" >/dev/null
done < "$out/panggilan_contoh.txt"
say "Waktu respons per prioritas, 12 panggilan CONTOH (menit; target bawaan adalah ASUMSI):" \
    "Response times by priority, 12 SAMPLE calls (minutes; the shipped targets are ASSUMPTIONS):"
M incident kpi --by prioritas --format csv | cut -d, -f1,2,15,16,17,18
say "Menurut banjir yang berlaku saat panggilan:" "By the flood in force at the call:"
M incident kpi --by banjir --format csv | cut -d, -f1,2,15,16,17,18
say "Perjalanan tercatat dibanding ETA mesin untuk unit yang dikirim (5 panggilan pertama; CONTOH: waktu tercatat diacak):" \
    "Logged travel against the engine's ETA for the unit sent (first 5 calls; SAMPLE: logged times are random):"
M incident list --eta --format csv | cut -d, -f1,3,4,10,14,17,18,19,20 | awk 'NR <= 6'

echo
# The village with the highest flood hazard index (BNPB), the first the flood scenario takes.
flooded=$(awk -F, '$2 == "indeks_bahaya_banjir" { print $3, $1 }' "$muba/indikator_desa.csv" | sort -k1,1nr -k2 | awk 'NR == 1' | cut -d' ' -f2)
say "Panggilan P1 baru di desa $flooded (indeks bahaya banjir tertinggi): 5 unit terdekat menurut menit perjalanan dan RS tujuan, kondisi dasar" \
    "A new P1 call in village $flooded (highest flood hazard index): the 5 nearest units by travel minutes and the destination hospital, baseline"
id=$(M incident create --waktu 2026-12-01T07:30 --prioritas P1 --kategori kecelakaan_lalu_lintas \
     --desa "$flooded" --sumber 112 | tail -1)
M incident recommend --id "$id" --top 5
say "Saat banjir (skenario banjir_musim_hujan: 12 desa, kecepatan 20%, fasyankes di dalamnya tutup):" \
    "During the flood (scenario banjir_musim_hujan: 12 villages, 20% speed, facilities in them closed):"
M incident recommend --id "$id" --top 5 --scenario banjir_musim_hujan

echo
say "Pangkalan ambulans: 3 dari puskesmas, penduduk dalam 30 menit (MCLP), lalu dengan unit sibuk 30% (MEXCLP)" \
    "Ambulance bases: 3 of the puskesmas, people within 30 minutes (MCLP), then with units busy 30% (MEXCLP)"
M plan stations --p 3 --minutes 30 --jenis ambulans
M plan stations --p 3 --minutes 30 --jenis ambulans --model mexclp --busy 0.3 | awk 'NR <= 2'

echo
say "== 11. Pertumbuhan dan stunting di Muba: ekspor e-PPGBM CONTOH (rekaan, benih tetap), z-skor WHO, menurut kecamatan" \
    "== 11. Growth and stunting in Muba: a CONTOH e-PPGBM export (invented, fixed seed), WHO z-scores, by kecamatan"
M access run --out "$out/akses_muba" >/dev/null
M import growth "$muba/eppgbm_contoh.csv" 2>&1 | tail -2
say "Per kecamatan (angka rutin e-PPGBM, bukan survei): anak diukur, stunting %, batas 95%, menit ke puskesmas" \
    "By kecamatan (routine e-PPGBM figures, not a survey): children measured, stunting %, 95% limits, minutes to a puskesmas"
M programmes --by kecamatan --format csv --map "$out/program_desa_muba.geojson" |
  awk -F, 'NR == 1 { print "kelompok,nama,anak,stunting_persen,bawah_95,atas_95,menit_puskesmas"; next }
           { printf "%s,%s,%s,%.1f,%.1f,%.1f,%.0f\n", $1, $2, $3, $5, $6, $7, $36 }' | awk 'NR <= 8'
say "Register posyandu (SKDN) di Sekayu, ditimbang tiap bulan (KBM = ASUMSI): S, D, N, T, O, B, D/S %, N/D %, BGM, 2T" \
    "The posyandu register (SKDN) in Sekayu, weighed monthly (KBM = ASSUMPTION): S, D, N, T, O, B, D/S %, N/D %, BGM, 2T"
M skdn --format csv | awk -F, 'NR == 1 || $1 ~ /^16\.06\.01\.1009\// { print }' | awk 'NR <= 9'
say "Angka rutin dan survei berdampingan (angka pers belum diverifikasi), dengan peringatan bila rutin < separuh survei:" \
    "Routine and survey figures side by side (press figures not yet verified), warning when routine < half the survey:"
M stunting --format csv | cut -d, -f1-7
M programmes --by kabupaten --format csv |
  awk -F, 'NR == 1 { print "anak,stunting_n,stunting_persen,bawah_95,atas_95"; next }
           { printf "%s,%s,%.1f,%.1f,%.1f\n", $3, $4, $5, $6, $7 }'
say "STBM per kecamatan (data desa CONTOH, rekaan): desa berdata, SBS klaim, terverifikasi, Desa STBM, % desa SBS" \
    "STBM by kecamatan (CONTOH desa data, invented): desa with data, ODF claimed, verified, Desa STBM, % desa ODF"
M import stbm "$muba/stbm_contoh.csv" | tail -1
M stbm --by kecamatan --format csv | cut -d, -f1-7 | awk 'NR <= 6'
say "Di mana, dibanding akses: posyandu yang paling jarang ditimbang (D/S bulan terakhir) dan paling jauh lebih dulu" \
    "Where, against access: the posyandu least weighed (last month's D/S) and farthest first"
M programmes --by posyandu --against-access --format csv 2>/dev/null |
  awk -F, 'NR == 1 { print "posyandu,menit,bulan,s,d,persen_d_s"; next }
           NR <= 6 { printf "%s,%s,%s,%s,%s,%.1f\n", $1, ($3 == "" ? "-" : sprintf("%.0f", $3)), $4, $5, $6, $7 }'
M programmes --by kecamatan --against-access --format csv |
  awk -F, 'NR == 1 { print "kecamatan,nama,menit,persen_d_s,stunting_persen,persen_desa_sbs"; next }
           NR <= 6 { printf "%s,%s,%s,%.1f,%.1f,%s\n", $1, $2, ($3 == "" ? "-" : sprintf("%.0f", $3)), $7, $9, ($11 == "" ? "-" : sprintf("%.1f", $11)) }'
say "JKN Muba (angka pers: cakupan saja; persen aktif tidak ada, jadi kategori UHC tidak ditentukan) dan Germas (CONTOH)" \
    "JKN Muba (press figures: coverage only; no active rate, so no UHC category) and Germas (CONTOH)"
M import jkn "$muba/jkn_muba.csv" | tail -1
M jkn --format csv | cut -d, -f1,3,4,12-14,18,19
M import germas "$muba/germas_contoh.csv" | tail -1
say "Papan TPPS (Perpres 72/2021): indikator, nilai, periode, jenis (dihitung, dilaporkan, proksi, tidak_ada_data)" \
    "The TPPS board (Perpres 72/2021): indicator, value, period, kind (computed, reported, proxy, no data)"
M tpps --format csv | awk -F, 'NR > 1 { printf "%-28s %8s  %-12s %s\n", $1, ($3 == "" ? "-" : sprintf("%.1f", $3)), $7, $9 }'

echo
say "== 12. Kewaspadaan dini penyakit (SKDR) di Muba: laporan mingguan CONTOH (rekaan, benih tetap) dengan banjir November 2026 (docs/surveillance.md)" \
    "== 12. Disease early warning (SKDR) in Muba: CONTOH weekly reports (invented, fixed seed) with the November 2026 flood (docs/surveillance.md)"
M import weekly "$muba/skdr_contoh.csv" | tail -1
M import weekly "$muba/skdr_koreksi_contoh.csv" | tail -1
say "Kelengkapan dan ketepatan per minggu (tepat waktu = diterima sebelum Rabu 00.00 WIB), minggu 2026-W40 s.d. W47:" \
    "Completeness and timeliness per week (on time = received before Wednesday 00:00 WIB), weeks 2026-W40 to W47:"
M surveillance completeness --by minggu --from 2026-W40 --format csv |
  awk -F, 'NR == 1 { print "minggu,diharapkan,lapor,tepat_waktu,kelengkapan_persen,ketepatan_persen"; next }
           { printf "%s,%s,%s,%s,%.1f,%.1f\n", $1, $2, $3, $4, $5, $6 }'
say "Puskesmas dengan ketepatan di bawah 80% (dua tahun):" "Puskesmas with timeliness under 80% (two years):"
M surveillance completeness --format csv | awk -F, 'NR > 1 && $9 == "ya" { printf "  %s %s: lengkap %.1f%%, tepat %.1f%%\n", $1, $2, $6, $7 }'
say "Peringatan pada minggu banjir 2026-W46 dan W47 menurut penyakit dan metode (Farrington dengan b = 1 karena deret hanya dua tahun):" \
    "Alerts in the flood weeks 2026-W46 and W47 by disease and method (Farrington with b = 1: the series is only two years):"
M alerts --from 2026-W46 --to 2026-W47 --b 1 --format csv 2>/dev/null |
  awk -F, 'NR > 1 { n[$5 " " $6]++ } END { for (k in n) printf "  %-22s %d\n", k, n[k] }' | sort
say "Peringatan 2026-W46 (ambang tetap) di wilayah kerja yang banjir (skenario banjir_musim_hujan): desa banjir di wilayah kerja (menurut waktu tempuh), faskes tutup, unit respons terdekat dan menitnya saat banjir" \
    "Alerts of 2026-W46 (fixed thresholds) in flooded catchments (scenario banjir_musim_hujan): the flooded villages in the catchment (by travel time), facility closed, the nearest response unit and its minutes in the flood"
M alerts --from 2026-W46 --to 2026-W46 --method fixed --scenario banjir_musim_hujan --format csv 2>/dev/null |
  awk -F, 'NR == 1 || $16 == "ya" { print $2 "," $3 "," $5 "," $7 "," $17 "," $18 "," $19 "," ($21 == "" ? "-" : sprintf("%.0f", $21)) }'
say "Mutu data: laporan ganda (ditahan, bukan KLB) dan kiriman dengan nilai berbeda:" \
    "Data quality: double reporting (held back, not an outbreak) and reports sent again with other values:"
M alerts --view mutu --format csv | cut -d, -f1-6
say "Siklus satu peringatan: diverifikasi 3 jam dan direspons 30 jam sesudah laporan tiba (target 24 jam):" \
    "One alert's lifecycle: verified 3 hours and responded 30 hours after the report arrived (target 24 hours):"
alert=$(M alerts --from 2026-W46 --to 2026-W46 --method fixed --format csv 2>/dev/null | awk -F, 'NR == 2 { print $1 "," $10 }')
opened=$(date -d "${alert#*,}" +%s)
M alerts step --id "${alert%%,*}" --status diverifikasi --at "$(date -u -d "@$((opened + 3 * 3600))" +%Y-%m-%dT%H:%M:%SZ)" --note "CONTOH"
M alerts step --id "${alert%%,*}" --status direspons --at "$(date -u -d "@$((opened + 30 * 3600))" +%Y-%m-%dT%H:%M:%SZ)" --note "CONTOH"
M alerts --view bulanan --format csv 2>/dev/null |
  awk -F, 'NR == 1 { print "bulan,peringatan,diverifikasi,persen_diverifikasi,persen_verifikasi_24_jam,direspons,persen_respons_24_jam" }
           /^2026-1[01]/ { printf "%s,%s,%s,%.1f,%.1f,%s,%.1f\n", $1, $2, $3, $4, $5, $7, $9 }'

echo
say "== 13. SATUSEHAT (FHIR R4) dan DHIS2: salinan ruang kerja OKI dengan daftar tenaga dan volume layanan CONTOH (docs/interop.md)" \
    "== 13. SATUSEHAT (FHIR R4) and DHIS2: a copy of the OKI workspace with a CONTOH roster and service volumes (docs/interop.md)"
# A copy: the roster and the volumes are invented (tools/make_interop_contoh.py) and stay out of
# the planning workspace.
iws=$out/oki_interop.jangkau
rm -f "$iws" "$iws-wal" "$iws-shm"
cp "$ws" "$iws"
# The invented STR dates expire for some (61 warnings): the summary line only.
J import staff "$data/tenaga_contoh.csv" --workspace "$iws" 2>&1 | tail -n 1
# Service volumes as DHIS2 exports them (months, quarters, years summed per year): dry run first.
J import dhis2 "$data/dhis2_layanan_contoh.json" --workspace "$iws" --dry-run | tail -n 1
J import dhis2 "$data/dhis2_layanan_contoh.json" --workspace "$iws"
J export fhir --workspace "$iws" --out "$out/satusehat_oki.json"
J export fhir --workspace "$iws" --scenario banjir_musim_hujan --out "$out/satusehat_oki_banjir.ndjson"
J export dhis2 --workspace "$iws" --what orgunits --format json --out "$out/dhis2_orgunit_oki.json"
J export dhis2 --workspace "$iws" --what datavalues --format json --period 2025 --out "$out/dhis2_oki.json"
J export dhis2 --workspace "$iws" --what datavalues --format adx --period 2025 --out "$out/dhis2_oki.adx.xml"

echo
say "== 14. Aplikasi web: pengguna contoh (kata sandi hanya untuk demo)" \
    "== 14. Web application: demo users (passwords for the demo only)"
first_puskesmas=$("$jangkau" show facilities --workspace "$ws" --format csv | awk -F, '$3 == "puskesmas" && !found { print $1; found = 1 }')
for user in "admin admin" "perencana planner" "operator operator" "bpjs viewer"; do
  set -- $user
  extra=""
  [ "$2" = operator ] && extra="--facility $first_puskesmas"
  echo "demo-$1-2026" | J user add --workspace "$ws" --username "$1" --role "$2" $extra >/dev/null
  printf "  %-10s %-9s kata sandi / password: demo-%s-2026 %s\n" "$1" "$2" "$1" "${extra:+($first_puskesmas)}"
done
echo "demo-psc-2026" | J user add --workspace "$mws" --username psc --role dispatcher >/dev/null
printf "  %-10s %-9s kata sandi / password: demo-psc-2026 (%s)\n" psc dispatcher "$mws"
echo "demo-perencana-2026" | J user add --workspace "$mws" --username perencana --role planner >/dev/null
echo "demo-operator-sekayu-2026" | J user add --workspace "$mws" --username operator-sekayu --role operator --facility P1606040201 >/dev/null
printf "  %-10s %-9s kata sandi / password: demo-operator-sekayu-2026 (P1606040201, %s)\n" operator-sekayu operator "$mws"
printf "  %-10s %-9s kata sandi / password: demo-perencana-2026 (%s)\n" perencana planner "$mws"
echo "  Aplikasi web / web application: http://127.0.0.1:${PORT:-8080}/   (API: /api/v1, FHIR R4: /fhir/r4, docs/http.md)"
if [ "${SERVE:-0}" = 1 ]; then
  J serve --workspace "$ws" --port "${PORT:-8080}"
else
  say "  (jalankan SERVE=1 make demo untuk menyalakan server)" "  (run SERVE=1 make demo to start the server)"
fi
