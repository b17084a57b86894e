#include "app/access_model.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

#include <fmt/format.h>

#include "access/reach.h"
#include "access/routes.h"
#include "access/snap.h"
#include "app/access_service.h"
#include "grid/grid_limits.h"
#include "ingest/layers.h"
#include "model/region.h"

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

// Land classes: roads by class from the road layer, or the documented approximation: each
// village's class from its distance to the nearest road (BIG, per village), as
// data/reference/skenario_perjalanan_sumsel.csv says.
std::vector<float> LandClasses(const store::Workspace& ws, const access::TravelScenario& travel,
                               AccessModel& m, const std::vector<std::string>& boundaries) {
  const int no_road = travel.ClassIndex("tanpa_jalan");
  const auto roads = ws.Layer("roads");
  if (!roads.empty()) {
    m.roads_approximated = false;
    m.layers_used.push_back("roads");
    std::vector<double> values;
    values.reserve(roads.size());
    for (const auto& r : roads) values.push_back(std::max(0, travel.ClassIndex(r.kelas)));
    return ingest::Rasterize(m.spec, Wkbs(roads), values, static_cast<float>(no_road), true);
  }
  std::map<std::string, double> road_distance;
  for (const RegionIndicator& i : ws.Indicators()) {
    if (i.indikator == "jarak_jalan_m") road_distance[i.kode_wilayah] = i.nilai;
  }
  const int near_road = travel.ClassIndex("perkiraan_jalan_dekat");
  const int mid_road = travel.ClassIndex("perkiraan_jalan_sedang");
  std::vector<double> values;
  for (const auto& v : m.villages) {
    auto it = road_distance.find(v.kode);
    int k = no_road;
    if (it != road_distance.end()) {
      k = it->second <= 1000 ? near_road : it->second <= 5000 ? mid_road : no_road;
    }
    values.push_back(k >= 0 ? k : no_road);
  }
  return ingest::Rasterize(m.spec, boundaries, values, static_cast<float>(no_road), false);
}

// The speed factor per cell of a scenario's floods and cuts (1 elsewhere); empty without any.
std::vector<float> FloodFactors(const grid::GridSpec& spec, const Scenario& sc) {
  if (sc.floods.empty() && sc.cuts_wkb.empty()) return {};
  std::vector<float> factor(static_cast<std::size_t>(spec.cells()), 1.0F);
  // One burn per distinct factor (a scenario usually has one or two); where floods of
  // different factors overlap, the slowest wins.
  std::map<double, std::vector<std::string>> by_factor;
  for (const FloodArea& f : sc.floods) by_factor[f.factor].push_back(f.geometry_wkb);
  for (const auto& [value, wkbs] : by_factor) {
    const auto burnt =
        ingest::Rasterize(spec, wkbs, std::vector<double>(wkbs.size(), value), -1, false);
    for (std::size_t i = 0; i < burnt.size(); ++i) {
      if (burnt[i] >= 0) factor[i] = std::min(factor[i], burnt[i]);
    }
  }
  if (!sc.cuts_wkb.empty()) {
    const auto cut =
        ingest::Rasterize(spec, sc.cuts_wkb, std::vector<double>(sc.cuts_wkb.size(), 1), 0, true);
    for (std::size_t i = 0; i < cut.size(); ++i) {
      if (cut[i] > 0) factor[i] = 0;
    }
  }
  return factor;
}

}  // namespace

bool IsTarget(const Facility& f, const std::string& target) {
  if (f.status != FacilityStatus::kBuka || !f.lon || !f.lat) return false;
  if (target == "puskesmas") return f.type == FacilityType::kPuskesmas;
  if (target == "fktp") return IsFktp(f.type);
  return IsHospital(f.type);
}

Diagnostic OffGridWarning(const Facility& f) {
  return {Severity::kWarning,        f.source_file,   f.source_line, 0, f.kode,
          Msg::kWarnFacilityOffGrid, {f.kode, f.nama}};
}

bool InRegion(const std::string& kode, const std::string& tile) {
  for (std::string k = kode; !k.empty(); k = ParentCode(k)) {
    if (k == tile) return true;
  }
  return false;
}

std::optional<std::pair<int, int>> AccessModel::Place(double lon, double lat) const {
  double x = 0;
  double y = 0;
  int r = 0;
  int c = 0;
  if (!ingest::ToGrid(spec, lon, lat, x, y) || !spec.CellOf(x, y, r, c)) return std::nullopt;
  auto snapped = access::SnapToPassable(friction.layers[0], spec, r, c, options.snap_m);
  if (!snapped) return std::nullopt;
  return std::pair{snapped->row, snapped->col};
}

