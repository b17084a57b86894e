#include "app/access_service.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "access/solver.h"
#include "app/access_model.h"
#include "app/reference_tables.h"
#include "ingest/layers.h"
#include "report/polygonize.h"
#include "report/raster_writer.h"
#include "report/table.h"

namespace jangkau::app {
namespace {

// Routes between puskesmas are searched up to this many minutes (longer moves of staff are
// not proposed).

}  // namespace

std::expected<access::TravelScenario, Error> LoadTravelScenario(const store::Workspace& ws) {
  auto rows = LoadTravelClasses(ws);
  if (!rows) return std::unexpected(rows.error());
  access::TravelScenario s;
  for (const auto& r : *rows) {
    if (r.moda == "transfer") {
      if (r.kelas == "naik_perahu") s.board_minutes = r.minutes;
      if (r.kelas == "turun_perahu") s.land_minutes = r.minutes;
      continue;
    }
    s.classes.push_back({r.kelas, r.moda, r.speed_kmh});
  }
  return s;
}

report::Table AccessRegionsTable(const std::vector<std::pair<std::string, RegionAccess>>& rows,
                                 const std::map<std::string, std::string>& names,
                                 bool roads_approximated) {
  report::Table t{
      "akses_desa",
      {"kode_wilayah", "nama", "tingkat", "tujuan", "penduduk", "rata_menit", "persen_30",
       "persen_60", "persen_120", "penduduk_lebih_60", "penduduk_lebih_120", "jalan_perkiraan"}};
  for (const auto& [target, r] : rows) {
    const auto lvl = LevelOfCode(r.kode_wilayah);
    auto pct = [&](double v) {
      return r.penduduk > 0 ? report::Cell{100 * r.Share(v)} : report::Cell{};
    };
    auto beyond = [&](double v) { return std::max(0.0, r.penduduk - v); };
    const auto name = names.find(r.kode_wilayah);
    t.rows.push_back({r.kode_wilayah, name != names.end() ? name->second : std::string(),
                      std::string(lvl ? LevelKey(*lvl) : ""), target, r.penduduk,
                      r.rata_menit ? report::Cell{*r.rata_menit} : report::Cell{}, pct(r.dalam_30),
                      pct(r.dalam_60), pct(r.dalam_120), beyond(r.dalam_60), beyond(r.dalam_120),
                      roads_approximated});
  }
  return t;
}

std::expected<AccessRunReport, Error> RunAccess(
    store::Workspace& ws, const AccessRunOptions& options, const std::string& user,
    const std::function<void(int, int, const std::string&)>& progress) {
  const auto start = std::chrono::steady_clock::now();
  constexpr int kSteps = 6;
  auto step = [&](int n, const std::string& what) {
    if (progress) progress(n, kSteps, what);
  };
  AccessRunReport report;
  step(1, "wilayah, lapisan dan friksi / regions, layers and friction");
  auto built =
      BuildAccessModel(ws, {options.resolution_m, options.snap_m, options.neighbours}, nullptr);
  if (!built) return std::unexpected(built.error());
  const AccessModel& model = *built;
  report.spec = model.spec;
  report.roads_approximated = model.roads_approximated;
  report.layers_used = model.layers_used;
  report.region_names = model.region_names;
  report.warnings = model.warnings;

  step(2, "waktu tempuh / travel time");
  access::SolverScratch scratch;
  std::map<std::string, TargetTimes> times;
  for (const std::string& target : kAccessTargets) {
    times[target] = SolveTarget(model, target, scratch);
  }

  step(3, "jangkauan per wilayah / reach per region");
  for (const std::string& target : kAccessTargets) {
    report.regions[target] = ReachByRegion(model, times[target]);
  }

  step(4, "waktu antar-puskesmas / travel between puskesmas");
  report.routes = PuskesmasRoutes(model, kRouteBoundMinutes);
  // Remoteness: minutes to the nearest other puskesmas.
  std::map<std::string, units::Minutes> to_other;
  for (const FacilityRoute& r : report.routes) {
    auto [it, fresh] = to_other.try_emplace(r.from, r.minutes);
    if (!fresh) it->second = std::min(it->second, r.minutes);
  }

  step(5, "fasyankes dan rujukan / facilities and referral");
  const std::map<std::string, double> nearest_people = NearestPopulation(model, times["puskesmas"]);
  for (const Facility& f : model.facilities) {
    auto cell = model.cell_of.find(f.kode);
    if (cell == model.cell_of.end()) continue;
    FacilityAccess a;
    a.kode_faskes = f.kode;
    if (auto p = nearest_people.find(f.kode); p != nearest_people.end()) {
      a.penduduk_terdekat = units::People(p->second);
    }
    a.menit_ke_rs =
        units::FromEngine(times["rs"].times.Best(cell->second.first, cell->second.second));
    if (auto o = to_other.find(f.kode); o != to_other.end()) a.menit_ke_fasyankes_lain = o->second;
    report.facilities.push_back(a);
  }

  step(6, "menyimpan / storing");
  store::Workspace::AccessResults stored{options.scenario, {}, report.facilities, report.routes};
  for (const auto& [target, list] : report.regions) {
    for (const auto& r : list) stored.regions.emplace_back(target, r);
  }
  if (auto s = ws.StoreAccessResults(stored, user); !s) return std::unexpected(s.error());

  if (!options.out_dir.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(options.out_dir, ec);
    for (const std::string& target : kAccessTargets) {
      const std::string tpath = options.out_dir + "/waktu_" + target + ".tif";
      const std::string npath = options.out_dir + "/terdekat_" + target + ".tif";
      auto w = report::WriteTravelTimes(tpath, npath, model.spec, times[target].times, -1);
      if (!w) return std::unexpected(w.error());
      report.files.push_back(tpath);
      report.files.push_back(npath);
    }
    std::vector<std::pair<std::string, RegionAccess>> all;
    for (const auto& [target, list] : report.regions) {
      for (const auto& r : list) all.emplace_back(target, r);
    }
    const report::Table desa_table =
        AccessRegionsTable(all, report.region_names, report.roads_approximated);
    const std::string csv = options.out_dir + "/akses_wilayah.csv";
    if (auto w = report::WriteCsvFile(desa_table, csv); !w) return std::unexpected(w.error());
    report.files.push_back(csv);
    // Villages with their boundaries and reach to a puskesmas, for QGIS.
    report::Table gpkg{"desa_akses_puskesmas",
                       {"kode_wilayah", "nama", "penduduk", "rata_menit", "persen_30", "persen_60",
                        "persen_120", "jalan_perkiraan"}};
    std::map<std::string, const RegionAccess*> by_code;
    for (const auto& r : report.regions["puskesmas"]) by_code[r.kode_wilayah] = &r;
    for (const AccessModel::Village& v : model.villages) {
      const AccessModel::Village* d = &v;
      const RegionAccess* r = by_code[d->kode];
      auto pct = [&](double v) {
        return r->penduduk > 0 ? report::Cell{100 * r->Share(v)} : report::Cell{};
      };
      gpkg.rows.push_back({d->kode, d->nama, r->penduduk,
                           r->rata_menit ? report::Cell{*r->rata_menit} : report::Cell{},
                           pct(r->dalam_30), pct(r->dalam_60), pct(r->dalam_120),
                           report.roads_approximated});
      gpkg.geometry_wkb.push_back(d->geometry_wkb);
    }
    const std::string gpath = options.out_dir + "/akses_desa.gpkg";
    if (auto w = report::WriteVectorFile(gpkg, gpath, "GPKG"); !w)
      return std::unexpected(w.error());
    report.files.push_back(gpath);
    // Catchments: the area whose nearest puskesmas (by travel time) is each one.
    report::Table catchments{"wilayah_layanan_puskesmas", {"kode_faskes", "nama_faskes"}};
    const auto& tp = times["puskesmas"].times;
    const auto& puskesmas = times["puskesmas"].sources;
    for (const auto& [index, wkb] : report::Polygonize(model.spec, -1, [&](int r, int32_t*row) {
           for (int c = 0; c < model.spec.cols; ++c) row[c] = tp.BestNearest(r, c);
         })) {
      if (index < 0 || static_cast<std::size_t>(index) >= puskesmas.size()) continue;
      const Facility* f = puskesmas[static_cast<std::size_t>(index)];
      catchments.rows.push_back({f->kode, f->nama});
      catchments.geometry_wkb.push_back(wkb);
    }
    const std::string cpath = options.out_dir + "/wilayah_layanan_puskesmas.gpkg";
    if (auto w = report::WriteVectorFile(catchments, cpath, "GPKG"); !w) {
      return std::unexpected(w.error());
    }
    report.files.push_back(cpath);
    // Referral: each puskesmas to the nearest hospital.
    report::Table rujukan{"rujukan",
                          {"kode_faskes", "nama_faskes", "rs_terdekat", "nama_rs", "menit"}};
    for (const Facility& f : model.facilities) {
      auto cell = model.cell_of.find(f.kode);
      if (f.type != FacilityType::kPuskesmas || cell == model.cell_of.end()) continue;
      const auto& t = times["rs"].times;
      const int32_t who = t.BestNearest(cell->second.first, cell->second.second);
      const float minutes = t.Best(cell->second.first, cell->second.second);
      const Facility* rs = who >= 0 ? times["rs"].sources[static_cast<std::size_t>(who)] : nullptr;
      rujukan.rows.push_back(
          {f.kode, f.nama, rs ? report::Cell{rs->kode} : report::Cell{},
           rs ? report::Cell{rs->nama} : report::Cell{},
           std::isfinite(minutes) ? report::Cell{static_cast<double>(minutes)} : report::Cell{}});
    }
    const std::string rpath = options.out_dir + "/rujukan_puskesmas_rs.csv";
    if (auto w = report::WriteCsvFile(rujukan, rpath); !w) return std::unexpected(w.error());
    report.files.push_back(rpath);
    // Per facility, as stored: people nearest, minutes to a hospital and to the nearest other
    // puskesmas (the remoteness the staffing proposal uses).
    const std::string fpath = options.out_dir + "/akses_fasyankes.csv";
    auto table = AccessFacilitiesTable(ws, options.scenario);
    if (auto w = report::WriteCsvFile(table, fpath); !w) return std::unexpected(w.error());
    report.files.push_back(fpath);
  }
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

report::Table AccessFacilitiesTable(const store::Workspace& ws, const std::string& scenario) {
  std::map<std::string, std::string> names;
  for (const Facility& f : ws.Facilities()) names[f.kode] = f.nama;
  report::Table t{"akses_fasyankes",
                  {"kode_faskes", "nama_faskes", "penduduk_terdekat", "menit_ke_rs",
                   "menit_ke_fasyankes_lain"}};
  for (const FacilityAccess& f : ws.AccessFacilities(scenario)) {
    t.rows.push_back({f.kode_faskes, names[f.kode_faskes], report::Num(f.penduduk_terdekat),
                      report::Num(f.menit_ke_rs), report::Num(f.menit_ke_fasyankes_lain)});
  }
  return t;
}

}  // namespace jangkau::app
