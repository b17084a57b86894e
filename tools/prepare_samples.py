#!/usr/bin/env python3
"""Build Jangkau's bundled sample data from the public source data.

Usage:
    python3 tools/prepare_samples.py --shared ../shared/data --out data [--only districts|province]

Reads only from --shared (never modified) and writes under --out:

    districts/{oki,muba}/wilayah.geojson
    districts/{oki,muba}/crosswalk_desa.csv
    districts/{oki,muba}/penduduk.csv
    districts/{oki,muba}/faskes_bppsdmk_2019.csv
    districts/{oki,muba}/asumsi_faskes.csv
    districts/{oki,muba}/indikator_desa.csv
    districts/{oki,muba}/README.md
    province/sumsel/wilayah.geojson       (province, kabupaten/kota, kecamatan; no desa)
    province/sumsel/penduduk.csv
    province/sumsel/faskes_bppsdmk_2019.csv
    province/sumsel/asumsi_faskes.csv
    province/sumsel/indikator_kecamatan.csv   (median of the village values, derived)
    province/sumsel/README.md
    national/bppsdmk_faskes_sdmk_indonesia_2019.csv   (byte-identical copy)
    SOURCES.md

--only districts / --only province writes just that part (no national/, no SOURCES.md).
Standard library only. Output is deterministic: rows are sorted (or kept in
source order where stated), numbers are written exactly as in the source
(geometry coordinates are NOT rounded; every coordinate in the source
boundaries round-trips through Python's float repr, which is asserted).

Known defects of the sources are deliberately NOT fixed (population 0 =
missing, wrong hospital coordinates, stale kecamatan codes, ...): the
application's validator reports them.
"""

import argparse
import csv
import difflib
import io
import json
import math
import os
import re
import shutil
import sys

# --------------------------------------------------------------------------
# Configuration
# --------------------------------------------------------------------------

DISTRICTS = [
    # key, Kemendagri code, BPS code, admin file suffix, boundary prefix,
    # name of the kabupaten in the population file
    dict(key="oki", kode="16.02", bps="1602", admin="oki_16.02", bnd="oki",
         nmkab="OGAN KOMERING ILIR", nama_pendek="Ogan Komering Ilir (OKI)"),
    dict(key="muba", kode="16.06", bps="1606", admin="muba_16.06", bnd="muba",
         nmkab="MUSI BANYUASIN", nama_pendek="Musi Banyuasin (Muba)"),
]
PROVINSI_KODE = "16"
PROVINCES = [
    # key, Kemendagri code (= BPS code at this level), admin file suffix, boundary prefix,
    # facility file (with the data preparer's kecamatan check columns)
    dict(key="sumsel", kode="16", admin="sumsel_16", bnd="sumsel",
         faskes="bppsdmk_faskes_sdmk_sumsel_2019_geocheck.csv", nama_pendek="Sumatera Selatan"),
]
TAHUN_DESA = "2024"
TAHUN_KAB = "2025"
SUMBER_DESA = "Kemendes 2024 (penduduk), PODES 2021 (KK) via ICRAF village_typologies_sumsel"
SUMBER_KAB = "Dukcapil Kemendagri 2025"
# Extent of the travel-time layers in data/network/ (lon min, lon max, lat min, lat max).
NETWORK_CLIP = (103.0, 106.5, -4.5, -1.3)
SUMBER_KEC = "jumlah desa/kelurahan (semua tercocokkan, semua > 0): " + SUMBER_DESA

# The facility source uses CRLF line ends; the brief for the district copies
# asks for "\n". Values, quoting and row order are unchanged.
FASKES_LINETERMINATOR = "\n"

# Automatic acceptance of a spelling variant (difflib ratio on the
# normalised names, same Kemendagri kecamatan, one-to-one):
AUTO_MIN_RATIO = 0.85
AUTO_MIN_MARGIN = 0.10   # over the next-best candidate, seen from both sides

# Matches (or refusals) decided by a person after looking at the candidates.
# Each is checked by the script: same kecamatan, Kemendagri code not used by
# another BPS row. Value: (kode_desa_kemendagri or None, reason).
REVIEWED = {
    "1602020018": ("16.02.04.2047",
                   "nama BPS memuat penanda unit transmigrasi 'SP7 AT'; tanpa penanda itu sama persis "
                   "dengan 'Kembang Jajar'"),
    "1602060009": ("16.02.05.1010",
                   "Kota/Kuta dan Raya/Raja varian ejaan (setempat 'Kutaraya', lihat Puskesmas KUTARAYA); "
                   "satu-satunya pasangan tersisa di kecamatan"),
    "1602060020": ("16.02.05.2024",
                   "'Lama' menandai desa induk; 'SERIGENI BARU' sudah cocok persis dengan 'Serigeni Baru'"),
    "1602120010": ("16.02.08.2011",
                   "'SP' singkatan 'Sirah Pulau'; satu-satunya pasangan tersisa di kecamatan"),
    "1606021005": ("16.06.04.2011",
                   "ejaan d/t di akhir kata; satu-satunya pasangan tersisa di kecamatan"),
    "1606020031": ("16.06.06.2004",
                   "ejaan a/e di akhir kata; satu-satunya pasangan tersisa di kecamatan"),
    "1606040024": ("16.06.01.2013",
                   "angka Romawi II = 2; 'LUMPATAN' sudah cocok persis dengan 'Lumpatan'"),
}

# Known extra remarks for automatically accepted variants (added to catatan).
EXTRA_NOTE = {
    "1602011007": "BPS tanpa angka Romawi I; 'MUARA BURNAI II' sudah cocok dengan 'Muara Burnai II'",
    "1602011009": "BPS tanpa angka Romawi I; 'RANTAU DURIAN II' sudah cocok dengan 'Rantau Durian II'",
    "1602011013": "BPS tanpa angka Romawi I; 'TANJUNG SARI II' sudah cocok dengan 'Tanjung Sari II'",
    "1606031004": "Raya/Jaya berbeda satu huruf; satu-satunya pasangan tersisa di kecamatan",
}

CROSSWALK_COLS = ["iddesa_bps", "nama_desa_bps", "kode_kec_kemendagri", "kode_desa_kemendagri",
                  "nama_desa_kemendagri", "cara", "catatan"]
PENDUDUK_COLS = ["kode_wilayah", "tahun", "penduduk", "jumlah_kk", "sumber"]
ASUMSI_COLS = ["kode_faskes", "nama_faskes", "rawat_inap", "kategori_wilayah", "dasar_asumsi"]

INDIKATOR_COLS = ["kode_wilayah", "indikator", "nilai", "tahun", "sumber"]

# Village indicators copied (long format) from the ICRAF village file. Meaning,
# unit and source per icraf_village_indicators_metadata.csv; `tahun` is left
# empty where the metadata gives no year. Each entry:
#   indikator, source column, satuan, tahun, sumber, description (id), description (en)
_VIA = " via ICRAF village_typologies_sumsel"
INDIKATOR = [
    ("indeks_bahaya_banjir", "indeks_bahaya_banjir", "indeks 0..1", "",
     "RBI BNPB" + _VIA,
     "indeks bahaya banjir (rata-rata dalam desa)",
     "flood hazard index (mean over the village)"),
    ("jarak_jalan_m", "jarak_jalan", "m", "",
     "BIG" + _VIA,
     "jarak ke jalan terdekat (median dalam desa)",
     "distance to the nearest road (median over the village)"),
    ("jarak_sungai_m", "jarak_sungai", "m", "",
     "BIG" + _VIA,
     "jarak ke sungai terdekat (median dalam desa)",
     "distance to the nearest river (median over the village)"),
    ("jarak_rs_km", "jarak_rs_terdekat", "km", "2021",
     "PODES 2021 (BPS)" + _VIA,
     "jarak terdekat menuju rumah sakit",
     "distance to the nearest hospital"),
    ("persentase_badan_air", "persentase_badan_air", "%", "2020",
     "Peta Tutupan Lahan 2020 KLHK" + _VIA,
     "persentase luas badan air (metadata: \"compared to sub-district area\")",
     "percentage of water body area (metadata: \"compared to sub-district area\")"),
    ("luas_desa_ha", "luas_desa", "ha", "",
     "ICRAF village_typologies_sumsel (sumber asli tidak disebut)",
     "luas desa; kolom tidak ada di metadata, satuan ha disimpulkan dari "
     "`kepadatan_populasi` (jiwa/hektar) = `jumlah_populasi` / `luas_desa` pada semua baris",
     "village area; the column is not in the metadata, unit ha inferred because "
     "`kepadatan_populasi` (jiwa/hektar) = `jumlah_populasi` / `luas_desa` on every row"),
    ("jumlah_faskes_non_rs", "jumlah_faskes", "jumlah", "2021",
     "PODES 2021 (BPS)" + _VIA,
     "jumlah fasilitas kesehatan selain rumah sakit",
     "number of health facilities other than hospitals"),
    ("derajat_kemiskinan", "derajat_kemiskinan", "%", "",
     "IDM (Kemendes)" + _VIA,
     "tingkat kemiskinan (poverty rate)",
     "poverty rate"),
    ("persentase_elektrifikasi", "persentase_elektrifikasi", "%", "2021",
     "PODES 2021 (BPS)" + _VIA,
     "persentase elektrifikasi (KK pengguna listrik)",
     "electrification rate (households using electricity)"),
]
# Source texts meaning "no value": no row is written. A real 0 is written.
INDIKATOR_MISSING = {"", "NA", "NAN", "N/A", "NULL", "NONE"}

# Kecamatan indicators of the province sample: the median over the kecamatan's villages of the
# village indicators above that are meaningful as a median (distances, indices, percentages).
# Derived, approximate: not a published kecamatan figure. Left out, with the reason (id, en):
INDIKATOR_KEC = ["indeks_bahaya_banjir", "jarak_jalan_m", "jarak_sungai_m", "persentase_badan_air",
                 "derajat_kemiskinan", "persentase_elektrifikasi"]
INDIKATOR_KEC_SKIP = [
    ("jarak_rs_km",
     "tidak masuk akal sebagai jarak (hampir semua desa 0, lihat contoh kabupaten); median kecamatan "
     "akan menjadi 0 km",
     "implausible as a distance (almost every village 0, see the district samples); the kecamatan "
     "median would be 0 km"),
    ("luas_desa_ha",
     "luas, bukan sifat kecamatan: median luas desa bukan luas kecamatan, dan menjumlahkan tidak dilakukan",
     "an area, not a kecamatan property: the median village area is not the kecamatan area, and "
     "nothing is summed"),
    ("jumlah_faskes_non_rs",
     "jumlah (cacah): median jumlah per desa bukan jumlah kecamatan, dan menjumlahkan tidak dilakukan",
     "a count: the median per-village count is not a kecamatan count, and nothing is summed"),
]
SUMBER_KEC_IND = "ASUMSI/turunan: median %d desa (ICRAF village_typologies_sumsel, %s) per kecamatan"
# Road-distance classes of the travel-time model without a road layer (src/app/access_model.cc).
JALAN_DEKAT_M, JALAN_SEDANG_M = 1000, 5000

ASUMSI_RAWAT_INAP = ("ASUMSI: data BPPSDMK tidak memuat status rawat inap; dianggap non rawat inap "
                     "sampai dikoreksi Dinkes")


# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------

def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def write_csv(path, cols, rows, lineterminator="\n"):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator=lineterminator, quoting=csv.QUOTE_MINIMAL)
        w.writerow(cols)
        for r in rows:
            w.writerow([r[c] for c in cols])


def write_text(path, text):
    with open(path, "w", newline="\n", encoding="utf-8") as f:
        f.write(text)


def _strict_float(s):
    v = float(s)
    if repr(v) != s:
        raise ValueError("coordinate %r would not round-trip through float repr" % s)
    return v


def load_geojson(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f, parse_float=_strict_float)


def load_boundaries(shared, fname):
    """Boundary file -> {kode: geometry}."""
    fc = load_geojson(os.path.join(shared, "boundaries", fname))
    return {f["properties"]["kode"]: f["geometry"] for f in fc["features"]}


def dotted_kec(kode6):
    """'160213' -> '16.02.13'."""
    return "%s.%s.%s" % (kode6[0:2], kode6[2:4], kode6[4:6])


def norm_name(s):
    """Normalise a village name: case, spaces and punctuation ignored."""
    return re.sub(r"[^a-z0-9]", "", s.lower())


def ring_area_ha(ring):
    """Approximate planar area (ha) of a lon/lat ring (local equirectangular)."""
    if len(ring) < 4:
        return 0.0
    lat0 = sum(p[1] for p in ring) / len(ring)
    kx = 111320.0 * math.cos(math.radians(lat0))
    ky = 110574.0
    a = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        a += (x1 * kx) * (y2 * ky) - (x2 * kx) * (y1 * ky)
    return abs(a) / 2.0 / 1e4


def polygons_of(geom):
    if geom is None:
        return []
    if geom["type"] == "Polygon":
        return [geom["coordinates"]]
    if geom["type"] == "MultiPolygon":
        return geom["coordinates"]
    raise ValueError("unsupported geometry type %s" % geom["type"])


def geom_area_ha(geom):
    return sum(ring_area_ha(p[0]) - sum(ring_area_ha(h) for h in p[1:]) for p in polygons_of(geom))


def point_in_ring(x, y, ring):
    """Ray casting (even-odd rule)."""
    inside = False
    n = len(ring)
    j = n - 1
    for i in range(n):
        xi, yi = ring[i][0], ring[i][1]
        xj, yj = ring[j][0], ring[j][1]
        if (yi > y) != (yj > y):
            xcross = (xj - xi) * (y - yi) / (yj - yi) + xi
            if x < xcross:
                inside = not inside
        j = i
    return inside


def point_in_geom(x, y, geom):
    for poly in polygons_of(geom):
        if not poly:
            continue
        if point_in_ring(x, y, poly[0]) and not any(point_in_ring(x, y, h) for h in poly[1:]):
            return True
    return False


def load_faskes(path):
    """A BPPSDMK facility file: header, rows, and its source lines for the copy check."""
    with open(path, newline="", encoding="utf-8") as f:
        raw = f.read()
    src_lines = re.split(r"\r\n|\n", raw)
    if src_lines and src_lines[-1] == "":
        src_lines.pop()
    rdr = list(csv.reader(io.StringIO(raw, newline="")))
    assert len(rdr) == len(src_lines), "facility file has embedded line breaks; line check impossible"
    return dict(header=rdr[0], rows=rdr[1:], src_lines=src_lines, src_lineset=set(src_lines[1:]))