namespace {

// The centre of each village: its centroid moved to a passable cell (depends on the friction).
void PlaceVillageCentres(AccessModel& m) {
  for (auto& v : m.villages) {
    v.centre_cell.reset();
    if (!v.centroid_cell) continue;
    const grid::RowCol at = m.spec.At(*v.centroid_cell);
    if (auto centre = access::SnapToPassable(m.friction.layers[0], m.spec, at.row, at.col, 2000)) {
      v.centre_cell = m.spec.Index(centre->row, centre->col);
    }
  }
}

// Places every facility not in `closed` on a passable cell; names those left out or moved.
void PlaceFacilities(AccessModel& m, const std::vector<std::string>& closed) {
  m.cell_of.clear();
  m.warnings.clear();
  for (const Facility& f : m.facilities) {
    if (!f.lon || !f.lat || std::ranges::find(closed, f.kode) != closed.end()) continue;
    double x = 0;
    double y = 0;
    int r = 0;
    int c = 0;
    // A facility outside the grid, or with no passable cell near it, is left out and named.
    std::optional<access::SnappedCell> snapped;
    if (ingest::ToGrid(m.spec, *f.lon, *f.lat, x, y) && m.spec.CellOf(x, y, r, c)) {
      snapped = access::SnapToPassable(m.friction.layers[0], m.spec, r, c, m.options.snap_m);
    }
    if (!snapped) {
      m.warnings.push_back(OffGridWarning(f));
      continue;
    }
    if (snapped->distance > 0) {
      m.warnings.push_back(
          {Severity::kWarning,
           f.source_file,
           f.source_line,
           0,
           f.kode,
           Msg::kWarnSnapped,
           {f.kode + " (" + f.nama + ")", fmt::format("{:.0f}", snapped->distance)}});
    }
    m.cell_of[f.kode] = {snapped->row, snapped->col};
  }
}

// The zones: the desa, or, where no desa has a boundary (a province's sample holds kecamatan
// only), the kecamatan.
RegionLevel ZoneLevel(const std::vector<Region>& regions) {
  return std::ranges::any_of(regions,
                             [](const Region& r) {
                               return r.level == RegionLevel::kDesa && !r.geometry_wkb.empty();
                             })
             ? RegionLevel::kDesa
             : RegionLevel::kKecamatan;
}

}  // namespace

namespace {

// The tiles of the kabupaten `only` names (all when empty).
std::expected<TilePlan, Error> Plan(const store::Workspace& ws, const AccessModelOptions& options,
                                    const std::string& only) {
  const std::vector<Region> regions = ws.Regions();
  const RegionLevel zone_level = ZoneLevel(regions);
  TilePlan plan;
  std::vector<std::string> boundaries;
  std::set<std::string> kabupaten;
  for (const Region& r : regions) {
    if (r.level != zone_level || r.geometry_wkb.empty()) continue;
    boundaries.push_back(r.geometry_wkb);
    for (std::string k = ParentCode(r.kode); !k.empty(); k = ParentCode(k)) {
      if (LevelOfCode(k) == RegionLevel::kKabupaten && only.empty()) kabupaten.insert(k);
    }
  }
  auto spec = ingest::DistrictGrid(boundaries, options.resolution_m, kBufferM);
  if (!spec) return std::unexpected(spec.error());
  plan.whole = *spec;
  if (!only.empty()) kabupaten = {only};
  plan.kabupaten.assign(kabupaten.begin(), kabupaten.end());
  for (const std::string& k : plan.kabupaten) {
    std::vector<std::string> own;
    for (const Region& r : regions) {
      if (r.level == zone_level && !r.geometry_wkb.empty() && InRegion(r.kode, k)) {
        own.push_back(r.geometry_wkb);
      }
    }
    auto window = ingest::WindowOf(plan.whole, own, options.tile_margin_m);
    if (!window) return std::unexpected(window.error());
    plan.windows.push_back(*window);
  }
  return plan;
}

}  // namespace

std::expected<TilePlan, Error> PlanTiles(const store::Workspace& ws,
                                         const AccessModelOptions& options) {
  return Plan(ws, options, "");
}

std::expected<grid::GridSpec, Error> TileWindow(const store::Workspace& ws,
                                                const AccessModelOptions& options) {
  auto plan = Plan(ws, options, options.tile);
  if (!plan) return std::unexpected(plan.error());
  return plan->windows.front();
}

