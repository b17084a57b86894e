#!/usr/bin/env python3
"""make bench: a province's weekly SKDR reports, INVENTED, for the alerts benchmark.

Usage: python3 bench/make_skdr_province.py FACILITIES.csv WEEKLY.csv
300 puskesmas (random places in Sumatera Selatan), the 25 diseases of
data/reference/skdr_penyakit.csv, the 261 epidemiological weeks 2021-W01 to 2025-W53, Poisson
counts around a mean per disease (0.1 to 50 a week) scaled per puskesmas, higher in the rainy
months; fixed seed. Form W2's wide layout. Standard library only.
"""
import csv, math, random, sys
out_fac, out_weekly = sys.argv[1], sys.argv[2]
codes = [r["kode"] for r in csv.DictReader(open("data/reference/skdr_penyakit.csv"))]
rng = random.Random(20261203)
def poisson(lam):
    if lam > 60:
        return max(0, round(rng.gauss(lam, math.sqrt(lam))))
    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1
with open(out_fac, "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["kode_faskes", "nama_faskes", "jenis_faskes", "lat", "lon"])
    for i in range(300):
        w.writerow([f"PB{i:04d}", f"PUSKESMAS BENCH {i}", "puskesmas", round(-1.6 - 2.5 * rng.random(), 5), round(102.1 + 3.0 * rng.random(), 5)])
weeks = []
for year, n in ((2021, 52), (2022, 52), (2023, 52), (2024, 52), (2025, 53)):
    weeks += [f"{year}-W{w:02d}" for w in range(1, n + 1)]
means = {c: rng.choice([0.1, 0.5, 1, 3, 8, 20, 50]) for c in codes}
with open(out_weekly, "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["kode_faskes", "minggu", "diterima"] + codes)
    for i in range(300):
        size = rng.uniform(0.5, 1.5)
        for k, week in enumerate(weeks):
            y, n = int(week[:4]), int(week[6:])
            w.writerow([f"PB{i:04d}", week, ""] + [poisson(means[c] * size * (1.3 if n < 14 or n > 44 else 1.0)) for c in codes])
