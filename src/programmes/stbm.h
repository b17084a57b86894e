// Community-led total sanitation (STBM, Permenkes 3/2014) per desa: the status a desa has by the
// programme's rule (docs/programmes.md) and its households' shares. Pure functions; thread-safe.
//
//   not declared open-defecation free                 -> belum SBS
//   declared, not verified                             -> SBS (klaim)
//   verified, < 75% of households on >= 3 other pillars -> SBS terverifikasi
//   verified, >= 75% of households on >= 3 other pillars -> Desa STBM
//
// "Verified" without "declared" and a share above 100% are errors of the data (the importer
// refuses them); a declared desa that still counts households practising open defecation keeps
// its status and is flagged, never silently demoted.
#pragma once

#include <optional>
#include <string_view>

#include "model/programmes.h"

namespace jangkau::programmes {

enum class StbmStatus { kBelumSbs, kSbsKlaim, kSbsTerverifikasi, kDesaStbm };

std::string_view Key(StbmStatus s);    // belum_sbs, sbs_klaim, sbs_terverifikasi, desa_stbm
std::string_view Label(StbmStatus s);  // "belum SBS", "SBS (klaim)", "SBS terverifikasi", ...

struct StbmAssessment {
  StbmStatus status = StbmStatus::kBelumSbs;
  // Households on >= 3 of the other four pillars, in percent (absent when not reported).
  std::optional<double> persen_3_pilar;
  // The desa declared itself SBS while households still practise open defecation.
  bool klaim_dengan_babs = false;
  // Verified, but the pillar count is missing: Desa STBM cannot be decided.
  bool pilar_tidak_diketahui = false;
};

StbmAssessment Assess(const StbmDesa& d);

// 100 * part / whole, absent when either is absent or `whole` is 0.
std::optional<double> Percent(std::optional<int64_t> part, int64_t whole);

}  // namespace jangkau::programmes
