// Weekly disease reports (form W2, long or wide) and the two reference tables of the early
// warning: the disease list and the fixed thresholds (docs/surveillance.md). Read whole, every
// problem named at its line and column.
#include <charconv>
#include <string>
#include <unordered_map>

#include "base/text_util.h"
#include "ingest/importers.h"
#include "ingest/row_loop.h"

namespace jangkau::ingest {
namespace {

// More cases in one week at one facility than this is a typing error.
constexpr int64_t kMaxWeeklyCases = 1'000'000;

// The columns of the wide layout: each disease's cases column and deaths column.
struct DiseaseColumns {
  std::string kode;
  int cases = 0;
  int deaths = 0;
};

bool EndsWith(std::string_view s, std::string_view tail) {
  return s.size() > tail.size() && s.substr(s.size() - tail.size()) == tail;
}

// The disease a wide-layout header names, and whether it is the deaths column.
std::optional<std::pair<std::string, bool>> DiseaseHeader(std::string_view header,
                                                          const ImportContext& ctx) {
  const std::string key = NormalizeKey(header);
  if (const auto it = ctx.disease_keys.find(key); it != ctx.disease_keys.end()) {
    return std::pair{it->second, false};
  }
  for (auto [tail, deaths] : {std::pair{std::string_view("_p"), false},
                              {"_kasus", false},
                              {"_penderita", false},
                              {"_m", true},
                              {"_meninggal", true},
                              {"_mati", true},
                              {"_kematian", true}}) {
    if (!EndsWith(key, tail)) continue;
    const auto it = ctx.disease_keys.find(key.substr(0, key.size() - tail.size()));
    if (it != ctx.disease_keys.end()) return std::pair{it->second, deaths};
  }
  return std::nullopt;
}

std::optional<int64_t> WeeklyCount(RowFields& f, int col, bool required) {
  auto v = f.Count(col, required);
  if (v && *v > kMaxWeeklyCases) {
    f.Error(col, Msg::kValueTooLarge, {std::string(f.Name(col)), std::string(f.Text(col))});
    return std::nullopt;
  }
  return v;
}

// The week of a row: "2025-W07", or a week number with the year column.
std::optional<EpiWeek> WeekOfRow(RowFields& f, int c_week, int c_year) {
  const std::string_view text = f.Text(c_week);
  if (text.empty()) {
    f.Error(c_week, Msg::kEmptyValue, {std::string(f.Name(c_week))});
    return std::nullopt;
  }
  if (auto w = EpiWeek::Parse(text)) return w;
  int week = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), week);
  if (c_year != 0 && ec == std::errc() && end == text.data() + text.size()) {
    auto year = f.Year(c_year, true);
    if (!year) return std::nullopt;
    if (week >= 1 && week <= WeeksInEpiYear(*year)) return EpiWeek{*year, week};
  }
  f.Error(c_week, Msg::kBadWeek, {std::string(f.Name(c_week)), std::string(text)});
  return std::nullopt;
}

}  // namespace

