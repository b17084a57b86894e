// `jangkau access run`: travel time from every village to the nearest open puskesmas, to any
// FKTP and to a hospital, over the friction of a travel scenario built from the workspace's
// layers (or, without a road layer, from the documented per-village approximation); the reach
// per village, kecamatan and kabupaten; catchments, referral times; files for QGIS; results
// stored in the workspace. Not thread-safe (uses the caller's Workspace).
#pragma once

#include <expected>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "access/friction.h"
#include "base/diagnostic.h"
#include "report/table.h"
#include "store/workspace.h"

namespace jangkau::app {

// Whether a run solves the workspace as one grid or kabupaten by kabupaten (kAuto: by
// kabupaten when one grid would exceed kTileAboveCells).
enum class Tiling { kAuto, kNone, kKabupaten };

// About 2.5 GB at the 64 bytes per grid cell the province run measured at 100 m
// (docs/scale.md): above it, a workspace of several kabupaten is solved by tiles.
inline constexpr int64_t kTileAboveCells = 40'000'000;

struct AccessRunOptions {
  std::string scenario = "dasar";
  double resolution_m = 100;
  int neighbours = 16;   // 16 keeps grid paths within 2.75% of straight lines
  double snap_m = 1000;  // facilities on impassable cells move at most this far
  std::string out_dir;   // files written here (empty: none)
  Tiling tiling = Tiling::kAuto;
  // A tile is a kabupaten's zones on the whole grid's cells within this distance of them: the
  // reach of a zone is exact when its best path stays inside (ASSUMPTION: 30 km, beyond which
  // no one walks or boats to a facility faster than to one closer; docs/scale.md).
  double tile_margin_m = 30000;
  // A tile that leaves times unsure (people, map or referrals: a best path could leave it) is
  // solved again with twice its margin, up to this one, while its window holds no more cells than
  // kTileAboveCells or the largest tile at tile_margin_m, whichever is more (the peak stays the
  // largest tile's). ASSUMPTION: 120 km (docs/access.md). Equal to tile_margin_m: fixed.
  double tile_margin_max_m = 120000;
};

// Travel between puskesmas is searched up to this many minutes; a puskesmas with no other one
// within it has no route (its remoteness counts as this bound).
inline constexpr units::Minutes kRouteBoundMinutes{120};

// The destinations of a run.
inline const std::vector<std::string> kAccessTargets = {"puskesmas", "fktp", "rs"};

struct AccessRunReport {
  grid::GridSpec spec;  // the grid of the run (by kabupaten: the one its tiles are windows of)
  struct Tile {
    std::string kabupaten;
    grid::GridSpec spec;
    double margin_m = 0;  // the margin it was solved with (wider than asked: widened)
  };
  std::vector<Tile> tiles;  // a run by kabupaten: its tiles, solved one after another
  // A run by kabupaten, per target: the people whose time may be shorter than reported (their
  // best path could leave their tile; MinutesToLeave); 0 is the run without tiles' answer.
  std::map<std::string, double> uncertain_people;
  // The same as area (km2) of the zones' cells, those without a population figure included.
  std::map<std::string, double> uncertain_km2;
  // The same for the facilities' referrals (akses_fasyankes.csv's "menit_ke_rs"): minutes to
  // a hospital longer than the way out of the tile from the facility. (Routes between
  // puskesmas are not counted: a facility has many, and only the least is its remoteness.)
  std::map<std::string, int> uncertain_facilities;
  bool roads_approximated = true;  // no road layer: the per-village approximation was used
  std::vector<std::string> layers_used;
  // Per target: region access for desa, kecamatan and the kabupaten.
  std::map<std::string, std::vector<RegionAccess>> regions;
  std::vector<FacilityAccess> facilities;
  std::vector<FacilityRoute> routes;  // between puskesmas (moving staff, remoteness)
  std::map<std::string, std::string> region_names;
  std::vector<Diagnostic> warnings;  // snapped facilities, facilities left out
  std::vector<std::string> files;
  double seconds = 0;
};

// Loads the scenario (reference table travel-scenario), builds the friction, solves and
// summarises. `progress(step, of, what)` reports the steps.
std::expected<AccessRunReport, Error> RunAccess(
    store::Workspace& ws, const AccessRunOptions& options, const std::string& user,
    const std::function<void(int, int, const std::string&)>& progress);

// Per facility of the access run of `scenario`: people nearest to it, minutes to a hospital and
// to the nearest other facility; of the facilities `only` names when it is set.
report::Table AccessFacilitiesTable(const store::Workspace& ws, const std::string& scenario,
                                    const std::optional<std::set<std::string>>& only = {});

// Reach per (target, region) as the table `access run` writes (akses_wilayah.csv) and the
// API serves: percentages of the population within 30/60/120 minutes.
report::Table AccessRegionsTable(const std::vector<std::pair<std::string, RegionAccess>>& rows,
                                 const std::map<std::string, std::string>& names,
                                 bool roads_approximated);

// The travel scenario in force in the workspace.
std::expected<access::TravelScenario, Error> LoadTravelScenario(const store::Workspace& ws);

}  // namespace jangkau::app
