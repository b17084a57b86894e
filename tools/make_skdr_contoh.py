#!/usr/bin/env python3
"""Write INVENTED (CONTOH) weekly SKDR reports for the puskesmas of Musi Banyuasin, for the demo.

Usage:
    python3 tools/make_skdr_contoh.py --data data --out data/districts/muba/skdr_contoh.csv \
        --correction data/districts/muba/skdr_koreksi_contoh.csv

No real count is in it: SKDR reports per puskesmas are not published (docs/surveillance.md).
Only the puskesmas (codes, kecamatan, coordinates: BPPSDMK 2019) and the flood-prone villages
(BNPB's flood hazard index via ICRAF, data/districts/muba/indikator_desa.csv) are real. Drawn with
a fixed seed (20261204), as form W2 in its wide layout, the 105 epidemiological weeks 2024-W48
to 2026-W47:
- ISPA, diarrhoea (A, with deaths), skin infection (KULIT), pneumonia (D, with deaths), dengue
  (C), ILI (Y), typhoid (F), malaria (B): Poisson counts around a size per puskesmas, ISPA and
  dengue higher in the rainy months (November-March);
- the flood of the demo's scenario (10-20 November 2026: the 12 villages with the highest flood
  hazard index): in the puskesmas of their kecamatan (a stand-in for the catchments Jangkau
  computes by travel time) ISPA x2.5, diarrhoea x3.5 and skin infection x4 in weeks 2026-W46 and
  2026-W47;
- one double-reported week: in 2026-W46 the puskesmas nearest to a flooded one, itself outside
  the flood, reports its usual diarrhoea plus the flooded neighbour's (the Palu pseudo-epidemic);
- received on Monday or Tuesday, 10% late (Wednesday to Friday), two puskesmas late half the
  time (the last week all on Monday 30 November 2026, so that no time lies after 3 December); 3% of weeks not reported; reporting units (pustu, poskesdes) 3-8 per puskesmas;
- the correction file re-sends three reports with other values (a conflicting resend).
These are ASSUMPTIONS for a demonstration, not estimates; every row's `sumber` says CONTOH.
Standard library only.
"""

import argparse
import csv
import math
import os
import random
from datetime import date, datetime, timedelta

DISEASES = [  # code, weekly mean per 10,000 "size" units, rainy-season factor
    ("ISPA", 40.0, 1.3), ("A", 5.0, 1.1), ("KULIT", 4.0, 1.0), ("D", 1.2, 1.1),
    ("C", 0.8, 1.8), ("Y", 4.0, 1.2), ("F", 0.8, 1.0), ("B", 0.15, 1.0)]
FLOOD_FACTOR = {"ISPA": 2.5, "A": 3.5, "KULIT": 4.0}
FLOOD_WEEKS = [(2026, 46), (2026, 47)]
FIRST = (2024, 48)
LAST = (2026, 47)


def first_sunday(year):
    jan4 = date(year, 1, 4)
    return jan4 - timedelta(days=(jan4.weekday() + 1) % 7)


def weeks_in(year):
    return (first_sunday(year + 1) - first_sunday(year)).days // 7


def week_sunday(year, week):
    return first_sunday(year) + timedelta(weeks=week - 1)


