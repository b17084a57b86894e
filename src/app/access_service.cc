#include "app/access_service.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <span>
#include <utility>

#include <fmt/format.h>

#include "access/solver.h"
#include "app/access_model.h"
#include "app/access_tiles.h"
#include "app/reference_tables.h"
#include "ingest/layers.h"
#include "report/mosaic.h"
#include "report/polygonize.h"
#include "report/raster_writer.h"
#include "report/table.h"

namespace jangkau::app {
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

namespace {

// A facility placed on the grid of a model: minutes to the nearest hospital and which one.
// `own`: the model's zones hold it (a tile of a run by kabupaten also places its neighbours'
// facilities within the margin).
struct Placed {
  float to_hospital = 0;
  std::string rs_kode;
  std::string rs_nama;
  bool own = true;
};

// What the models of a run (the whole workspace, or its tiles one after another) add up to.
struct RunState {
  std::map<std::string, std::vector<RegionAccess>> regions;  // per target
  std::map<std::string, double> nearest_people;              // per puskesmas
  std::map<std::string, Placed> placed;                      // per facility
  // Minutes between puskesmas by (from, to): the least over the models that searched `to` (a
  // tile's minutes are never fewer than one grid's, so the least is the nearest to them).
  std::map<std::pair<std::string, std::string>, units::Minutes> routes;
  // A run by kabupaten: each tile's kabupaten and window (empty: one grid).
  std::vector<std::pair<std::string, grid::GridSpec>> tiles;
  std::vector<Facility> order;  // as first placed
  report::Table catchments{"wilayah_layanan_puskesmas", {"kode_faskes", "nama_faskes"}};
  std::set<std::pair<std::string, std::string>> warned;  // (facility, message) said once
  struct Zone {
    std::string kode;
    std::string nama;
    std::string geometry_wkb;
  };
  std::vector<Zone> zones;  // of every model
  // Per target: the index terdekat_*.tif holds for each facility over the run (a tile's
  // nearest-source indices are renumbered to it) and its key table (terdekat_*.csv).
  struct Key {
    std::map<std::string, int32_t> index;  // by facility code
    report::Table table;                   // NewKey
  };
  std::map<std::string, Key> keys;
  std::map<std::string, std::vector<std::string>> mosaics;  // a run by kabupaten: name -> tiles
};

RunState::Key NewKey(const std::string& target) {
  return {{}, report::Table{"terdekat_" + target, {"indeks", "kode_faskes", "nama_faskes"}}};
}

// What one model adds to a run, kept apart until its answers are accepted.
struct ModelAnswers {
  std::map<std::string, std::vector<RegionAccess>> regions;
  std::map<std::string, double> nearest_people;
  std::map<std::string, Placed> placed;
  std::map<std::string, RunState::Key> keys;  // the run's keys and this model's facilities
  report::Table catchments{"wilayah_layanan_puskesmas", {"kode_faskes", "nama_faskes"}};
  std::vector<std::pair<std::string, std::string>> rasters;  // (mosaic name, path)
  std::map<std::string, double> uncertain_people;
  std::map<std::string, double> uncertain_km2;
  int uncertain_referrals = 0;
};

// Adds the accepted answers of `model` (a tile or not) to the run.
void Merge(ModelAnswers&& a, const AccessModel& model, bool tiled, RunState& run,
           AccessRunReport& report) {
  for (auto& [target, regions] : a.regions) {
    auto& into = run.regions[target];
    into.insert(into.end(), std::make_move_iterator(regions.begin()),
                std::make_move_iterator(regions.end()));
  }
  for (const auto& [kode, people] : a.nearest_people) run.nearest_people[kode] += people;
  for (auto& [target, key] : a.keys) run.keys.insert_or_assign(target, std::move(key));
  auto& catchments = run.catchments;
  std::ranges::move(a.catchments.rows, std::back_inserter(catchments.rows));
  std::ranges::move(a.catchments.geometry_wkb, std::back_inserter(catchments.geometry_wkb));
  for (auto& [name, path] : a.rasters) {
    report.files.push_back(path);
    if (tiled) run.mosaics[name].push_back(std::move(path));
  }
  if (tiled) {
    for (const auto& [target, n] : a.uncertain_people) report.uncertain_people[target] += n;
    for (const auto& [target, n] : a.uncertain_km2) report.uncertain_km2[target] += n;
    if (a.uncertain_referrals > 0) {
      report.uncertain_facilities["menit_ke_rs"] += a.uncertain_referrals;
    }
  }
  // A facility is taken from the model that owns it; one that no tile owns (outside every
  // kabupaten's zones), from the first that placed it.
  for (const Facility& f : model.facilities) {
    auto p = a.placed.find(f.kode);
    if (p == a.placed.end()) continue;
    auto [it, fresh] = run.placed.try_emplace(f.kode);
    if (fresh) run.order.push_back(f);
    if (fresh || (p->second.own && !it->second.own)) it->second = std::move(p->second);
  }
  for (const AccessModel::Village& v : model.villages) {
    run.zones.push_back({v.kode, v.nama, v.geometry_wkb});
  }
  for (const Diagnostic& w : model.warnings) {
    if (run.warned.emplace(w.entity, std::string(MsgCode(w.msg))).second) {
      report.warnings.push_back(w);
    }
  }
}

// The hospitals first: their answers are the likeliest to be unsure in a tile (they are few
// and far), and an unsure tile that may widen stops at the first unsure destination.
const std::vector<std::string> kSolveOrder = {"rs", "puskesmas", "fktp"};

// Solves the run's destinations on one model and adds its answers to `run`: the reach of its
// zones, the people nearest each puskesmas, referral of the facilities it places, the routes
// to the puskesmas it holds, its catchments and rasters (`suffix` in the file names of a tile).
// With `may_widen`, a tile whose answers are unsure (a time, map cell or referral that its
// edge may have made longer) stops there and adds nothing: false. Rasters of destinations
// solved before are written already (a wider tile writes them again under the same names).
std::expected<bool, Error> SolveModel(const AccessModel& model, const AccessRunOptions& options,
                                      const std::string& suffix, bool may_widen, RunState& run,
                                      AccessRunReport& report,
                                      const std::function<void(const std::string&)>& step) {
  const bool files = !options.out_dir.empty();
  const bool tiled = !model.options.tile.empty();
  access::SolverScratch scratch;
  ModelAnswers a;
  // A tile's times are sure where they are no longer than the way out of the tile.
  const std::vector<float> leave =
      tiled ? MinutesToLeave(model, report.spec, scratch) : std::vector<float>();
  const std::vector<uint8_t> near =
      tiled && files ? NearZones(model, kMosaicFillM) : std::vector<uint8_t>();
  // One destination at a time: its travel times are reduced to what the run keeps (reach per
  // region, rasters, catchments, referral) and freed before the next is solved, so that the
  // run holds one grid of times, not three.
  for (const std::string& target : kSolveOrder) {
    step(fmt::format("waktu tempuh dan jangkauan / travel time and reach: {}", target));
    const TargetTimes t = SolveTarget(model, target, scratch);
    Uncertain u;
    if (tiled) u = UncertainReach(model, t, leave);
    a.uncertain_people[target] = u.people;
    a.uncertain_km2[target] = u.km2;
    if (target == "rs") {
      // Referral: minutes from each facility to the nearest hospital, and which one.
      for (const Facility& f : model.facilities) {
        auto cell = model.cell_of.find(f.kode);
        if (cell == model.cell_of.end()) continue;
        const auto [row, col] = cell->second;
        Placed& p = a.placed[f.kode];
        p.own = OwnFacility(model, f, row, col);
        p.to_hospital = t.times.Best(row, col);
        if (tiled && p.own && !(p.to_hospital <= leave[grid::Slot(model.spec.Index(row, col))])) {
          ++a.uncertain_referrals;
        }
        const int32_t who = t.times.BestNearest(row, col);
        if (who >= 0) {
          p.rs_kode = t.sources[static_cast<std::size_t>(who)]->kode;
          p.rs_nama = t.sources[static_cast<std::size_t>(who)]->nama;
        }
      }
    }
    if (may_widen && (u.people > 0 || u.km2 > 0 || a.uncertain_referrals > 0)) return false;
    a.regions[target] = ReachByRegion(model, t);
    if (files) {
      // The run's key so far, with this model's facilities added (kept if it is accepted).
      RunState::Key& key =
          a.keys
              .try_emplace(target, run.keys.contains(target) ? run.keys.at(target) : NewKey(target))
              .first->second;
      std::vector<int32_t> renumber;
      renumber.reserve(t.sources.size());
      for (const Facility* f : t.sources) {
        const auto next = static_cast<int32_t>(key.index.size());
        auto [it, fresh] = key.index.try_emplace(f->kode, next);
        if (fresh) key.table.rows.push_back({int64_t{next}, f->kode, f->nama});
        renumber.push_back(it->second);
      }
      const std::string tname = "waktu_" + target;
      const std::string nname = "terdekat_" + target;
      const std::string tpath = fmt::format("{}/{}{}.tif", options.out_dir, tname, suffix);
      const std::string npath = fmt::format("{}/{}{}.tif", options.out_dir, nname, suffix);
      a.rasters.emplace_back(tname, tpath);
      a.rasters.emplace_back(nname, npath);
      // A tile writes its own zones' cells and the sure ones near them (TileRasterCells).
      const std::vector<uint8_t> cells =
          tiled ? TileRasterCells(model, t, leave, near) : std::vector<uint8_t>();
      auto w = report::WriteTravelTimes(tpath, npath, model.spec, t.times,
                                        {.renumber = renumber, .mask = cells});
      if (!w) return std::unexpected(w.error());
    }
    if (target == "puskesmas") {
      a.nearest_people = NearestPopulation(model, t);
      // Catchments: the area whose nearest puskesmas (by travel time) is each one (a tile's:
      // within its own zones).
      if (files) {
        for (const auto& [index, wkb] : report::Polygonize(model.spec, -1, [&](int r, int32_t*row) {
               for (int c = 0; c < model.spec.cols; ++c) {
                 const bool mine = !tiled || model.zone[grid::Slot(model.spec.Index(r, c))] >= 0;
                 row[c] = mine ? t.times.BestNearest(r, c) : -1;
               }
             })) {
          if (index < 0 || static_cast<std::size_t>(index) >= t.sources.size()) continue;
          const Facility* f = t.sources[static_cast<std::size_t>(index)];
          a.catchments.rows.push_back({f->kode, f->nama});
          a.catchments.geometry_wkb.push_back(wkb);
        }
      }
    }
  }
  step("waktu antar-puskesmas / travel between puskesmas");
  // One search per puskesmas over the run: the routes to a puskesmas come from the tile that
  // holds it; one no tile holds is searched in every tile that places it.
  const auto to = [&](const Facility& f, int row, int col) {
    return OwnFacility(model, f, row, col) || !HeldByItsOwnTile(model, run.tiles, f, row, col);
  };
  for (const FacilityRoute& r : PuskesmasRoutes(model, kRouteBoundMinutes, to)) {
    auto [it, fresh] = run.routes.try_emplace({r.from, r.to}, r.minutes);
    if (!fresh) it->second = std::min(it->second, r.minutes);
  }
  Merge(std::move(a), model, tiled, run, report);
  return true;
}

// A tile with no margin that is widened gets at least this one.
constexpr double kMinWideningM = 10000;

}  // namespace

std::expected<AccessRunReport, Error> RunAccess(
    store::Workspace& ws, const AccessRunOptions& options, const std::string& user,
    const std::function<void(int, int, const std::string&)>& progress) {
  const auto start = std::chrono::steady_clock::now();
  AccessModelOptions model_options{options.resolution_m, options.snap_m, options.neighbours};
  model_options.tile_margin_m = options.tile_margin_m;
  // A province's grid too large for one model is solved by kabupaten, one tile at a time.
  AccessRunReport report;
  RunState run;
  std::vector<std::string> tiles = {""};
  // A tile is widened up to the cells one grid may have, or the largest tile's if more: the
  // run's peak stays within what it would be without widening or on one grid.
  int64_t widest = kTileAboveCells;
  if (options.tiling != Tiling::kNone) {
    auto plan = PlanTiles(ws, model_options);
    if (!plan) return std::unexpected(plan.error());
    if (plan->kabupaten.size() > 1 &&
        (options.tiling == Tiling::kKabupaten || plan->whole.cells() > kTileAboveCells)) {
      tiles = plan->kabupaten;
      report.spec = plan->whole;
      for (std::size_t k = 0; k < tiles.size(); ++k) {
        run.tiles.emplace_back(tiles[k], plan->windows[k]);
        widest = std::max(widest, plan->windows[k].cells());
      }
    }
  }
  const int per_model = 2 + static_cast<int>(kAccessTargets.size());
  int steps = per_model * static_cast<int>(tiles.size()) + 2;
  int done = 0;
  const bool files = !options.out_dir.empty();
  if (files) {
    std::error_code ec;
    std::filesystem::create_directories(options.out_dir, ec);
  }
  for (std::size_t k = 0; k < tiles.size(); ++k) {
    const std::string& tile = tiles[k];
    auto step = [&](const std::string& what) {
      ++done;
      if (!progress) return;
      progress(done, steps, tile.empty() ? what : fmt::format("{} {}", tile, what));
    };
    std::string suffix;
    for (char ch : tile) {
      if (ch != '.') suffix += ch;
    }
    model_options.tile = tile;
    model_options.tile_margin_m = options.tile_margin_m;
    while (true) {
      const int done_before = done;
      step("wilayah, lapisan dan friksi / regions, layers and friction");
      auto built = BuildAccessModel(ws, model_options, nullptr);
      if (!built) return std::unexpected(built.error());
      const AccessModel& model = *built;
      // A tile leaving people, map or referrals unsure is solved again with twice the margin,
      // while that is allowed and makes the tile larger, but no larger than `widest`.
      AccessModelOptions wider = model_options;
      wider.tile_margin_m = std::min(std::max(2 * model_options.tile_margin_m, kMinWideningM),
                                     options.tile_margin_max_m);
      bool may_widen = false;
      if (!tile.empty() && wider.tile_margin_m > model_options.tile_margin_m) {
        auto window = TileWindow(ws, wider);
        if (!window) return std::unexpected(window.error());
        may_widen = window->cells() > model.spec.cells() && window->cells() <= widest;
      }
      if (tile.empty()) report.spec = model.spec;
      if (tile.empty() || k == 0) {
        report.roads_approximated = model.roads_approximated;
        report.layers_used = model.layers_used;
        report.region_names = model.region_names;
      }
      auto solved = SolveModel(model, options, suffix.empty() ? "" : "_" + suffix, may_widen, run,
                               report, step);
      if (!solved) return std::unexpected(solved.error());
      if (*solved) {
        if (!tile.empty()) report.tiles.push_back({tile, model.spec, model_options.tile_margin_m});
        break;
      }
      model_options = wider;
      steps += per_model;
      done = done_before + per_model;  // the steps the unsure tile skipped
    }
  }
  if (tiles.size() > 1) {
    // A tile keeps only the facilities on its cells: one on no tile's cells is named here, as
    // one grid names a facility off its grid.
    for (const Facility& f : ws.Facilities()) {
      if (!f.lon || !f.lat || run.placed.contains(f.kode)) continue;
      if (!run.warned.emplace(f.kode, std::string(MsgCode(Msg::kWarnFacilityOffGrid))).second) {
        continue;
      }
      report.warnings.push_back(OffGridWarning(f));
    }
  }
  report.regions = std::move(run.regions);

  // Remoteness: minutes to the nearest other puskesmas.
  std::map<std::string, units::Minutes> to_other;
  for (const auto& [pair, minutes] : run.routes) {
    report.routes.push_back({pair.first, pair.second, minutes});
    auto [it, fresh] = to_other.try_emplace(pair.first, minutes);
    if (!fresh) it->second = std::min(it->second, minutes);
  }

  if (progress) progress(++done, steps, "fasyankes dan rujukan / facilities and referral");
  report::Table rujukan{"rujukan",
                        {"kode_faskes", "nama_faskes", "rs_terdekat", "nama_rs", "menit"}};
  for (const Facility& f : run.order) {
    const Placed& p = run.placed.at(f.kode);
    FacilityAccess a;
    a.kode_faskes = f.kode;
    if (auto n = run.nearest_people.find(f.kode); n != run.nearest_people.end()) {
      a.penduduk_terdekat = units::People(n->second);
    }
    a.menit_ke_rs = units::FromEngine(p.to_hospital);
    if (auto o = to_other.find(f.kode); o != to_other.end()) a.menit_ke_fasyankes_lain = o->second;
    report.facilities.push_back(a);
    if (f.type != FacilityType::kPuskesmas) continue;
    rujukan.rows.push_back(
        {f.kode, f.nama, p.rs_kode.empty() ? report::Cell{} : report::Cell{p.rs_kode},
         p.rs_kode.empty() ? report::Cell{} : report::Cell{p.rs_nama},
         std::isfinite(p.to_hospital) ? report::Cell{static_cast<double>(p.to_hospital)}
                                      : report::Cell{}});
  }

  if (progress) progress(++done, steps, "menyimpan / storing");
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
    for (const RunState::Zone& d : run.zones) {
      const RegionAccess* r = by_code[d.kode];
      auto pct = [&](double v) {
        return r->penduduk > 0 ? report::Cell{100 * r->Share(v)} : report::Cell{};
      };
      gpkg.rows.push_back({d.kode, d.nama, r->penduduk,
                           r->rata_menit ? report::Cell{*r->rata_menit} : report::Cell{},
                           pct(r->dalam_30), pct(r->dalam_60), pct(r->dalam_120),
                           report.roads_approximated});
      gpkg.geometry_wkb.push_back(d.geometry_wkb);
    }
    const std::string gpath = options.out_dir + "/akses_desa.gpkg";
    if (auto w = report::WriteVectorFile(gpkg, gpath, "GPKG"); !w)
      return std::unexpected(w.error());
    report.files.push_back(gpath);
    const std::string cpath = options.out_dir + "/wilayah_layanan_puskesmas.gpkg";
    if (auto w = report::WriteVectorFile(run.catchments, cpath, "GPKG"); !w) {
      return std::unexpected(w.error());
    }
    report.files.push_back(cpath);
    const std::string rpath = options.out_dir + "/rujukan_puskesmas_rs.csv";
    if (auto w = report::WriteCsvFile(rujukan, rpath); !w) return std::unexpected(w.error());
    report.files.push_back(rpath);
    // The facility behind each index of terdekat_*.tif, and a tiled run's tiles as one raster
    // per destination.
    for (auto& [target, key] : run.keys) {
      const std::string kpath = fmt::format("{}/terdekat_{}.csv", options.out_dir, target);
      if (auto w = report::WriteCsvFile(key.table, kpath); !w) return std::unexpected(w.error());
      report.files.push_back(kpath);
    }
    for (const auto& [name, tiles] : run.mosaics) {
      const std::string vpath = fmt::format("{}/{}.vrt", options.out_dir, name);
      if (auto w = report::WriteMosaic(vpath, tiles); !w) return std::unexpected(w.error());
      report.files.push_back(vpath);
    }
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