def write_faskes(fpath, src, rows):
    """Write facility rows of `src` (load_faskes) unchanged apart from the line end."""
    with open(fpath, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator=FASKES_LINETERMINATOR, quoting=csv.QUOTE_MINIMAL)
        w.writerow(src["header"])
        w.writerows(rows)
    # every written line must equal the source line (apart from the line end)
    with open(fpath, encoding="utf-8", newline="") as f:
        out_lines = f.read().split(FASKES_LINETERMINATOR)[:-1]
    assert out_lines[0] == src["src_lines"][0], "faskes header differs from source"
    for ln in out_lines[1:]:
        assert ln in src["src_lineset"], "faskes line differs from source: %s" % ln[:80]
    return [dict(zip(src["header"], r)) for r in rows]


def hospital_assumption(r):
    """asumsi_faskes row of a hospital: inpatient, no area category."""
    return dict(kode_faskes=r["kode_faskes"], nama_faskes=r["nama_faskes"], rawat_inap="ya",
                kategori_wilayah="", dasar_asumsi="rumah sakit selalu rawat inap")


def fmt_ratio(r):
    return "%.2f" % r


# --------------------------------------------------------------------------
# Crosswalk BPS iddesa <-> Kemendagri desa
# --------------------------------------------------------------------------

def build_crosswalk(bps_rows, kem_desa, desa_geom):
    """Return list of crosswalk rows (dicts) and a map iddesa -> kode_kemendagri."""
    kem_by_kode = {k["kode"]: k for k in kem_desa}
    kem_kecs = {k["kode_kec"] for k in kem_desa}
    for b in bps_rows:
        if b["kode_kec_kemendagri"] not in kem_kecs:
            raise SystemExit("BPS row %s has unknown Kemendagri kecamatan %s"
                             % (b["iddesa"], b["kode_kec_kemendagri"]))
    idx = {}
    for k in kem_desa:
        key = (k["kode_kec"], norm_name(k["nama"]))
        if key in idx:
            raise SystemExit("duplicate normalised Kemendagri name %r" % (key,))
        idx[key] = k["kode"]

    match = {}          # iddesa -> (kode, cara, catatan)
    used = {}           # kode -> iddesa
    # 1. exact on kecamatan + normalised name
    for b in bps_rows:
        kode = idx.get((b["kode_kec_kemendagri"], norm_name(b["nmdesa"])))
        if kode is None:
            continue
        if kode in used:
            raise SystemExit("two BPS rows match %s exactly" % kode)
        kn = kem_by_kode[kode]["nama"]
        note = "" if b["nmdesa"] == kn.upper() else "sama setelah normalisasi huruf/spasi/tanda baca"
        match[b["iddesa"]] = (kode, "nama_persis", note)
        used[kode] = b["iddesa"]

    def area_note(b, kode):
        g = desa_geom.get(kode)
        if g is None:
            return "luas BPS %s ha; poligon Kemendagri tidak ada" % b["luas_desa"]
        return "luas BPS %s ha vs poligon Kemendagri +-%d ha" % (b["luas_desa"], round(geom_area_ha(g)))

    def ratio(b, kode):
        return difflib.SequenceMatcher(None, norm_name(b["nmdesa"]),
                                       norm_name(kem_by_kode[kode]["nama"])).ratio()

    # 2. reviewed decisions
    for b in bps_rows:
        if b["iddesa"] in match or b["iddesa"] not in REVIEWED:
            continue
        kode, reason = REVIEWED[b["iddesa"]]
        if kode is None:
            continue
        if kode not in kem_by_kode or kem_by_kode[kode]["kode_kec"] != b["kode_kec_kemendagri"]:
            raise SystemExit("reviewed match %s -> %s not in same kecamatan" % (b["iddesa"], kode))
        if kode in used:
            raise SystemExit("reviewed match %s -> %s already used" % (b["iddesa"], kode))
        match[b["iddesa"]] = (kode, "penilaian",
                              "ditinjau manual: %s (similarity %s); %s"
                              % (reason, fmt_ratio(ratio(b, kode)), area_note(b, kode)))
        used[kode] = b["iddesa"]

    # 3. automatic spelling variants: difflib within the same kecamatan,
    #    greedy by ratio, one-to-one, clear margin on both sides.
    left_b = [b for b in bps_rows if b["iddesa"] not in match]
    left_k = [k for k in kem_desa if k["kode"] not in used]
    pairs = []
    for b in left_b:
        for k in left_k:
            if k["kode_kec"] == b["kode_kec_kemendagri"]:
                pairs.append((ratio(b, k["kode"]), b["iddesa"], k["kode"]))
    pairs.sort(key=lambda t: (-t[0], t[1], t[2]))
    by_b = {}
    by_k = {}
    for r, i, k in pairs:
        by_b.setdefault(i, []).append(r)
        by_k.setdefault(k, []).append(r)
    b_by_id = {b["iddesa"]: b for b in bps_rows}
    for r, i, k in pairs:
        if i in match or k in used:
            continue
        if i in REVIEWED:          # reviewed as "no match"
            continue
        second_b = by_b[i][1] if len(by_b[i]) > 1 else 0.0
        second_k = by_k[k][1] if len(by_k[k]) > 1 else 0.0
        if r >= AUTO_MIN_RATIO and r - second_b >= AUTO_MIN_MARGIN and r - second_k >= AUTO_MIN_MARGIN:
            b = b_by_id[i]
            note = "ejaan berbeda (similarity %s)" % fmt_ratio(r)
            if i in EXTRA_NOTE:
                note += "; " + EXTRA_NOTE[i]
            note += "; " + area_note(b, k)
            match[i] = (k, "penilaian", note)
            used[k] = i

    rows = []
    for b in bps_rows:
        i = b["iddesa"]
        if i in match:
            kode, cara, note = match[i]
            rows.append(dict(iddesa_bps=i, nama_desa_bps=b["nmdesa"],
                             kode_kec_kemendagri=b["kode_kec_kemendagri"],
                             kode_desa_kemendagri=kode, nama_desa_kemendagri=kem_by_kode[kode]["nama"],
                             cara=cara, catatan=note))
        else:
            cands = sorted(((ratio(b, k["kode"]), k["kode"]) for k in kem_desa
                            if k["kode_kec"] == b["kode_kec_kemendagri"]), reverse=True)
            if i in REVIEWED:
                note = "ditinjau manual, tidak dicocokkan: " + REVIEWED[i][1]
            elif cands:
                best = cands[0]
                note = ("tidak ada kandidat yang jelas di kecamatan yang sama (terdekat: %s %s, similarity %s%s)"
                        % (best[1], kem_by_kode[best[1]]["nama"], fmt_ratio(best[0]),
                           ", sudah dipakai desa BPS lain" if best[1] in used else ""))
            else:
                note = "tidak ada desa Kemendagri di kecamatan ini"
            rows.append(dict(iddesa_bps=i, nama_desa_bps=b["nmdesa"],
                             kode_kec_kemendagri=b["kode_kec_kemendagri"],
                             kode_desa_kemendagri="", nama_desa_kemendagri="",
                             cara="tidak_cocok", catatan=note))
    for k in kem_desa:
        if k["kode"] not in used:
            rows.append(dict(iddesa_bps="", nama_desa_bps="", kode_kec_kemendagri=k["kode_kec"],
                             kode_desa_kemendagri=k["kode"], nama_desa_kemendagri=k["nama"],
                             cara="tidak_ada_di_bps",
                             catatan="desa Kemendagri tanpa baris di data penduduk BPS/ICRAF"))
    rows.sort(key=lambda r: (r["kode_kec_kemendagri"], r["kode_desa_kemendagri"] == "",
                             r["kode_desa_kemendagri"], r["iddesa_bps"]))
    return rows, {i: m[0] for i, m in match.items()}


# --------------------------------------------------------------------------
# Main build per district
# --------------------------------------------------------------------------

def feature(kode, nama, tingkat, kode_bps, geom):
    return {"type": "Feature",
            "properties": {"kode": kode, "nama": nama, "tingkat": tingkat, "kode_bps": kode_bps},
            "geometry": geom}


def write_featurecollection(path, name, features):
    parts = ['{"type":"FeatureCollection","name":%s,"features":[\n' % json.dumps(name)]
    parts.append(",\n".join(json.dumps(f, ensure_ascii=False, separators=(",", ":"))
                            for f in features))
    parts.append("\n]}\n")
    write_text(path, "".join(parts))


def build_district(d, shared, out, common):
    ddir = os.path.join(out, "districts", d["key"])
    os.makedirs(ddir, exist_ok=True)
    stats = {"key": d["key"]}

    admin = read_csv(os.path.join(shared, "admin", "kemendagri_wilayah_%s.csv" % d["admin"]))
    kab = [r for r in admin if r["level"] == "kabupaten_kota"]
    kecs = sorted((r for r in admin if r["level"] == "kecamatan"), key=lambda r: r["kode"])
    desas = sorted((r for r in admin if r["level"] == "desa_kelurahan"), key=lambda r: r["kode"])
    assert len(kab) == 1 and kab[0]["kode"] == d["kode"], "unexpected kabupaten rows"
    kab = kab[0]

    kab_geom = load_boundaries(shared, "oki_muba_kabupaten.geojson")
    kec_geom = load_boundaries(shared, "%s_kecamatan.geojson" % d["bnd"])
    desa_geom = load_boundaries(shared, "%s_desa.geojson" % d["bnd"])

    # BPS <-> Kemendagri kecamatan
    bridge = common["bridge"]
    kec_bps = {}
    for k in kecs:
        b = bridge.get(k["kode"])
        if b is None:
            raise SystemExit("no BPS code for kecamatan %s" % k["kode"])
        kec_bps[k["kode"]] = b

    # crosswalk
    bps_rows = [r for r in common["pop"] if r["nmkab"] == d["nmkab"]]
    cw_rows, iddesa_to_kode = build_crosswalk(bps_rows, desas, desa_geom)
    kode_to_iddesa = {v: k for k, v in iddesa_to_kode.items()}
    write_csv(os.path.join(ddir, "crosswalk_desa.csv"), CROSSWALK_COLS, cw_rows)
    stats["bps_rows"] = len(bps_rows)
    stats["kem_desa"] = len(desas)
    stats["kec"] = len(kecs)
    stats["cara"] = {c: sum(1 for r in cw_rows if r["cara"] == c)
                     for c in ("nama_persis", "penilaian", "tidak_cocok", "tidak_ada_di_bps")}
    stats["cw_rows"] = cw_rows

    # wilayah.geojson
    feats = [feature(PROVINSI_KODE, common["prov_nama"], "provinsi", PROVINSI_KODE, None),
             feature(kab["kode"], kab["nama"], "kabupaten", d["bps"], kab_geom[kab["kode"]])]
    for k in kecs:
        feats.append(feature(k["kode"], k["nama"], "kecamatan", kec_bps[k["kode"]], kec_geom.get(k["kode"])))
    no_geom = []
    for k in desas:
        g = desa_geom.get(k["kode"])
        if g is None:
            no_geom.append(k)
        feats.append(feature(k["kode"], k["nama"], "desa", kode_to_iddesa.get(k["kode"], ""), g))
    stats["kec_no_geom"] = [k["kode"] for k in kecs if k["kode"] not in kec_geom]
    stats["desa_no_geom"] = no_geom
    extra = sorted(set(desa_geom) - {k["kode"] for k in desas})
    stats["boundary_not_in_admin"] = extra
    write_featurecollection(os.path.join(ddir, "wilayah.geojson"), "wilayah_%s" % d["key"], feats)
    stats["features"] = len(feats)

    # penduduk.csv
    pen = []
    b_by_id = {b["iddesa"]: b for b in bps_rows}
    for iddesa, kode in iddesa_to_kode.items():
        b = b_by_id[iddesa]
        pen.append(dict(kode_wilayah=kode, tahun=TAHUN_DESA, penduduk=str(int(b["jumlah_populasi"])),
                        jumlah_kk=str(int(b["jumlah_kk"])), sumber=SUMBER_DESA))
    kabpop = common["kabpop"][d["kode"]]
    pen.append(dict(kode_wilayah=d["kode"], tahun=TAHUN_KAB, penduduk=str(int(kabpop["total"])),
                    jumlah_kk="", sumber=SUMBER_KAB))
    pen.sort(key=lambda r: r["kode_wilayah"])
    write_csv(os.path.join(ddir, "penduduk.csv"), PENDUDUK_COLS, pen)
    desa_pen = [r for r in pen if r["kode_wilayah"] != d["kode"]]
    stats["penduduk_rows"] = len(pen)
    stats["desa_pop_zero"] = [r["kode_wilayah"] for r in desa_pen if r["penduduk"] == "0"]
    stats["bps_pop_zero_all"] = sum(1 for b in bps_rows if int(b["jumlah_populasi"]) == 0)
    stats["sum_desa_matched"] = sum(int(r["penduduk"]) for r in desa_pen)
    stats["sum_desa_all_bps"] = sum(int(b["jumlah_populasi"]) for b in bps_rows)
    stats["kab_dukcapil"] = int(kabpop["total"])
    stats["kabpop_row"] = kabpop

    # faskes_bppsdmk_2019.csv
    src = common["faskes"]
    ci = {c: i for i, c in enumerate(src["header"])}
    mine = [r for r in src["rows"]
            if r[ci["kode_kab_bps"]] == d["bps"]
            or (r[ci["kode_kab_bps"]] == "" and r[ci["kode_faskes"]].startswith("R" + d["bps"]))]
    stats["faskes"] = write_faskes(os.path.join(ddir, "faskes_bppsdmk_2019.csv"), src, mine)

    # asumsi_faskes.csv
    desa_nama = {k["kode"]: k["nama"] for k in desas}
    kec_nama = {k["kode"]: k["nama"] for k in kecs}
    asumsi = []
    for r in stats["faskes"]:
        if r["jenis_faskes"] == "RUMAH SAKIT":
            asumsi.append(hospital_assumption(r))
            continue
        x, y = float(r["lon"]), float(r["lat"])
        hits = sorted(k for k, g in desa_geom.items() if point_in_geom(x, y, g))
        if hits:
            kode = hits[0]
            suffix = kode.split(".")[3]
            kel = suffix.startswith("1")
            kat = "perkotaan" if kel else "perdesaan"
            where = ("titik (lon %s, lat %s) jatuh di %s %s %s, kec. %s (kode desa berawalan %s = %s) -> %s"
                     % (r["lon"], r["lat"], "kelurahan" if kel else "desa", kode, desa_nama.get(kode, "?"),
                        kec_nama.get(kode[:8], "?"), suffix[0], "kelurahan" if kel else "desa", kat))
            if len(hits) > 1:
                where += " (juga tumpang tindih dengan %s)" % ", ".join(hits[1:])
            src_kec = r["kode_kec_kemendagri_from_bps"]
            if src_kec and src_kec != kode[:8]:
                where += ("; catatan: kode kecamatan sumber %s berbeda dari kecamatan lokasi titik %s"
                          % (src_kec, kode[:8]))
        else:
            kat = "perdesaan"
            where = ("titik (lon %s, lat %s) tidak jatuh di poligon desa mana pun di kabupaten ini "
                     "(koordinat diragukan, coord_check=%s) -> perdesaan sebagai bawaan"
                     % (r["lon"], r["lat"], r["coord_check"]))
        dasar = ("%s. ASUMSI kategori_wilayah: %s; perkotaan/perdesaan diturunkan dari status kelurahan/desa "
                 "lokasi titik, bukan klasifikasi resmi; terpencil/sangat terpencil tidak diasumsikan"
                 % (ASUMSI_RAWAT_INAP, where))
        asumsi.append(dict(kode_faskes=r["kode_faskes"], nama_faskes=r["nama_faskes"], rawat_inap="tidak",
                           kategori_wilayah=kat, dasar_asumsi=dasar))
    write_csv(os.path.join(ddir, "asumsi_faskes.csv"), ASUMSI_COLS, asumsi)
    stats["asumsi"] = asumsi

    # indikator_desa.csv (long format, one row per matched desa and indicator)
    desa_kodes = {k["kode"] for k in desas}
    ind = []
    ind_stats = {i[0]: {"rows": 0, "zero": 0, "missing": 0, "nonzero": []} for i in INDIKATOR}
    for iddesa, kode in iddesa_to_kode.items():
        assert kode in desa_kodes, "indikator row for %s not in wilayah" % kode
        b = b_by_id[iddesa]
        for name, col, _satuan, tahun, sumber, _id, _en in INDIKATOR:
            v = b[col]
            st = ind_stats[name]
            if v.strip().upper() in INDIKATOR_MISSING:
                st["missing"] += 1
                continue
            x = float(v)          # refuse non-numeric text
            if math.isnan(x) or math.isinf(x):
                raise SystemExit("indicator %s of %s is %r" % (col, iddesa, v))
            st["rows"] += 1
            if x == 0:
                st["zero"] += 1
            else:
                st["nonzero"].append(x)
            ind.append(dict(kode_wilayah=kode, indikator=name, nilai=v, tahun=tahun, sumber=sumber))
    ind.sort(key=lambda r: (r["kode_wilayah"], r["indikator"]))
    write_csv(os.path.join(ddir, "indikator_desa.csv"), INDIKATOR_COLS, ind)
    stats["indikator_rows"] = len(ind)
    stats["indikator"] = ind_stats

    write_text(os.path.join(ddir, "README.md"), district_readme(d, stats))
    return stats


