// JKN coverage of a kabupaten and its Universal Health Coverage (UHC) award category, decided
// from a criteria table (data/reference/uhc_kriteria.csv: the UHC Award 2026 criteria as the
// press reported them, docs/programmes.md). Pure functions; thread-safe.
//
// Coverage = members / Dukcapil population and may exceed 100%: it is shown as it is and
// flagged, never capped. A category is met when coverage >= its minimum and either
//   active >= its minimum and (no Pemda minimum, or Pemda-registered >= it, or active >= the
//   level that waives it), or
//   the alternative holds: Pemda-registered >= the alternative minimum and active >= its own.
// The first category met in the table's order is the award; none met gives no category.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/programmes.h"

namespace jangkau::programmes {

// UhcCriterion is in model/programmes.h (a reference table's row).

struct JknFigures {
  std::optional<int64_t> peserta;  // the segments' sum, else the reported total
  std::optional<double> cakupan;   // percent of the population; may exceed 100
  bool cakupan_dihitung = false;   // computed from counts (else as published)
  bool cakupan_lebih_100 = false;
  std::optional<double> aktif;  // percent of members active
  std::optional<double> pemda;  // percent of the population registered by the Pemda
  std::optional<double> pbi;    // percent of the population in PBI-JK
};

JknFigures Figures(const JknRecord& r);

// What kept a category from being given, or could not be checked.
enum class UhcNote {
  kCakupanTidakDiketahui,    // coverage unknown
  kAktifTidakDiketahui,      // active rate unknown
  kBukanPrioritas,           // not UHC-prioritas
  kIuranBelumLunas,          // the Pemda's PBPU contributions not paid up
  kDiBawahSyarat,            // below the last category's minimums
  kPrioritasTidakDiperiksa,  // UHC-prioritas status not given: not checked
  kIuranTidakDiperiksa,      // payment status not given: not checked
  kPemdaTidakDiketahui,      // Pemda-registered share unknown
};
std::string_view Key(UhcNote n);  // cakupan_tidak_diketahui, ...

struct UhcDecision {
  std::string kategori;  // empty: no category
  std::vector<UhcNote> catatan;
};

UhcDecision Category(const std::vector<UhcCriterion>& criteria, const JknFigures& f,
                     std::optional<bool> uhc_prioritas, std::optional<bool> iuran_pemda_lunas);

}  // namespace jangkau::programmes