std::vector<WeeklyReport> ReadWeekly(TableReader& in, const ImportContext& ctx, Diagnostics& diags,
                                     const Progress& progress) {
  ColumnMap cols(in, diags);
  const int c_kode = cols.Required({"kode_faskes", "kode_puskesmas", "kode"});
  const int c_week = cols.Required({"minggu", "minggu_epi", "minggu_ke"});
  const int c_year = cols.Optional({"tahun"});
  const int c_disease = cols.Optional({"penyakit", "kode_penyakit"});
  const int c_cases = c_disease != 0 ? cols.Required({"kasus", "jumlah_kasus", "penderita"}) : 0;
  const int c_deaths = cols.Optional({"kematian", "meninggal"});
  const int c_units = cols.Optional({"unit_lapor", "jumlah_unit_pelapor", "unit_pelapor"});
  const int c_received = cols.Optional({"diterima", "waktu_terima", "tanggal_terima"});
  const int c_source = cols.Optional({"sumber"});
  std::vector<DiseaseColumns> wide;
  if (c_disease == 0) {
    std::unordered_map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < in.columns().size(); ++i) {
      auto d = DiseaseHeader(in.columns()[i], ctx);
      if (!d) continue;
      auto [it, fresh] = index.emplace(d->first, wide.size());
      if (fresh) wide.push_back({d->first, 0, 0});
      (d->second ? wide[it->second].deaths : wide[it->second].cases) = static_cast<int>(i) + 1;
    }
    if (wide.empty()) diags.Error(in.path(), 1, 0, Msg::kNoDiseaseColumns, {});
  }
  std::vector<WeeklyReport> out;
  if (diags.has_errors()) return out;
  const auto now = Instant::Parse(ctx.today.Iso() + "T23:59:59Z");
  std::unordered_map<std::string, int64_t> seen;

  ForEachRow(in, diags, progress, [&](RowFields& f, const TableRow& row) {
    bool ok = true;
    auto kode = FacilityCode(f, c_kode, ctx);
    auto week = WeekOfRow(f, c_week, c_year);
    ok = kode && week;
    if (week && ctx.today < week->Sunday()) {
      f.Error(c_week, Msg::kWeekNotStarted, {std::string(f.Name(c_week)), week->Text()});
      ok = false;
    }
    std::optional<int64_t> units;
    if (c_units != 0 && !f.Text(c_units).empty()) {
      units = WeeklyCount(f, c_units, false);
      ok = ok && units;
    }
    std::optional<Instant> received;
    if (c_received != 0 && !f.Text(c_received).empty()) {
      received = Instant::Parse(f.Text(c_received));
      const auto began = week ? Instant::Parse(week->Sunday().Iso() + "T00:00") : std::nullopt;
      if (!received) {
        f.Error(c_received, Msg::kBadInstant,
                {std::string(f.Name(c_received)), std::string(f.Text(c_received))});
      } else if (now && *now < *received) {
        f.Error(c_received, Msg::kDateInFuture, {std::string(f.Name(c_received)), received->Iso()});
        received.reset();
      } else if (began && *received < *began) {
        f.Error(c_received, Msg::kReceivedBeforeWeek,
                {std::string(f.Name(c_received)), received->Iso(), week->Text()});
        received.reset();
      }
      ok = ok && received;
    }
    // One disease's cases and deaths from their columns; false when refused.
    auto add = [&](const std::string& disease, int col_cases, int col_deaths, int col_key) {
      WeeklyReport r;
      r.baris = row.line;
      auto cases = WeeklyCount(f, col_cases, true);
      std::optional<int64_t> deaths;
      if (col_deaths != 0 && !f.Text(col_deaths).empty()) {
        deaths = WeeklyCount(f, col_deaths, false);
        if (!deaths) return false;
        if (cases && *deaths > *cases) {
          f.Error(col_deaths, Msg::kCountAboveTotal,
                  {std::string(f.Name(col_deaths)), std::to_string(*deaths),
                   std::string(f.Name(col_cases)), std::to_string(*cases)});
          return false;
        }
      }
      if (!cases || !ok) return false;
      r.kode_faskes = *kode;
      r.minggu = *week;
      r.penyakit = disease;
      r.kasus = *cases;
      r.kematian = deaths;
      r.unit_lapor = units;
      r.diterima = received;
      r.sumber = std::string(f.Text(c_source));
      const std::string shown = r.kode_faskes + " " + r.minggu.Text() + " " + disease;
      if (!f.Unique(seen, shown, col_key, shown)) return false;
      out.push_back(std::move(r));
      return true;
    };
    if (c_disease != 0) {
      auto disease = f.Required(c_disease);
      if (!disease) return;
      const auto it = ctx.disease_keys.find(NormalizeKey(*disease));
      if (it == ctx.disease_keys.end()) {
        f.Error(c_disease, Msg::kUnknownDisease,
                {std::string(f.Name(c_disease)), *disease, ctx.disease_choices});
        return;
      }
      add(it->second, c_cases, c_deaths, c_disease);
      return;
    }
    for (const DiseaseColumns& d : wide) {
      if (d.cases == 0) {
        if (!f.Text(d.deaths).empty()) {
          f.Error(d.deaths, Msg::kEmptyValue, {d.kode + "_P"});
        }
        continue;
      }
      if (f.Text(d.cases).empty()) {
        if (d.deaths != 0 && !f.Text(d.deaths).empty()) {
          f.Error(d.cases, Msg::kEmptyValue, {std::string(f.Name(d.cases))});
        }
        continue;
      }
      add(d.kode, d.cases, d.deaths, d.cases);
    }
  });
  return out;
}