def median_text(vals):
    """Median of (float, source text) pairs: the source text of the middle value when the count
    is odd, else the mean of the two middle values (formatted like fmt_num)."""
    vals = sorted(vals)
    m = len(vals) // 2
    if len(vals) % 2:
        return vals[m][1]
    return fmt_num((vals[m - 1][0] + vals[m][0]) / 2)


def jalan_class(x):
    return "dekat" if x <= JALAN_DEKAT_M else "sedang" if x <= JALAN_SEDANG_M else "tanpa_jalan"


def kecamatan_indicators(kecs, by_kec):
    """indikator_kecamatan.csv rows: per kecamatan (Kemendagri code) and indicator, the median of
    its villages' values (village -> kecamatan by the BPS kecamatan prefix of iddesa), missing
    values skipped; no row where no village has a value."""
    spec = {i[0]: i for i in INDIKATOR}
    rows = []
    st = {name: {"rows": 0, "villages": 0, "missing": 0, "zero": 0, "n": [], "no_value": [],
                 "village_zero": 0} for name in INDIKATOR_KEC}
    jalan = {"kec": {}, "village_other_class": 0, "villages": 0}
    for k in kecs:
        vs = by_kec.get(k["kode"], [])
        for name in INDIKATOR_KEC:
            _n, col, _satuan, tahun, sumber, _id, _en = spec[name]
            vals = []
            for b in vs:
                v = b[col]
                if v.strip().upper() in INDIKATOR_MISSING:
                    st[name]["missing"] += 1
                    continue
                x = float(v)          # refuse non-numeric text
                if math.isnan(x) or math.isinf(x):
                    raise SystemExit("indicator %s of %s is %r" % (col, b["iddesa"], v))
                vals.append((x, v))
            if not vals:
                st[name]["no_value"].append(k["kode"])
                continue
            med = median_text(vals)
            upstream = (sumber[:-len(_VIA)] if sumber.endswith(_VIA) else sumber).replace(" (", " ").replace(")", "")
            rows.append(dict(kode_wilayah=k["kode"], indikator=name, nilai=med, tahun=tahun,
                             sumber=SUMBER_KEC_IND % (len(vals), upstream)))
            x = st[name]
            x["rows"] += 1
            x["villages"] += len(vals)
            x["n"].append(len(vals))
            x["zero"] += float(med) == 0
            x["village_zero"] += sum(1 for v in vals if v[0] == 0)
            if name == "jarak_jalan_m":
                c = jalan_class(float(med))
                jalan["kec"][k["kode"]] = c
                jalan["villages"] += len(vals)
                jalan["village_other_class"] += sum(1 for v in vals if jalan_class(v[0]) != c)
    rows.sort(key=lambda r: (r["kode_wilayah"], r["indikator"]))
    st["_jalan"] = jalan
    return rows, st


def build_province(p, shared, out, common):
    """Province sample: province, every kabupaten/kota and kecamatan (no desa: desa polygons
    exist only for the two districts), population per kabupaten (Dukcapil) and per kecamatan
    only where the village sums are complete, every facility of the province."""
    pdir = os.path.join(out, "province", p["key"])
    os.makedirs(pdir, exist_ok=True)
    stats = {"key": p["key"]}

    admin = read_csv(os.path.join(shared, "admin", "kemendagri_wilayah_%s.csv" % p["admin"]))
    prov = [r for r in admin if r["level"] == "provinsi"]
    assert len(prov) == 1 and prov[0]["kode"] == p["kode"], "unexpected province rows"
    prov = prov[0]
    kabs = sorted((r for r in admin if r["level"] == "kabupaten_kota"), key=lambda r: r["kode"])
    kecs = sorted((r for r in admin if r["level"] == "kecamatan"), key=lambda r: r["kode"])
    # desa are not written (no polygons); they give the kelurahan share of each kecamatan and
    # the village check of the kecamatan population sums
    desas = sorted((r for r in admin if r["level"] == "desa_kelurahan"), key=lambda r: r["kode"])
    for r in kabs + kecs + desas:
        assert r["kode"].startswith(p["kode"] + "."), "region %s outside the province" % r["kode"]
    kab_geom = load_boundaries(shared, "%s_kabupaten.geojson" % p["bnd"])
    kec_geom = load_boundaries(shared, "%s_kecamatan.geojson" % p["bnd"])
    stats.update(kab=kabs, kec=kecs, desa=len(desas),
                 kab_no_geom=[k["kode"] for k in kabs if k["kode"] not in kab_geom],
                 kec_no_geom=[k["kode"] for k in kecs if k["kode"] not in kec_geom],
                 boundary_not_in_admin=sorted((set(kab_geom) | set(kec_geom))
                                              - {k["kode"] for k in kabs + kecs}))
    kab_nama = {k["kode"]: k["nama"] for k in kabs}
    kec_nama = {k["kode"]: k["nama"] for k in kecs}
    # kabupaten reaching beyond the network layers (boundary vertices outside NETWORK_CLIP)
    x0, x1, y0, y1 = NETWORK_CLIP
    stats["network_out"] = {}
    for k in kabs:
        pts = [pt for poly in polygons_of(kab_geom.get(k["kode"])) for ring in poly for pt in ring]
        n_out = sum(1 for x, y in pts if not (x0 <= x <= x1 and y0 <= y <= y1))
        if n_out:
            stats["network_out"][k["kode"]] = "seluruhnya" if n_out == len(pts) else "sebagian"

    # BPS codes: kecamatan from the bridging files (as for the districts); kabupaten = the one
    # 4-digit prefix of its kecamatan codes (BPS numbers some kabupaten/kota differently).
    bridge = dict(common["bridge"])
    for r in common["bridge20"]:
        k = dotted_kec(r["kode_dagri"])
        if k.startswith(p["kode"] + "."):
            bridge.setdefault(k, r["kode_bps"])
    kec_bps = {}
    for k in kecs:
        if k["kode"] not in bridge:
            raise SystemExit("no BPS code for kecamatan %s" % k["kode"])
        kec_bps[k["kode"]] = bridge[k["kode"]]
    assert len(set(kec_bps.values())) == len(kec_bps), "two kecamatan share a BPS code"
    kab_bps = {}
    for kab in kabs:
        pre = {kec_bps[k["kode"]][:4] for k in kecs if k["kode"][:5] == kab["kode"]}
        if len(pre) != 1:
            raise SystemExit("kabupaten %s: kecamatan BPS prefixes %s" % (kab["kode"], sorted(pre)))
        kab_bps[kab["kode"]] = pre.pop()
    assert len(set(kab_bps.values())) == len(kab_bps), "two kabupaten share a BPS code"
    kab_by_bps = {b: k for k, b in kab_bps.items()}
    kec_by_bps = {b: k for k, b in kec_bps.items()}
    stats["kab_bps"] = kab_bps
    stats["kab_bps_differs"] = [k for k in kab_bps if kab_bps[k] != k.replace(".", "")]

    # wilayah.geojson
    feats = [feature(p["kode"], prov["nama"], "provinsi", p["kode"], None)]
    for k in kabs:
        feats.append(feature(k["kode"], k["nama"], "kabupaten", kab_bps[k["kode"]], kab_geom.get(k["kode"])))
    for k in kecs:
        feats.append(feature(k["kode"], k["nama"], "kecamatan", kec_bps[k["kode"]], kec_geom.get(k["kode"])))
    write_featurecollection(os.path.join(pdir, "wilayah.geojson"), "wilayah_%s" % p["key"], feats)
    stats["features"] = len(feats)

    # penduduk.csv: province and kabupaten (Dukcapil 2025) ...
    kabpop = common["kabpop"]
    pen = [dict(kode_wilayah=k, tahun=TAHUN_KAB, penduduk=str(int(kabpop[k]["total"])), jumlah_kk="",
                sumber=SUMBER_KAB) for k in [p["kode"]] + [k["kode"] for k in kabs]]
    stats["prov_dukcapil"] = int(kabpop[p["kode"]]["total"])
    stats["kab_dukcapil"] = {k["kode"]: int(kabpop[k["kode"]]["total"]) for k in kabs}
    # ... and kecamatan as the sum of its villages (Kemendes 2024, ICRAF), only where every
    # Kemendagri 2025 village of the kecamatan is matched one-to-one by the crosswalk and every
    # one has a population (0 = missing in the source): a partial sum is not a population.
    vill = []
    for r in read_csv(os.path.join(shared, "population", "icraf_village_indicators_sumsel.csv")):
        kk = kec_by_bps.get(r["iddesa"][:7])
        if kk is None:
            raise SystemExit("village %s: BPS kecamatan %s not in the bridging file" % (r["iddesa"], r["iddesa"][:7]))
        vill.append(dict(r, kode_kec_kemendagri=kk))
    cw_rows, _ = build_crosswalk(vill, [dict(kode=k["kode"], nama=k["nama"], kode_kec=k["kode"][:8])
                                        for k in desas], {})
    cw_open = {r["kode_kec_kemendagri"] for r in cw_rows if r["cara"] in ("tidak_cocok", "tidak_ada_di_bps")}
    by_kec = {}
    for b in vill:
        by_kec.setdefault(b["kode_kec_kemendagri"], []).append(b)
    kec_status = {}
    for k in kecs:
        vs = by_kec.get(k["kode"], [])
        zero = sum(1 for b in vs if int(b["jumlah_populasi"]) == 0)
        if not vs:
            kec_status[k["kode"]] = "tanpa_desa"
        elif k["kode"] in cw_open:
            kec_status[k["kode"]] = "desa_tidak_cocok"
        elif zero:
            kec_status[k["kode"]] = "penduduk_0"
        else:
            kec_status[k["kode"]] = "ok"
            pen.append(dict(kode_wilayah=k["kode"], tahun=TAHUN_DESA,
                            penduduk=str(sum(int(b["jumlah_populasi"]) for b in vs)),
                            jumlah_kk=str(sum(int(b["jumlah_kk"]) for b in vs)), sumber=SUMBER_KEC))
    pen.sort(key=lambda r: r["kode_wilayah"])
    write_csv(os.path.join(pdir, "penduduk.csv"), PENDUDUK_COLS, pen)
    stats["penduduk_rows"] = len(pen)
    stats["kec_pop"] = {r["kode_wilayah"]: int(r["penduduk"]) for r in pen if r["sumber"] == SUMBER_KEC}
    stats["kec_status"] = kec_status
    stats["cw_cara"] = {c: sum(1 for r in cw_rows if r["cara"] == c)
                        for c in ("nama_persis", "penilaian", "tidak_cocok", "tidak_ada_di_bps")}
    stats["kec_pop_penilaian"] = sum(1 for r in cw_rows if r["cara"] == "penilaian"
                                     and kec_status[r["kode_kec_kemendagri"]] == "ok")
    stats["vill"] = len(vill)
    stats["vill_kab"] = {}
    for b in vill:
        v = stats["vill_kab"].setdefault(b["kode_kec_kemendagri"][:5], {"n": 0, "zero": 0, "sum": 0})
        v["n"] += 1
        v["zero"] += int(b["jumlah_populasi"]) == 0
        v["sum"] += int(b["jumlah_populasi"])

    # faskes_bppsdmk_2019.csv: every row of the province file, unchanged
    src = load_faskes(os.path.join(shared, "facilities", p["faskes"]))
    district_src = {r[0]: r for r in common["faskes"]["rows"]}
    assert src["header"] == common["faskes"]["header"], "province facility columns differ from the districts'"
    for r in src["rows"]:
        assert r[0] not in district_src or district_src[r[0]] == r, "facility %s differs between files" % r[0]
    faskes = write_faskes(os.path.join(pdir, "faskes_bppsdmk_2019.csv"), src, src["rows"])
    assert len({r["kode_faskes"] for r in faskes}) == len(faskes), "duplicate facility code"
    for r in faskes:
        assert r["kode_prov"] == p["kode"] and r["kode_kab_bps"] in kab_by_bps, r["kode_faskes"]
        src_kec = r["kode_kec_kemendagri_from_bps"]
        assert not src_kec or kab_bps[src_kec[:5]] == r["kode_kab_bps"], "BPS kabupaten code of %s" % r["kode_faskes"]
        assert not r["kode_kec_bps"] or kec_by_bps.get(r["kode_kec_bps"]) == src_kec, r["kode_faskes"]
    stats["faskes"] = faskes

    # asumsi_faskes.csv: as for the districts, but the area category comes from the kecamatan
    # (share of kelurahan among its villages), the province having no desa polygons
    kel = {}
    for dsa in desas:
        t = kel.setdefault(dsa["kode"][:8], [0, 0])
        t[0] += dsa["kode"].split(".")[3].startswith("1")
        t[1] += 1
    asumsi = []
    stats["pip_differs"] = []
    for r in faskes:
        if r["jenis_faskes"] == "RUMAH SAKIT":
            asumsi.append(hospital_assumption(r))
            continue
        x, y = float(r["lon"]), float(r["lat"])
        hits = sorted(k for k, g in kec_geom.items() if point_in_geom(x, y, g))
        src_kec = r["kode_kec_kemendagri_from_bps"]
        if (hits[0] if hits else "") != r["kode_kec_kemendagri_pip"]:
            stats["pip_differs"].append((r, hits))
        kode = None
        if hits:
            kode = hits[0]
            where = ("titik (lon %s, lat %s) jatuh di kecamatan %s %s, %s"
                     % (r["lon"], r["lat"], kode, kec_nama[kode], kab_nama[kode[:5]]))
            if len(hits) > 1:
                where += " (juga tumpang tindih dengan %s)" % ", ".join(hits[1:])
            if src_kec and src_kec != kode:
                where += ("; catatan: kode kecamatan sumber %s berbeda dari kecamatan lokasi titik %s"
                          % (src_kec, kode))
        elif src_kec in kel:
            kode = src_kec
            where = ("titik (lon %s, lat %s) tidak jatuh di poligon kecamatan mana pun (coord_check=%s); "
                     "dipakai kecamatan dari kode BPS sumber %s: %s %s, %s"
                     % (r["lon"], r["lat"], r["coord_check"], r["kode_kec_bps"], kode, kec_nama[kode],
                        kab_nama[kode[:5]]))
        if kode:
            n_kel, n = kel[kode]
            kat = "perkotaan" if 2 * n_kel > n else "perdesaan"
            where += ("; %d dari %d desa/kelurahan kecamatan itu kelurahan (kode desa Kemendagri berawalan 1) -> %s"
                      % (n_kel, n, kat))
        else:
            kat = "perdesaan"
            where = ("titik (lon %s, lat %s) tidak jatuh di poligon kecamatan mana pun dan sumber tanpa "
                     "kode kecamatan (coord_check=%s) -> perdesaan sebagai bawaan"
                     % (r["lon"], r["lat"], r["coord_check"]))
        dasar = ("%s. ASUMSI kategori_wilayah: %s; perkotaan bila lebih dari separuh desa/kelurahan "
                 "kecamatan itu (Kemendagri 2025) kelurahan, diturunkan dari kecamatan karena data "
                 "provinsi tidak memuat poligon desa, bukan klasifikasi resmi; terpencil/sangat "
                 "terpencil tidak diasumsikan" % (ASUMSI_RAWAT_INAP, where))
        asumsi.append(dict(kode_faskes=r["kode_faskes"], nama_faskes=r["nama_faskes"], rawat_inap="tidak",
                           kategori_wilayah=kat, dasar_asumsi=dasar))
    write_csv(os.path.join(pdir, "asumsi_faskes.csv"), ASUMSI_COLS, asumsi)
    stats["asumsi"] = asumsi

    # indikator_kecamatan.csv
    ind, stats["indikator_kec"] = kecamatan_indicators(kecs, by_kec)
    write_csv(os.path.join(pdir, "indikator_kecamatan.csv"), INDIKATOR_COLS, ind)
    stats["indikator_kec_rows"] = len(ind)

    write_text(os.path.join(pdir, "README.md"), province_readme(p, stats))
    return stats


