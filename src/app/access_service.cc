#include "app/access_service.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "access/coverage.h"
#include "access/snap.h"
#include "access/solver.h"
#include "app/reference_tables.h"
#include "ingest/layers.h"
#include "report/polygonize.h"
#include "report/raster_writer.h"
#include "report/table.h"

namespace jangkau::app {
namespace {

constexpr double kBufferM = 5000;

std::vector<uint8_t> ToMask(const std::vector<float>& v) {
  std::vector<uint8_t> out(v.size());
  for (std::size_t i = 0; i < v.size(); ++i) out[i] = v[i] > 0 ? 1 : 0;
  return out;
}

std::vector<std::string> Wkbs(const std::vector<MapFeature>& features) {
  std::vector<std::string> out;
  out.reserve(features.size());
  for (const auto& f : features) out.push_back(f.geometry_wkb);
  return out;
}

bool IsTarget(const Facility& f, const std::string& target) {
  if (f.status != FacilityStatus::kBuka || !f.lon || !f.lat) return false;
  if (target == "puskesmas") return f.type == FacilityType::kPuskesmas;
  if (target == "fktp") return IsFktp(f.type);
  return IsHospital(f.type);
}

RegionAccess ToRegion(const std::string& kode, const access::ZoneAccess& z) {
  RegionAccess r;
  r.kode_wilayah = kode;
  r.penduduk = z.population;
  r.terjangkau = z.reachable;
  if (z.reachable > 0) r.rata_menit = z.MeanMinutes();
  r.dalam_30 = z.within[0];
  r.dalam_60 = z.within[1];
  r.dalam_120 = z.within[2];
  return r;
}

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
                      std::string(roads_approximated ? "ya" : "tidak")});
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
  auto scenario = LoadTravelScenario(ws);
  if (!scenario) return std::unexpected(scenario.error());

  step(1, "wilayah dan lapisan / regions and layers");
  const std::vector<Region> regions = ws.Regions();
  std::vector<const Region*> desa;
  std::vector<std::string> boundaries;
  for (const Region& r : regions) {
    report.region_names[r.kode] = r.nama;
    if (r.level == RegionLevel::kDesa && !r.geometry_wkb.empty()) {
      desa.push_back(&r);
      boundaries.push_back(r.geometry_wkb);
    }
  }
  auto spec = ingest::DistrictGrid(boundaries, options.resolution_m, kBufferM);
  if (!spec) return std::unexpected(spec.error());
  report.spec = *spec;
  std::map<std::string, double> population;
  for (const auto& [kode, p] : LatestPopulation(ws.Population())) {
    population[kode] = static_cast<double>(p.penduduk);
  }
  std::map<std::string, double> road_distance;
  for (const RegionIndicator& i : ws.Indicators()) {
    if (i.indikator == "jarak_jalan_m") road_distance[i.kode_wilayah] = i.nilai;
  }

  step(2, "friksi / friction");
  access::FrictionInputs in;
  in.spec = *spec;
  const int no_road = scenario->ClassIndex("tanpa_jalan");
  const auto roads = ws.Layer("roads");
  std::vector<float> classes;
  if (!roads.empty()) {
    report.roads_approximated = false;
    report.layers_used.push_back("roads");
    std::vector<double> values;
    values.reserve(roads.size());
    for (const auto& r : roads) values.push_back(std::max(0, scenario->ClassIndex(r.kelas)));
    classes = ingest::Rasterize(*spec, Wkbs(roads), values, static_cast<float>(no_road), true);
  } else {
    // The documented approximation: each village's speed class from its distance to the
    // nearest road (BIG, per village), as data/reference/skenario_perjalanan_sumsel.csv says.
    const int near_road = scenario->ClassIndex("perkiraan_jalan_dekat");
    const int mid_road = scenario->ClassIndex("perkiraan_jalan_sedang");
    std::vector<double> values;
    for (const Region* d : desa) {
      auto it = road_distance.find(d->kode);
      int k = no_road;
      if (it != road_distance.end()) {
        k = it->second <= 1000 ? near_road : it->second <= 5000 ? mid_road : no_road;
      }
      values.push_back(k >= 0 ? k : no_road);
    }
    classes = ingest::Rasterize(*spec, boundaries, values, static_cast<float>(no_road), false);
  }
  in.land_class.resize(classes.size());
  for (std::size_t i = 0; i < classes.size(); ++i) {
    in.land_class[i] = classes[i] >= 0 ? static_cast<uint8_t>(classes[i]) : access::kNoClass;
  }
  auto mask = [&](const std::string& kind, bool all_touched) {
    const auto features = ws.Layer(kind);
    if (features.empty()) return std::vector<uint8_t>();
    report.layers_used.push_back(kind);
    return ToMask(ingest::Rasterize(*spec, Wkbs(features), std::vector<double>(features.size(), 1),
                                    0, all_touched));
  };
  in.swamp = mask("swamp", false);
  in.water = mask("water", false);
  in.river = mask("rivers", true);
  in.bridge = mask("bridges", true);
  in.pier = mask("piers", true);
  const access::FrictionGrid friction = access::BuildFriction(in, *scenario);

  step(3, "penduduk per sel / population per cell");
  std::vector<double> zone_values;
  zone_values.reserve(desa.size());
  for (std::size_t i = 0; i < desa.size(); ++i) zone_values.push_back(static_cast<double>(i));
  const auto zone_f = ingest::Rasterize(*spec, boundaries, zone_values, -1, false);
  std::vector<int32_t> zone(zone_f.size());
  for (std::size_t i = 0; i < zone_f.size(); ++i) zone[i] = static_cast<int32_t>(zone_f[i]);
  std::vector<double> zone_pop;
  std::vector<int64_t> fallback;
  for (const Region* d : desa) {
    zone_pop.push_back(population.contains(d->kode) ? population[d->kode] : 0);
    double x = 0;
    double y = 0;
    int r = -1;
    int c = -1;
    if (d->centroid_lon && ingest::ToGrid(*spec, *d->centroid_lon, *d->centroid_lat, x, y) &&
        spec->CellOf(x, y, r, c)) {
      fallback.push_back(static_cast<int64_t>(r) * spec->cols + c);
    } else {
      fallback.push_back(-1);
    }
  }

  step(4, "waktu tempuh / travel time");
  const std::vector<Facility> facilities = ws.Facilities();
  access::SolveOptions solve;
  solve.neighbours = options.neighbours;
  solve.corner_cutting = false;
  solve.direction = access::Direction::kToSources;
  access::SolverScratch scratch;
  std::map<std::string, access::TravelTimes> times;
  std::map<std::string, std::vector<const Facility*>> sources_of;
  std::map<std::string, std::pair<int, int>> cell_of;
  for (const Facility& f : facilities) {
    if (!f.lon || !f.lat) continue;
    double x = 0;
    double y = 0;
    int r = 0;
    int c = 0;
    // A facility outside the grid, or with no passable cell near it, is left out and named.
    std::optional<access::SnappedCell> snapped;
    if (ingest::ToGrid(*spec, *f.lon, *f.lat, x, y) && spec->CellOf(x, y, r, c)) {
      snapped = access::SnapToPassable(friction.layers[0], *spec, r, c, options.snap_m);
    }
    if (!snapped) {
      report.warnings.push_back({Severity::kWarning,
                                 f.source_file,
                                 f.source_line,
                                 0,
                                 f.kode,
                                 Msg::kWarnFacilityOffGrid,
                                 {f.kode, f.nama}});
      continue;
    }
    if (snapped->distance > 0) {
      report.warnings.push_back(
          {Severity::kWarning,
           f.source_file,
           f.source_line,
           0,
           f.kode,
           Msg::kWarnSnapped,
           {f.kode + " (" + f.nama + ")", fmt::format("{:.0f}", snapped->distance)}});
    }
    cell_of[f.kode] = {snapped->row, snapped->col};
  }
  for (const std::string& target : kAccessTargets) {
    std::vector<access::Source> sources;
    for (const Facility& f : facilities) {
      auto cell = cell_of.find(f.kode);
      if (!IsTarget(f, target) || cell == cell_of.end()) continue;
      sources.push_back({cell->second.first, cell->second.second, 0});
      sources_of[target].push_back(&f);
    }
    access::SolveTravelTime(scratch, friction, sources, solve, times[target]);
  }

  step(5, "jangkauan per wilayah / reach per region");
  for (const std::string& target : kAccessTargets) {
    const auto zones =
        access::ZonalAccess(times[target], 0, zone, zone_pop, fallback, friction.layers[0]);
    std::map<std::string, access::ZoneAccess> kecamatan;
    access::ZoneAccess kabupaten;
    auto add = [](access::ZoneAccess& a, const access::ZoneAccess& b) {
      a.population += b.population;
      a.reachable += b.reachable;
      a.weighted_minutes += b.weighted_minutes;
      for (std::size_t k = 0; k < a.within.size(); ++k) a.within[k] += b.within[k];
    };
    auto& out = report.regions[target];
    std::string kab_code;
    for (std::size_t i = 0; i < desa.size(); ++i) {
      out.push_back(ToRegion(desa[i]->kode, zones[i]));
      add(kecamatan[ParentCode(desa[i]->kode)], zones[i]);
      add(kabupaten, zones[i]);
      kab_code = desa[i]->kode.substr(0, 5);
    }
    for (const auto& [kode, z] : kecamatan) out.push_back(ToRegion(kode, z));
    out.push_back(ToRegion(kab_code, kabupaten));
  }
  // Per facility: the people for whom it is the nearest puskesmas, and referral minutes.
  std::map<std::string, double> nearest_people;
  {
    const auto& t = times["puskesmas"];
    std::vector<int64_t> cells(zone_pop.size(), 0);
    for (int r = 0; r < spec->rows; ++r) {
      for (int c = 0; c < spec->cols; ++c) {
        const int32_t z = zone[static_cast<std::size_t>(r) * spec->cols + c];
        if (z >= 0 && friction.layers[0].at(r, c) < grid::kImpassable) ++cells[z];
      }
    }
    for (int r = 0; r < spec->rows; ++r) {
      for (int c = 0; c < spec->cols; ++c) {
        const int32_t z = zone[static_cast<std::size_t>(r) * spec->cols + c];
        const int32_t who = t.Nearest(0, r, c);
        if (z < 0 || who < 0 || cells[z] == 0) continue;
        nearest_people[sources_of["puskesmas"][who]->kode] += zone_pop[z] / cells[z];
      }
    }
  }
  for (const Facility& f : facilities) {
    auto cell = cell_of.find(f.kode);
    if (cell == cell_of.end()) continue;
    FacilityAccess a;
    a.kode_faskes = f.kode;
    if (auto p = nearest_people.find(f.kode); p != nearest_people.end())
      a.penduduk_terdekat = p->second;
    const float to_rs = times["rs"].Best(cell->second.first, cell->second.second);
    if (std::isfinite(to_rs)) a.menit_ke_rs = to_rs;
    report.facilities.push_back(a);
  }

  step(6, "menyimpan / storing");
  store::Workspace::AccessResults stored{options.scenario, {}, report.facilities};
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
      auto w = report::WriteTravelTimes(tpath, npath, *spec, times[target], -1);
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
    for (const Region* d : desa) {
      const RegionAccess* r = by_code[d->kode];
      auto pct = [&](double v) {
        return r->penduduk > 0 ? report::Cell{100 * r->Share(v)} : report::Cell{};
      };
      gpkg.rows.push_back({d->kode, d->nama, r->penduduk,
                           r->rata_menit ? report::Cell{*r->rata_menit} : report::Cell{},
                           pct(r->dalam_30), pct(r->dalam_60), pct(r->dalam_120),
                           std::string(report.roads_approximated ? "ya" : "tidak")});
      gpkg.geometry_wkb.push_back(d->geometry_wkb);
    }
    const std::string gpath = options.out_dir + "/akses_desa.gpkg";
    if (auto w = report::WriteVectorFile(gpkg, gpath, "GPKG"); !w)
      return std::unexpected(w.error());
    report.files.push_back(gpath);
    // Catchments: the area whose nearest puskesmas (by travel time) is each one.
    report::Table catchments{"wilayah_layanan_puskesmas", {"kode_faskes", "nama_faskes"}};
    const auto& tp = times["puskesmas"];
    for (const auto& [index, wkb] : report::Polygonize(*spec, -1, [&](int r, int32_t*row) {
           for (int c = 0; c < spec->cols; ++c) row[c] = tp.BestNearest(r, c);
         })) {
      if (index < 0 || static_cast<std::size_t>(index) >= sources_of["puskesmas"].size()) continue;
      const Facility* f = sources_of["puskesmas"][static_cast<std::size_t>(index)];
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
    for (const Facility& f : facilities) {
      auto cell = cell_of.find(f.kode);
      if (f.type != FacilityType::kPuskesmas || cell == cell_of.end()) continue;
      const auto& t = times["rs"];
      const int32_t who = t.BestNearest(cell->second.first, cell->second.second);
      const float minutes = t.Best(cell->second.first, cell->second.second);
      const Facility* rs = who >= 0 ? sources_of["rs"][who] : nullptr;
      rujukan.rows.push_back(
          {f.kode, f.nama, rs ? report::Cell{rs->kode} : report::Cell{},
           rs ? report::Cell{rs->nama} : report::Cell{},
           std::isfinite(minutes) ? report::Cell{static_cast<double>(minutes)} : report::Cell{}});
    }
    const std::string rpath = options.out_dir + "/rujukan_puskesmas_rs.csv";
    if (auto w = report::WriteCsvFile(rujukan, rpath); !w) return std::unexpected(w.error());
    report.files.push_back(rpath);
  }
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

}  // namespace jangkau::app
