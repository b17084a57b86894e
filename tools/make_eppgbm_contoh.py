#!/usr/bin/env python3
"""Write an INVENTED (CONTOH) e-PPGBM export for Musi Banyuasin, for the demo.

Usage:
    python3 tools/make_eppgbm_contoh.py --data data --out data/districts/muba/eppgbm_contoh.csv

No real child is in it: names, NIKs, births and measurements are drawn with a fixed seed
(20261202). Only the places are real (the villages and kecamatan of data/districts/muba,
their puskesmas from the BPPSDMK file). It is shaped like a real e-PPGBM export
(docs/programmes.md): the export's column names (with its `Pukesmas` spelling), NIK as text,
day-first dates, decimal commas, the weighings (monthly January-August 2025 in Sekayu, the
weighing months February and August elsewhere),
e-PPGBM's own z-score columns (left empty here), and the defects real exports carry:
village names written with "Desa"/"Kel." or in capitals, a village name that matches none,
children without a NIK, implausible values (a weight typed in grams, a height of 875 cm, a
z-score of 999.99 in e-PPGBM's own column). Growth is drawn from the WHO standards
(data/reference/who_growth): length-for-age z ~ N(-1.2, 1.1) shifted by kecamatan, weight-for-
length z ~ N(-0.4, 1.0); those are ASSUMPTIONS for a demonstration, not estimates.
Standard library only; deterministic.
"""

import argparse
import csv
import json
import math
import os
import random
from datetime import date, timedelta


MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember"]


def read_lms(path, key_tenths):
    table = {}
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            key = list(row.keys())[1]
            k = round(float(row[key]) * 10) if key_tenths else int(row[key])
            table[(int(row["sex"]), k)] = (float(row["l"]), float(row["m"]), float(row["s"]))
    return table