# --------------------------------------------------------------------------
# Documentation
# --------------------------------------------------------------------------

def fmt_int(n):
    return "{:,}".format(n).replace(",", ".")


def fmt_num(x):
    return ("%d" % x) if x == int(x) else repr(x)


def indikator_texts(s):
    """Tables and remarks on indikator_desa.csv for the README (id, en)."""
    st = s["indikator"]
    head = {"id": "| indikator | kolom sumber | satuan | tahun | sumber | arti | baris | nilai 0 |\n"
                  "|---|---|---|---|---|---|---|---|",
            "en": "| indikator | source column | unit | tahun | sumber | meaning | rows | value 0 |\n"
                  "|---|---|---|---|---|---|---|---|"}
    tables = {}
    for lang, di in (("id", 5), ("en", 6)):
        lines = [head[lang]]
        for i in INDIKATOR:
            x = st[i[0]]
            lines.append("| `%s` | `%s` | %s | %s | %s | %s | %d | %d |"
                         % (i[0], i[1], i[2], i[3] or "—", i[4], i[di], x["rows"], x["zero"]))
        tables[lang] = "\n".join(lines)
    rs = st["jarak_rs_km"]
    rs_vals = sorted(set(rs["nonzero"]))
    rs_txt = ", ".join(fmt_num(v) for v in rs_vals) or "-"
    miss = sum(x["missing"] for x in st.values())
    pov0, air0 = st["derajat_kemiskinan"]["zero"], st["persentase_badan_air"]["zero"]
    el0 = st["persentase_elektrifikasi"]["zero"]
    el_id = ("- `persentase_elektrifikasi` bernilai 0 di %d desa (mungkin data hilang diisi 0).\n" % el0) if el0 else ""
    el_en = ("- `persentase_elektrifikasi` is 0 in %d village(s) (possibly missing stored as 0).\n" % el0) if el0 else ""
    luas_min = min(st["luas_desa_ha"]["nonzero"]) if st["luas_desa_ha"]["nonzero"] else 0
    rem_id = f"""- Nilai disalin persis seperti teks sumber (tanpa pembulatan). Nilai kosong/NA di sumber tidak
  ditulis (tidak ada baris); 0 ditulis sebagai 0. Arti 0 vs hilang mengikuti sumber: sumber tidak
  membedakan 0 asli dari data hilang yang diisi 0. Sel kosong/NA yang dilewati di kabupaten ini: {miss}.
- **`jarak_rs_km` tidak masuk akal sebagai jarak**: {rs['zero']} dari {rs['rows']} desa bernilai 0 dan sisanya
  hanya {rs_txt} km, padahal kabupaten ini hanya punya beberapa rumah sakit. Kemungkinan kolom PODES
  yang terkode/terpotong dalam olahan ICRAF. Jangan dipakai sebagai jarak tempuh.
- `derajat_kemiskinan` bernilai 0 di {pov0} desa; 0% kemiskinan meragukan (mungkin data hilang diisi 0).
{el_id}- `persentase_badan_air`: metadata menyebut "compared to sub-district area", tetapi nilainya berbeda
  antar desa dalam satu kecamatan; diperlakukan sebagai persentase per desa. 0 di {air0} desa.
- `luas_desa_ha`: satuan tidak tercantum di metadata (lihat tabel); desa terkecil {fmt_num(luas_min)} ha. Di
  `crosswalk_desa.csv` (`catatan`) luas ini dibandingkan dengan luas poligon.
- File ICRAF lengkap memuat kolom `periode` = 2019 untuk semua desa, sedangkan metadata menyebut
  PODES 2021; `tahun` mengikuti metadata. Tahun dikosongkan bila metadata tidak menyebutnya (BIG,
  RBI BNPB, IDM, luas desa).
"""
    rem_en = f"""- Values are copied exactly as the source text (no rounding). Empty/NA source values get no row;
  real 0 is written as 0. 0 vs missing semantics follow the source, which does not distinguish a
  true 0 from a missing value stored as 0. Empty/NA cells skipped in this district: {miss}.
- **`jarak_rs_km` is implausible as a distance**: {rs['zero']} of {rs['rows']} villages are 0 and the rest are
  only {rs_txt} km, although the district has only a few hospitals. Probably a coded/truncated PODES
  field in ICRAF's processing. Do not use it as a travel distance.
- `derajat_kemiskinan` is 0 in {pov0} villages; 0% poverty is doubtful (possibly missing stored as 0).
{el_en}- `persentase_badan_air`: the metadata says "compared to sub-district area", yet values differ
  between villages of the same kecamatan; treated as a per-village percentage. 0 in {air0} villages.
- `luas_desa_ha`: unit not stated in the metadata (see table); smallest village {fmt_num(luas_min)} ha. The
  area is compared with the polygon area in `crosswalk_desa.csv` (`catatan`).
- The full ICRAF file has `periode` = 2019 for every village while the metadata says PODES 2021;
  `tahun` follows the metadata and is left empty where the metadata gives no year (BIG, RBI BNPB,
  IDM, village area).
"""
    return tables, rem_id, rem_en