std::expected<AccessModel, Error> BuildAccessModel(const store::Workspace& ws,
                                                   const AccessModelOptions& options,
                                                   const Scenario* scenario) {
  AccessModel m;
  m.options = options;
  auto travel = LoadTravelScenario(ws);
  if (!travel) return std::unexpected(travel.error());
  m.travel = *travel;

  std::vector<std::string> boundaries;
  std::map<std::string, double> population;
  for (const auto& [kode, p] : LatestPopulation(ws.Population())) {
    population[kode] = static_cast<double>(p.penduduk);
  }
  std::vector<Region> regions = ws.Regions();
  const RegionLevel zone_level = ZoneLevel(regions);
  for (Region& r : regions) {
    m.region_names[r.kode] = r.nama;
    if (r.level != zone_level || r.geometry_wkb.empty()) continue;
    AccessModel::Village v;
    v.kode = r.kode;
    v.nama = r.nama;
    v.population = population.contains(r.kode) ? population[r.kode] : 0;
    boundaries.push_back(r.geometry_wkb);
    v.geometry_wkb = std::move(r.geometry_wkb);
    if (r.centroid_lon && r.centroid_lat) v.centroid = {*r.centroid_lon, *r.centroid_lat};
    m.villages.push_back(std::move(v));
  }
  auto spec = ingest::DistrictGrid(boundaries, options.resolution_m, kBufferM);
  if (!spec) return std::unexpected(spec.error());
  m.spec = *spec;
  std::vector<bool> own(m.villages.size(), true);
  if (!options.tile.empty()) {
    std::vector<std::string> own_boundaries;
    for (std::size_t i = 0; i < m.villages.size(); ++i) {
      own[i] = InRegion(m.villages[i].kode, options.tile);
      if (own[i]) own_boundaries.push_back(boundaries[i]);
    }
    auto window = ingest::WindowOf(m.spec, own_boundaries, options.tile_margin_m);
    if (!window) return std::unexpected(window.error());
    m.spec = *window;
  }
  if (const auto over =
          grid::CheckBudget(m.spec.cells(), grid::kModelBytesPerCell, grid::kMaxModelCells)) {
    return std::unexpected(
        Error{Msg::kGridTooLarge,
              {std::to_string(m.spec.cols), std::to_string(m.spec.rows),
               fmt::format("{:g}", options.resolution_m), fmt::format("{:.1f}", over->needed_gb),
               fmt::format("{:.1f}", over->limit_gb)}});
  }

  access::FrictionInputs& in = m.inputs;
  in.spec = m.spec;
  const auto classes = LandClasses(ws, m.travel, m, boundaries);
  in.land_class.resize(classes.size());
  for (std::size_t i = 0; i < classes.size(); ++i) {
    in.land_class[i] = classes[i] >= 0 ? static_cast<uint8_t>(classes[i]) : access::kNoClass;
  }
  auto mask = [&](const std::string& kind, bool all_touched) {
    const auto features = ws.Layer(kind);
    if (features.empty()) return std::vector<uint8_t>();
    m.layers_used.push_back(kind);
    return ToMask(ingest::Rasterize(m.spec, Wkbs(features), std::vector<double>(features.size(), 1),
                                    0, all_touched));
  };
  in.swamp = mask("swamp", false);
  in.water = mask("water", false);
  in.river = mask("rivers", true);
  in.bridge = mask("bridges", true);
  in.pier = mask("piers", true);
  m.friction = access::BuildFriction(in, m.travel);
  // Villages as zones; their centroid cell stands for a village without a cell of its own.
  std::vector<double> zone_values;
  zone_values.reserve(m.villages.size());
  for (std::size_t i = 0; i < m.villages.size(); ++i) {
    zone_values.push_back(static_cast<double>(i));
  }
  const auto zone_f = ingest::Rasterize(m.spec, boundaries, zone_values, -1, false);
  // A tile's zones are its own villages; its neighbours' gave the land its classes and the
  // cells on the borders to whom they go (as in a run without tiles).
  std::vector<int32_t> renumber(m.villages.size(), AccessModel::kOtherTileZone);
  std::size_t kept = 0;
  for (std::size_t i = 0; i < m.villages.size(); ++i) {
    if (!own[i]) continue;
    renumber[i] = static_cast<int32_t>(kept);
    if (kept != i) m.villages[kept] = std::move(m.villages[i]);
    ++kept;
  }
  m.villages.resize(kept);
  m.zone.resize(zone_f.size());
  for (std::size_t i = 0; i < zone_f.size(); ++i) {
    m.zone[i] = zone_f[i] >= 0 ? renumber[static_cast<std::size_t>(zone_f[i])] : -1;
  }
  for (auto& v : m.villages) {
    double x = 0;
    double y = 0;
    int row = -1;
    int col = -1;
    if (v.centroid && ingest::ToGrid(m.spec, v.centroid->first, v.centroid->second, x, y) &&
        m.spec.CellOf(x, y, row, col)) {
      v.centroid_cell = m.spec.Index(row, col);
    }
  }
  PlaceVillageCentres(m);
  m.facilities = ws.Facilities();
  if (!options.tile.empty()) {
    // A tile holds the facilities on its cells; the others belong to other tiles.
    std::erase_if(m.facilities, [&](const Facility& f) {
      double x = 0;
      double y = 0;
      int r = 0;
      int c = 0;
      return !f.lon || !f.lat || !ingest::ToGrid(m.spec, *f.lon, *f.lat, x, y) ||
             !m.spec.CellOf(x, y, r, c);
    });
  }
  PlaceFacilities(m, {});
  if (scenario != nullptr) return WithScenario(m, *scenario);
  return m;
}

