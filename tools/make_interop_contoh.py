#!/usr/bin/env python3
"""Write INVENTED (CONTOH) inputs for the interoperability demo and tests (docs/interop.md).

Usage:
    python3 tools/make_interop_contoh.py --data data

Writes, for OKI and Muba:
  data/districts/<d>/tenaga_contoh.csv   a named roster (form `tenaga`) for every puskesmas, its
                                         size per cadre from the facility's BPPSDMK 2019 headcount
                                         (doctors, nurses, midwives at most 6 each, pharmacy,
                                         public health, sanitarian, nutrition at most 1); and for OKI
  data/districts/oki/layanan_contoh.csv  annual service volumes 2025 (form `layanan`), and
  data/districts/oki/dhis2_layanan_contoh.json
                                         the same volumes as a DHIS2 dataValueSet the way DHIS2's Web
                                         API exports one (/api/dataValueSets, idScheme CODE): outpatient
                                         visits by month, ANC and deliveries by quarter, the other
                                         activities by year, with DHIS2's own fields (storedBy, created,
                                         lastUpdated, followup).

No person in them is real: names are drawn from common Indonesian names, NIKs are invented (the
kecamatan code, a birth date, a sequence number, the NIK's layout), birth dates, employment,
registration (STR) dates and service volumes are drawn with a fixed seed (20261203). Only the facility
codes, their kecamatan and the BPPSDMK headcounts that bound the roster are real. ASSUMPTIONS for a
demonstration, never estimates. Standard library only.
"""

import argparse
import csv
import json
import os
import random

GIVEN_F = ["Siti", "Nurul", "Dewi", "Rina", "Yuli", "Sri", "Eka", "Fitri", "Lestari", "Maya",
           "Ratna", "Indah", "Wulan", "Ayu", "Novi", "Desi", "Putri", "Rahma", "Lia", "Yanti"]
GIVEN_M = ["Ahmad", "Budi", "Dedi", "Hendra", "Rudi", "Agus", "Joko", "Rizki", "Fajar", "Hadi",
           "Iwan", "Yusuf", "Bayu", "Andi", "Teguh", "Arif", "Imam", "Dimas", "Eko", "Wahyu"]
FAMILY = ["Saputra", "Lestari", "Wijaya", "Pratama", "Sari", "Hidayat", "Kurniawan", "Rahmawati",
          "Susanti", "Santoso", "Anggraini", "Putra", "Setiawan", "Handayani", "Nugroho", "Utami"]
# (BPPSDMK column, cadre, at most, jabatan, trainings)
PLAN = [("medis", "dokter_umum", 2, "Dokter Ahli Pertama", ["ATLS", "PONED"]),
        ("perawat", "perawat", 6, "Perawat Terampil", ["BTCLS", "IMS"]),
        ("bidan", "bidan", 6, "Bidan Terampil", ["APN", "PONED"]),
        ("farmasi", "farmasi", 1, "Apoteker Ahli Pertama", []),
        ("kesmas", "kesmas", 1, "Epidemiolog Kesehatan Ahli Pertama", []),
        ("kesling", "kesling", 1, "Sanitarian Terampil", ["STBM"]),
        ("gizi", "gizi", 1, "Nutrisionis Terampil", ["PMBA"])]
STATUS = ["PNS"] * 6 + ["PPPK"] * 3 + ["honorer"] * 2 + ["Nusantara Sehat"]
LAYANAN = [("kunjungan_rawat_jalan", 9000, 30000, "monthly"), ("anc", 600, 2400, "quarterly"),
           ("persalinan", 60, 400, "quarterly"), ("nifas", 100, 450, "yearly"),
           ("pelayanan_bayi", 200, 900, "yearly"), ("tindakan_gawat_darurat", 50, 600, "yearly")]


def split(total, parts, rng):
    """`total` as `parts` whole numbers >= 0 that add up to it."""
    cuts = sorted(rng.randint(0, total) for _ in range(parts - 1))
    edges = [0] + cuts + [total]
    return [edges[i + 1] - edges[i] for i in range(parts)]


def roster(rows, rng):
    out = []
    seq = 0
    for f in rows:
        if f["jenis_faskes"] != "PUSKESMAS":
            continue
        kec = f["kode_kec_kemendagri_from_bps"].replace(".", "") or f["kode_kab_bps"] + "01"
        for column, cadre, most, jabatan, trainings in PLAN:
            n = min(int(float(f[column] or 0)), most)
            for _ in range(n):
                seq += 1
                female = cadre in ("bidan", "gizi") or rng.random() < 0.55
                name = f"{rng.choice(GIVEN_F if female else GIVEN_M)} {rng.choice(FAMILY)}"
                year, month, day = rng.randint(1968, 1999), rng.randint(1, 12), rng.randint(1, 28)
                nik = f"{kec}{day + (40 if female else 0):02d}{month:02d}{year % 100:02d}{seq % 10000:04d}"
                str_until = "" if rng.random() < 0.5 else f"{rng.randint(2025, 2031)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
                taken = [t for t in trainings if rng.random() < 0.5]
                out.append([f["kode_faskes"], name, nik, cadre, rng.choice(STATUS),
                            f"{year}-{month:02d}-{day:02d}", jabatan, ";".join(taken), str_until])
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data")
    args = ap.parse_args()
    rng = random.Random(20261203)
    for d in ("oki", "muba"):
        base = os.path.join(args.data, "districts", d)
        with open(os.path.join(base, "faskes_bppsdmk_2019.csv")) as f:
            rows = list(csv.DictReader(f))
        with open(os.path.join(base, "tenaga_contoh.csv"), "w", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["kode_faskes", "nama", "nik", "jenis_tenaga", "status_kepegawaian",
                        "tanggal_lahir", "jabatan", "pelatihan", "str_berlaku_sampai"])
            w.writerows(roster(rows, rng))
        if d != "oki":
            continue
        volumes, values = [], []
        for f in rows:
            if f["jenis_faskes"] != "PUSKESMAS":
                continue
            for kegiatan, lo, hi, by in LAYANAN:
                total = rng.randint(lo, hi)
                volumes.append([f["kode_faskes"], 2025, kegiatan, total])
                if by == "monthly":
                    periods = [f"2025{m:02d}" for m in range(1, 13)]
                elif by == "quarterly":
                    periods = [f"2025Q{q}" for q in range(1, 5)]
                else:
                    periods = ["2025"]
                for period, part in zip(periods, split(total, len(periods), rng)):
                    values.append({"dataElement": "LAY_" + kegiatan.upper(), "period": period,
                                   "orgUnit": f["kode_faskes"], "categoryOptionCombo": "default",
                                   "attributeOptionCombo": "default", "value": str(part),
                                   "storedBy": "contoh", "created": "2026-01-15T08:00:00.000+0000",
                                   "lastUpdated": "2026-01-15T08:00:00.000+0000",
                                   "followup": False})
        with open(os.path.join(base, "layanan_contoh.csv"), "w", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["kode_faskes", "tahun", "kegiatan", "jumlah"])
            w.writerows(volumes)
        with open(os.path.join(base, "dhis2_layanan_contoh.json"), "w") as f:
            json.dump({"dataSet": "JANGKAU_SDMK", "completeDate": "2026-01-15",
                       "dataValues": values}, f, indent=2)
            f.write("\n")


if __name__ == "__main__":
    main()