def district_readme(d, s):
    c = s["cara"]
    n_pusk = sum(1 for r in s["faskes"] if r["jenis_faskes"] == "PUSKESMAS")
    n_rs = sum(1 for r in s["faskes"] if r["jenis_faskes"] == "RUMAH SAKIT")
    rs_names = ", ".join(r["nama_faskes"] for r in s["faskes"] if r["jenis_faskes"] == "RUMAH SAKIT")
    kat = {}
    for a in s["asumsi"]:
        if a["kategori_wilayah"]:
            kat[a["kategori_wilayah"]] = kat.get(a["kategori_wilayah"], 0) + 1
    outside = [a for a in s["asumsi"] if "tidak jatuh di poligon" in a["dasar_asumsi"]]
    perkotaan = [a for a in s["asumsi"] if a["kategori_wilayah"] == "perkotaan"]
    unmatched_b = [r for r in s["cw_rows"] if r["cara"] == "tidak_cocok"]
    unmatched_k = [r for r in s["cw_rows"] if r["cara"] == "tidak_ada_di_bps"]
    penilaian = [r for r in s["cw_rows"] if r["cara"] == "penilaian"]
    stale = [r for r in s["faskes"] if r["coord_check"] not in ("match", "hospital_no_kec_code")]
    bad_rs = [r for r in s["faskes"] if r["jenis_faskes"] == "RUMAH SAKIT"
              and r["kode_kec_kemendagri_pip"] and not r["kode_kec_kemendagri_pip"].startswith(d["kode"] + ".")]

    def lst(items, fmt):
        return "\n".join("- " + fmt(x) for x in items) if items else "- (tidak ada / none)"

    ub_id = lst(unmatched_b, lambda r: "`%s` %s (kec. %s) — %s" % (r["iddesa_bps"], r["nama_desa_bps"],
                                                                   r["kode_kec_kemendagri"], r["catatan"]))
    uk_id = lst(unmatched_k, lambda r: "`%s` %s" % (r["kode_desa_kemendagri"], r["nama_desa_kemendagri"]))
    pen_list = lst(penilaian, lambda r: "%s → `%s` %s" % (r["nama_desa_bps"], r["kode_desa_kemendagri"],
                                                          r["nama_desa_kemendagri"]))
    nogeom = ", ".join("`%s` %s" % (k["kode"], k["nama"]) for k in s["desa_no_geom"]) or "tidak ada / none"
    bad_rs_txt = lst(bad_rs, lambda r: "%s (%s): lon %s, lat %s jatuh di kecamatan `%s` %s (coord_check `%s`)"
                     % (r["nama_faskes"], r["kode_faskes"], r["lon"], r["lat"], r["kode_kec_kemendagri_pip"],
                        r["nama_kec_pip"], r["coord_check"]))
    stale_txt = lst(stale, lambda r: "%s (%s): kode kec. dari BPS `%s`, titik di `%s` %s (coord_check `%s`)"
                    % (r["nama_faskes"], r["kode_faskes"], r["kode_kec_kemendagri_from_bps"],
                       r["kode_kec_kemendagri_pip"], r["nama_kec_pip"], r["coord_check"]))
    perk = lst(perkotaan, lambda a: "%s (%s)" % (a["nama_faskes"], a["kode_faskes"]))
    outs = lst(outside, lambda a: "%s (%s)" % (a["nama_faskes"], a["kode_faskes"]))
    ratio = 100.0 * s["sum_desa_all_bps"] / s["kab_dukcapil"]
    zero = len(s["desa_pop_zero"])
    ind_tables, ind_rem_id, ind_rem_en = indikator_texts(s)
    n_ind = len(INDIKATOR)
    n_ind_desa = sum(1 for r in s["cw_rows"] if r["cara"] in ("nama_persis", "penilaian"))

    if d["key"] == "oki":
        pk_id = ("Data BPPSDMK 2019 ini hanya memuat **25 puskesmas** OKI, padahal OKI sebenarnya memiliki "
                 "**40 puskesmas**; 15 puskesmas tidak ada di sumber ini. Pustu dan poskesdes sama sekali "
                 "tidak tercantum. Dinkes perlu melengkapi daftar faskes.")
        pk_en = ("This 2019 BPPSDMK source lists only **25 OKI puskesmas**, whereas OKI actually has "
                 "**40 puskesmas**; 15 are missing here. No pustu or poskesdes are listed at all. The "
                 "district health office must complete the facility list.")
        pop_id = ("Jumlah penduduk desa OKI (%s) dekat dengan angka Dukcapil 2025 (%s)."
                  % (fmt_int(s["sum_desa_all_bps"]), fmt_int(s["kab_dukcapil"])))
        pop_en = ("OKI's village sum (%s) is close to Dukcapil 2025 (%s)."
                  % ("{:,}".format(s["sum_desa_all_bps"]), "{:,}".format(s["kab_dukcapil"])))
    else:
        pk_id = ("Data BPPSDMK 2019 memuat %d puskesmas dan %d rumah sakit Muba; pustu dan poskesdes tidak "
                 "tercantum. Daftar faskes perlu dicek Dinkes." % (n_pusk, n_rs))
        pk_en = ("The 2019 BPPSDMK source lists %d puskesmas and %d hospitals in Muba; no pustu or "
                 "poskesdes are listed. The district health office must check the list." % (n_pusk, n_rs))
        pop_id = ("**Jumlah penduduk desa Muba (%s) jauh di bawah angka Dukcapil 2025 (%s), hanya %.0f%%** "
                  "— sebagian karena %d desa bernilai 0 (hilang). Jangan memakai jumlah desa sebagai total "
                  "kabupaten." % (fmt_int(s["sum_desa_all_bps"]), fmt_int(s["kab_dukcapil"]), ratio,
                                  s["bps_pop_zero_all"]))
        pop_en = ("**Muba's village sum (%s) is far below Dukcapil 2025 (%s), only %.0f%%** — partly because "
                  "%d villages are 0 (missing). Do not use the village sum as the district total."
                  % ("{:,}".format(s["sum_desa_all_bps"]), "{:,}".format(s["kab_dukcapil"]), ratio,
                     s["bps_pop_zero_all"]))

    cahaya = ""
    if d["key"] == "oki":
        cahaya = ("- Puskesmas CAHAYA MAJU (P1602010201): titiknya jatuh sedikit di dalam OKU Timur "
                  "(`16.08.15`), bukan di OKI (coord_check `other_kab`).\n")
        cahaya_en = ("- Puskesmas CAHAYA MAJU (P1602010201): its point falls just inside OKU Timur "
                     "(`16.08.15`), not in OKI (coord_check `other_kab`).\n")
    else:
        cahaya_en = ""

    return f"""# Data contoh Jangkau — Kabupaten {d['nama_pendek']} (Kemendagri `{d['kode']}`, BPS `{d['bps']}`)

Dibuat oleh `tools/prepare_samples.py` dari data publik (lihat `data/SOURCES.md`). Jangan disunting
manual: ubah skrip lalu jalankan ulang.

## Bahasa Indonesia

### Berkas

| berkas | isi | nyata / asumsi |
|---|---|---|
| `wilayah.geojson` | {s['features']} fitur (EPSG:4326, lon/lat): provinsi (tanpa geometri), kabupaten, {s['kec']} kecamatan, {s['kem_desa']} desa/kelurahan menurut kode Kemendagri 2025. Properti: `kode`, `nama`, `tingkat`, `kode_bps` | nyata (batas disederhanakan) |
| `crosswalk_desa.csv` | jembatan `iddesa` BPS (10 digit) ↔ kode desa Kemendagri, kolom `cara` dan `catatan` | pencocokan; baris `penilaian` adalah keputusan yang perlu ditinjau |
| `penduduk.csv` | penduduk per desa (Kemendes 2024) dan jumlah KK (PODES 2021), tahun 2024; satu baris kabupaten (Dukcapil 2025) | nyata, apa adanya (0 = data hilang) |
| `faskes_bppsdmk_2019.csv` | {len(s['faskes'])} faskes ({n_pusk} puskesmas, {n_rs} rumah sakit: {rs_names}) dengan jumlah SDMK per profesi, salinan baris sumber tanpa perubahan | nyata (2019) |
| `asumsi_faskes.csv` | status rawat inap dan kategori wilayah per faskes | **ASUMSI** — wajib dikoreksi Dinkes |
| `indikator_desa.csv` | {n_ind} indikator per desa (bahaya banjir, jarak jalan/sungai/RS, badan air, luas, faskes non-RS, kemiskinan, elektrifikasi), format panjang `kode_wilayah,indikator,nilai,tahun,sumber`; {s['indikator_rows']} baris | nyata, apa adanya (lihat di bawah) |

Desa tanpa poligon batas (geometri null): {nogeom}.

### Pencocokan desa (crosswalk)
Data penduduk memakai `iddesa` BPS; batas dan kode memakai Kemendagri. Pencocokan dalam kecamatan
Kemendagri yang sama:
- `nama_persis` (nama sama setelah mengabaikan huruf besar/kecil, spasi, tanda baca): **{c['nama_persis']}**
- `penilaian` (varian ejaan, difflib dalam kecamatan yang sama, satu-satu, alasan di `catatan`): **{c['penilaian']}**
- `tidak_cocok` (baris BPS tanpa pasangan): **{c['tidak_cocok']}**
- `tidak_ada_di_bps` (desa Kemendagri tanpa baris BPS): **{c['tidak_ada_di_bps']}**

Dari {s['bps_rows']} baris BPS dan {s['kem_desa']} desa Kemendagri.

Pasangan `penilaian`:
{pen_list}

Desa BPS yang tidak cocok:
{ub_id}

Desa Kemendagri tanpa data BPS:
{uk_id}

### Penduduk
- {s['penduduk_rows'] - 1} baris desa + 1 baris kabupaten.
- **{zero} desa bernilai penduduk 0** di `penduduk.csv` (0 berarti data hilang di sumber; sengaja
  tidak diperbaiki, validator akan melaporkannya). Di seluruh {s['bps_rows']} baris sumber: {s['bps_pop_zero_all']}.
- {pop_id}
- Jumlah penduduk desa yang tercocokkan: {fmt_int(s['sum_desa_matched'])}.

### Faskes dan asumsi
- {pk_id}
- `rawat_inap`: rumah sakit = `ya`; semua puskesmas = `tidak` **sebagai ASUMSI** (data BPPSDMK tidak
  memuat status rawat inap). Status rawat inap **tidak** ditebak dari digit kode faskes.
- `kategori_wilayah` puskesmas (ASUMSI): `perkotaan` bila titik koordinat jatuh di poligon kelurahan
  (kode desa Kemendagri berawalan 1), selain itu `perdesaan`. Hasil: {kat.get('perkotaan', 0)} perkotaan,
  {kat.get('perdesaan', 0)} perdesaan; rumah sakit dikosongkan.
- Kategori **terpencil / sangat terpencil** ditetapkan dengan keputusan menteri; daftarnya tidak
  tersedia, sehingga **tidak ada** faskes yang diasumsikan terpencil atau sangat terpencil.

Puskesmas perkotaan:
{perk}

Puskesmas yang titiknya tidak jatuh di desa mana pun di kabupaten ini (kategori bawaan `perdesaan`):
{outs}

### Indikator desa (`indikator_desa.csv`)
Satu baris per desa yang tercocokkan di crosswalk ({n_ind_desa} desa) dan per indikator, dari
`population/oki_muba_desa_population_access.csv` (ICRAF); arti, satuan dan sumber menurut
`icraf_village_indicators_metadata.csv`. Urut menurut `kode_wilayah` lalu `indikator`.

{ind_tables['id']}

{ind_rem_id}
### Cacat data yang diketahui (sengaja tidak diperbaiki)
Koordinat rumah sakit yang salah:
{bad_rs_txt}

Kode kecamatan faskes yang tidak sesuai lokasi titik (kecamatan sudah dimekarkan / kode lama, atau
titik di luar kabupaten):
{stale_txt}
{cahaya}- Penduduk 0 = data hilang (lihat di atas). {pop_id}

## English

Generated by `tools/prepare_samples.py` from public data (see `data/SOURCES.md`); do not edit by hand.

### Files
- `wilayah.geojson` — {s['features']} features (EPSG:4326, lon/lat): province (null geometry), kabupaten,
  {s['kec']} kecamatan, {s['kem_desa']} desa/kelurahan with Kemendagri 2025 codes; properties `kode`, `nama`,
  `tingkat`, `kode_bps`. Real (simplified boundaries). Villages without a boundary polygon: {nogeom}.
- `crosswalk_desa.csv` — BPS 10-digit `iddesa` ↔ Kemendagri desa code. `nama_persis` {c['nama_persis']},
  `penilaian` (judged spelling variants, reasons in `catatan`; please review) {c['penilaian']},
  `tidak_cocok` {c['tidak_cocok']}, `tidak_ada_di_bps` {c['tidak_ada_di_bps']}
  (from {s['bps_rows']} BPS rows and {s['kem_desa']} Kemendagri villages).
- `penduduk.csv` — real: village population (Kemendes 2024) and households (PODES 2021), tahun 2024,
  plus one kabupaten row (Dukcapil 2025). **{zero} villages have population 0**, meaning missing in the
  source; kept as 0 on purpose so that the validator flags them.
- `faskes_bppsdmk_2019.csv` — real: {len(s['faskes'])} facilities ({n_pusk} puskesmas, {n_rs} hospitals), the
  source rows unchanged (values, quoting and row order; LF line ends).
- `asumsi_faskes.csv` — **ASSUMPTIONS** the district must correct: hospitals inpatient `ya`; every
  puskesmas `tidak` (the source has no inpatient flag; it is never inferred from code digits);
  `kategori_wilayah` `perkotaan` if the point lies in a kelurahan polygon (Kemendagri suffix starting
  with 1), else `perdesaan`: {kat.get('perkotaan', 0)} perkotaan, {kat.get('perdesaan', 0)} perdesaan. Terpencil / sangat
  terpencil are set by ministerial decree; no list was available, so none is assumed.
- `indikator_desa.csv` — real, as in the source: {n_ind} village indicators in long format
  (`kode_wilayah,indikator,nilai,tahun,sumber`), {s['indikator_rows']} rows; see "Village indicators".

### Facilities
{pk_en}

### Village indicators (`indikator_desa.csv`)
One row per village matched in the crosswalk ({n_ind_desa} villages) and per indicator, from
`population/oki_muba_desa_population_access.csv` (ICRAF); meaning, unit and source from
`icraf_village_indicators_metadata.csv`. Sorted by `kode_wilayah`, then `indikator`.

{ind_tables['en']}

{ind_rem_en}
### Unmatched villages
BPS rows without a Kemendagri match:
{ub_id}

Kemendagri villages without a BPS row:
{uk_id}

### Known defects (kept on purpose)
Wrong hospital coordinates:
{bad_rs_txt}

Facility kecamatan codes that do not agree with the point location:
{stale_txt}
{cahaya_en}- Population 0 means missing ({zero} villages). {pop_en}
"""


def cls_count(jl, c):
    return sum(1 for v in jl["kec"].values() if v == c)


