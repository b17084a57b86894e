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
  const int kSteps = 4 + static_cast<int>(kAccessTargets.size());
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

  // One destination at a time: its travel times are reduced to what the run keeps (reach per
  // region, rasters, catchments, referral) and freed before the next is solved, so that the
  // run holds one grid of times, not three.
  access::SolverScratch scratch;
  std::map<std::string, double> nearest_people;  // per puskesmas
  std::map<std::string, float> to_hospital;      // per facility placed: minutes
  report::Table catchments{"wilayah_layanan_puskesmas", {"kode_faskes", "nama_faskes"}};
  report::Table rujukan{"rujukan",
                        {"kode_faskes", "nama_faskes", "rs_terdekat", "nama_rs", "menit"}};
  const bool files = !options.out_dir.empty();
  if (files) {
    std::error_code ec;
    std::filesystem::create_directories(options.out_dir, ec);
  }
  for (std::size_t k = 0; k < kAccessTargets.size(); ++k) {
    const std::string& target = kAccessTargets[k];
    step(2 + static_cast<int>(k),
         fmt::format("waktu tempuh dan jangkauan / travel time and reach: {}", target));
    const TargetTimes t = SolveTarget(model, target, scratch);
    report.regions[target] = ReachByRegion(model, t);
    if (files) {
      const std::string tpath = options.out_dir + "/waktu_" + target + ".tif";
      const std::string npath = options.out_dir + "/terdekat_" + target + ".tif";
      auto w = report::WriteTravelTimes(tpath, npath, model.spec, t.times, -1);
      if (!w) return std::unexpected(w.error());
      report.files.push_back(tpath);
      report.files.push_back(npath);
    }
    if (target == "puskesmas") {
      nearest_people = NearestPopulation(model, t);
      // Catchments: the area whose nearest puskesmas (by travel time) is each one.
      if (files) {
        for (const auto& [index, wkb] : report::Polygonize(model.spec, -1, [&](int r, int32_t*row) {
               for (int c = 0; c < model.spec.cols; ++c) row[c] = t.times.BestNearest(r, c);
             })) {
          if (index < 0 || static_cast<std::size_t>(index) >= t.sources.size()) continue;
          const Facility* f = t.sources[static_cast<std::size_t>(index)];
          catchments.rows.push_back({f->kode, f->nama});
          catchments.geometry_wkb.push_back(wkb);
        }
      }
    }
    if (target == "rs") {
      // Referral: minutes from each facility to the nearest hospital, and which one.
      for (const Facility& f : model.facilities) {
        auto cell = model.cell_of.find(f.kode);
        if (cell == model.cell_of.end()) continue;
        const auto [row, col] = cell->second;
        const float minutes = t.times.Best(row, col);
        to_hospital[f.kode] = minutes;
        if (f.type != FacilityType::kPuskesmas) continue;
        const int32_t who = t.times.BestNearest(row, col);
        const Facility* rs = who >= 0 ? t.sources[static_cast<std::size_t>(who)] : nullptr;
        rujukan.rows.push_back(
            {f.kode, f.nama, rs ? report::Cell{rs->kode} : report::Cell{},
             rs ? report::Cell{rs->nama} : report::Cell{},
             std::isfinite(minutes) ? report::Cell{static_cast<double>(minutes)} : report::Cell{}});
      }
    }
  }

  const int solved = 1 + static_cast<int>(kAccessTargets.size());
  step(solved + 1, "waktu antar-puskesmas / travel between puskesmas");
  report.routes = PuskesmasRoutes(model, kRouteBoundMinutes);
  // Remoteness: minutes to the nearest other puskesmas.
  std::map<std::string, units::Minutes> to_other;
  for (const FacilityRoute& r : report.routes) {
    auto [it, fresh] = to_other.try_emplace(r.from, r.minutes);
    if (!fresh) it->second = std::min(it->second, r.minutes);
  }

  step(solved + 2, "fasyankes dan rujukan / facilities and referral");
  for (const Facility& f : model.facilities) {
    const auto hospital = to_hospital.find(f.kode);
    if (hospital == to_hospital.end()) continue;
    FacilityAccess a;
    a.kode_faskes = f.kode;
    if (auto p = nearest_people.find(f.kode); p != nearest_people.end()) {
      a.penduduk_terdekat = units::People(p->second);
    }
    a.menit_ke_rs = units::FromEngine(hospital->second);
    if (auto o = to_other.find(f.kode); o != to_other.end()) a.menit_ke_fasyankes_lain = o->second;
    report.facilities.push_back(a);
  }

  step(solved + 3, "menyimpan / storing");
  store::Workspace::AccessResults stored{options.scenario, {}, report.facilities, report.routes};
  for (const auto& [target, list] : report.regions) {
    for (const auto& r : list) stored.regions.emplace_back(target, r);
  }
  if (auto s = ws.StoreAccessResults(stored, user); !s) return std::unexpected(s.error());

  if (files) {
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
    const std::string cpath = options.out_dir + "/wilayah_layanan_puskesmas.gpkg";
    if (auto w = report::WriteVectorFile(catchments, cpath, "GPKG"); !w) {
      return std::unexpected(w.error());
    }
    report.files.push_back(cpath);
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

report::Table AccessFacilitiesTable(const store::Workspace& ws, const std::string& scenario,
                                    const std::optional<std::set<std::string>>& only) {
  std::map<std::string, std::string> names;
  for (const Facility& f : ws.Facilities()) names[f.kode] = f.nama;
  report::Table t{"akses_fasyankes",
                  {"kode_faskes", "nama_faskes", "penduduk_terdekat", "menit_ke_rs",
                   "menit_ke_fasyankes_lain"}};
  for (const FacilityAccess& f : ws.AccessFacilities(scenario)) {
    if (only && !only->contains(f.kode_faskes)) continue;
    t.rows.push_back({f.kode_faskes, names[f.kode_faskes], report::Num(f.penduduk_terdekat),
                      report::Num(f.menit_ke_rs), report::Num(f.menit_ke_fasyankes_lain)});
  }
  return t;
}

}  // namespace jangkau::app
