#!/usr/bin/env python3
"""Write an INVENTED (CONTOH) e-Monev STBM recap per desa for Musi Banyuasin, for the demo.

Usage:
    python3 tools/make_stbm_contoh.py --data data --out data/districts/muba/stbm_contoh.csv

No real desa figure is in it: no desa-level STBM list for Muba was found (docs/programmes.md).
Only the desa codes are real (data/districts/muba/wilayah.geojson). Drawn with a fixed seed
(20261203): households per desa 150-900; about 85% of desa declared open-defecation free (SBS),
about 60% of those verified; latrine access JSP/JSSP/sharing/BABS from shares that worsen with
the desa's distance (in code order, a crude stand-in) from the kabupaten seat; pillars 2-5 and
"at least three of the other pillars" as shares of households. These are ASSUMPTIONS for a
demonstration, not estimates; every row's `sumber` says CONTOH. Standard library only.
"""

import argparse
import csv
import json
import os
import random
from datetime import date, timedelta


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    rng = random.Random(20261203)
    with open(os.path.join(args.data, "districts", "muba", "wilayah.geojson")) as f:
        regions = json.load(f)["features"]
    desa = sorted(r["properties"]["kode"] for r in regions if r["properties"]["tingkat"] == "desa")
    columns = ["kode_desa", "tanggal", "jumlah_kk", "kk_jsp", "kk_jssp", "kk_sharing", "kk_babs",
               "sbs_deklarasi", "tanggal_deklarasi", "sbs_verifikasi", "tanggal_verifikasi",
               "kk_ctps", "kk_pammrt", "kk_sampah", "kk_limbah", "kk_3_pilar", "sumber"]
    with open(args.out, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(columns)
        for i, kode in enumerate(desa):
            kk = rng.randint(150, 900)
            declared = rng.random() < 0.85
            verified = declared and rng.random() < 0.6
            remote = i / max(1, len(desa) - 1)  # 0..1, a crude stand-in for distance
            babs = 0 if declared else round(kk * rng.uniform(0.05, 0.35 + 0.2 * remote))
            sharing = round((kk - babs) * rng.uniform(0.0, 0.15))
            jssp = round((kk - babs - sharing) * rng.uniform(0.1, 0.4 + 0.2 * remote))
            jsp = kk - babs - sharing - jssp
            pillars = [round(kk * rng.uniform(0.45, 0.95)) for _ in range(4)]
            three = round(kk * rng.uniform(0.55, 0.92)) if verified else round(kk * rng.uniform(0.3, 0.8))
            d_decl = date(2022, 1, 1) + timedelta(days=rng.randint(0, 900)) if declared else None
            d_veri = d_decl + timedelta(days=rng.randint(60, 300)) if verified else None
            w.writerow([kode, "2025-06-30", kk, jsp, jssp, sharing, babs,
                        "ya" if declared else "tidak", d_decl.isoformat() if d_decl else "",
                        "ya" if verified else "tidak", d_veri.isoformat() if d_veri else "",
                        *pillars, three, "CONTOH (rekaan, bukan data e-Monev STBM)"])


if __name__ == "__main__":
    main()