def indikator_kec_texts(s):
    """Berkas row, file bullet and section on indikator_kecamatan.csv for the province README."""
    st, kecs, rows = s["indikator_kec"], s["kec"], s["indikator_kec_rows"]
    spec = {i[0]: i for i in INDIKATOR}
    kec_nama = {k["kode"]: k["nama"] for k in kecs}
    kab_nama = {k["kode"]: k["nama"] for k in s["kab"]}
    jl = st["_jalan"]
    cls = {c: sum(1 for v in jl["kec"].values() if v == c) for c in ("dekat", "sedang", "tanpa_jalan")}
    other_pct = 100.0 * jl["village_other_class"] / jl["villages"] if jl["villages"] else 0
    with_val = [k["kode"] for k in kecs if any(k["kode"] not in st[n]["no_value"] for n in INDIKATOR_KEC)]
    far = "; ".join("`%s` %s, %s" % (k, kec_nama[k], kab_nama[k[:5]])
                    for k in sorted(jl["kec"]) if jl["kec"][k] == "tanpa_jalan")
    far = " (%s)" % far if far and cls_count(jl, "tanpa_jalan") <= 10 else ""
    n_road = sorted(st["jarak_jalan_m"]["n"])
    missing = sum(st[n]["missing"] for n in INDIKATOR_KEC)
    no_val = sorted({k for n in INDIKATOR_KEC for k in st[n]["no_value"]})
    names = ", ".join("`%s`" % n for n in INDIKATOR_KEC)

    def no_val_lst(lang):
        if not no_val:
            return "- (tidak ada / none)"
        return "\n".join("- `%s` %s, %s: %s" % (k, kec_nama[k], kab_nama[k[:5]], ", ".join(
            "`%s`" % n for n in INDIKATOR_KEC if k in st[n]["no_value"])) for k in no_val)

    def table(lang):
        if lang == "id":
            lines = ["| indikator | kolom sumber | satuan | tahun | sumber asli | arti (nilai desa) | baris kecamatan | desa dipakai | median 0 | desa bernilai 0 |"]
        else:
            lines = ["| indikator | source column | unit | tahun | upstream source | meaning (village value) | kecamatan rows | villages used | median 0 | villages at 0 |"]
        lines.append("|---|---|---|---|---|---|---:|---:|---:|---:|")
        for name in INDIKATOR_KEC:
            i, x = spec[name], st[name]
            up = i[4][:-len(_VIA)] if i[4].endswith(_VIA) else i[4]
            lines.append("| `%s` | `%s` | %s | %s | %s | %s | %d | %d | %d | %d |" % (
                name, i[1], i[2], i[3] or "—", up, i[5] if lang == "id" else i[6], x["rows"], x["villages"],
                x["zero"], x["village_zero"]))
        return "\n".join(lines)

    skip_id = "\n".join("  - `%s`: %s" % (n, r_id) for n, r_id, _ in INDIKATOR_KEC_SKIP)
    skip_en = "\n".join("  - `%s`: %s" % (n, r_en) for n, _, r_en in INDIKATOR_KEC_SKIP)
    pov, air, road = st["derajat_kemiskinan"], st["persentase_badan_air"], st["jarak_jalan_m"]
    d_id = f"ASUMSI/turunan: median N desa (ICRAF village_typologies_sumsel, <sumber asli>) per kecamatan"
    d_en = f"ASUMSI/turunan: median N desa (ICRAF village_typologies_sumsel, <upstream source>) per kecamatan"
    med = n_road[len(n_road) // 2] if n_road else 0
    berkas = (f"| `indikator_kecamatan.csv` | {len(INDIKATOR_KEC)} indikator per kecamatan ({names}) = median nilai desa ICRAF, "
              f"format panjang `kode_wilayah,indikator,nilai,tahun,sumber`; {rows} baris, {len(with_val)} kecamatan | "
              f"**TURUNAN / perkiraan** (bukan angka resmi kecamatan; `sumber` diawali `ASUMSI/turunan`) |")
    bullet = (f"- `indikator_kecamatan.csv` — **DERIVED / approximate**: {len(INDIKATOR_KEC)} indicators per kecamatan ({names}),\n"
              f"  each the median of the kecamatan's ICRAF village values, long format\n"
              f"  (`kode_wilayah,indikator,nilai,tahun,sumber`); {rows} rows, {len(with_val)} kecamatan. Not a published\n"
              f"  kecamatan figure (`sumber` starts with `ASUMSI/turunan`); see \"Kecamatan indicators\".")
    sec_id = f"""### Indikator kecamatan (`indikator_kecamatan.csv`) — turunan, perkiraan
- **Isi**: satu baris per kecamatan (kode Kemendagri seperti di `wilayah.geojson`) dan indikator, dengan
  nilai = **median** nilai semua desa kecamatan itu di `population/icraf_village_indicators_sumsel.csv`
  (ICRAF, {s['vill']} desa). Indikatornya sama dengan `indikator_desa.csv` contoh kabupaten, sejauh bermakna
  sebagai median (jarak, indeks, persentase): {names}.
- **Cara**: desa masuk kecamatan menurut 7 angka awal `iddesa` (kode kecamatan BPS 2019) melalui berkas
  jembatan BPS–Kemendagri yang juga dipakai untuk `kode_bps` di `wilayah.geojson`; tidak perlu
  pencocokan nama desa, sehingga semua desa dipakai, juga di kecamatan tanpa baris penduduk. Nilai
  kosong/NA dilewati (di data ini: {missing}). Median = nilai tengah (teks sumber persis) bila jumlah desa
  ganjil, rata-rata dua nilai tengah bila genap; tanpa bobot luas atau penduduk. Tidak ada yang
  dijumlahkan atau diisi. Jumlah desa yang dipakai tertulis di `sumber`:
  `{d_id}`. Desa per kecamatan: {n_road[0] if n_road else 0}–{n_road[-1] if n_road else 0} (median {med}).
  `tahun` seperti di `indikator_desa.csv` (tahun metadata; kosong bila tidak disebut).
- **Ini perkiraan turunan, bukan angka kecamatan yang diterbitkan.** Nilai desa sendiri sudah ringkasan
  (mis. jarak ke jalan = median dalam desa), jadi nilai kecamatan adalah median dari ringkasan desa.
- **`jarak_jalan_m`** (jarak ke jalan terdekat, meter, BIG) adalah kegunaan utamanya: tanpa lapisan jalan,
  model waktu tempuh memperkirakan kelas lahan suatu zona dari angka ini: ≤ {JALAN_DEKAT_M} m
  `perkiraan_jalan_dekat`, ≤ {JALAN_SEDANG_M} m `perkiraan_jalan_sedang`, selebihnya `tanpa_jalan`
  (`data/reference/skenario_perjalanan_sumsel.csv`). Karena provinsi tidak punya tingkat desa, berkas ini
  memberi angka itu per kecamatan: {cls['dekat']} kecamatan ≤ {JALAN_DEKAT_M} m, {cls['sedang']} kecamatan {JALAN_DEKAT_M}–{JALAN_SEDANG_M} m,
  {cls['tanpa_jalan']} kecamatan > {JALAN_SEDANG_M} m{far}. Satu kecamatan = satu kelas, padahal {jl['village_other_class']} dari {jl['villages']} desa
  ({other_pct:.0f}%) sendiri berada di kelas lain daripada median kecamatannya: kasar. Muat lapisan jalan
  bila tersedia (maka angka ini tidak dipakai).

{table('id')}

- Tidak dibuat (tidak bermakna sebagai median kecamatan):
{skip_id}
- `derajat_kemiskinan` bernilai 0 di {pov['village_zero']} desa (mungkin data hilang diisi 0, lihat contoh kabupaten);
  median kecamatan 0 di {pov['zero']} kecamatan — meragukan.
- `persentase_badan_air` bernilai 0 di {air['village_zero']} desa; median 0 di {air['zero']} kecamatan (metadata: "compared to
  sub-district area", tetapi nilainya per desa).
- `jarak_jalan_m` bernilai 0 di {road['village_zero']} desa (mungkin data hilang diisi 0); median tidak banyak terpengaruh.
- Keanggotaan desa menurut kode BPS 2019: desa yang sejak itu pindah ke kecamatan hasil pemekaran
  tetap dihitung di kecamatan lamanya (lihat kecamatan yang desanya tidak cocok seluruhnya, bagian Penduduk).

Kecamatan tanpa nilai (tanpa desa bernilai di data; tidak ada baris):
{no_val_lst('id')}
"""
    sec_en = f"""### Kecamatan indicators (`indikator_kecamatan.csv`) — derived, approximate
- **Content**: one row per kecamatan (Kemendagri code, as in `wilayah.geojson`) and indicator; value =
  the **median** over all villages of that kecamatan in `population/icraf_village_indicators_sumsel.csv`
  (ICRAF, {s['vill']} villages). The indicators are those of the district samples' `indikator_desa.csv`
  that are meaningful as a median (distances, indices, percentages): {names}.
- **How**: a village belongs to the kecamatan given by the first 7 digits of its `iddesa` (2019 BPS
  kecamatan code), through the same BPS–Kemendagri bridging file that gives `kode_bps` in
  `wilayah.geojson`; no village-name matching is needed, so every village is used, also in kecamatan
  without a population row. Empty/NA values are skipped (in this data: {missing}). Median = the middle value
  (exact source text) for an odd number of villages, the mean of the two middle values for an even
  number; no area or population weighting. Nothing is summed or filled in. The number of villages used
  is written in `sumber`: `{d_en}`. Villages per kecamatan: {n_road[0] if n_road else 0}–{n_road[-1] if n_road else 0}
  (median {med}). `tahun` as in `indikator_desa.csv` (the metadata's year; empty where none is given).
- **A derived approximation, not a published kecamatan figure.** The village values are themselves
  summaries (e.g. road distance = median within the village), so a kecamatan value is a median of
  village summaries.
- **`jarak_jalan_m`** (distance to the nearest road, metres, BIG) is the main use: without a road layer
  the travel-time model approximates a zone's land class from it: ≤ {JALAN_DEKAT_M} m `perkiraan_jalan_dekat`,
  ≤ {JALAN_SEDANG_M} m `perkiraan_jalan_sedang`, else `tanpa_jalan` (`data/reference/skenario_perjalanan_sumsel.csv`).
  The province having no desa level, this file gives that figure per kecamatan: {cls['dekat']} kecamatan
  ≤ {JALAN_DEKAT_M} m, {cls['sedang']} kecamatan {JALAN_DEKAT_M}–{JALAN_SEDANG_M} m, {cls['tanpa_jalan']} kecamatan > {JALAN_SEDANG_M} m{far}. One kecamatan = one class, while
  {jl['village_other_class']} of {jl['villages']} villages ({other_pct:.0f}%) are themselves in another class than their kecamatan's median:
  coarse. Load a road layer where one exists (this figure is then not used).

{table('en')}

- Not derived (not meaningful as a kecamatan median):
{skip_en}
- `derajat_kemiskinan` is 0 in {pov['village_zero']} villages (possibly missing stored as 0, see the district samples); the
  kecamatan median is 0 in {pov['zero']} kecamatan — doubtful.
- `persentase_badan_air` is 0 in {air['village_zero']} villages; median 0 in {air['zero']} kecamatan (metadata: "compared to
  sub-district area", yet the values are per village).
- `jarak_jalan_m` is 0 in {road['village_zero']} villages (possibly missing stored as 0); the medians are hardly affected.
- Village membership follows the 2019 BPS code: a village moved since to a newly split kecamatan still
  counts in its old kecamatan (see the kecamatan whose villages do not all match, under Population).

Kecamatan without a value (no village with a value in the data; no row):
{no_val_lst('en')}
"""
    return berkas, bullet, sec_id, sec_en


def province_readme(p, s):
    kabs, kecs, faskes = s["kab"], s["kec"], s["faskes"]
    kab_nama = {k["kode"]: k["nama"] for k in kabs}
    kab_by_bps = {b: k for k, b in s["kab_bps"].items()}
    no_geom = ", ".join("`%s`" % k for k in s["kab_no_geom"] + s["kec_no_geom"]) or "tidak ada / none"
    n_pusk = sum(1 for r in faskes if r["jenis_faskes"] == "PUSKESMAS")
    n_rs = sum(1 for r in faskes if r["jenis_faskes"] == "RUMAH SAKIT")
    checks = {}
    for r in faskes:
        checks[r["coord_check"]] = checks.get(r["coord_check"], 0) + 1
    check_txt = ", ".join("`%s` %d" % (k, checks[k]) for k in sorted(checks, key=lambda k: (-checks[k], k)))
    kat = {}
    for a in s["asumsi"]:
        if a["kategori_wilayah"]:
            kat[a["kategori_wilayah"]] = kat.get(a["kategori_wilayah"], 0) + 1
    st = s["kec_status"]
    n_st = {k: sum(1 for v in st.values() if v == k) for k in ("ok", "penduduk_0", "desa_tidak_cocok", "tanpa_desa")}
    n_kec_pop = len(s["kec_pop"])
    kab_sum = sum(s["kab_dukcapil"].values())
    vk = s["vill_kab"]
    vill_zero = sum(v["zero"] for v in vk.values())

    def lst(items, fmt):
        return "\n".join("- " + fmt(x) for x in items) if items else "- (tidak ada / none)"

    def fas(r):
        kab = kab_by_bps.get(r["kode_kab_bps"], "?")
        pip = r["kode_kec_kemendagri_pip"]
        kec = ("kode kec. BPS `%s` → `%s`" % (r["kode_kec_bps"], r["kode_kec_kemendagri_from_bps"])
               if r["kode_kec_bps"] else "tanpa kode kec.")
        loc = ("titik di `%s` %s" % (pip, r["nama_kec_pip"]) if pip
               else "titik di luar semua poligon kecamatan")
        return ("%s %s (`%s`, %s): lon %s, lat %s; %s; %s (coord_check `%s`)"
                % (r["jenis_faskes"].lower(), r["nama_faskes"], r["kode_faskes"], kab_nama.get(kab, "?"),
                   r["lon"], r["lat"], kec, loc, r["coord_check"]))

    outside = [r for r in faskes if r["coord_check"] == "outside_sumsel_polygons"]
    other_kab = [r for r in faskes if r["coord_check"] == "other_kab"]
    other_kec = [r for r in faskes if r["coord_check"] == "other_kec_same_kab"]
    rs = [r for r in faskes if r["jenis_faskes"] == "RUMAH SAKIT"]
    rs_nokec = [r for r in rs if not r["kode_kec_bps"]]
    rs_wrong_kab = [r for r in rs if r["kode_kec_kemendagri_pip"]
                    and r["kode_kec_kemendagri_pip"][:5] != kab_by_bps[r["kode_kab_bps"]]]
    by_point = {}
    for r in faskes:
        by_point.setdefault((r["lat"], r["lon"]), []).append(r)
    shared_pts = sorted((v for v in by_point.values() if len(v) > 1), key=lambda v: v[0]["kode_faskes"])
    shared_txt = lst(shared_pts, lambda v: "lat %s, lon %s: %s" % (
        v[0]["lat"], v[0]["lon"], "; ".join("%s (`%s`, %s)" % (r["nama_faskes"], r["kode_faskes"],
                                                             kab_nama[kab_by_bps[r["kode_kab_bps"]]])
                                            for r in v)))
    fallback = [a for a in s["asumsi"] if "dipakai kecamatan dari kode BPS sumber" in a["dasar_asumsi"]]
    default = [a for a in s["asumsi"] if "perdesaan sebagai bawaan" in a["dasar_asumsi"]]
    perkotaan_kab = {}
    fk = {r["kode_faskes"]: r for r in faskes}
    for a in s["asumsi"]:
        if a["kategori_wilayah"] == "perkotaan":
            k = kab_by_bps[fk[a["kode_faskes"]]["kode_kab_bps"]]
            perkotaan_kab[k] = perkotaan_kab.get(k, 0) + 1
    perk_txt = ", ".join("%s %d" % (kab_nama[k], n) for k, n in sorted(perkotaan_kab.items()))
    bps_diff = ", ".join("`%s` %s = BPS `%s`" % (k, kab_nama[k], s["kab_bps"][k]) for k in s["kab_bps_differs"])
    penilaian_note = s["kec_pop_penilaian"]
    net = s["network_out"]
    net_id = "; ".join("%s %s" % (kab_nama[k], v) for k, v in sorted(net.items())) or "tidak ada"
    net_en = "; ".join("%s %s" % (kab_nama[k], {"seluruhnya": "entirely", "sebagian": "partly"}[v])
                       for k, v in sorted(net.items())) or "none"
    clip = "lon %s–%s, lat %s sampai %s" % NETWORK_CLIP
    clip_en = "lon %s–%s, lat %s to %s" % NETWORK_CLIP

    def table(lang):
        if lang == "id":
            head = ("| kode | kabupaten/kota | BPS | penduduk Dukcapil 2025 | jumlah penduduk desa (Kemendes 2024) | % | desa | desa penduduk 0 | kecamatan dengan baris penduduk | puskesmas | RS |\n"
                    "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
            f = fmt_int
        else:
            head = ("| code | kabupaten/kota | BPS | population Dukcapil 2025 | village sum (Kemendes 2024) | % | villages | villages with 0 | kecamatan with a population row | puskesmas | hospitals |\n"
                    "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
            f = lambda n: "{:,}".format(n)
        lines = [head]
        for k in kabs:
            kk = k["kode"]
            v = vk.get(kk, {"n": 0, "zero": 0, "sum": 0})
            nk = sum(1 for c in kecs if c["kode"][:5] == kk)
            nkp = sum(1 for c in s["kec_pop"] if c[:5] == kk)
            fs = [r for r in faskes if kab_by_bps[r["kode_kab_bps"]] == kk]
            lines.append("| `%s` | %s | `%s` | %s | %s | %.0f | %d | %d | %d / %d | %d | %d |" % (
                kk, k["nama"], s["kab_bps"][kk], f(s["kab_dukcapil"][kk]), f(v["sum"]),
                100.0 * v["sum"] / s["kab_dukcapil"][kk], v["n"], v["zero"], nkp, nk,
                sum(1 for r in fs if r["jenis_faskes"] == "PUSKESMAS"),
                sum(1 for r in fs if r["jenis_faskes"] == "RUMAH SAKIT")))
        return "\n".join(lines)

    ik_berkas, ik_bullet, ik_id, ik_en = indikator_kec_texts(s)
    cmd = "python3 tools/prepare_samples.py --shared <folder data sumber> --out data --only province"
    lists_id = f"""Faskes yang titiknya di luar semua poligon Sumatera Selatan (`outside_sumsel_polygons`):
{lst(outside, fas)}

Faskes yang titiknya jatuh di kabupaten/kota lain (`other_kab`):
{lst(other_kab, fas)}

Rumah sakit yang titiknya jatuh di kabupaten/kota lain daripada kode BPS-nya (koordinat salah):
{lst(rs_wrong_kab, fas)}

Beberapa faskes dengan koordinat yang persis sama:
{shared_txt}

Puskesmas yang kode kecamatannya tidak sesuai lokasi titik dalam kabupaten yang sama
(`other_kec_same_kab`: kecamatan dimekarkan / kode lama, atau titik bergeser):
{lst(other_kec, fas)}
"""
    lists_en = f"""Facilities whose point lies outside every Sumatera Selatan polygon (`outside_sumsel_polygons`):
{lst(outside, fas)}

Facilities whose point falls in another kabupaten/kota (`other_kab`):
{lst(other_kab, fas)}

Hospitals whose point falls in another kabupaten/kota than their BPS code (wrong coordinates):
{lst(rs_wrong_kab, fas)}

Facilities sharing exactly the same coordinates:
{shared_txt}

Puskesmas whose kecamatan code disagrees with the point's kecamatan in the same kabupaten
(`other_kec_same_kab`: kecamatan split since / old code, or a shifted point):
{lst(other_kec, fas)}
"""
    return f"""# Data contoh Jangkau — Provinsi {p['nama_pendek']} (Kemendagri `{p['kode']}`, BPS `{p['kode']}`): {len(kabs)} kabupaten/kota

Dibuat oleh `tools/prepare_samples.py` dari data publik (lihat `data/SOURCES.md`). Jangan disunting
manual: ubah skrip lalu jalankan ulang:

    {cmd}

## Bahasa Indonesia

### Berkas

| berkas | isi | nyata / asumsi |
|---|---|---|
| `wilayah.geojson` | {s['features']} fitur (EPSG:4326, lon/lat): provinsi (tanpa geometri), {len(kabs)} kabupaten/kota, {len(kecs)} kecamatan menurut kode Kemendagri 2025. Properti: `kode`, `nama`, `tingkat`, `kode_bps`. **Tanpa tingkat desa** | nyata (batas disederhanakan) |
| `penduduk.csv` | 1 baris provinsi dan {len(kabs)} baris kabupaten/kota (Dukcapil 2025); {n_kec_pop} baris kecamatan (jumlah penduduk desa Kemendes 2024 dan KK PODES 2021, tahun 2024) hanya di kecamatan yang datanya lengkap | nyata; kecamatan lain **tidak** diberi angka |
| `faskes_bppsdmk_2019.csv` | {len(faskes)} faskes ({n_pusk} puskesmas, {n_rs} rumah sakit) dengan jumlah SDMK per profesi, salinan baris sumber tanpa perubahan (kolom sama dengan berkas kabupaten, termasuk kolom pemeriksaan `kode_kec_kemendagri_from_bps`, `kode_kec_kemendagri_pip`, `nama_kec_pip`, `coord_check`) | nyata (2019) |
| `asumsi_faskes.csv` | status rawat inap dan kategori wilayah per faskes | **ASUMSI** — wajib dikoreksi Dinkes |
{ik_berkas}

Wilayah tanpa poligon batas (geometri null): {no_geom}.

### Tingkat desa tidak ada
Poligon desa hanya tersedia untuk OKI dan Muba (`data/districts/`); untuk provinsi hanya ada poligon
kabupaten dan kecamatan. Karena itu `wilayah.geojson` berhenti di kecamatan dan `penduduk.csv` tidak
memuat baris desa. `jangkau access run` lalu memakai kecamatan sebagai zona (waktu tempuh dan
jangkauan per kecamatan, dijumlahkan per kabupaten/kota); kecamatan tanpa angka penduduk tidak
dihitung orangnya. Hasil per desa memerlukan data desa: pakai contoh kabupaten, atau muat poligon dan
penduduk desa sendiri.

### Kode BPS
Kecamatan: dari berkas jembatan BPS–Kemendagri 2020 (sama dengan contoh kabupaten). Kabupaten/kota:
awalan 4 angka yang sama pada semua kode BPS kecamatannya (diperiksa: satu awalan per kabupaten, dan
sama dengan `kode_kab_bps` faskes). BPS dan Kemendagri memberi nomor berbeda untuk: {bps_diff}.

### Penduduk
- Baris provinsi `{p['kode']}` ({fmt_int(s['prov_dukcapil'])}) sama dengan jumlah {len(kabs)} kabupaten/kota ({fmt_int(kab_sum)}).
- **Kecamatan**: data ICRAF memuat penduduk semua {s['vill']} desa Sumatera Selatan, tetapi **{vill_zero} desa
  bernilai 0 (= data hilang)**, dan kode desanya kode BPS 2019. Jumlah per kecamatan hanya ditulis bila
  (1) setiap desa/kelurahan Kemendagri 2025 di kecamatan itu cocok satu-satu dengan baris desa BPS
  (pencocokan nama seperti `crosswalk_desa.csv` kabupaten; tidak ada `tidak_cocok`/`tidak_ada_di_bps`)
  dan (2) tidak ada desa bernilai 0. Hasil: **{n_kec_pop} dari {len(kecs)} kecamatan** diberi baris;
  {n_st['penduduk_0']} kecamatan tidak karena ada desa bernilai 0, {n_st['desa_tidak_cocok']} karena desanya tidak cocok
  seluruhnya (pemekaran/perubahan sejak 2019 atau ejaan), {n_st['tanpa_desa']} tanpa desa di data. Jumlah sebagian
  **tidak** ditulis: itu bukan jumlah penduduk. {penilaian_note} pasangan di kecamatan yang ditulis adalah varian ejaan
  (`penilaian`, belum ditinjau manual); karena semua desa lain cocok persis, jumlahnya tidak bergantung padanya.
- Pencocokan desa seluruh provinsi (tidak ditulis sebagai berkas): {s['cw_cara']['nama_persis']} `nama_persis`, {s['cw_cara']['penilaian']} `penilaian`,
  {s['cw_cara']['tidak_cocok']} `tidak_cocok`, {s['cw_cara']['tidak_ada_di_bps']} `tidak_ada_di_bps`.
- Baris kecamatan bertahun 2024 (Kemendes), baris kabupaten 2025 (Dukcapil): dua sumber berbeda, jangan
  dijumlahkan atau dibandingkan seolah satu sumber.

{table('id')}

Kolom "jumlah penduduk desa" menjumlahkan semua desa data ICRAF per kabupaten (termasuk yang 0); di
kota hampir semua kelurahan bernilai 0, sehingga jumlahnya jauh di bawah Dukcapil.

{ik_id}
### Faskes dan asumsi
- {len(faskes)} faskes dari data BPPSDMK 2019 (`coord_check`: {check_txt}). Daftar 2019 tidak lengkap
  (mis. OKI 25 dari 40 puskesmas); pustu dan poskesdes tidak tercantum.
- `rawat_inap`: rumah sakit = `ya`; semua puskesmas = `tidak` **sebagai ASUMSI** (data BPPSDMK tidak
  memuat status rawat inap). Status rawat inap **tidak** ditebak dari digit kode faskes.
- `kategori_wilayah` puskesmas (ASUMSI, di tingkat **kecamatan** karena tidak ada poligon desa):
  `perkotaan` bila lebih dari separuh desa/kelurahan (Kemendagri 2025) di kecamatan tempat titik
  jatuh adalah kelurahan (kode berawalan 1), selain itu `perdesaan`. Titik yang tidak jatuh di
  poligon kecamatan mana pun memakai kecamatan dari kode BPS sumber (disebut di `dasar_asumsi`).
  Hasil: {kat.get('perkotaan', 0)} perkotaan ({perk_txt}), {kat.get('perdesaan', 0)} perdesaan; rumah sakit dikosongkan.
  Contoh kabupaten menentukannya per desa, sehingga puskesmas OKI/Muba bisa berbeda kategori di sini.
- Kategori **terpencil / sangat terpencil** ditetapkan dengan keputusan menteri; daftarnya tidak
  tersedia, sehingga **tidak ada** faskes yang diasumsikan terpencil atau sangat terpencil.

Puskesmas yang kecamatannya diambil dari kode BPS sumber (titik di luar poligon):
{lst(fallback, lambda a: "%s (`%s`)" % (a["nama_faskes"], a["kode_faskes"]))}

Puskesmas dengan kategori bawaan `perdesaan` (tanpa kecamatan sama sekali):
{lst(default, lambda a: "%s (`%s`)" % (a["nama_faskes"], a["kode_faskes"]))}

### Cacat data yang diketahui (sengaja tidak diperbaiki)
- **Semua {len(rs_nokec)} rumah sakit tanpa kode kecamatan** (`kode_kec_bps` kosong): kecamatannya hanya dapat
  dibaca dari titik koordinat, dan beberapa titik itu salah (di bawah).
- {vill_zero} dari {s['vill']} desa di data penduduk ICRAF bernilai 0 (data hilang); lihat tabel.
- Lapisan jaringan di `data/network/` (sungai, laut, gambut) hanya mencakup {clip}; di luar
  cakupan itu (menurut titik batas kabupaten): {net_id}.

{lists_id}
## English

Generated by `tools/prepare_samples.py` from public data (see `data/SOURCES.md`); do not edit by hand.
Regenerate with `{cmd}`.

### Files
- `wilayah.geojson` — {s['features']} features (EPSG:4326, lon/lat): province (null geometry), {len(kabs)} kabupaten/kota,
  {len(kecs)} kecamatan with Kemendagri 2025 codes; properties `kode`, `nama`, `tingkat`, `kode_bps`. Real
  (simplified boundaries). **No desa level.** Regions without a boundary polygon: {no_geom}.
- `penduduk.csv` — real: one province row and {len(kabs)} kabupaten/kota rows (Dukcapil 2025); {n_kec_pop} kecamatan rows
  (sum of village population, Kemendes 2024, and households, PODES 2021; tahun 2024) only where the
  village data is complete. The other kecamatan get **no** figure.
- `faskes_bppsdmk_2019.csv` — real: {len(faskes)} facilities ({n_pusk} puskesmas, {n_rs} hospitals), the source rows unchanged
  (values, quoting and row order; LF line ends), the same columns as the district files, including the
  check columns `kode_kec_kemendagri_from_bps`, `kode_kec_kemendagri_pip`, `nama_kec_pip`, `coord_check`.
- `asumsi_faskes.csv` — **ASSUMPTIONS** the health office must correct: hospitals inpatient `ya`; every
  puskesmas `tidak` (the source has no inpatient flag; it is never inferred from code digits);
  `kategori_wilayah` at **kecamatan** level (no desa polygons): `perkotaan` if more than half of the
  villages (Kemendagri 2025) of the kecamatan the point falls in are kelurahan (code starting with 1),
  else `perdesaan`; a point in no kecamatan polygon uses the kecamatan of the source's BPS code (said
  in `dasar_asumsi`): {kat.get('perkotaan', 0)} perkotaan, {kat.get('perdesaan', 0)} perdesaan. The district samples decide this per
  village, so an OKI/Muba puskesmas may be categorised differently here. Terpencil / sangat terpencil
  are set by ministerial decree; no list was available, so none is assumed.
{ik_bullet}

### No desa level
Desa polygons exist only for OKI and Muba (`data/districts/`); for the province there are kabupaten
and kecamatan polygons only. `wilayah.geojson` therefore stops at kecamatan and `penduduk.csv` has no
desa rows. `jangkau access run` then takes the kecamatan as its zones (travel time and reach per
kecamatan, summed per kabupaten/kota); a kecamatan without a population figure counts no people.
Results per village need desa data: use the district samples, or load your own desa polygons and
population.

### BPS codes
Kecamatan: from the 2020 BPS–Kemendagri bridging file (as for the districts). Kabupaten/kota: the one
4-digit prefix shared by all its kecamatan BPS codes (checked: one prefix per kabupaten, equal to the
facilities' `kode_kab_bps`). BPS and Kemendagri number these differently: {bps_diff}.

### Population
- The province row `{p['kode']}` ({"{:,}".format(s['prov_dukcapil'])}) equals the sum of the {len(kabs)} kabupaten/kota ({"{:,}".format(kab_sum)}).
- **Kecamatan**: the ICRAF file has a population for all {s['vill']} Sumatera Selatan villages, but **{vill_zero}
  villages are 0 (= missing)**, and its village codes are 2019 BPS codes. A kecamatan sum is written only
  if (1) every Kemendagri 2025 village of the kecamatan is matched one-to-one to a BPS village row (name
  matching as in the districts' `crosswalk_desa.csv`; no `tidak_cocok`/`tidak_ada_di_bps`) and (2) no
  village is 0. Result: **{n_kec_pop} of {len(kecs)} kecamatan** get a row; {n_st['penduduk_0']} do not because a village is 0,
  {n_st['desa_tidak_cocok']} because their villages do not all match (splits/changes since 2019, or spelling), {n_st['tanpa_desa']} have no
  village in the data. Partial sums are **not** written: they are not a population. {penilaian_note} pairs in the
  written kecamatan are spelling variants (`penilaian`, not reviewed by hand); as every other village
  matched exactly, the sums do not depend on them.
- Village matching over the whole province (not written as a file): {s['cw_cara']['nama_persis']} `nama_persis`, {s['cw_cara']['penilaian']} `penilaian`,
  {s['cw_cara']['tidak_cocok']} `tidak_cocok`, {s['cw_cara']['tidak_ada_di_bps']} `tidak_ada_di_bps`.
- Kecamatan rows are 2024 (Kemendes), kabupaten rows 2025 (Dukcapil): two different sources, not to be
  added up or compared as if one.

{table('en')}

"Village sum" adds all ICRAF villages of the kabupaten (0 included); in the cities almost every
kelurahan is 0, so the sum is far below Dukcapil.

{ik_en}
### Known defects (kept on purpose)
- **All {len(rs_nokec)} hospitals lack a kecamatan code** (`kode_kec_bps` empty): their kecamatan can only be
  read from the coordinates, and some of those are wrong (below).
- {vill_zero} of the {s['vill']} villages of the ICRAF population data are 0 (missing); see the table.
- The network layers in `data/network/` (rivers, sea, peat) cover only {clip_en}; outside that
  extent (by kabupaten boundary vertices): {net_en}.
- The 2019 facility list is incomplete (e.g. OKI 25 of 40 puskesmas) and has no pustu or poskesdes.

Puskesmas whose kecamatan was taken from the source's BPS code (point outside the polygons):
{lst(fallback, lambda a: "%s (`%s`)" % (a["nama_faskes"], a["kode_faskes"]))}

Puskesmas with the default `perdesaan` (no kecamatan at all):
{lst(default, lambda a: "%s (`%s`)" % (a["nama_faskes"], a["kode_faskes"]))}

{lists_en}"""


def sources_md(common, stats, national_line, national_rows, prov):
    s = {x["key"]: x for x in stats}
    prov_kec, prov_faskes = len(prov["kec_pop"]), len(prov["faskes"])
    return f"""# Sumber data / Data sources — `data/`

Semua berkas di bawah `data/` dibuat oleh `tools/prepare_samples.py` dari salinan data publik
(`python3 tools/prepare_samples.py --shared <folder data sumber> --out data`). Aplikasi hanya membaca
berkas di repositori ini. Everything under `data/` is generated by `tools/prepare_samples.py` from
copies of public data; the application reads only these committed files.

## Provenance and licences

| output | derived from | upstream source (repository @ commit) | licence |
|---|---|---|---|
| `districts/*/wilayah.geojson` | `admin/kemendagri_wilayah_{{oki_16.02,muba_16.06,sumsel_16}}.csv`, `boundaries/{{oki_muba_kabupaten,oki_kecamatan,oki_desa,muba_kecamatan,muba_desa}}.geojson`, `admin/bps_kemendagri_bridging_kecamatan_oki_muba.csv` | codes: `cahyadsn/wilayah` @ b7ad440; boundaries (simplified): `cahyadsn/wilayah_boundaries` @ 3c5a796; BPS↔Kemendagri kecamatan: `zakiego/Kode-Wilayah-Administrasi-Indonesia-Relasi-BPS-Kemendagri` @ 8d5e83e | MIT (cahyadsn); bridging: none stated |
| `districts/*/crosswalk_desa.csv` | `population/oki_muba_desa_population_access.csv` + Kemendagri codes above | village names/`iddesa`: `icraf-indonesia/village_typologies_sumsel` @ 08b4b91 (BPS PODES 2021, Kemendes 2024) | GPL-3 (ICRAF repository); codes MIT |
| `districts/*/penduduk.csv` | same population file; `admin/kemendagri_penduduk_kab_2025.csv` | ICRAF as above (population Kemendes 2024, households PODES 2021); kabupaten totals Dukcapil 2025 via `cahyadsn/wilayah` @ b7ad440 | GPL-3 (village rows); MIT (kabupaten row) |
| `districts/*/faskes_bppsdmk_2019.csv` | `facilities/bppsdmk_faskes_sdmk_oki_muba_2019.csv` (rows of the district, unchanged) | Kemenkes BPPSDMK "Info SDMK" map, scraped Jan 2020: `akirawisnu/faskes-indonesia-2019-scrapper` @ b440d954; kecamatan check columns added by the data preparer | none stated; public government information |
| `districts/*/asumsi_faskes.csv` | the facility rows + desa polygons (point in polygon) | — | **assumptions**, written by the script |
| `districts/*/indikator_desa.csv` | `population/oki_muba_desa_population_access.csv` (9 columns, long format, matched desa only); meaning/unit/year from `population/icraf_village_indicators_metadata.csv` | `icraf-indonesia/village_typologies_sumsel` @ 08b4b91 (flood hazard RBI BNPB; road/river distance BIG; water body KLHK land cover 2020; hospital distance, non-hospital facilities, electrification BPS PODES 2021; poverty IDM) | GPL-3 (ICRAF repository) |
| `province/sumsel/wilayah.geojson` | `admin/kemendagri_wilayah_sumsel_16.csv`, `boundaries/sumsel_{{kabupaten,kecamatan}}.geojson`, `admin/bps_kemendagri_bridging_kecamatan_2020.csv` (kabupaten BPS code = the common prefix of its kecamatan codes); no desa level | codes: `cahyadsn/wilayah` @ b7ad440; boundaries (simplified): `cahyadsn/wilayah_boundaries` @ 3c5a796; BPS↔Kemendagri kecamatan: `zakiego/Kode-Wilayah-Administrasi-Indonesia-Relasi-BPS-Kemendagri` @ 8d5e83e | MIT (cahyadsn); bridging: none stated |
| `province/sumsel/penduduk.csv` | province and kabupaten/kota rows: `admin/kemendagri_penduduk_kab_2025.csv`; kecamatan rows: sums of `jumlah_populasi` and `jumlah_kk` of `population/icraf_village_indicators_sumsel.csv`, only for kecamatan whose villages all match one-to-one and are all > 0 ({prov_kec} of 241) | Dukcapil 2025 via `cahyadsn/wilayah` @ b7ad440; villages: `icraf-indonesia/village_typologies_sumsel` @ 08b4b91 (Kemendes 2024, PODES 2021) | MIT (province/kabupaten rows); GPL-3 (kecamatan rows) |
| `province/sumsel/faskes_bppsdmk_2019.csv` | `facilities/bppsdmk_faskes_sdmk_sumsel_2019_geocheck.csv` (all {prov_faskes} rows, unchanged; LF line ends) | `akirawisnu/faskes-indonesia-2019-scrapper` @ b440d954; kecamatan check columns added by the data preparer | none stated; public government information |
| `province/sumsel/asumsi_faskes.csv` | the facility rows + kecamatan polygons (point in polygon) + the Kemendagri desa list (share of kelurahan per kecamatan) | — | **assumptions**, written by the script |
| `national/bppsdmk_faskes_sdmk_indonesia_2019.csv` | `facilities/bppsdmk_faskes_sdmk_indonesia_2019.csv`, byte-identical copy ({national_rows} facilities, CRLF line ends) | `akirawisnu/faskes-indonesia-2019-scrapper` @ b440d954 | none stated; public government information |

Licence notes: the ICRAF-derived village data (population, households, `iddesa`, village names
in `crosswalk_desa.csv` and `penduduk.csv`, all of `indikator_desa.csv`, the kecamatan sums in
`province/sumsel/penduduk.csv`) come from a GPL-3 repository; keep this notice when
redistributing. Kemendagri codes, names, boundaries and Dukcapil totals come from MIT-licensed
repositories by cahyadsn. BPPSDMK facility data is public government information without an
explicit licence.

## How the files were derived
- Region hierarchy: province 16 (no geometry), kabupaten, every kecamatan and desa in the Kemendagri
  2025 list; geometry from the simplified boundaries, coordinates copied without rounding. BPS codes:
  kecamatan from the bridging file (identical to the 2020 bridging file for these districts), desa =
  BPS `iddesa` when the crosswalk matched it.
- Crosswalk: exact match on Kemendagri kecamatan + name normalised for case, spaces and punctuation;
  then spelling variants by `difflib` ratio within the same kecamatan, one-to-one, accepted
  automatically only when ratio ≥ {AUTO_MIN_RATIO} and ≥ {AUTO_MIN_MARGIN} above the next candidate on both sides;
  the remaining cases were reviewed by hand (table `REVIEWED` in the script). Every judged match
  carries its reason and an area comparison in `catatan`.
  OKI: {s['oki']['cara']['nama_persis']} exact, {s['oki']['cara']['penilaian']} judged, {s['oki']['cara']['tidak_cocok']} BPS rows unmatched, {s['oki']['cara']['tidak_ada_di_bps']} Kemendagri desa without BPS row.
  Muba: {s['muba']['cara']['nama_persis']} exact, {s['muba']['cara']['penilaian']} judged, {s['muba']['cara']['tidak_cocok']} BPS rows unmatched, {s['muba']['cara']['tidak_ada_di_bps']} Kemendagri desa without BPS row.
  (The upstream notes quote 303/327 OKI and 228/243 Muba exact matches; the normalisation used here,
  which also ignores spaces, gives {s['oki']['cara']['nama_persis']} and {s['muba']['cara']['nama_persis']}.)
- Population: one row per matched desa, `jumlah_populasi` as an integer exactly as in the source
  (including 0 = missing), `jumlah_kk`; plus the Dukcapil 2025 kabupaten total.
- Facilities: rows whose `kode_kab_bps` equals the district's BPS code (or, with an empty
  `kode_kab_bps`, hospitals coded `R1602…`/`R1606…`); all columns, original order and values, minimal
  quoting as in the source; line ends LF (the source uses CRLF).
- Assumptions: see each district's README.
- Province sample `province/sumsel/` (see its README): province, 17 kabupaten/kota and 241 kecamatan
  (no desa: desa polygons exist only for OKI and Muba); population per kabupaten (Dukcapil 2025) and,
  where the village data is complete, per kecamatan; all 332 facilities of the province file;
  `kategori_wilayah` assumed from the kelurahan share of the kecamatan the point falls in.
- Village indicators: for each matched desa, {len(INDIKATOR)} columns of the ICRAF file as rows
  (`kode_wilayah,indikator,nilai,tahun,sumber`), values exactly as the source text; empty/NA values
  get no row, 0 is kept (0 vs missing as in the source). Renamed with their unit: `jarak_jalan` →
  `jarak_jalan_m`, `jarak_sungai` → `jarak_sungai_m`, `jarak_rs_terdekat` → `jarak_rs_km`, `luas_desa` →
  `luas_desa_ha` (not in the metadata; hectares because `kepadatan_populasi`, in jiwa/hektar, equals
  `jumlah_populasi / luas_desa` on every row), `jumlah_faskes` → `jumlah_faskes_non_rs`. `tahun` is the
  metadata's year (PODES 2021, KLHK land cover 2020), empty where none is given (BIG, RBI BNPB, IDM).
  OKI {s['oki']['indikator_rows']} rows, Muba {s['muba']['indikator_rows']} rows.

## Known defects (kept on purpose — the application's validator reports them)
- `national/bppsdmk_faskes_sdmk_indonesia_2019.csv` line {national_line} (header = line 1): PUSKESMAS
  BINUANG (P7602051101, Sulawesi Barat) has longitude `119415581.0` (probably 119.415581 with the decimal point lost; not corrected).
- 71 of the 570 source villages have population 0 (= missing), mostly kelurahan: {s['oki']['bps_pop_zero_all']} OKI, {s['muba']['bps_pop_zero_all']} Muba
  (in `penduduk.csv`: {len(s['oki']['desa_pop_zero'])} OKI and {len(s['muba']['desa_pop_zero'])} Muba rows). OKI's village sum ({s['oki']['sum_desa_all_bps']:,}) is close to
  Dukcapil ({s['oki']['kab_dukcapil']:,}); Muba's ({s['muba']['sum_desa_all_bps']:,}) is far below {s['muba']['kab_dukcapil']:,}.
- Hospital coordinates plainly wrong: RSUD Kayuagung falls in OKU (16.01), RSUD Sungai Lilin in PALI (16.12).
- Puskesmas Cahaya Maju (OKI) falls just inside OKU Timur (16.08).
- Five Muba puskesmas carry stale kecamatan codes (kecamatan split since): see `coord_check` =
  `other_kec_same_kab` in `districts/muba/faskes_bppsdmk_2019.csv`.
- The facility data has no inpatient flag and no pustu/poskesdes; OKI's 40 puskesmas appear as only
  25. Inpatient status must not be inferred from digits of the facility code.
- Muba desa 16.06.02.2016 and 16.06.06.2043 have no boundary polygon (null geometry).
- BPS village TEBING BULANG TIMUR (Muba, 1606030020) has no counterpart in the Kemendagri 2025 list.
- `indikator_desa.csv`: `jarak_rs_km` is 0 for {s['oki']['indikator']['jarak_rs_km']['zero']} OKI and {s['muba']['indikator']['jarak_rs_km']['zero']} Muba villages and at most {fmt_num(max(s['oki']['indikator']['jarak_rs_km']['nonzero'] + s['muba']['indikator']['jarak_rs_km']['nonzero'] + [0]))}
  for the rest, implausible as km to the nearest hospital; `derajat_kemiskinan` is 0 for {s['oki']['indikator']['derajat_kemiskinan']['zero']} OKI and {s['muba']['indikator']['derajat_kemiskinan']['zero']} Muba
  villages (possibly missing stored as 0); `persentase_badan_air` is described in the metadata as
  relative to the sub-district area but varies between villages of one kecamatan.

## Written for Jangkau (not derived from external data)
- `reference/jenis_tenaga.csv`, `reference/jenis_tenaga_alias.csv`: the cadre catalogue (Permenkes
  health-worker groups and the itemised cadres of the BPPSDMK columns) and the spellings people type
  for each cadre. Compiled into the binary and copied into each new workspace; a district may
  change the workspace's copy. Extend the alias list when a puskesmas file uses a new spelling.
- `templates/*.csv`: one example row per import template (docs/templates.md). The names and NIK in
  them are invented examples.
"""


# --------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", required=True, help="folder with the public source data")
    ap.add_argument("--out", required=True, help="output folder (e.g. data)")
    ap.add_argument("--only", choices=("all", "districts", "province"), default="all",
                    help="build only districts/* or only province/*; 'all' (default) also writes "
                         "national/ and SOURCES.md")
    a = ap.parse_args()
    shared, out = a.shared, a.out

    common = {}
    br = read_csv(os.path.join(shared, "admin", "bps_kemendagri_bridging_kecamatan_oki_muba.csv"))
    common["bridge"] = {dotted_kec(r["kode_dagri"]): r["kode_bps"] for r in br}
    br20 = read_csv(os.path.join(shared, "admin", "bps_kemendagri_bridging_kecamatan_2020.csv"))
    common["bridge20"] = br20
    for r in br20:
        k = dotted_kec(r["kode_dagri"])
        if k in common["bridge"] and common["bridge"][k] != r["kode_bps"]:
            print("warning: bridging files disagree for %s" % k, file=sys.stderr)
        if k[:5] in ("16.02", "16.06"):      # fallback for kecamatan missing from the small file
            common["bridge"].setdefault(k, r["kode_bps"])
    prov = [r for r in read_csv(os.path.join(shared, "admin", "kemendagri_wilayah_sumsel_16.csv"))
            if r["kode"] == PROVINSI_KODE]
    assert len(prov) == 1
    common["prov_nama"] = prov[0]["nama"]
    common["kabpop"] = {r["kode"]: r for r in read_csv(os.path.join(shared, "admin",
                                                                    "kemendagri_penduduk_kab_2025.csv"))}
    common["pop"] = read_csv(os.path.join(shared, "population", "oki_muba_desa_population_access.csv"))

    common["faskes"] = load_faskes(os.path.join(shared, "facilities", "bppsdmk_faskes_sdmk_oki_muba_2019.csv"))

    stats = [build_district(d, shared, out, common) for d in DISTRICTS] if a.only != "province" else []
    prov_stats = [build_province(p, shared, out, common) for p in PROVINCES] if a.only != "districts" else []
    for s in prov_stats:
        print("%s features=%d penduduk_rows=%d (kecamatan %d) faskes=%d kategori=%s "
              "no_geom=%s boundary_not_in_admin=%s pip_vs_coord_check_differs=%d" % (
                  s["key"], s["features"], s["penduduk_rows"], len(s["kec_pop"]), len(s["faskes"]),
                  {k: sum(1 for x in s["asumsi"] if x["kategori_wilayah"] == k)
                   for k in ("perkotaan", "perdesaan", "")},
                  s["kab_no_geom"] + s["kec_no_geom"], s["boundary_not_in_admin"], len(s["pip_differs"])))
        print("%s indikator_kecamatan rows=%d: %s" % (s["key"], s["indikator_kec_rows"], ", ".join(
            "%s=%d (villages %d, no value %d)" % (k, s["indikator_kec"][k]["rows"], s["indikator_kec"][k]["villages"],
                                                 len(s["indikator_kec"][k]["no_value"]))
            for k in INDIKATOR_KEC)))
    if a.only != "all":
        for s in stats:
            print("%-5s features=%d penduduk_rows=%d faskes=%d" % (
                s["key"], s["features"], s["penduduk_rows"], len(s["faskes"])))
        return

    # national copy
    ndir = os.path.join(out, "national")
    os.makedirs(ndir, exist_ok=True)
    nsrc = os.path.join(shared, "facilities", "bppsdmk_faskes_sdmk_indonesia_2019.csv")
    ndst = os.path.join(ndir, "bppsdmk_faskes_sdmk_indonesia_2019.csv")
    shutil.copyfile(nsrc, ndst)
    with open(nsrc, "rb") as f1, open(ndst, "rb") as f2:
        assert f1.read() == f2.read()
    national_line = None
    national_rows = 0
    with open(ndst, newline="", encoding="utf-8") as f:
        r = csv.reader(f)
        header = next(r)
        ilon = header.index("lon")
        for row in r:
            national_rows += 1
            if abs(float(row[ilon])) > 180 and national_line is None:
                national_line = r.line_num
    write_text(os.path.join(out, "SOURCES.md"), sources_md(common, stats, national_line, national_rows,
                                                               prov_stats[0]))

    for s in stats:
        print("%-5s features=%d crosswalk=%s penduduk_rows=%d pop0=%d faskes=%d kategori=%s" % (
            s["key"], s["features"], s["cara"], s["penduduk_rows"], len(s["desa_pop_zero"]), len(s["faskes"]),
            {k: sum(1 for x in s["asumsi"] if x["kategori_wilayah"] == k) for k in ("perkotaan", "perdesaan", "")}))
    print("national copy: %d rows, bad longitude at line %s" % (national_rows, national_line))
    for s in stats:
        print("%-5s indikator_desa rows=%d: %s" % (s["key"], s["indikator_rows"], ", ".join(
            "%s=%d (0: %d, skipped: %d)" % (k, v["rows"], v["zero"], v["missing"])
            for k, v in s["indikator"].items())))


if __name__ == "__main__":
    main()
