#include "app/programmes_board.h"

#include <algorithm>
#include <map>

#include <nlohmann/json.hpp>

#include <fmt/format.h>

#include "app/map_data.h"
#include "app/programmes_tables.h"
#include "app/reference_data.h"
#include "app/reference_tables.h"
#include "app/stunting_sources.h"
#include "growth/categories.h"
#include "model/region.h"
#include "programmes/spearman.h"
#include "programmes/stbm.h"
#include "programmes/uhc.h"

namespace jangkau::embedded {
std::string_view StbmPublikasiCsv();
}  // namespace jangkau::embedded

namespace jangkau::app {
namespace {

report::Cell Opt(const std::optional<double>& v) { return v ? report::Cell{*v} : report::Cell{}; }

struct Register {
  std::string bulan;
  int s = 0;
  int d = 0;
};

// The register (S and D) of each group in the last month that has a weighing anywhere; a group
// that weighed nobody that month has D = 0 and the S it last had.
std::map<std::string, Register> RegisterAtLastMonth(const std::vector<growth::Weighing>& w) {
  std::map<std::string, Register> out;
  std::string last;
  // Only S and D are read: they do not depend on the minimum weight gain.
  const auto rows = growth::Skdn(w, growth::MinimumGain{});
  for (const growth::SkdnRow& r : rows) last = std::max(last, r.bulan);
  for (const growth::SkdnRow& r : rows) {
    Register& g = out[r.posyandu];
    if (r.bulan == last) {
      g = {r.bulan, r.s, r.d};
    } else if (r.bulan > g.bulan || g.bulan.empty()) {
      g = {r.bulan, r.s, 0};
    }
  }
  for (auto& [key, g] : out) {
    if (g.bulan != last) g = {last, g.s, 0};
  }
  return out;
}

struct Row {
  std::string indikator, uraian;
  std::optional<double> nilai;
  std::string satuan;
  std::optional<double> pembilang, penyebut;
  std::string periode, sumber, jenis, catatan;
};

std::string Span(const std::optional<Date>& from, const std::optional<Date>& to) {
  if (!from && !to) return "semua data";
  return (from ? from->Iso() : std::string("..")) + " s.d. " + (to ? to->Iso() : std::string(".."));
}

}  // namespace

std::expected<report::Table, Error> TppsBoard(const store::Workspace& ws, std::optional<Date> from,
                                              std::optional<Date> to) {
  const auto criteria = LoadUhcCriteria(ws);
  if (!criteria) return std::unexpected(criteria.error());
  std::vector<Row> rows;
  const std::vector<GrowthRecord> records = ws.GrowthRecords();
  const std::string eppgbm = "e-PPGBM (ruang kerja)";

  // Growth monitored: D/S of the kabupaten in the last month weighed.
  const auto reg = RegisterAtLastMonth(
      Weighings(records, from, to, [](const GrowthRecord&) { return std::string("kabupaten"); }));
  if (const auto it = reg.find("kabupaten"); it != reg.end() && it->second.s > 0) {
    rows.push_back({"balita_dipantau_pertumbuhan", "Balita yang ditimbang (D/S) di posyandu",
                    100.0 * it->second.d / it->second.s, "persen", double(it->second.d),
                    double(it->second.s), it->second.bulan, eppgbm, "dihitung",
                    "S: balita yang dikenal posyandu; D: yang ditimbang bulan itu"});
  } else {
    rows.push_back({"balita_dipantau_pertumbuhan",
                    "Balita yang ditimbang (D/S) di posyandu",
                    {},
                    "persen",
                    {},
                    {},
                    "",
                    eppgbm,
                    "tidak_ada_data",
                    "belum ada penimbangan di ruang kerja (jangkau import growth)"});
  }

  // Severe and moderate wasting found among the children measured (their treatment is not in
  // e-PPGBM: said so, not filled in).
  int buruk = 0;
  int kurang = 0;
  int with_status = 0;
  const growth::Standards& who = growth::WhoStandards();
  for (const GrowthRecord& r : LatestPerChild(records, from, to)) {
    const auto status =
        growth::WeightForHeightStatus(growth::Compute(who, ToMeasurement(r)), r.oedema);
    if (!status) continue;
    ++with_status;
    buruk += *status == growth::NutritionStatus::kGiziBuruk ? 1 : 0;
    kurang += *status == growth::NutritionStatus::kGiziKurang ? 1 : 0;
  }
  for (auto [key, text, count] :
       {std::tuple{"gizi_buruk_ditemukan", "Balita gizi buruk (BB/TB < -3 SD atau edema)", buruk},
        std::tuple{"gizi_kurang_ditemukan", "Balita gizi kurang (BB/TB -3 s.d. < -2 SD)",
                   kurang}}) {
    rows.push_back(
        {key, text, with_status > 0 ? std::optional(100.0 * count / with_status) : std::nullopt,
         "persen", double(count), double(with_status), Span(from, to), eppgbm,
         with_status > 0 ? "dihitung" : "tidak_ada_data", "pengukuran terakhir tiap anak"});
  }
  rows.push_back({"gizi_buruk_ditangani",
                  "Balita gizi buruk yang mendapat tata laksana",
                  {},
                  "persen",
                  {},
                  double(buruk),
                  "",
                  "laporan program gizi",
                  "tidak_ada_data",
                  "tata laksana tidak tercatat di e-PPGBM; penyebut = gizi buruk yang ditemukan"});

  // Sanitation and household water (STBM, each desa's latest figures).
  const std::map<std::string, StbmDesa> latest = LatestStbm(ws);
  int64_t kk_access = 0;
  int64_t access = 0;
  int64_t kk_water = 0;
  int64_t water = 0;
  int sbs = 0;
  int verified = 0;
  Date newest;
  for (const auto& [kode, d] : latest) {
    if (d.kk_jsp || d.kk_jssp) {
      kk_access += d.kk;
      access += d.kk_jsp.value_or(0) + d.kk_jssp.value_or(0);
    }
    if (d.kk_pammrt) {
      kk_water += d.kk;
      water += *d.kk_pammrt;
    }
    sbs += d.sbs_deklarasi ? 1 : 0;
    verified += d.sbs_verifikasi ? 1 : 0;
    newest = std::max(newest, d.tanggal);
  }
  const std::string stbm = "e-Monev STBM (impor)";
  const std::string stbm_period = latest.empty() ? "" : "s.d. " + newest.Iso();
  auto share = [](int64_t part, int64_t whole) {
    return whole > 0 ? std::optional(100.0 * static_cast<double>(part) / static_cast<double>(whole))
                     : std::nullopt;
  };
  rows.push_back({"rumah_tangga_sanitasi", "Rumah tangga dengan jamban sehat (JSP + JSSP)",
                  share(access, kk_access), "persen", double(access), double(kk_access),
                  stbm_period, stbm, kk_access > 0 ? "proksi" : "tidak_ada_data",
                  "kategori e-Monev STBM, bukan definisi sanitasi layak BPS"});
  rows.push_back({"rumah_tangga_air_minum", "Rumah tangga menerapkan PAMM-RT (pilar 3 STBM)",
                  share(water, kk_water), "persen", double(water), double(kk_water), stbm_period,
                  stbm, kk_water > 0 ? "proksi" : "tidak_ada_data",
                  "pengelolaan air minum rumah tangga, bukan akses air minum layak"});
  int desa_total = 0;
  for (const Region& r : ws.Regions(false)) desa_total += r.level == RegionLevel::kDesa ? 1 : 0;
  rows.push_back({"desa_sbs", "Desa/kelurahan Stop BABS (deklarasi)", share(sbs, desa_total),
                  "persen", double(sbs), double(desa_total), stbm_period, stbm,
                  latest.empty() ? "tidak_ada_data" : "dihitung",
                  fmt::format("{} desa berdata dari {}; {} terverifikasi", latest.size(),
                              desa_total, verified)});

  // Published sanitation figures of the kabupaten and its province (data/reference/
  // stbm_publikasi.csv: press figures, not verified), beside the computed ones, never blended.
  std::string kabupaten;
  for (const Region& r : ws.Regions(false)) {
    if (r.level == RegionLevel::kKabupaten) kabupaten = r.kode;
  }
  const auto published = ParseCsvText(embedded::StbmPublikasiCsv());
  for (std::size_t i = 1; i < published.size(); ++i) {
    const auto& c = published[i];
    if (c.size() < 8 || (c[0] != kabupaten && c[0] != ParentCode(kabupaten))) continue;
    rows.push_back({c[2] + "_dilaporkan",
                    c[3],
                    c[4].empty() ? std::nullopt : std::optional(std::stod(c[4])),
                    c[5],
                    {},
                    {},
                    c[1],
                    c[6],
                    "dilaporkan",
                    c[7]});
  }

  // JKN: the kabupaten's latest record.
  const std::vector<JknRecord> jkn = ws.Jkn();
  const JknRecord* last = nullptr;
  for (const JknRecord& r : jkn) {
    const auto level = LevelOfCode(r.kode_wilayah);
    if (level == RegionLevel::kKabupaten && (last == nullptr || last->tanggal < r.tanggal))
      last = &r;
  }
  if (last != nullptr) {
    const programmes::JknFigures f = programmes::Figures(*last);
    const programmes::UhcDecision d =
        programmes::Category(*criteria, f, last->uhc_prioritas, last->iuran_pemda_lunas);
    const std::string src = last->sumber.empty() ? "BPJS Kesehatan (impor)" : last->sumber;
    rows.push_back({"cakupan_pbi_jkn", "Penduduk terdaftar PBI-JK", f.pbi, "persen",
                    last->pbi_jk ? std::optional(double(*last->pbi_jk)) : std::nullopt,
                    last->penduduk ? std::optional(double(*last->penduduk)) : std::nullopt,
                    last->tanggal.Iso(), src, f.pbi ? "dihitung" : "tidak_ada_data",
                    f.pbi ? "" : "segmen PBI-JK atau penduduk tidak ada"});
    rows.push_back(
        {"cakupan_jkn", "Cakupan kepesertaan JKN", f.cakupan, "persen",
         f.peserta ? std::optional(double(*f.peserta)) : std::nullopt,
         last->penduduk ? std::optional(double(*last->penduduk)) : std::nullopt,
         last->tanggal.Iso(), src, f.cakupan_dihitung ? "dihitung" : "dilaporkan",
         "kategori UHC: " + (d.kategori.empty() ? std::string("tidak ada") : d.kategori) +
             (f.cakupan_lebih_100 ? "; lebih dari 100% (tidak dipotong)" : "")});
  } else {
    rows.push_back({"cakupan_pbi_jkn",
                    "Penduduk terdaftar PBI-JK",
                    {},
                    "persen",
                    {},
                    {},
                    "",
                    "BPJS Kesehatan",
                    "tidak_ada_data",
                    "jangkau import jkn"});
  }

  // Stunting, routine and survey, each the latest year: side by side, never blended.
  const StuntingSources sources = StuntingBySource(ws);
  std::map<std::string, const std::vector<report::Cell>*> newest_of;  // jenis -> row
  for (const auto& r : sources.table.rows) {
    const std::string jenis = std::get<std::string>(r[2]);
    newest_of[jenis] = &r;  // rows are by year
  }
  for (const char* jenis : {"rutin", "survei"}) {
    const auto it = newest_of.find(jenis);
    if (it == newest_of.end()) continue;
    const auto& r = *it->second;
    const double persen = std::get<double>(r[3]);
    rows.push_back({std::string("stunting_") + jenis,
                    std::string("Prevalensi stunting (") + jenis + ")",
                    persen,
                    "persen",
                    {},
                    std::holds_alternative<double>(r[6]) ? std::optional(std::get<double>(r[6]))
                                                         : std::nullopt,
                    std::to_string(std::get<int64_t>(r[0])),
                    std::get<std::string>(r[1]),
                    std::get<std::string>(r[8]) == "dihitung" ? "dihitung" : "dilaporkan",
                    std::get<std::string>(r[8])});
  }

  // Germas: items carried out of the checklist.
  const report::Table germas = GermasTable(ws);
  int done = 0;
  int reported = 0;
  for (const auto& r : germas.rows) {
    const std::string status = std::get<std::string>(r[4]);
    done += status == "ya" ? 1 : 0;
    reported += status != "belum diisi" ? 1 : 0;
  }
  rows.push_back({"germas", "Butir kebijakan Germas terlaksana",
                  germas.rows.empty() ? std::nullopt
                                      : std::optional(100.0 * done / double(germas.rows.size())),
                  "persen", double(done), double(germas.rows.size()), "", "daftar periksa Germas",
                  reported > 0 ? "dilaporkan" : "tidak_ada_data",
                  fmt::format("{} dari {} butir diisi", reported, germas.rows.size())});

  report::Table t{"papan_tpps",
                  {"indikator", "uraian", "nilai", "satuan", "pembilang", "penyebut", "periode",
                   "sumber", "jenis", "catatan"}};
  for (const Row& r : rows) {
    t.rows.push_back({r.indikator, r.uraian, Opt(r.nilai), r.satuan, Opt(r.pembilang),
                      Opt(r.penyebut), r.periode, r.sumber, r.jenis, r.catatan});
  }
  t.note =
      "indikator Perpres 72/2021 Lampiran A yang dapat dihitung dari data ruang kerja; "
      "'proksi' bukan definisi resmi; 'tidak_ada_data' tidak diisi";
  return t;
}

AccessComparison AgainstAccess(const store::Workspace& ws, const ProgrammeOptions& options) {
  ProgrammeOptions o = options;
  if (o.by != ProgrammeLevel::kDesa && o.by != ProgrammeLevel::kPosyandu) {
    o.by = ProgrammeLevel::kKecamatan;
  }
  const std::vector<GrowthRecord> records = ws.GrowthRecords();
  const auto reg = RegisterAtLastMonth(
      Weighings(records, o.from, o.to, [&o](const GrowthRecord& r) { return AreaKey(r, o.by); }));
  // Stunting and children measured per group (GrowthByArea's keys are AreaKey's).
  const report::Table growth = GrowthByArea(ws, o);
  auto column = [&growth](const char* name) {
    return static_cast<std::size_t>(std::find(growth.columns.begin(), growth.columns.end(), name) -
                                    growth.columns.begin());
  };
  const std::size_t c_nama = column("nama");
  const std::size_t c_anak = column("anak");
  const std::size_t c_stunt = column("stunting_persen");
  const std::size_t c_small = column("n_kurang_30");
  std::map<std::string, const std::vector<report::Cell>*> by_key;
  for (const auto& r : growth.rows) by_key[std::get<std::string>(r[0])] = &r;

  // Minutes: the desa's (posyandu: its desa's) or the kecamatan's.
  std::map<std::string, double> minutes;
  const RegionLevel level =
      o.by == ProgrammeLevel::kKecamatan ? RegionLevel::kKecamatan : RegionLevel::kDesa;
  for (const RegionMapRow& row : RegionsForMap(ws, level)) {
    if (row.reach && row.reach->rata_menit) minutes[row.region.kode] = *row.reach->rata_menit;
  }
  const report::Table stbm =
      StbmTable(ws, o.by == ProgrammeLevel::kKecamatan ? o.by : ProgrammeLevel::kDesa);
  std::map<std::string, report::Cell> sanitation;
  for (const auto& r : stbm.rows) {
    sanitation[std::get<std::string>(r[0])] = o.by == ProgrammeLevel::kKecamatan ? r[6] : r[3];
  }

  struct Out {
    std::vector<report::Cell> cells;
    std::optional<double> ds, menit;
  };
  std::vector<Out> out;
  for (const auto& [key, g] : reg) {
    const std::string place =
        o.by == ProgrammeLevel::kPosyandu ? key.substr(0, key.find('/')) : key;
    const auto m = minutes.find(place);
    const std::optional<double> menit =
        m != minutes.end() ? std::optional(m->second) : std::nullopt;
    const std::optional<double> ds = g.s > 0 ? std::optional(100.0 * g.d / g.s) : std::nullopt;
    const auto* gr = by_key.contains(key) ? by_key[key] : nullptr;
    Out row;
    row.ds = ds;
    row.menit = menit;
    row.cells = {key,
                 gr != nullptr ? (*gr)[c_nama] : report::Cell{},
                 Opt(menit),
                 g.bulan,
                 int64_t{g.s},
                 int64_t{g.d},
                 Opt(ds),
                 gr != nullptr ? (*gr)[c_anak] : report::Cell{},
                 gr != nullptr ? (*gr)[c_stunt] : report::Cell{},
                 gr != nullptr ? (*gr)[c_small] : report::Cell{},
                 sanitation.contains(place) ? sanitation[place] : report::Cell{}};
    out.push_back(std::move(row));
  }
  // The least weighed first; among equals the farthest first; unknown minutes last.
  std::stable_sort(out.begin(), out.end(), [](const Out& a, const Out& b) {
    const double da = a.ds.value_or(1e9);
    const double db = b.ds.value_or(1e9);
    if (da != db) return da < db;
    return a.menit.value_or(-1) > b.menit.value_or(-1);
  });
  AccessComparison result;
  result.table =
      report::Table{"program_dan_akses",
                    {"kelompok", "nama", "menit_puskesmas", "bulan", "s", "d", "persen_d_s",
                     "anak_diukur", "stunting_persen", "n_kurang_30",
                     o.by == ProgrammeLevel::kKecamatan ? "persen_desa_sbs" : "status_stbm"}};
  std::vector<double> xs;
  std::vector<double> ys;
  for (Out& r : out) {
    if (r.ds && r.menit) {
      xs.push_back(*r.menit);
      ys.push_back(*r.ds);
    }
    result.table.rows.push_back(std::move(r.cells));
  }
  result.spearman_menit_ds = programmes::Spearman(xs, ys);
  result.n = static_cast<int>(xs.size());
  result.table.note =
      "D/S pada bulan penimbangan terakhir; menit: rata-rata waktu tempuh penduduk "
      "ke puskesmas (access run terakhir)";
  return result;
}

std::vector<report::GeoFeature> ProgrammesMap(const store::Workspace& ws,
                                              const ProgrammeOptions& options) {
  ProgrammeOptions o = options;
  o.by = ProgrammeLevel::kDesa;
  o.breakdown = false;  // one row per desa: all its children
  // Keyed by desa code: the figures of each source.
  std::map<std::string, nlohmann::json> props;
  auto take = [&props](const report::Table& t, std::initializer_list<const char*> columns) {
    std::vector<std::size_t> at;
    for (const char* c : columns) {
      at.push_back(static_cast<std::size_t>(std::find(t.columns.begin(), t.columns.end(), c) -
                                            t.columns.begin()));
    }
    for (const auto& row : t.rows) {
      nlohmann::json& p = props[report::CellText(row[0])];
      std::size_t k = 0;
      for (const char* c : columns) {
        const report::Cell& cell = row[at[k++]];
        if (std::holds_alternative<double>(cell)) {
          p[c] = std::get<double>(cell);
        } else if (std::holds_alternative<int64_t>(cell)) {
          p[c] = std::get<int64_t>(cell);
        } else if (std::holds_alternative<bool>(cell)) {
          p[c] = std::get<bool>(cell);
        } else if (std::holds_alternative<std::string>(cell)) {
          p[c] = std::get<std::string>(cell);
        }
      }
    }
  };
  take(GrowthByArea(ws, o), {"anak", "stunting_persen", "n_kurang_30"});
  take(AgainstAccess(ws, o).table, {"persen_d_s", "s", "d", "bulan"});
  take(StbmTable(ws, ProgrammeLevel::kDesa), {"status", "status_kode"});
  std::vector<report::GeoFeature> features;
  for (RegionMapRow& row : RegionsForMap(ws, RegionLevel::kDesa)) {
    if (row.region.geometry_wkb.empty()) continue;
    nlohmann::json p = props[row.region.kode];
    p["kode"] = row.region.kode;
    p["nama"] = row.region.nama;
    p["menit_puskesmas"] = row.reach && row.reach->rata_menit
                               ? nlohmann::json(*row.reach->rata_menit)
                               : nlohmann::json(nullptr);
    features.push_back({std::move(row.region.geometry_wkb), std::move(p)});
  }
  return features;
}

report::Table ProgrammesMapTable(const store::Workspace& ws, const ProgrammeOptions& options) {
  report::Table t{"program_desa",
                  {"kode", "nama", "menit_puskesmas", "anak", "stunting_persen", "n_kurang_30",
                   "bulan", "s", "d", "persen_d_s", "status", "status_kode"}};
  for (report::GeoFeature& f : ProgrammesMap(ws, options)) {
    std::vector<report::Cell> row;
    for (const std::string& c : t.columns) {
      const nlohmann::json& v = f.properties.contains(c) ? f.properties[c] : nlohmann::json();
      if (v.is_boolean()) {
        row.emplace_back(v.get<bool>());
      } else if (v.is_number_integer()) {
        row.emplace_back(v.get<int64_t>());
      } else if (v.is_number()) {
        row.emplace_back(v.get<double>());
      } else if (v.is_string()) {
        row.emplace_back(v.get<std::string>());
      } else {
        row.emplace_back();
      }
    }
    t.rows.push_back(std::move(row));
    t.geometry_wkb.push_back(std::move(f.geometry_wkb));
  }
  return t;
}

}  // namespace jangkau::app
