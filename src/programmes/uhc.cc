#include "programmes/uhc.h"

namespace jangkau::programmes {

JknFigures Figures(const JknRecord& r) {
  JknFigures f;
  const std::optional<int64_t> segments[] = {r.pbi_jk, r.pbpu_pemda, r.pbpu_mandiri,
                                             r.bp,     r.ppu_pn,     r.ppu_bu};
  int64_t sum = 0;
  bool any = false;
  for (const auto& s : segments) {
    if (s) {
      sum += *s;
      any = true;
    }
  }
  f.peserta = any ? std::optional<int64_t>(sum) : r.peserta;
  const int64_t penduduk = r.penduduk.value_or(0);
  auto share = [&](std::optional<int64_t> part) -> std::optional<double> {
    if (!part || penduduk <= 0) return std::nullopt;
    return 100.0 * static_cast<double>(*part) / static_cast<double>(penduduk);
  };
  if (auto c = share(f.peserta)) {
    f.cakupan = c;
    f.cakupan_dihitung = true;
  } else {
    f.cakupan = r.cakupan_dilaporkan;
  }
  f.cakupan_lebih_100 = f.cakupan && *f.cakupan > 100.0;
  if (r.peserta_aktif && f.peserta && *f.peserta > 0) {
    f.aktif = 100.0 * static_cast<double>(*r.peserta_aktif) / static_cast<double>(*f.peserta);
  } else {
    f.aktif = r.persen_aktif;
  }
  f.pemda = share(r.pbpu_pemda);
  f.pbi = share(r.pbi_jk);
  return f;
}

std::string_view Key(UhcNote n) {
  switch (n) {
    case UhcNote::kCakupanTidakDiketahui:
      return "cakupan_tidak_diketahui";
    case UhcNote::kAktifTidakDiketahui:
      return "aktif_tidak_diketahui";
    case UhcNote::kBukanPrioritas:
      return "bukan_uhc_prioritas";
    case UhcNote::kIuranBelumLunas:
      return "iuran_pemda_belum_lunas";
    case UhcNote::kDiBawahSyarat:
      return "di_bawah_syarat";
    case UhcNote::kPrioritasTidakDiperiksa:
      return "uhc_prioritas_tidak_diperiksa";
    case UhcNote::kIuranTidakDiperiksa:
      return "iuran_tidak_diperiksa";
    case UhcNote::kPemdaTidakDiketahui:
      return "pemda_tidak_diketahui";
  }
  return "";
}

namespace {

bool Met(const UhcCriterion& c, const JknFigures& f) {
  if (!f.cakupan || !f.aktif || *f.cakupan < c.min_cakupan) return false;
  const double aktif = *f.aktif;
  bool main = aktif >= c.min_aktif;
  if (main && c.min_pemda) {
    const bool waived = c.pemda_bebas_jika_aktif && aktif >= *c.pemda_bebas_jika_aktif;
    main = waived || (f.pemda && *f.pemda >= *c.min_pemda);
  }
  const bool alt = c.alt_min_pemda && c.alt_min_aktif && f.pemda && *f.pemda >= *c.alt_min_pemda &&
                   aktif >= *c.alt_min_aktif;
  return main || alt;
}

}  // namespace

UhcDecision Category(const std::vector<UhcCriterion>& criteria, const JknFigures& f,
                     std::optional<bool> uhc_prioritas, std::optional<bool> iuran_pemda_lunas) {
  UhcDecision d;
  if (!f.cakupan) d.catatan.push_back(UhcNote::kCakupanTidakDiketahui);
  if (!f.aktif) d.catatan.push_back(UhcNote::kAktifTidakDiketahui);
  if (uhc_prioritas == false) d.catatan.push_back(UhcNote::kBukanPrioritas);
  if (iuran_pemda_lunas == false) d.catatan.push_back(UhcNote::kIuranBelumLunas);
  if (!f.cakupan || !f.aktif || uhc_prioritas == false || iuran_pemda_lunas == false) return d;
  for (const UhcCriterion& c : criteria) {
    if (Met(c, f)) {
      d.kategori = c.kategori;
      break;
    }
  }
  if (d.kategori.empty()) d.catatan.push_back(UhcNote::kDiBawahSyarat);
  if (!uhc_prioritas) d.catatan.push_back(UhcNote::kPrioritasTidakDiperiksa);
  if (!iuran_pemda_lunas) d.catatan.push_back(UhcNote::kIuranTidakDiperiksa);
  if (!f.pemda) d.catatan.push_back(UhcNote::kPemdaTidakDiketahui);
  return d;
}

}  // namespace jangkau::programmes