std::vector<SkdrDisease> ReadSkdrDiseases(TableReader& in, const ImportContext&, Diagnostics& diags,
                                          const Progress& progress) {
  ColumnMap cols(in, diags);
  const int c_kode = cols.Required({"kode"});
  const int c_nama = cols.Required({"nama"});
  const int c_en = cols.Optional({"name_en", "nama_en"});
  const int c_skdr = cols.Optional({"skdr"});
  std::vector<SkdrDisease> out;
  if (diags.has_errors()) return out;
  std::unordered_map<std::string, int64_t> seen;
  ForEachRow(in, diags, progress, [&](RowFields& f, const TableRow&) {
    auto kode = f.Required(c_kode);
    auto nama = f.Required(c_nama);
    if (kode && (!IsPlainCode(*kode) || NormalizeKey(*kode) != ToLowerAscii(*kode))) {
      f.Error(c_kode, Msg::kBadCode, {std::string(f.Name(c_kode)), *kode, "huruf/angka/_"});
      return;
    }
    std::optional<bool> skdr = true;
    if (c_skdr != 0 && !f.Text(c_skdr).empty()) {
      skdr = f.Choice(c_skdr, false, ParseYesNo, "ya, tidak");
    }
    if (!kode || !nama || !skdr) return;
    if (!f.Unique(seen, NormalizeKey(*kode), c_kode, *kode)) return;
    out.push_back({*kode, *nama, std::string(f.Text(c_en)), *skdr});
  });
  return out;
}

std::vector<SkdrThreshold> ReadSkdrThresholds(TableReader& in, const ImportContext& ctx,
                                              Diagnostics& diags, const Progress& progress) {
  ColumnMap cols(in, diags);
  const int c_wilayah = cols.Optional({"kode_wilayah"});
  const int c_penyakit = cols.Required({"penyakit"});
  const int c_ambang = cols.Required({"ambang", "nilai_ambang"});
  std::vector<SkdrThreshold> out;
  if (diags.has_errors()) return out;
  std::unordered_map<std::string, int64_t> seen;
  ForEachRow(in, diags, progress, [&](RowFields& f, const TableRow&) {
    SkdrThreshold t;
    t.kode_wilayah = std::string(f.Text(c_wilayah));
    bool ok = true;
    if (!t.kode_wilayah.empty() && !ctx.regions.empty()) {
      const auto it = ctx.regions.find(t.kode_wilayah);
      if (it == ctx.regions.end()) {
        f.Error(c_wilayah, Msg::kUnknownRegion, {std::string(f.Name(c_wilayah)), t.kode_wilayah});
        ok = false;
      } else if (it->second != RegionLevel::kKabupaten) {
        f.Error(c_wilayah, Msg::kWrongRegionLevel,
                {std::string(f.Name(c_wilayah)), t.kode_wilayah, std::string(LevelKey(it->second)),
                 std::string(LevelKey(RegionLevel::kKabupaten))});
        ok = false;
      }
    }
    auto penyakit = f.Required(c_penyakit);
    if (penyakit && !ctx.disease_keys.empty()) {
      const auto it = ctx.disease_keys.find(NormalizeKey(*penyakit));
      if (it == ctx.disease_keys.end()) {
        f.Error(c_penyakit, Msg::kUnknownDisease,
                {std::string(f.Name(c_penyakit)), *penyakit, ctx.disease_choices});
        penyakit.reset();
      } else {
        penyakit = it->second;
      }
    }
    auto ambang = WeeklyCount(f, c_ambang, true);
    if (ambang && *ambang == 0) {
      f.Error(c_ambang, Msg::kNeedsNotPositive, {std::string(f.Name(c_ambang)), "0"});
      ambang.reset();
    }
    if (!ok || !penyakit || !ambang) return;
    t.penyakit = *penyakit;
    t.ambang = *ambang;
    const std::string key = t.kode_wilayah + "/" + t.penyakit;
    if (!f.Unique(seen, key, c_penyakit, key)) return;
    out.push_back(std::move(t));
  });
  return out;
}

}  // namespace jangkau::ingest
