// The district's prevention programmes besides growth monitoring (docs/programmes.md), as the
// district holds them: community-led total sanitation (STBM) per desa from e-Monev STBM, JKN
// membership per kabupaten from BPJS Kesehatan, and the Germas policy checklist. Plain values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "model/date.h"

namespace jangkau {

// One desa's STBM situation on a date (e-Monev STBM, Permenkes 3/2014): the households, their
// latrine access by category, the open-defecation-free (SBS/ODF) declaration and its
// verification, and the households practising the other four pillars. Counts as reported.
struct StbmDesa {
  std::string kode_desa;
  Date tanggal;    // the date the figures describe
  int64_t kk = 0;  // households (kepala keluarga)
  // Latrine access (e-Monev STBM): permanent healthy latrine (JSP), semi-permanent (JSSP),
  // shared, open defecation (BABS).
  std::optional<int64_t> kk_jsp, kk_jssp, kk_sharing, kk_babs;
  bool sbs_deklarasi = false;  // the desa declared itself open-defecation free
  std::optional<Date> tanggal_deklarasi;
  bool sbs_verifikasi = false;  // the declaration was verified
  std::optional<Date> tanggal_verifikasi;
  // Pillars 2-5: handwashing with soap (CTPS), household water and food (PAMM-RT), household
  // waste, household liquid waste; and the households practising at least three of the four.
  std::optional<int64_t> kk_ctps, kk_pammrt, kk_sampah, kk_limbah, kk_3_pilar;
  std::string sumber;
  int64_t baris = 0;
};

// JKN membership of one kabupaten (or the province, or the country) on a date, as BPJS Kesehatan
// reports it: members by segment, the population it is measured against (Dukcapil), the active
// rate, and what the UHC award also asks (UHC-prioritas status, the Pemda's contributions paid).
struct JknRecord {
  std::string kode_wilayah;
  Date tanggal;
  std::optional<int64_t> penduduk;  // Dukcapil population
  std::optional<int64_t> peserta;   // all members (when the segments are not given)
  // Segments: PBI-JK (APBN), PBPU registered by the Pemda (APBD), PBPU paying themselves
  // (mandiri), BP (not working), PPU-PN (state employees), PPU-BU (private employees).
  std::optional<int64_t> pbi_jk, pbpu_pemda, pbpu_mandiri, bp, ppu_pn, ppu_bu;
  std::optional<int64_t> peserta_aktif;
  std::optional<double> persen_aktif;        // as reported, when the count is not given
  std::optional<double> cakupan_dilaporkan;  // coverage as published, when counts are missing
  std::optional<bool> uhc_prioritas;
  std::optional<bool> iuran_pemda_lunas;
  std::string sumber;
  int64_t baris = 0;
};

// One category of the UHC award (data/reference/uhc_kriteria.csv, reference kind `uhc-criteria`):
// minimum coverage and active rate (percent), optionally a minimum share of the population the
// Pemda registered (waived at an active rate), or an alternative pair (Pemda share with its own
// active rate). The rule is in src/programmes/uhc.h.
struct UhcCriterion {
  std::string kategori;  // Utama, Madya, Pratama
  double min_cakupan = 0;
  double min_aktif = 0;
  std::optional<double> min_pemda;
  std::optional<double> pemda_bebas_jika_aktif;
  std::optional<double> alt_min_pemda;
  std::optional<double> alt_min_aktif;
};

// The minimum weight gain (KBM) for an age in completed months (reference kind `kbm`).
struct KbmRow {
  int umur_bulan = 0;
  double kbm_gram = 0;
};

// One item of the Germas policy checklist of a kabupaten (Inpres 1/2017): done, partly, not.
enum class GermasStatus { kYa, kSebagian, kTidak };

struct GermasItem {
  std::string kode_wilayah;
  std::string butir;  // the item's key (data/reference/germas_butir.csv)
  GermasStatus status = GermasStatus::kTidak;
  std::string dasar;  // the regulation or evidence ("Perbup 12/2018")
  std::optional<Date> tanggal;
  std::string sumber;
  int64_t baris = 0;
};

}  // namespace jangkau
