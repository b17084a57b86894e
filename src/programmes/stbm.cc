#include "programmes/stbm.h"

namespace jangkau::programmes {

std::string_view Key(StbmStatus s) {
  switch (s) {
    case StbmStatus::kBelumSbs:
      return "belum_sbs";
    case StbmStatus::kSbsKlaim:
      return "sbs_klaim";
    case StbmStatus::kSbsTerverifikasi:
      return "sbs_terverifikasi";
    case StbmStatus::kDesaStbm:
      return "desa_stbm";
  }
  return "";
}

std::string_view Label(StbmStatus s) {
  switch (s) {
    case StbmStatus::kBelumSbs:
      return "belum SBS";
    case StbmStatus::kSbsKlaim:
      return "SBS (klaim)";
    case StbmStatus::kSbsTerverifikasi:
      return "SBS terverifikasi";
    case StbmStatus::kDesaStbm:
      return "Desa STBM";
  }
  return "";
}

std::optional<double> Percent(std::optional<int64_t> part, int64_t whole) {
  if (!part || whole <= 0) return std::nullopt;
  return 100.0 * static_cast<double>(*part) / static_cast<double>(whole);
}

StbmAssessment Assess(const StbmDesa& d) {
  StbmAssessment a;
  a.persen_3_pilar = Percent(d.kk_3_pilar, d.kk);
  a.klaim_dengan_babs = d.sbs_deklarasi && d.kk_babs.value_or(0) > 0;
  if (!d.sbs_deklarasi) return a;
  a.status = StbmStatus::kSbsKlaim;
  if (!d.sbs_verifikasi) return a;
  a.status = StbmStatus::kSbsTerverifikasi;
  if (!d.kk_3_pilar) {
    a.pilar_tidak_diketahui = true;
    return a;
  }
  // >= 75% in whole numbers, so that 75% is never lost to rounding: 4 * part >= 3 * whole.
  if (d.kk > 0 && 4 * *d.kk_3_pilar >= 3 * d.kk) a.status = StbmStatus::kDesaStbm;
  return a;
}

}  // namespace jangkau::programmes
