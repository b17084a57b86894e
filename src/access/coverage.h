// Population reach per zone (village): people spread evenly over the zone's passable cells,
// the population-weighted mean time and the people within each threshold (inclusive: 120
// minutes counts as within 120). Pure function; thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "access/solver.h"

namespace jangkau::access {

inline constexpr std::array<double, 3> kThresholds = {30, 60, 120};

struct ZoneAccess {
  double population = 0;
  double reachable = 0;            // people with a finite time
  double weighted_minutes = 0;     // sum of people x minutes over the reachable
  std::array<double, 3> within{};  // people within kThresholds[i] minutes
  double MeanMinutes() const { return reachable > 0 ? weighted_minutes / reachable : -1; }
};

// `zone_of_cell`: row-major (rows x cols, no padding) zone index or -1; `population` per zone;
// `fallback_cell`: for zones without any passable cell, the cell whose time stands for the
// whole zone, when there is one. Times are taken from `layer` of `times`.
std::vector<ZoneAccess> ZonalAccess(
    const TravelTimes& times, int layer, const std::vector<int32_t>& zone_of_cell,
    const std::vector<double>& population,
    const std::vector<std::optional<grid::CellIndex>>& fallback_cell,
    const grid::PaddedGrid<float>& friction);

}  // namespace jangkau::access
