// STBM per desa (e-Monev STBM), JKN membership per kabupaten (BPJS Kesehatan) and the Germas
// checklist (docs/programmes.md): read whole, every problem named at its line and column.
#include <algorithm>
#include <string>
#include <unordered_map>

#include "base/text_util.h"
#include "ingest/importers.h"
#include "ingest/row_loop.h"

namespace jangkau::ingest {
namespace {

// More people than Indonesia has is a typing error (and keeps every sum far from overflow).
constexpr int64_t kMaxCount = 1'000'000'000;

std::optional<bool> YesNo(std::string_view text) {
  const std::string k = NormalizeKey(text);
  if (k == "ya" || k == "y" || k == "1" || k == "sudah" || k == "yes" || k == "true") return true;
  if (k == "tidak" || k == "t" || k == "0" || k == "belum" || k == "no" || k == "false") {
    return false;
  }
  return std::nullopt;
}

// A count no larger than kMaxCount.
std::optional<int64_t> Count(RowFields& f, int col, bool required, bool& ok) {
  const bool had_text = !f.Text(col).empty();
  auto v = f.Count(col, required);
  if (had_text && !v) ok = false;
  if (!v && required) ok = false;
  if (v && *v > kMaxCount) {
    f.Error(col, Msg::kValueTooLarge, {std::string(f.Name(col)), std::string(f.Text(col))});
    ok = false;
    return std::nullopt;
  }
  return v;
}

// A count that must be > 0 when given (households, population).
std::optional<int64_t> PositiveCount(RowFields& f, int col, bool required, bool& ok) {
  auto v = Count(f, col, required, ok);
  if (v && *v == 0) {
    f.Error(col, Msg::kNeedsNotPositive, {std::string(f.Name(col)), "0"});
    ok = false;
    return std::nullopt;
  }
  return v;
}

// `part` must not be more than `whole` (households, members).
void NotAbove(RowFields& f, int col, std::optional<int64_t> part, const std::string& whole_name,
              std::optional<int64_t> whole, bool& ok) {
  if (!part || !whole || *part <= *whole) return;
  f.Error(col, Msg::kCountAboveTotal,
          {std::string(f.Name(col)), std::to_string(*part), whole_name, std::to_string(*whole)});
  ok = false;
}

// A percentage 0-100 with a decimal comma allowed.
std::optional<double> Percent(RowFields& f, int col, bool& ok) {
  auto v = f.Decimal(col, ok);
  if (v && (*v < 0 || *v > 100)) {
    f.Error(col, Msg::kPercentRange, {std::string(f.Name(col)), std::string(f.Text(col))});
    ok = false;
    return std::nullopt;
  }
  return v;
}

std::optional<bool> Flag(RowFields& f, int col, bool required, bool& ok) {
  if (col != 0 && !f.Text(col).empty()) {
    auto v = f.Choice(col, false, YesNo, "ya, tidak");
    if (!v) ok = false;
    return v;
  }
  if (required) {
    f.Error(col, Msg::kEmptyValue, {std::string(f.Name(col))});
    ok = false;
  }
  return std::nullopt;
}

// A date that is not in the future; empty gives std::nullopt (an error when required).
std::optional<Date> PastDate(RowFields& f, int col, bool required, const Date& today, bool& ok) {
  if (col == 0 || (f.Text(col).empty() && !required)) return std::nullopt;
  auto d = f.DateField(col, required);
  if (!d) {
    ok = false;
    return d;
  }
  if (today < *d) {
    f.Error(col, Msg::kDateInFuture, {std::string(f.Name(col)), d->Iso()});
    ok = false;
    return std::nullopt;
  }
  return d;
}

// A region code known to the workspace, of one of `levels`.
std::optional<std::string> KnownRegion(RowFields& f, int col, const ImportContext& ctx,
                                       std::initializer_list<RegionLevel> levels, bool& ok) {
  auto kode = f.Required(col);
  if (!kode) {
    ok = false;
    return kode;
  }
  const auto it = ctx.regions.find(*kode);
  if (it == ctx.regions.end()) {
    f.Error(col, Msg::kUnknownRegion, {std::string(f.Name(col)), *kode});
    ok = false;
    return std::nullopt;
  }
  if (std::find(levels.begin(), levels.end(), it->second) == levels.end()) {
    f.Error(col, Msg::kWrongRegionLevel,
            {std::string(f.Name(col)), *kode, std::string(LevelKey(it->second)),
             std::string(LevelKey(*levels.begin()))});
    ok = false;
    return std::nullopt;
  }
  return kode;
}

}  // namespace

std::vector<StbmDesa> ReadStbm(TableReader& in, const ImportContext& ctx, Diagnostics& diags,
                               const Progress& progress) {
  ColumnMap cols(in, diags);
  const int c_kode = cols.Required({"kode_desa"});
  const int c_tanggal = cols.Required({"tanggal", "tanggal_data", "per_tanggal"});
  const int c_kk = cols.Required({"jumlah_kk", "kk"});
  const int c_jsp = cols.Optional({"kk_jsp", "jsp"});
  const int c_jssp = cols.Optional({"kk_jssp", "jssp"});
  const int c_sharing = cols.Optional({"kk_sharing", "sharing", "kk_numpang"});
  const int c_babs = cols.Optional({"kk_babs", "babs"});
  const int c_dekl = cols.Required({"sbs_deklarasi", "deklarasi_sbs", "odf_deklarasi"});
  const int c_tdekl = cols.Optional({"tanggal_deklarasi"});
  const int c_veri = cols.Optional({"sbs_verifikasi", "verifikasi_sbs", "odf_verifikasi"});
  const int c_tveri = cols.Optional({"tanggal_verifikasi"});
  const int c_ctps = cols.Optional({"kk_ctps", "ctps"});
  const int c_pammrt = cols.Optional({"kk_pammrt", "pammrt"});
  const int c_sampah = cols.Optional({"kk_sampah", "kk_pengelolaan_sampah"});
  const int c_limbah = cols.Optional({"kk_limbah", "kk_pengelolaan_limbah"});
  const int c_tiga = cols.Optional({"kk_3_pilar", "kk_tiga_pilar"});
  const int c_sumber = cols.Optional({"sumber"});
  std::vector<StbmDesa> out;
  if (diags.has_errors()) return out;
  std::unordered_map<std::string, int64_t> seen;

  ForEachRow(in, diags, progress, [&](RowFields& f, const TableRow& row) {
    bool ok = true;
    StbmDesa d;
    d.baris = row.line;
    auto kode = KnownRegion(f, c_kode, ctx, {RegionLevel::kDesa}, ok);
    auto tanggal = PastDate(f, c_tanggal, true, ctx.today, ok);
    auto kk = PositiveCount(f, c_kk, true, ok);
    d.kk_jsp = Count(f, c_jsp, false, ok);
    d.kk_jssp = Count(f, c_jssp, false, ok);
    d.kk_sharing = Count(f, c_sharing, false, ok);
    d.kk_babs = Count(f, c_babs, false, ok);
    d.kk_ctps = Count(f, c_ctps, false, ok);
    d.kk_pammrt = Count(f, c_pammrt, false, ok);
    d.kk_sampah = Count(f, c_sampah, false, ok);
    d.kk_limbah = Count(f, c_limbah, false, ok);
    d.kk_3_pilar = Count(f, c_tiga, false, ok);
    for (auto [col, v] : {std::pair{c_jsp, d.kk_jsp}, std::pair{c_jssp, d.kk_jssp},
                          std::pair{c_sharing, d.kk_sharing}, std::pair{c_babs, d.kk_babs},
                          std::pair{c_ctps, d.kk_ctps}, std::pair{c_pammrt, d.kk_pammrt},
                          std::pair{c_sampah, d.kk_sampah}, std::pair{c_limbah, d.kk_limbah},
                          std::pair{c_tiga, d.kk_3_pilar}}) {
      NotAbove(f, col, v, std::string(f.Name(c_kk)), kk, ok);
    }
    // The four access categories are one household each: together no more than the households.
    const int64_t access = d.kk_jsp.value_or(0) + d.kk_jssp.value_or(0) + d.kk_sharing.value_or(0) +
                           d.kk_babs.value_or(0);
    if (ok && kk && access > *kk) {
      f.Error(c_babs != 0 ? c_babs : c_jsp, Msg::kCountAboveTotal,
              {"kk_jsp + kk_jssp + kk_sharing + kk_babs", std::to_string(access),
               std::string(f.Name(c_kk)), std::to_string(*kk)});
      ok = false;
    }
    auto declared = Flag(f, c_dekl, true, ok);
    auto verified = Flag(f, c_veri, false, ok);
    d.tanggal_deklarasi = PastDate(f, c_tdekl, false, ctx.today, ok);
    d.tanggal_verifikasi = PastDate(f, c_tveri, false, ctx.today, ok);
    if (verified == true && declared == false) {
      f.Error(c_veri, Msg::kVerifiedNotDeclared,
              {std::string(f.Name(c_veri)), std::string(f.Name(c_dekl))});
      ok = false;
    }
    if (d.tanggal_deklarasi && d.tanggal_verifikasi &&
        *d.tanggal_verifikasi < *d.tanggal_deklarasi) {
      f.Error(c_tveri, Msg::kVerifiedBeforeDeclared,
              {d.tanggal_verifikasi->Iso(), d.tanggal_deklarasi->Iso()});
      ok = false;
    }
    d.sumber = std::string(f.Text(c_sumber));
    if (!ok || !kode || !tanggal || !kk || !declared) return;
    d.kode_desa = *kode;
    d.tanggal = *tanggal;
    d.kk = *kk;
    d.sbs_deklarasi = *declared;
    d.sbs_verifikasi = verified.value_or(false);
    if (!f.Unique(seen, d.kode_desa + "@" + d.tanggal.Iso(), c_tanggal,
                  d.kode_desa + " " + d.tanggal.Iso())) {
      return;
    }
    out.push_back(std::move(d));
  });
  return out;
}

std::vector<JknRecord> ReadJkn(TableReader& in, const ImportContext& ctx, Diagnostics& diags,
                               const Progress& progress) {
  ColumnMap cols(in, diags);
  const int c_kode = cols.Required({"kode_wilayah", "kode"});
  const int c_tanggal = cols.Required({"tanggal", "per_tanggal"});
  const int c_penduduk = cols.Optional({"penduduk", "penduduk_dukcapil", "jumlah_penduduk"});
  const int c_peserta = cols.Optional({"peserta", "jumlah_peserta"});
  const int c_pbi = cols.Optional({"pbi_jk", "pbi_apbn"});
  const int c_pemda = cols.Optional({"pbpu_pemda", "pbi_apbd"});
  const int c_mandiri = cols.Optional({"pbpu_mandiri", "pbpu"});
  const int c_bp = cols.Optional({"bp"});
  const int c_ppu_pn = cols.Optional({"ppu_pn"});
  const int c_ppu_bu = cols.Optional({"ppu_bu"});
  const int c_aktif = cols.Optional({"peserta_aktif"});
  const int c_paktif = cols.Optional({"persen_aktif", "keaktifan_persen"});
  const int c_cakupan = cols.Optional({"cakupan_persen", "cakupan"});
  const int c_prior = cols.Optional({"uhc_prioritas"});
  const int c_lunas = cols.Optional({"iuran_pemda_lunas"});
  const int c_sumber = cols.Optional({"sumber"});
  std::vector<JknRecord> out;
  if (diags.has_errors()) return out;
  std::unordered_map<std::string, int64_t> seen;

  ForEachRow(in, diags, progress, [&](RowFields& f, const TableRow& row) {
    bool ok = true;
    JknRecord r;
    r.baris = row.line;
    auto kode = KnownRegion(f, c_kode, ctx, {RegionLevel::kKabupaten, RegionLevel::kProvinsi}, ok);
    auto tanggal = PastDate(f, c_tanggal, true, ctx.today, ok);
    r.penduduk = PositiveCount(f, c_penduduk, false, ok);
    r.peserta = Count(f, c_peserta, false, ok);
    r.pbi_jk = Count(f, c_pbi, false, ok);
    r.pbpu_pemda = Count(f, c_pemda, false, ok);
    r.pbpu_mandiri = Count(f, c_mandiri, false, ok);
    r.bp = Count(f, c_bp, false, ok);
    r.ppu_pn = Count(f, c_ppu_pn, false, ok);
    r.ppu_bu = Count(f, c_ppu_bu, false, ok);
    r.peserta_aktif = Count(f, c_aktif, false, ok);
    r.persen_aktif = Percent(f, c_paktif, ok);
    // Coverage as published may exceed 100%: only a negative or non-number is refused.
    r.cakupan_dilaporkan = f.Decimal(c_cakupan, ok);
    if (r.cakupan_dilaporkan && (*r.cakupan_dilaporkan < 0 || *r.cakupan_dilaporkan > 1000)) {
      f.Error(c_cakupan, Msg::kPercentRange,
              {std::string(f.Name(c_cakupan)), std::string(f.Text(c_cakupan))});
      ok = false;
    }
    r.uhc_prioritas = Flag(f, c_prior, false, ok);
    r.iuran_pemda_lunas = Flag(f, c_lunas, false, ok);
    r.sumber = std::string(f.Text(c_sumber));
    if (!ok) return;
    bool any_segment = false;
    int64_t segments = 0;
    for (const auto& s : {r.pbi_jk, r.pbpu_pemda, r.pbpu_mandiri, r.bp, r.ppu_pn, r.ppu_bu}) {
      if (s) {
        any_segment = true;
        segments += *s;
      }
    }
    if (any_segment && r.peserta && *r.peserta != segments) {
      f.Error(
          c_peserta, Msg::kSegmentsDisagree,
          {std::string(f.Name(c_peserta)), std::to_string(*r.peserta), std::to_string(segments)});
      return;
    }
    const std::optional<int64_t> members = any_segment ? std::optional(segments) : r.peserta;
    NotAbove(f, c_aktif, r.peserta_aktif, "peserta", members, ok);
    if (r.peserta_aktif && !members) {
      f.Error(c_aktif, Msg::kCountAboveTotal,
              {std::string(f.Name(c_aktif)), std::to_string(*r.peserta_aktif), "peserta", "?"});
      ok = false;
    }
    if (!(members && r.penduduk) && !r.cakupan_dilaporkan) {
      f.Error(c_penduduk != 0 ? c_penduduk : c_kode, Msg::kNoCoverageFigure, {});
      ok = false;
    }
    if (!ok || !kode || !tanggal) return;
    r.kode_wilayah = *kode;
    r.tanggal = *tanggal;
    if (!f.Unique(seen, r.kode_wilayah + "@" + r.tanggal.Iso(), c_tanggal,
                  r.kode_wilayah + " " + r.tanggal.Iso())) {
      return;
    }
    out.push_back(std::move(r));
  });
  return out;
}

std::vector<GermasItem> ReadGermas(TableReader& in, const ImportContext& ctx,
                                   const std::vector<std::string>& items, Diagnostics& diags,
                                   const Progress& progress) {
  ColumnMap cols(in, diags);
  const int c_kode = cols.Required({"kode_wilayah", "kode"});
  const int c_butir = cols.Required({"butir"});
  const int c_status = cols.Required({"status"});
  const int c_dasar = cols.Optional({"dasar", "bukti", "regulasi"});
  const int c_tanggal = cols.Optional({"tanggal"});
  const int c_sumber = cols.Optional({"sumber"});
  std::vector<GermasItem> out;
  if (diags.has_errors()) return out;
  std::string choices;
  for (const std::string& i : items) choices += (choices.empty() ? "" : ", ") + i;
  std::unordered_map<std::string, int64_t> seen;

  ForEachRow(in, diags, progress, [&](RowFields& f, const TableRow& row) {
    bool ok = true;
    GermasItem g;
    g.baris = row.line;
    auto kode = KnownRegion(f, c_kode, ctx, {RegionLevel::kKabupaten}, ok);
    auto butir = f.Choice(
        c_butir, true,
        [&items](std::string_view text) -> std::optional<std::string> {
          std::string k = NormalizeKey(text);
          if (std::find(items.begin(), items.end(), k) == items.end()) return std::nullopt;
          return k;
        },
        choices);
    auto status = f.Choice(
        c_status, true,
        [](std::string_view text) -> std::optional<GermasStatus> {
          const std::string k = NormalizeKey(text);
          if (k == "ya" || k == "sudah") return GermasStatus::kYa;
          if (k == "sebagian") return GermasStatus::kSebagian;
          if (k == "tidak" || k == "belum") return GermasStatus::kTidak;
          return std::nullopt;
        },
        "ya, sebagian, tidak");
    g.tanggal = PastDate(f, c_tanggal, false, ctx.today, ok);
    g.dasar = std::string(f.Text(c_dasar));
    g.sumber = std::string(f.Text(c_sumber));
    if (!ok || !kode || !butir || !status) return;
    g.kode_wilayah = *kode;
    g.butir = *butir;
    g.status = *status;
    if (!f.Unique(seen, g.kode_wilayah + "|" + g.butir, c_butir, g.kode_wilayah + " " + g.butir)) {
      return;
    }
    out.push_back(std::move(g));
  });
  return out;
}

std::vector<KbmRow> ReadKbm(TableReader& in, const ImportContext& /*ctx*/, Diagnostics& diags,
                            const Progress& progress) {
  ColumnMap cols(in, diags);
  const int c_month = cols.Required({"umur_bulan"});
  const int c_grams = cols.Required({"kbm_gram"});
  std::vector<KbmRow> out;
  if (diags.has_errors()) return out;
  std::unordered_map<std::string, int64_t> seen;
  ForEachRow(in, diags, progress, [&](RowFields& f, const TableRow&) {
    bool ok = true;
    auto month = Count(f, c_month, true, ok);
    if (month && (*month < 1 || *month > 60)) {
      f.Error(c_month, Msg::kBadValue,
              {std::string(f.Name(c_month)), std::string(f.Text(c_month))});
      ok = false;
    }
    auto grams = f.PositiveNumber(c_grams, true);
    if (grams && *grams > 2000) {
      f.Error(c_grams, Msg::kValueTooLarge,
              {std::string(f.Name(c_grams)), std::string(f.Text(c_grams))});
      grams.reset();
    }
    if (!ok || !month || !grams) return;
    if (!f.Unique(seen, std::to_string(*month), c_month, std::to_string(*month))) return;
    out.push_back({static_cast<int>(*month), *grams});
  });
  return out;
}

std::vector<UhcCriterion> ReadUhcCriteria(TableReader& in, const ImportContext& /*ctx*/,
                                          Diagnostics& diags, const Progress& progress) {
  ColumnMap cols(in, diags);
  const int c_kategori = cols.Required({"kategori"});
  const int c_cakupan = cols.Required({"min_cakupan"});
  const int c_aktif = cols.Required({"min_aktif"});
  const int c_pemda = cols.Optional({"min_pemda"});
  const int c_bebas = cols.Optional({"pemda_bebas_jika_aktif"});
  const int c_alt_pemda = cols.Optional({"alt_min_pemda"});
  const int c_alt_aktif = cols.Optional({"alt_min_aktif"});
  std::vector<UhcCriterion> out;
  if (diags.has_errors()) return out;
  std::unordered_map<std::string, int64_t> seen;
  ForEachRow(in, diags, progress, [&](RowFields& f, const TableRow&) {
    bool ok = true;
    auto kategori = f.Required(c_kategori);
    auto required = [&](int col) {
      auto v = Percent(f, col, ok);
      if (!v && f.Text(col).empty()) {
        f.Error(col, Msg::kEmptyValue, {std::string(f.Name(col))});
        ok = false;
      }
      return v;
    };
    auto cakupan = required(c_cakupan);
    auto aktif = required(c_aktif);
    UhcCriterion c;
    c.min_pemda = Percent(f, c_pemda, ok);
    c.pemda_bebas_jika_aktif = Percent(f, c_bebas, ok);
    c.alt_min_pemda = Percent(f, c_alt_pemda, ok);
    c.alt_min_aktif = Percent(f, c_alt_aktif, ok);
    // The alternative is a pair: a Pemda share with its own active rate.
    if (ok && c.alt_min_pemda.has_value() != c.alt_min_aktif.has_value()) {
      const int col = c.alt_min_pemda ? c_alt_aktif : c_alt_pemda;
      f.Error(col, Msg::kEmptyValue, {col != 0 ? std::string(f.Name(col)) : "alt_min_aktif"});
      ok = false;
    }
    if (ok && c.pemda_bebas_jika_aktif && !c.min_pemda) {
      f.Error(c_pemda != 0 ? c_pemda : c_bebas, Msg::kEmptyValue, {"min_pemda"});
      ok = false;
    }
    if (!ok || !kategori || !cakupan || !aktif) return;
    if (!f.Unique(seen, NormalizeKey(*kategori), c_kategori, *kategori)) return;
    c.kategori = *kategori;
    c.min_cakupan = *cakupan;
    c.min_aktif = *aktif;
    out.push_back(std::move(c));
  });
  return out;
}

}  // namespace jangkau::ingest