def from_z(lms, z):
    l, m, s = lms
    return m * (1 + l * s * z) ** (1 / l)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    rng = random.Random(20261202)
    who = os.path.join(args.data, "reference", "who_growth")
    lenanthro = read_lms(os.path.join(who, "lenanthro.csv"), False)
    wfl = read_lms(os.path.join(who, "wflanthro.csv"), True)
    wfh = read_lms(os.path.join(who, "wfhanthro.csv"), True)

    muba = os.path.join(args.data, "districts", "muba")
    with open(os.path.join(muba, "wilayah.geojson")) as f:
        regions = [feat["properties"] for feat in json.load(f)["features"]]
    kecamatan = {r["kode"]: r["nama"] for r in regions if r["tingkat"] == "kecamatan"}
    villages = sorted((r["kode"], r["nama"]) for r in regions if r["tingkat"] == "desa")
    puskesmas = {}
    with open(os.path.join(muba, "faskes_bppsdmk_2019.csv"), newline="") as f:
        for row in csv.DictReader(f):
            kec = row.get("kode_kec_kemendagri_pip") or row.get("kode_kec_kemendagri_from_bps") or ""
            if row["jenis_faskes"] == "PUSKESMAS" and kec and kec not in puskesmas:
                puskesmas[kec] = row["nama_faskes"].title()

    columns = ["NIK", "Nama", "JK", "Tgl Lahir", "BB Lahir", "TB Lahir", "Nama Ortu", "Prov",
               "Kab/Kota", "Kec", "Pukesmas", "Desa/Kel", "Posyandu", "RT", "RW", "Alamat",
               "Usia Saat Ukur", "Tanggal Pengukuran", "Bulan Pengukuran", "Berat", "Tinggi",
               "Cara Ukur", "LiLA", "BB/U", "ZS BB/U", "TB/U", "ZS TB/U", "BB/TB", "ZS BB/TB",
               "Naik Berat Badan"]
    given = ["Aisyah", "Budi", "Citra", "Dimas", "Eka", "Fajar", "Gita", "Hadi", "Indah", "Joko",
             "Kartika", "Lestari", "Made", "Nur", "Putri", "Rizky", "Sari", "Tono", "Umi", "Wahyu"]
    # The weighing months: every month January-August 2025 in Sekayu (16.06.01), whose posyandu
    # are shown weighing monthly (SKDN); February and August (bulan penimbangan) elsewhere.
    monthly = [date(2025, m, 15) for m in range(1, 9)]
    twice = [date(2025, 2, 15), date(2025, 8, 15)]
    rows = []
    serial = 0
    for v, (kode, nama) in enumerate(villages):
        kec = kode[:8]
        shift = (int(kec[-2:]) % 5 - 2) * 0.15  # kecamatan differ a little (ASSUMPTION)
        n_children = rng.randint(18, 45)
        for c in range(n_children):
            serial += 1
            sex = rng.choice([1, 2])
            rounds = monthly if kec == "16.06.01" else twice
            born = rounds[0] - timedelta(days=rng.randint(10, 1780))
            haz = rng.gauss(-1.2 + shift, 1.1)
            whz = rng.gauss(-0.4, 1.0)
            nik = "" if rng.random() < 0.04 else "1606%02d%06d%04d" % (
                int(kode[6:8]), int(born.strftime("%d%m%y")) + (40 if sex == 2 else 0) * 10000,
                serial % 10000)
            name = "%s CONTOH %d" % (rng.choice(given), serial)
            parent = "Ibu CONTOH %d" % serial
            birth_weight = ("%.1f" % rng.uniform(2.5, 3.8)).replace(".", ",")
            rt, rw = "%03d" % rng.randint(1, 9), "%03d" % rng.randint(1, 4)
            desa_written = nama
            r = rng.random()
            if r < 0.08:
                desa_written = "Desa " + nama
            elif r < 0.12:
                desa_written = nama.upper()
            if v == 0 and c < 3:
                desa_written = "Dusun Tak Terdaftar"  # matches no village: kept, warned
            posyandu = "Posyandu %s %d" % (nama, 1 + c % 2)
            for when in rounds:
                if when < born or rng.random() < (0.25 if rounds is monthly else 0.15):  # absent
                    continue
                days = (when - born).days
                if days > 1826:
                    continue
                age_key = min(days, 1826)
                length = from_z(lenanthro[(sex, age_key)], haz + rng.gauss(0, 0.1))
                standing = days >= 731
                height_table = wfh if standing else wfl
                key = round(length * 10)
                key = max(min(key, 1200 if standing else 1100), 650 if standing else 450)
                weight = from_z(height_table[(sex, key)], whz + rng.gauss(0, 0.15))
                weight_text = ("%.1f" % weight).replace(".", ",")
                height_text = ("%.1f" % length).replace(".", ",")
                if rng.random() < 0.004:
                    weight_text = str(int(weight * 1000))  # typed in grams
                if rng.random() < 0.003:
                    height_text = str(int(length * 10))  # the decimal point lost
                zs_bbu = "999,99" if rng.random() < 0.01 else ""
                months = days // 30
                rows.append([
                    nik, name, "L" if sex == 1 else "P", born.strftime("%d/%m/%Y"),
                    birth_weight, "", parent,
                    "SUMATERA SELATAN", "MUSI BANYUASIN", kecamatan.get(kec, ""),
                    puskesmas.get(kec, ""), desa_written, posyandu, rt, rw, "CONTOH",
                    "%d Tahun - %d Bulan" % (months // 12, months % 12),
                    when.strftime("%d/%m/%Y"), "%s %d" % (MONTHS[when.month - 1], when.year), weight_text, height_text,
                    "Berdiri" if standing else "Terlentang",
                    ("%.1f" % rng.uniform(12.5, 16.5)).replace(".", ",") if days >= 183 else "",
                    "", zs_bbu, "", "", "", "", ""])
    with open(args.out, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(columns)
        w.writerows(rows)
    print("%d measurements of %d children -> %s" % (len(rows), serial, args.out))


if __name__ == "__main__":
    main()