def poisson(rng, lam):
    if lam <= 0:
        return 0
    if lam > 60:  # normal approximation keeps exp(-lam) away from underflow
        return max(0, round(rng.gauss(lam, math.sqrt(lam))))
    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data")
    ap.add_argument("--out", required=True)
    ap.add_argument("--correction", required=True)
    args = ap.parse_args()
    rng = random.Random(20261204)
    muba = os.path.join(args.data, "districts", "muba")
    with open(os.path.join(muba, "faskes_bppsdmk_2019.csv"), newline="") as f:
        pkm = [r for r in csv.DictReader(f) if r["jenis_faskes"] == "PUSKESMAS"]
    pkm.sort(key=lambda r: r["kode_faskes"])
    with open(os.path.join(muba, "indikator_desa.csv"), newline="") as f:
        hazard = [(float(r["nilai"]), r["kode_wilayah"]) for r in csv.DictReader(f)
                  if r["indikator"] == "indeks_bahaya_banjir"]
    hazard.sort(key=lambda x: (-x[0], x[1]))
    flooded_kec = {kode[:8] for _, kode in hazard[:12]}
    flooded = {r["kode_faskes"] for r in pkm if r["kode_kec_kemendagri_pip"] in flooded_kec}

    weeks = []
    y, w = FIRST
    while (y, w) <= LAST:
        weeks.append((y, w))
        y, w = (y, w + 1) if w < weeks_in(y) else (y + 1, 1)

    size = {r["kode_faskes"]: rng.uniform(0.6, 1.6) for r in pkm}
    units = {r["kode_faskes"]: rng.randint(3, 8) for r in pkm}
    late = {r["kode_faskes"] for r in rng.sample(pkm, 2)}
    counts = {}  # (kode, week) -> {disease: (cases, deaths)}
    for r in pkm:
        kode = r["kode_faskes"]
        for (y, w) in weeks:
            month = (week_sunday(y, w) + timedelta(days=3)).month
            rainy = month in (11, 12, 1, 2, 3)
            row = {}
            for code, mean, season in DISEASES:
                lam = mean * size[kode] * (season if rainy else 1.0)
                if kode in flooded and (y, w) in FLOOD_WEEKS:
                    lam *= FLOOD_FACTOR.get(code, 1.0)
                cases = poisson(rng, lam)
                deaths = 0
                if code in ("A", "D") and cases > 0 and rng.random() < 0.02:
                    deaths = 1
                row[code] = (cases, deaths)
            counts[(kode, (y, w))] = row

    # The double-reported week: the puskesmas outside the flood nearest to a flooded one adds
    # that neighbour's diarrhoea to its usual count (the median of its previous 8 weeks).
    def km(a, b):
        la1, lo1, la2, lo2 = map(math.radians, (float(a["lat"]), float(a["lon"]),
                                                float(b["lat"]), float(b["lon"])))
        h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
        return 2 * 6371.0088 * math.asin(math.sqrt(h))
    placed = [r for r in pkm if r["lat"] and r["lon"]]
    pairs = sorted((km(a, b), a["kode_faskes"], b["kode_faskes"]) for a in placed for b in placed
                   if a["kode_faskes"] not in flooded and b["kode_faskes"] in flooded)
    _, double_f, double_n = pairs[0]
    week = FLOOD_WEEKS[0]
    i = weeks.index(week)
    usual = sorted(counts[(double_f, weeks[j])]["A"][0] for j in range(i - 8, i))
    median = (usual[3] + usual[4]) // 2
    neighbour = counts[(double_n, week)]["A"]
    counts[(double_f, week)]["A"] = (median + neighbour[0], neighbour[1])

    columns = ["kode_faskes", "minggu", "diterima", "unit_lapor", "ISPA", "A_P", "A_M", "KULIT",
               "D_P", "D_M", "C", "Y", "F", "B", "sumber"]
    missing = 0
    with open(args.out, "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(columns)
        for r in pkm:
            kode = r["kode_faskes"]
            for (y, w) in weeks:
                if rng.random() < 0.03 and (y, w) not in FLOOD_WEEKS:
                    missing += 1
                    continue
                end = week_sunday(y, w) + timedelta(days=7)  # the next Sunday
                if (y, w) == LAST:
                    day = 1  # the last week's reports all came on Monday 30 November 2026
                elif kode in late and rng.random() < 0.5 or rng.random() < 0.1:
                    day = rng.randint(3, 5)  # Wednesday to Friday: late
                else:
                    day = rng.randint(1, 2)  # Monday or Tuesday: on time
                at = datetime(end.year, end.month, end.day) + timedelta(
                    days=day, hours=rng.randint(7, 16), minutes=rng.randint(0, 59))
                n_units = units[kode] + (1 if rng.random() < 0.05 else 0)
                c = counts[(kode, (y, w))]
                out.writerow([kode, f"{y}-W{w:02d}", at.strftime("%Y-%m-%dT%H:%M"), n_units,
                              c["ISPA"][0], c["A"][0], c["A"][1], c["KULIT"][0], c["D"][0],
                              c["D"][1], c["C"][0], c["Y"][0], c["F"][0], c["B"][0],
                              "CONTOH (rekaan, benih tetap)"])
    # Three reports sent again a week later with other values.
    with open(args.correction, "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["kode_faskes", "minggu", "penyakit", "kasus", "kematian", "diterima",
                      "sumber"])
        for kode in sorted(rng.sample([r["kode_faskes"] for r in pkm], 3)):
            y, w = weeks[-3]
            end = week_sunday(y, w) + timedelta(days=14)
            cases = counts[(kode, (y, w))]["ISPA"][0] + rng.randint(3, 9)
            out.writerow([kode, f"{y}-W{w:02d}", "ISPA", cases, 0,
                          f"{end.isoformat()}T09:30", "CONTOH koreksi (rekaan)"])
    print(f"{len(pkm)} puskesmas, {len(weeks)} minggu, {missing} minggu tanpa laporan; "
          f"banjir: {', '.join(sorted(flooded))}; laporan ganda: {double_f} + {double_n} "
          f"{week[0]}-W{week[1]:02d}")


if __name__ == "__main__":
    main()