access::FrictionInputs ScenarioInputs(const AccessModel& base, const Scenario& sc) {
  access::FrictionInputs in = base.inputs;
  in.flood = FloodFactors(base.spec, sc);
  // A cut bridge no longer carries land travel over the river.
  if (!in.bridge.empty() && !in.flood.empty()) {
    for (std::size_t i = 0; i < in.bridge.size(); ++i) {
      if (in.flood[i] == 0) in.bridge[i] = 0;
    }
  }
  return in;
}

AccessModel WithScenario(const AccessModel& base, const Scenario& sc) {
  AccessModel m = base;
  for (auto& cls : m.travel.classes) {
    if (auto it = sc.speeds.find(cls.kelas); it != sc.speeds.end()) cls.speed_kmh = it->second;
  }
  m.friction = access::BuildFriction(ScenarioInputs(base, sc), m.travel);
  PlaceVillageCentres(m);
  for (const AddedFacility& a : sc.added) {
    Facility f;
    f.kode = a.kode;
    f.nama = a.nama;
    f.type = a.type;
    f.lon = a.lon;
    f.lat = a.lat;
    f.source_file = "skenario:" + sc.nama;
    m.facilities.push_back(std::move(f));
  }
  PlaceFacilities(m, sc.closed);
  return m;
}

access::SolveOptions SolveOptionsOf(const AccessModel& model, double max_minutes) {
  access::SolveOptions solve;
  solve.neighbours = model.options.neighbours;
  solve.corner_cutting = false;
  solve.direction = access::Direction::kToSources;
  solve.max_cost = max_minutes;
  return solve;
}

TargetTimes SolveTarget(const AccessModel& model, const std::string& target,
                        access::SolverScratch& scratch) {
  TargetTimes out;
  std::vector<access::Source> sources;
  for (const Facility& f : model.facilities) {
    auto cell = model.cell_of.find(f.kode);
    if (!IsTarget(f, target) || cell == model.cell_of.end()) continue;
    sources.push_back({cell->second.first, cell->second.second, 0});
    out.sources.push_back(&f);
  }
  access::SolveTravelTime(scratch, model.friction, sources, SolveOptionsOf(model), out.times);
  return out;
}

std::vector<RegionAccess> ReachByRegion(const AccessModel& model, const TargetTimes& t) {
  std::vector<access::ReachZone> villages;
  villages.reserve(model.villages.size());
  for (const auto& v : model.villages) villages.push_back({v.kode, v.population, v.centroid_cell});
  return access::ReachByRegion(t.times, model.zone, villages, model.friction.layers[0]);
}

std::map<std::string, double> NearestPopulation(const AccessModel& model, const TargetTimes& t) {
  std::vector<double> population;
  population.reserve(model.villages.size());
  for (const auto& v : model.villages) population.push_back(v.population);
  const auto people = access::NearestPopulation(t.times, model.zone, population,
                                                model.friction.layers[0], t.sources.size());
  std::map<std::string, double> out;
  for (std::size_t i = 0; i < people.size(); ++i) {
    if (const std::optional<double>& p = people[i]; p) out[t.sources[i]->kode] += *p;
  }
  return out;
}

std::vector<std::vector<std::pair<int, double>>> BoundedTimes(
    const AccessModel& model, const std::vector<std::pair<int, int>>& origins,
    const std::vector<std::optional<grid::CellIndex>>& cells, double max_minutes,
    const std::function<void(int, int)>& progress) {
  std::vector<access::Source> sources;
  sources.reserve(origins.size());
  for (const auto& [row, col] : origins) sources.push_back({row, col, 0});
  return access::BoundedTimes(model.friction, sources, cells, SolveOptionsOf(model, max_minutes),
                              progress);
}

std::vector<FacilityRoute> PuskesmasRoutes(
    const AccessModel& model, units::Minutes max_minutes,
    const std::function<bool(const Facility&, int, int)>& to) {
  std::vector<access::RoutePoint> puskesmas;
  for (const Facility& f : model.facilities) {
    auto cell = model.cell_of.find(f.kode);
    if (!IsTarget(f, "puskesmas") || cell == model.cell_of.end()) continue;
    const auto [row, col] = cell->second;
    puskesmas.push_back({f.kode, row, col, !to || to(f, row, col)});
  }
  return access::RoutesBetween(model.friction, puskesmas,
                               SolveOptionsOf(model, max_minutes.value()));
}

}  // namespace jangkau::app
