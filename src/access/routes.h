// Travel between many places on one friction grid: bounded searches from many origins to a set
// of cells (candidate sites to village centres, a mobile clinic's stops to villages) and the
// minutes between facilities. Each search is a BoundedSearch towards its origin, as patients
// travel; the origins are shared between two threads. Pure functions over values; thread-safe
// (each call uses its own searches).
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "access/solver.h"
#include "model/scenario.h"

namespace jangkau::access {

// For each origin, the (index into `cells`, minutes) of the cells of `cells` (an empty entry is
// skipped) reached within options.max_cost minutes, in the order of `cells`.
// `options` as for SolveTravelTime (its max_cost should be finite; its threads are ignored:
// each search runs on one thread). `progress(done, of)` after each origin (may be empty; called
// under a lock, from either thread).
std::vector<std::vector<std::pair<int, double>>> BoundedTimes(
    const FrictionGrid& friction, std::span<const Source> origins,
    std::span<const std::optional<grid::CellIndex>> cells, const SolveOptions& options,
    const std::function<void(int, int)>& progress);

// A facility placed on the grid.
struct RoutePoint {
  std::string kode;
  int row = 0;
  int col = 0;
  bool searched = true;  // the routes to it are found (else it is only a start)
};

// The minutes from each point to each other point within options.max_cost, sorted by (from,
// to); pairs beyond the bound are absent. One bounded search per destination (a point whose
// `searched` is false is a start only: the routes to it are not found), with `options`:
// Direction::kToSources gives the minutes of travelling from `from` to `to`, as patients do.
std::vector<FacilityRoute> RoutesBetween(const FrictionGrid& friction,
                                         std::span<const RoutePoint> points,
                                         const SolveOptions& options);

}  // namespace jangkau::access
