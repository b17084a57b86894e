#include "app/programmes_service.h"

#include <algorithm>
#include <chrono>
#include <map>

#include "app/map_data.h"
#include "app/reference_data.h"
#include "app/reference_tables.h"
#include "base/text_util.h"
#include "growth/categories.h"
#include "growth/prevalence.h"
#include "model/region.h"

namespace jangkau::app {
namespace {

int64_t DaysBetween(const Date& a, const Date& b) {
  using std::chrono::sys_days;
  using std::chrono::year_month_day;
  auto days = [](const Date& d) {
    return sys_days(year_month_day(std::chrono::year(d.year),
                                   std::chrono::month(static_cast<unsigned>(d.month)),
                                   std::chrono::day(static_cast<unsigned>(d.day))));
  };
  return (days(b) - days(a)).count();
}

struct Group {
  std::string name;
  std::vector<growth::SurveyChild> children;
};

// The share of children below (or above) a cut-off with its interval, from the prevalence
// engine's row for all of the group: {n with a value, r, ll, ul}.
struct Share {
  double n = 0;
  growth::Estimate e;
};

}  // namespace

std::optional<ProgrammeLevel> ParseProgrammeLevel(std::string_view text) {
  if (text == "desa") return ProgrammeLevel::kDesa;
  if (text == "posyandu") return ProgrammeLevel::kPosyandu;
  if (text == "puskesmas") return ProgrammeLevel::kPuskesmas;
  if (text == "kecamatan") return ProgrammeLevel::kKecamatan;
  if (text == "kabupaten") return ProgrammeLevel::kKabupaten;
  return std::nullopt;
}

growth::Measurement ToMeasurement(const GrowthRecord& r) {
  growth::Measurement m;
  m.sex = r.jk;
  m.age = static_cast<double>(DaysBetween(r.tgl_lahir, r.tanggal_ukur));
  m.weight = r.berat;
  m.lenhei = r.tinggi;
  m.measure = r.cara_ukur;
  m.oedema = r.oedema;
  m.armc = r.lila;
  return m;
}

std::vector<GrowthRecord> LatestPerChild(const std::vector<GrowthRecord>& records,
                                         std::optional<Date> from, std::optional<Date> to) {
  std::map<std::string, const GrowthRecord*> latest;
  for (const GrowthRecord& r : records) {
    if ((from && r.tanggal_ukur < *from) || (to && *to < r.tanggal_ukur)) continue;
    const GrowthRecord*& slot = latest[r.anak];
    if (slot == nullptr || slot->tanggal_ukur < r.tanggal_ukur) slot = &r;
  }
  std::vector<GrowthRecord> out;
  out.reserve(latest.size());
  for (const auto& [anak, r] : latest) out.push_back(*r);
  return out;
}

std::string AreaKey(const GrowthRecord& r, ProgrammeLevel by) {
  switch (by) {
    case ProgrammeLevel::kDesa:
      return r.kode_desa.empty() ? "?" + r.desa : r.kode_desa;
    case ProgrammeLevel::kPosyandu:
      return AreaKey(r, ProgrammeLevel::kDesa) + "/" + r.posyandu;
    case ProgrammeLevel::kPuskesmas:
      return r.puskesmas;
    case ProgrammeLevel::kKecamatan:
      return r.kode_desa.empty() ? "?" + r.kecamatan : ParentCode(r.kode_desa);
    case ProgrammeLevel::kKabupaten:
      return "kabupaten";
  }
  return "";
}

std::vector<growth::Weighing> Weighings(
    const std::vector<GrowthRecord>& records, std::optional<Date> from, std::optional<Date> to,
    const std::function<std::string(const GrowthRecord&)>& group) {
  const growth::Standards& who = growth::WhoStandards();
  std::vector<growth::Weighing> weighings;
  for (const GrowthRecord& r : records) {
    if ((from && r.tanggal_ukur < *from) || (to && *to < r.tanggal_ukur)) continue;
    const growth::ZScores z = growth::Compute(who, ToMeasurement(r));
    std::optional<double> zwei = z.Z(growth::Indicator::kWei);
    if (z.Flag(growth::Indicator::kWei) == 1) zwei.reset();
    weighings.push_back({r.anak, group(r), r.tanggal_ukur, r.tgl_lahir, r.berat, zwei});
  }
  return weighings;
}

report::Table GrowthByArea(const store::Workspace& ws, const ProgrammeOptions& options) {
  std::map<std::string, std::string> names;
  std::string kabupaten;
  for (const Region& r : ws.Regions(false)) {
    names[r.kode] = r.nama;
    if (r.level == RegionLevel::kKabupaten) kabupaten = r.nama;
  }
  // Travel minutes of the people to a puskesmas (last access run), per desa and kecamatan.
  std::map<std::string, double> minutes;
  if (options.by == ProgrammeLevel::kDesa || options.by == ProgrammeLevel::kKecamatan) {
    const RegionLevel level =
        options.by == ProgrammeLevel::kDesa ? RegionLevel::kDesa : RegionLevel::kKecamatan;
    for (const RegionMapRow& row : RegionsForMap(ws, level)) {
      if (row.reach && row.reach->rata_menit) minutes[row.region.kode] = *row.reach->rata_menit;
    }
  }

  std::map<std::string, Group> groups;
  const growth::Standards& who = growth::WhoStandards();
  for (const GrowthRecord& r : LatestPerChild(ws.GrowthRecords(), options.from, options.to)) {
    const std::string key = AreaKey(r, options.by);
    std::string name;
    switch (options.by) {
      case ProgrammeLevel::kDesa:
        name = r.kode_desa.empty() ? r.desa : names[r.kode_desa];
        break;
      case ProgrammeLevel::kPosyandu:
        name = r.posyandu;
        break;
      case ProgrammeLevel::kPuskesmas:
        name = r.puskesmas;
        break;
      case ProgrammeLevel::kKecamatan:
        name = r.kode_desa.empty() ? r.kecamatan : names[key];
        break;
      case ProgrammeLevel::kKabupaten:
        name = kabupaten;
        break;
    }
    Group& g = groups[key];
    g.name = name;
    g.children.push_back({growth::Compute(who, ToMeasurement(r)), r.oedema, {}, {}, {}});
  }

  report::Table t{"pertumbuhan", {"kelompok", "nama", "anak"}};
  if (options.breakdown) t.columns.insert(t.columns.begin() + 2, "subkelompok");
  struct Indicator {
    const char* key;
    int indicator;  // in growth::Prevalence's order: HA, WA, BMI, WH
    int cutoff;     // index of growth::CutoffSuffix
  };
  static constexpr Indicator kShares[] = {
      {"stunting", 0, 1}, {"wasting", 3, 1}, {"underweight", 1, 1}, {"overweight", 3, 4}};
  for (const Indicator& s : kShares) {
    for (const char* suffix : {"_n", "_persen", "_bawah", "_atas"}) {
      t.columns.push_back(std::string(s.key) + suffix);
    }
  }
  static constexpr growth::HeightStatus kHeights[] = {
      growth::HeightStatus::kSangatPendek, growth::HeightStatus::kPendek,
      growth::HeightStatus::kNormal, growth::HeightStatus::kTinggi};
  static constexpr growth::NutritionStatus kNutrition[] = {
      growth::NutritionStatus::kGiziBuruk, growth::NutritionStatus::kGiziKurang,
      growth::NutritionStatus::kGiziBaik,  growth::NutritionStatus::kBerisikoGiziLebih,
      growth::NutritionStatus::kGiziLebih, growth::NutritionStatus::kObesitas};
  static constexpr growth::WeightStatus kWeights[] = {
      growth::WeightStatus::kSangatKurang, growth::WeightStatus::kKurang,
      growth::WeightStatus::kNormal, growth::WeightStatus::kRisikoLebih};
  for (auto h : kHeights) t.columns.push_back("tb_u_" + std::string(growth::Key(h)));
  for (auto n : kNutrition) t.columns.push_back("bb_tb_" + std::string(growth::Key(n)));
  for (auto w : kWeights) t.columns.push_back("bb_u_" + std::string(growth::Key(w)));
  for (const char* c : {"dicurigai", "n_kurang_30", "menit_puskesmas", "sumber"}) {
    t.columns.emplace_back(c);
  }

  auto opt = [](const std::optional<double>& v) { return v ? report::Cell{*v} : report::Cell{}; };
  // One row of `children` of the group `key`, labelled `part` when broken down.
  auto emit = [&](const std::string& key, const std::string& name, const std::string& part,
                  const std::vector<growth::SurveyChild>& children) {
    std::vector<report::Cell> row = {key, name};
    if (options.breakdown) row.emplace_back(part);
    row.emplace_back(int64_t(children.size()));
    auto prevalence = growth::Prevalence(children, {});
    for (const Indicator& s : kShares) {
      if (!prevalence) {
        for (int k = 0; k < 4; ++k) row.emplace_back();
        continue;
      }
      const growth::IndicatorPrevalence& ip =
          prevalence->rows.front().indicators[static_cast<std::size_t>(s.indicator)];
      const growth::Estimate& e = ip.cut[static_cast<std::size_t>(s.cutoff)];
      row.emplace_back(static_cast<int64_t>(ip.unwpop));
      row.push_back(opt(e.r));
      row.push_back(opt(e.ll));
      row.push_back(opt(e.ul));
    }
    std::map<std::string, int64_t> counts;
    int64_t flagged = 0;
    for (const growth::SurveyChild& c : children) {
      if (auto h = growth::HeightForAgeStatus(c.z)) ++counts["h" + std::string(growth::Key(*h))];
      if (auto n = growth::WeightForHeightStatus(c.z, c.oedema)) {
        ++counts["n" + std::string(growth::Key(*n))];
      }
      if (auto w = growth::WeightForAgeStatus(c.z)) ++counts["w" + std::string(growth::Key(*w))];
      bool any = false;
      for (const auto& f : c.z.flag) any = any || f == 1;
      flagged += any ? 1 : 0;
    }
    for (auto h : kHeights) row.emplace_back(counts["h" + std::string(growth::Key(h))]);
    for (auto n : kNutrition) row.emplace_back(counts["n" + std::string(growth::Key(n))]);
    for (auto w : kWeights) row.emplace_back(counts["w" + std::string(growth::Key(w))]);
    row.emplace_back(flagged);
    row.emplace_back(children.size() < 30);
    const auto m = minutes.find(key);
    row.push_back(m != minutes.end() ? report::Cell{m->second} : report::Cell{});
    row.emplace_back(std::string("e-PPGBM (rutin)"));
    t.rows.push_back(std::move(row));
  };
  for (const auto& [key, g] : groups) {
    emit(key, g.name, "semua", g.children);
    if (!options.breakdown) continue;
    auto part = [&](const std::string& label, auto&& keep) {
      std::vector<growth::SurveyChild> some;
      for (const growth::SurveyChild& c : g.children) {
        if (keep(c)) some.push_back(c);
      }
      if (!some.empty()) emit(key, g.name, label, some);
    };
    for (int a = 0; a < growth::kAgeGroupCount; ++a) {
      std::string label = "umur_" + std::string(growth::AgeGroupName(a)).substr(0, 5);
      label[7] = '_';  // "umur_00-05" -> "umur_00_05"
      part(label, [a](const growth::SurveyChild& c) { return growth::AgeGroup(c.z) == a; });
    }
    part("laki_laki", [](const growth::SurveyChild& c) { return c.z.csex == 1; });
    part("perempuan", [](const growth::SurveyChild& c) { return c.z.csex == 2; });
  }
  return t;
}

bool SamePuskesmas(std::string_view facility_name, std::string_view eppgbm_name) {
  auto core = [](std::string_view name) {
    std::string out;
    for (const std::string& word : SplitList(NormalizeKey(name), '_')) {
      if (word == "puskesmas" || word == "pkm" || word == "uptd" || word == "upt") continue;
      out += (out.empty() ? "" : "_") + word;
    }
    return out;
  };
  const std::string a = core(facility_name);
  return !a.empty() && a == core(eppgbm_name);
}

std::expected<report::Table, Error> SkdnTable(
    const store::Workspace& ws, std::optional<Date> from, std::optional<Date> to,
    const std::function<bool(const GrowthRecord&)>& keep) {
  const auto kbm = LoadKbm(ws);
  if (!kbm) return std::unexpected(kbm.error());
  std::vector<GrowthRecord> records = ws.GrowthRecords();
  if (keep) std::erase_if(records, [&keep](const GrowthRecord& r) { return !keep(r); });
  const std::vector<growth::Weighing> weighings =
      Weighings(records, from, to,
                [](const GrowthRecord& r) { return AreaKey(r, ProgrammeLevel::kPosyandu); });
  report::Table t{"skdn",
                  {"posyandu", "bulan", "s", "d", "n", "t", "o", "b", "persen_d_s", "persen_n_d",
                   "bgm", "dua_t"}};
  auto share = [](int part, int whole) {
    return whole > 0 ? report::Cell{100.0 * part / whole} : report::Cell{};
  };
  for (const growth::SkdnRow& r : growth::Skdn(weighings, *kbm)) {
    t.rows.push_back({r.posyandu, r.bulan, int64_t{r.s}, int64_t{r.d}, int64_t{r.n}, int64_t{r.t},
                      int64_t{r.o}, int64_t{r.b}, share(r.d, r.s), share(r.n, r.d), int64_t{r.bgm},
                      int64_t{r.dua_t}});
  }
  return t;
}

}  // namespace jangkau::app
