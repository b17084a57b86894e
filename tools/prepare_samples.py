#!/usr/bin/env python3
"""Build Jangkau's bundled sample data from the public source data.

Usage:
    python3 tools/prepare_samples.py --shared ../shared/data --out data

Reads only from --shared (never modified) and writes under --out:

    districts/{oki,muba}/wilayah.geojson
    districts/{oki,muba}/crosswalk_desa.csv
    districts/{oki,muba}/penduduk.csv
    districts/{oki,muba}/faskes_bppsdmk_2019.csv
    districts/{oki,muba}/asumsi_faskes.csv
    districts/{oki,muba}/indikator_desa.csv
    districts/{oki,muba}/README.md
    national/bppsdmk_faskes_sdmk_indonesia_2019.csv   (byte-identical copy)
    SOURCES.md

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
TAHUN_DESA = "2024"
TAHUN_KAB = "2025"
SUMBER_DESA = "Kemendes 2024 (penduduk), PODES 2021 (KK) via ICRAF village_typologies_sumsel"
SUMBER_KAB = "Dukcapil Kemendagri 2025"

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

    def geoms(fname):
        fc = load_geojson(os.path.join(shared, "boundaries", fname))
        return {f["properties"]["kode"]: f["geometry"] for f in fc["features"]}
    kab_geom = geoms("oki_muba_kabupaten.geojson")
    kec_geom = geoms("%s_kecamatan.geojson" % d["bnd"])
    desa_geom = geoms("%s_desa.geojson" % d["bnd"])

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
    header, frows = common["faskes_header"], common["faskes_rows"]
    ci = {c: i for i, c in enumerate(header)}
    mine = [r for r in frows
            if r[ci["kode_kab_bps"]] == d["bps"]
            or (r[ci["kode_kab_bps"]] == "" and r[ci["kode_faskes"]].startswith("R" + d["bps"]))]
    fpath = os.path.join(ddir, "faskes_bppsdmk_2019.csv")
    with open(fpath, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator=FASKES_LINETERMINATOR, quoting=csv.QUOTE_MINIMAL)
        w.writerow(header)
        w.writerows(mine)
    # every written line must equal the source line (apart from the line end)
    src_lines = common["faskes_src_lines"]
    with open(fpath, encoding="utf-8", newline="") as f:
        out_lines = f.read().split(FASKES_LINETERMINATOR)[:-1]
    assert out_lines[0] == src_lines[0], "faskes header differs from source"
    for ln in out_lines[1:]:
        assert ln in common["faskes_src_lineset"], "faskes line differs from source: %s" % ln[:80]
    stats["faskes"] = [dict(zip(header, r)) for r in mine]

    # asumsi_faskes.csv
    desa_nama = {k["kode"]: k["nama"] for k in desas}
    kec_nama = {k["kode"]: k["nama"] for k in kecs}
    asumsi = []
    for r in stats["faskes"]:
        if r["jenis_faskes"] == "RUMAH SAKIT":
            asumsi.append(dict(kode_faskes=r["kode_faskes"], nama_faskes=r["nama_faskes"], rawat_inap="ya",
                               kategori_wilayah="", dasar_asumsi="rumah sakit selalu rawat inap"))
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


def sources_md(common, stats, national_line, national_rows):
    s = {x["key"]: x for x in stats}
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
| `national/bppsdmk_faskes_sdmk_indonesia_2019.csv` | `facilities/bppsdmk_faskes_sdmk_indonesia_2019.csv`, byte-identical copy ({national_rows} facilities, CRLF line ends) | `akirawisnu/faskes-indonesia-2019-scrapper` @ b440d954 | none stated; public government information |

Licence notes: the ICRAF-derived village data (population, households, `iddesa`, village names
in `crosswalk_desa.csv` and `penduduk.csv`, all of `indikator_desa.csv`) come from a GPL-3 repository; keep this notice when
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
    a = ap.parse_args()
    shared, out = a.shared, a.out

    common = {}
    br = read_csv(os.path.join(shared, "admin", "bps_kemendagri_bridging_kecamatan_oki_muba.csv"))
    common["bridge"] = {dotted_kec(r["kode_dagri"]): r["kode_bps"] for r in br}
    br20 = read_csv(os.path.join(shared, "admin", "bps_kemendagri_bridging_kecamatan_2020.csv"))
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

    fpath = os.path.join(shared, "facilities", "bppsdmk_faskes_sdmk_oki_muba_2019.csv")
    with open(fpath, newline="", encoding="utf-8") as f:
        raw = f.read()
    src_lines = re.split(r"\r\n|\n", raw)
    if src_lines and src_lines[-1] == "":
        src_lines.pop()
    rdr = list(csv.reader(io.StringIO(raw, newline="")))
    assert len(rdr) == len(src_lines), "facility file has embedded line breaks; line check impossible"
    common["faskes_header"], common["faskes_rows"] = rdr[0], rdr[1:]
    common["faskes_src_lines"] = src_lines
    common["faskes_src_lineset"] = set(src_lines[1:])

    stats = [build_district(d, shared, out, common) for d in DISTRICTS]

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
    write_text(os.path.join(out, "SOURCES.md"), sources_md(common, stats, national_line, national_rows))

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
