// Importers of reference tables (norms, targets, standards, costs, retirement ages), village
// indicators and catchments.
#include <fmt/format.h>

#include "base/text_util.h"
#include "ingest/importers.h"
#include "ingest/row_loop.h"

namespace jangkau::ingest {
namespace {

// A ';'-separated list of cadres, each normalised; reports the first unknown one.
std::optional<std::vector<std::string>> CadreList(RowFields& f, int col, const ImportContext& ctx) {
  auto text = f.Required(col);
  if (!text) return std::nullopt;
  std::vector<std::string> out;
  for (const std::string& part : SplitList(*text, ';')) {
    auto cadre = ctx.cadres.Normalize(part);
    if (!cadre) {
      f.Error(col, Msg::kUnknownCadre, {std::string(f.Name(col)), part});
      return std::nullopt;
    }
    out.push_back(*cadre);
  }
  return out;
}

std::optional<Period> ParsePeriod(std::string_view text) {
  const std::string k = NormalizeKey(text);
  if (k == "day" || k == "hari") return Period::kDay;
  if (k == "week" || k == "minggu") return Period::kWeek;
  if (k == "month" || k == "bulan") return Period::kMonth;
  if (k == "year" || k == "tahun") return Period::kYear;
  return std::nullopt;
}

std::optional<ActivityComponent> ParseComponent(std::string_view text) {
  const std::string k = NormalizeKey(text);
  if (k == "layanan" || k == "service") return ActivityComponent::kService;
  if (k == "penunjang" || k == "support") return ActivityComponent::kSupport;
  if (k == "tambahan" || k == "additional") return ActivityComponent::kAdditional;
  return std::nullopt;
}

// "ya", "tidak" or "semua" (every facility).
std::optional<std::optional<bool>> ParseInpatientScope(std::string_view text) {
  if (NormalizeKey(text) == "semua") return std::optional<bool>();
  if (auto b = ParseYesNo(text)) return std::optional<std::optional<bool>>(b);
  return std::nullopt;
}

}  // namespace

NormTable ReadNormTable(TableReader& in, const ImportContext& ctx, Diagnostics& diags,
                        const Progress& progress) {
  ColumnMap cols(in, diags);
  const int c_kode = cols.Required({"kode"});
  const int c_nama = cols.Required({"nama"});
  const int c_cadres = cols.Required({"jenis_tenaga"});
  static constexpr std::array<std::string_view, 6> kValueColumns = {
      "perkotaan_nri", "perkotaan_ri",  "perdesaan_nri",
      "perdesaan_ri",  "terpencil_nri", "terpencil_ri"};
  std::array<int, 6> c_values{};
  for (std::size_t i = 0; i < kValueColumns.size(); ++i) {
    c_values[i] = cols.Required({kValueColumns[i]});
  }
  NormTable table;
  if (diags.has_errors()) return table;
  std::unordered_map<std::string, int64_t> seen;
  std::unordered_map<std::string, int64_t> seen_cadre;
  ForEachRow(in, diags, progress, [&](RowFields& f, const TableRow&) {
    NormRow row;
    auto kode = f.Required(c_kode);
    row.nama = f.Required(c_nama).value_or("");
    auto cadres = CadreList(f, c_cadres, ctx);
    bool ok = kode.has_value() && cadres.has_value();
    for (std::size_t i = 0; i < c_values.size(); ++i) {
      auto v = f.Count(c_values[i], true);
      if (v) {
        row.required[i] = static_cast<int>(*v);
      } else {
        ok = false;
      }
    }
    if (kode && !f.Unique(seen, NormalizeKey(*kode), c_kode, *kode)) ok = false;
    // A cadre counted by two lines would be counted twice.
    if (cadres) {
      for (const auto& c : *cadres) {
        if (!f.Unique(seen_cadre, c, c_cadres, c)) ok = false;
      }
    }
    if (!ok) return;
    row.kode = NormalizeKey(*kode);
    row.cadres = std::move(*cadres);
    table.rows.push_back(std::move(row));
  });
  return table;
}

std::vector<RatioTarget> ReadRatioTargets(TableReader& in, const ImportContext& ctx,
                                          Diagnostics& diags, const Progress& progress) {
  ColumnMap cols(in, diags);
  const int c_cadres = cols.Required({"jenis_tenaga"});
  const int c_target = cols.Required({"target_per_100rb"});
  const int c_note = cols.Optional({"keterangan"});
  std::vector<RatioTarget> out;
  if (diags.has_errors()) return out;
  ForEachRow(in, diags, progress, [&](RowFields& f, const TableRow&) {
    auto cadres = CadreList(f, c_cadres, ctx);
    auto target = f.PositiveNumber(c_target, true);
    if (!cadres || !target) return;
    out.push_back({std::move(*cadres), *target, std::string(f.Text(c_note))});
  });
  return out;
}

std::vector<ActivityStandard> ReadActivityStandards(TableReader& in, const ImportContext& ctx,
                                                    Diagnostics& diags, const Progress& progress) {
  ColumnMap cols(in, diags);
  const int c_cadre = cols.Required({"jenis_tenaga"});
  const int c_comp = cols.Required({"komponen"});
  const int c_kegiatan = cols.Required({"kegiatan"});
  const int c_minutes = cols.Optional({"menit_per_satuan"});
  const int c_hours = cols.Optional({"jam"});
  const int c_per = cols.Optional({"per"});
  const int c_staff = cols.Optional({"jumlah_staf"});
  std::vector<ActivityStandard> out;
  if (diags.has_errors()) return out;
  std::unordered_map<std::string, int64_t> seen;
  ForEachRow(in, diags, progress, [&](RowFields& f, const TableRow&) {
    ActivityStandard s;
    auto cadre = CadreList(f, c_cadre, ctx);
    auto comp = f.Choice(c_comp, true, ParseComponent, "layanan, penunjang, tambahan");
    auto kegiatan = f.Required(c_kegiatan);
    if (!cadre || !comp || !kegiatan) return;
    if (cadre->size() != 1) {
      f.Error(c_cadre, Msg::kBadChoice,
              {std::string(f.Name(c_cadre)), std::string(f.Text(c_cadre)), "satu jenis tenaga"});
      return;
    }
    s.cadre = cadre->front();
    s.component = *comp;
    s.kegiatan = NormalizeKey(*kegiatan);
    if (!f.Unique(seen, s.cadre + "|" + s.kegiatan, c_kegiatan, s.cadre + " " + s.kegiatan)) return;
    if (s.component == ActivityComponent::kService) {
      s.minutes_per_unit = f.PositiveNumber(c_minutes, true);
      if (!s.minutes_per_unit) return;
    } else {
      s.hours = f.PositiveNumber(c_hours, true);
      auto per = f.Choice(c_per, true, ParsePeriod, "day, week, month, year");
      if (!s.hours || !per) return;
      s.per = *per;
      if (s.component == ActivityComponent::kAdditional) {
        auto staff = f.PositiveNumber(c_staff, true);
        if (!staff) return;
        s.staff = *staff;
        if (s.per == Period::kDay) {
          f.Error(c_per, Msg::kBadChoice, {std::string(f.Name(c_per)), "day", "week, month, year"});
          return;
        }
      }
    }
    out.push_back(std::move(s));
  });
  return out;
}

std::vector<CompetenceRequirement> ReadCompetence(TableReader& in, const ImportContext& ctx,
                                                  Diagnostics& diags, const Progress& progress) {
  ColumnMap cols(in, diags);
  const int c_type = cols.Required({"jenis_faskes"});
  const int c_ri = cols.Required({"rawat_inap"});
  const int c_training = cols.Required({"pelatihan"});
  const int c_cadres = cols.Required({"jenis_tenaga"});
  const int c_min = cols.Required({"jumlah_minimal"});
  const int c_basis = cols.Optional({"dasar"});
  std::vector<CompetenceRequirement> out;
  if (diags.has_errors()) return out;
  ForEachRow(in, diags, progress, [&](RowFields& f, const TableRow&) {
    auto type = f.Choice(c_type, true, ParseFacilityType, FacilityTypeChoices());
    auto scope = f.Choice(c_ri, true, ParseInpatientScope, "ya, tidak, semua");
    auto training = f.Required(c_training);
    auto cadres = CadreList(f, c_cadres, ctx);
    auto min = f.Count(c_min, true);
    if (!type || !scope || !training || !cadres || !min) return;
    out.push_back({*type, *scope, *training, std::move(*cadres), static_cast<int>(*min),
                   std::string(f.Text(c_basis))});
  });
  return out;
}

std::vector<EquipmentStandard> ReadEquipmentStandards(TableReader& in, const ImportContext&,
                                                      Diagnostics& diags,
                                                      const Progress& progress) {
  ColumnMap cols(in, diags);
  const int c_type = cols.Required({"jenis_faskes"});
  const int c_kode = cols.Required({"kode_alat"});
  const int c_nama = cols.Optional({"nama_alat"});
  const int c_min = cols.Required({"jumlah_minimal"});
  std::vector<EquipmentStandard> out;
  if (diags.has_errors()) return out;
  std::unordered_map<std::string, int64_t> seen;
  ForEachRow(in, diags, progress, [&](RowFields& f, const TableRow&) {
    auto type = f.Choice(c_type, true, ParseFacilityType, FacilityTypeChoices());
    auto kode = f.Required(c_kode);
    auto min = f.Count(c_min, true);
    if (!type || !kode || !min) return;
    if (!f.Unique(seen, std::string(TypeKey(*type)) + "|" + *kode, c_kode, *kode)) return;
    out.push_back({*type, *kode, std::string(f.Text(c_nama)), static_cast<int>(*min)});
  });
  return out;
}

std::vector<CostEntry> ReadCosts(TableReader& in, const ImportContext& ctx, Diagnostics& diags,
                                 const Progress& progress) {
  ColumnMap cols(in, diags);
  const int c_cadre = cols.Required({"jenis_tenaga"});
  const int c_status = cols.Required({"status_kepegawaian"});
  const int c_cost = cols.Required({"biaya_per_tahun"});
  std::vector<CostEntry> out;
  if (diags.has_errors()) return out;
  std::unordered_map<std::string, int64_t> seen;
  ForEachRow(in, diags, progress, [&](RowFields& f, const TableRow&) {
    auto cadre = CadreList(f, c_cadre, ctx);
    auto status = f.Choice(c_status, true, ParseEmployment, EmploymentChoices());
    auto cost = f.PositiveNumber(c_cost, true);
    if (!cadre || !status || !cost) return;
    for (const auto& c : *cadre) {
      const std::string key = c + "|" + std::string(EmploymentKey(*status));
      if (!f.Unique(seen, key, c_cadre, c + " " + std::string(EmploymentKey(*status)))) return;
      out.push_back({c, std::string(EmploymentKey(*status)), units::Rupiah(*cost)});
    }
  });
  return out;
}

std::vector<NetworkNormRow> ReadNetworkNorms(TableReader& in, const ImportContext&,
                                             Diagnostics& diags, const Progress& progress) {
  ColumnMap cols(in, diags);
  const int c_kode = cols.Required({"kode"});
  const std::array<int, 3> c_per = {cols.Optional({"per_desa"}), cols.Optional({"per_pustu"}),
                                    cols.Optional({"per_poskesdes"})};
  std::vector<NetworkNormRow> out;
  if (diags.has_errors()) return out;
  std::unordered_map<std::string, int64_t> seen;
  ForEachRow(in, diags, progress, [&](RowFields& f, const TableRow&) {
    auto kode = f.Required(c_kode);
    std::array<double, 3> per{};
    bool any = false;
    bool ok = kode.has_value();
    for (std::size_t i = 0; i < c_per.size(); ++i) {
      if (f.Text(c_per[i]).empty()) continue;
      auto v = f.Number(c_per[i]);
      if (!v) {
        ok = false;
        continue;
      }
      if (*v < 0 || *v > 100) {
        f.Error(c_per[i], Msg::kNetworkNormRange,
                {std::string(f.Name(c_per[i])), std::string(f.Text(c_per[i]))});
        ok = false;
        continue;
      }
      per[i] = *v;
      any = true;
    }
    if (ok && !any) {
      f.Error(c_kode, Msg::kNetworkNormEmpty, {*kode});
      ok = false;
    }
    if (!ok || !f.Unique(seen, *kode, c_kode, *kode)) return;
    out.push_back({*kode, per[0], per[1], per[2]});
  });
  return out;
}

std::vector<RetirementRule> ReadRetirementRules(TableReader& in, const ImportContext&,
                                                Diagnostics& diags, const Progress& progress) {
  ColumnMap cols(in, diags);
  const int c_pattern = cols.Required({"pola_jabatan"});
  const int c_age = cols.Required({"usia_pensiun"});
  std::vector<RetirementRule> out;
  if (diags.has_errors()) return out;
  ForEachRow(in, diags, progress, [&](RowFields& f, const TableRow&) {
    auto pattern = f.Required(c_pattern);
    auto age = f.Count(c_age, true);
    if (age && (*age < 40 || *age > 80)) {
      f.Error(c_age, Msg::kBadChoice, {std::string(f.Name(c_age)), std::to_string(*age), "40-80"});
      return;
    }
    if (!pattern || !age) return;
    out.push_back({ToLowerAscii(*pattern), static_cast<int>(*age)});
  });
  return out;
}

std::vector<TravelClassRow> ReadTravelClasses(TableReader& in, const ImportContext&,
                                              Diagnostics& diags, const Progress& progress) {
  ColumnMap cols(in, diags);
  const int c_kelas = cols.Required({"kelas"});
  const int c_moda = cols.Required({"moda"});
  const int c_speed = cols.Optional({"kecepatan_kmh"});
  const int c_minutes = cols.Optional({"menit"});
  std::vector<TravelClassRow> out;
  if (diags.has_errors()) return out;
  std::unordered_map<std::string, int64_t> seen;
  ForEachRow(in, diags, progress, [&](RowFields& f, const TableRow&) {
    auto kelas = f.Required(c_kelas);
    auto moda = f.Choice(
        c_moda, true,
        [](std::string_view t) -> std::optional<std::string> {
          std::string k = NormalizeKey(t);
          if (k == "motor" || k == "mobil" || k == "jalan_kaki" || k == "perahu" ||
              k == "transfer") {
            return k;
          }
          return std::nullopt;
        },
        "motor, mobil, jalan_kaki, perahu, transfer");
    if (!kelas || !moda) return;
    TravelClassRow row{NormalizeKey(*kelas), *moda, 0, 0};
    if (!f.Unique(seen, row.kelas, c_kelas, row.kelas)) return;
    if (row.moda == "transfer") {
      auto m = f.Number(c_minutes);
      if (f.Text(c_minutes).empty()) f.Error(c_minutes, Msg::kEmptyValue, {"menit"});
      if (!m) return;
      if (*m < 0) {
        f.Error(c_minutes, Msg::kNegative, {"menit", std::string(f.Text(c_minutes))});
        return;
      }
      row.minutes = *m;
    } else {
      auto speed = f.PositiveNumber(c_speed, true);
      if (!speed) return;
      row.speed_kmh = *speed;
    }
    out.push_back(std::move(row));
  });
  return out;
}

std::vector<RegionIndicator> ReadIndicators(TableReader& in, const ImportContext& ctx,
                                            Diagnostics& diags, const Progress& progress) {
  ColumnMap cols(in, diags);
  const int c_kode = cols.Required({"kode_wilayah"});
  const int c_name = cols.Required({"indikator"});
  const int c_value = cols.Required({"nilai"});
  const int c_year = cols.Optional({"tahun"});
  const int c_source = cols.Optional({"sumber"});
  std::vector<RegionIndicator> out;
  if (diags.has_errors()) return out;
  std::unordered_map<std::string, int64_t> seen;
  ForEachRow(in, diags, progress, [&](RowFields& f, const TableRow&) {
    auto kode = f.Required(c_kode);
    auto name = f.Required(c_name);
    std::optional<double> value;
    if (f.Text(c_value).empty()) {
      f.Error(c_value, Msg::kEmptyValue, {std::string(f.Name(c_value))});
    } else {
      value = f.Number(c_value);
    }
    auto year = f.Year(c_year, false);
    if (kode && !ctx.regions.contains(*kode)) {
      f.Error(c_kode, Msg::kUnknownRegion, {std::string(f.Name(c_kode)), *kode});
      return;
    }
    if (!kode || !name || !value) return;
    const std::string key = NormalizeKey(*name);
    if (!f.Unique(seen, *kode + "|" + key, c_name, *kode + " " + key)) return;
    RegionIndicator r{*kode, key, *value, std::nullopt, std::string(f.Text(c_source))};
    r.tahun = year;
    out.push_back(std::move(r));
  });
  return out;
}

std::vector<Catchment> ReadCatchments(TableReader& in, const ImportContext& ctx, Diagnostics& diags,
                                      const Progress& progress) {
  ColumnMap cols(in, diags);
  const int c_desa = cols.Required({"kode_desa"});
  const int c_faskes = cols.Required({"kode_faskes"});
  std::vector<Catchment> out;
  if (diags.has_errors()) return out;
  std::unordered_map<std::string, int64_t> seen;
  ForEachRow(in, diags, progress, [&](RowFields& f, const TableRow&) {
    auto desa = f.Required(c_desa);
    auto faskes = f.Required(c_faskes);
    bool ok = desa && faskes;
    if (desa && ctx.regions.find(*desa) == ctx.regions.end()) {
      f.Error(c_desa, Msg::kUnknownRegion, {std::string(f.Name(c_desa)), *desa});
      ok = false;
    }
    if (faskes && !ctx.facility_codes.contains(*faskes)) {
      f.Error(c_faskes, Msg::kUnknownFacility, {std::string(f.Name(c_faskes)), *faskes});
      ok = false;
    }
    if (desa && !f.Unique(seen, *desa, c_desa, *desa)) ok = false;
    if (ok) out.push_back({*desa, *faskes});
  });
  return out;
}

std::vector<AddedFacility> ReadSites(TableReader& in, Diagnostics& diags,
                                     const Progress& progress) {
  ColumnMap cols(in, diags);
  const int c_kode = cols.Required({"kode", "kode_faskes", "kode_lokasi"});
  const int c_nama = cols.Required({"nama", "nama_faskes", "nama_lokasi"});
  const int c_jenis = cols.Optional({"jenis", "jenis_faskes"});
  const int c_lat = cols.Optional({"lat", "latitude", "lintang"});
  const int c_lon = cols.Optional({"lon", "lng", "longitude", "bujur"});
  std::vector<AddedFacility> out;
  if (diags.has_errors()) return out;
  std::unordered_map<std::string, int64_t> seen;
  ForEachRow(in, diags, progress, [&](RowFields& f, const TableRow& row) {
    auto kode = f.Required(c_kode);
    auto nama = f.Required(c_nama);
    std::optional<FacilityType> type = FacilityType::kPuskesmas;
    if (c_jenis != 0 && !f.Text(c_jenis).empty()) {
      type = f.Choice(c_jenis, false, ParseFacilityType, FacilityTypeChoices());
    }
    const bool has_coords = (c_lat != 0 && !f.Text(c_lat).empty()) ||
                            (c_lon != 0 && !f.Text(c_lon).empty()) || row.point_lat;
    if (!has_coords) f.Error(c_lat != 0 ? c_lat : c_kode, Msg::kSiteNoCoordinates, {});
    auto where = has_coords ? ReadLonLat(f, row, c_lat, c_lon) : std::nullopt;
    if (kode && !f.Unique(seen, *kode, c_kode, *kode)) kode.reset();
    if (kode && nama && type && where) {
      out.push_back({*kode, *nama, *type, where->lon, where->lat});
    }
  });
  return out;
}

}  // namespace jangkau::ingest
