// The travel-time model of a workspace, built once and solved many times: the district grid,
// the friction of the travel scenario (with a planning scenario's floods, cuts and speeds),
// the villages as zones with their population, and the facilities placed on cells (a
// scenario's closures removed, its additions placed). `jangkau access run`, `plan compare`,
// `plan sites` and `plan stops` all solve on it. Not thread-safe to build (uses the caller's
// Workspace); a built model is read-only and may be solved from several threads, each with
// its own access::SolverScratch.
#pragma once

#include <expected>
#include <functional>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "access/friction.h"
#include "access/solver.h"
#include "base/diagnostic.h"
#include "model/facility.h"
#include "model/reference.h"
#include "model/scenario.h"
#include "store/workspace.h"

namespace jangkau::app {

struct AccessModelOptions {
  double resolution_m = 100;
  double snap_m = 1000;  // facilities on impassable cells move at most this far
  int neighbours = 16;   // 16 keeps grid paths within 2.75% of straight lines
  // One tile of a run by kabupaten (empty: the whole workspace): the zones of this kabupaten
  // only, on the cells of the whole grid within its extent plus `tile_margin_m`, with the
  // facilities there (those of the neighbours too).
  std::string tile;
  double tile_margin_m = 30000;
};

// The warning naming a facility left out: outside the grid, or no passable cell near it.
Diagnostic OffGridWarning(const Facility& f);

// Whether region `kode` lies in region `tile` (is it, or below it).
bool InRegion(const std::string& kode, const std::string& tile);

struct AccessModel {
  AccessModelOptions options;
  grid::GridSpec spec;
  bool roads_approximated = true;  // no road layer: the per-village approximation was used
  std::vector<std::string> layers_used;
  access::TravelScenario travel;  // as used (a scenario's speeds applied)
  access::FrictionInputs inputs;  // without a scenario's floods and cuts
  access::FrictionGrid friction;

  struct Village {
    std::string kode;
    std::string nama;
    std::string geometry_wkb;
    double population = 0;
    std::optional<std::pair<double, double>> centroid;  // lon, lat
    std::optional<grid::CellIndex> centroid_cell;       // of the centroid (zones without cells)
    // The centroid moved to a passable cell: the village's "centre" for the planning tools.
    std::optional<grid::CellIndex> centre_cell;
  };
  // The zones: villages with a boundary, or kecamatan where no village has one; the zone index
  // is the position.
  std::vector<Village> villages;
  // Per cell (row-major): village index, kOtherTileZone (a tile: a neighbouring kabupaten's
  // zone) or -1 (no zone: a gap between boundaries, water, the buffer).
  std::vector<int32_t> zone;
  static constexpr int32_t kOtherTileZone = -2;
  std::map<std::string, std::string> region_names;

  std::vector<Facility> facilities;  // the workspace's and the scenario's added ones
  std::map<std::string, std::pair<int, int>> cell_of;  // open facilities placed on the grid
  std::vector<Diagnostic> warnings;                    // snapped facilities, facilities left out

  // Places a point on a passable cell within snap_m: (row, col), or std::nullopt.
  std::optional<std::pair<int, int>> Place(double lon, double lat) const;
};

// The tiles a run by kabupaten would solve: the kabupaten holding zones, and the whole
// workspace's grid at the options' resolution (the one model a run without tiles holds).
struct TilePlan {
  std::vector<std::string> kabupaten;
  std::vector<grid::GridSpec> windows;  // of each kabupaten's tile
  grid::GridSpec whole;
};
std::expected<TilePlan, Error> PlanTiles(const store::Workspace& ws,
                                         const AccessModelOptions& options);
// The window of the tile `options.tile` names, as BuildAccessModel cuts it.
std::expected<grid::GridSpec, Error> TileWindow(const store::Workspace& ws,
                                                const AccessModelOptions& options);

// Builds the model; `scenario` (may be null) changes it: closed facilities are not placed,
// added ones are, flooded areas slow or stop travel, cuts stop land travel, speeds replace the
// travel scenario's.
std::expected<AccessModel, Error> BuildAccessModel(const store::Workspace& ws,
                                                   const AccessModelOptions& options,
                                                   const Scenario* scenario);
// The model of `base` (built without a scenario) with the scenario's changes: the villages,
// zones and layers are reused, the friction is rebuilt and the facilities placed again.
AccessModel WithScenario(const AccessModel& base, const Scenario& scenario);
// The friction inputs of `base` (built without a scenario) with the scenario's floods and cuts
// (a cut or impassable flood also stops a bridge), as WithScenario builds its friction from.
access::FrictionInputs ScenarioInputs(const AccessModel& base, const Scenario& scenario);

// Whether a facility is a destination of `target` ("puskesmas", "fktp", "rs").
bool IsTarget(const Facility& f, const std::string& target);

// Travel times from every cell to the nearest open facility of a target.
struct TargetTimes {
  access::TravelTimes times;
  std::vector<const Facility*> sources;  // by source index (TravelCell::nearest)
};
TargetTimes SolveTarget(const AccessModel& model, const std::string& target,
                        access::SolverScratch& scratch);
// How every search of the model runs: patients travel to the facility, no corner cutting, up
// to `max_minutes`.
access::SolveOptions SolveOptionsOf(const AccessModel& model,
                                    double max_minutes = std::numeric_limits<double>::infinity());

// Reach per village, then per kecamatan, then the kabupaten (access::ReachByRegion over the
// model's villages).
std::vector<RegionAccess> ReachByRegion(const AccessModel& model, const TargetTimes& t);

// Per facility: the people whose nearest facility of the target it is (access::NearestPopulation);
// a facility nearest to no village cell is absent.
std::map<std::string, double> NearestPopulation(const AccessModel& model, const TargetTimes& t);

// Bounded searches (max_minutes) towards each origin cell, two threads: for each origin, the
// (index into `cells`, minutes) of the cells of `cells` within the bound. Travel is towards the
// origin, as patients travel. `progress(done, of)` after each origin. (access::BoundedTimes with
// the model's neighbours.)
std::vector<std::vector<std::pair<int, double>>> BoundedTimes(
    const AccessModel& model, const std::vector<std::pair<int, int>>& origins,
    const std::vector<std::optional<grid::CellIndex>>& cells, double max_minutes,
    const std::function<void(int, int)>& progress);

// Travel minutes between the open puskesmas placed on the grid, each way, up to `max_minutes`
// (access::RoutesBetween); only the routes to the puskesmas `to(facility, row, col)` accepts
// (all when empty).
std::vector<FacilityRoute> PuskesmasRoutes(
    const AccessModel& model, units::Minutes max_minutes,
    const std::function<bool(const Facility&, int, int)>& to = {});

}  // namespace jangkau::app
