#include "access/coverage.h"

#include <cmath>

namespace jangkau::access {

std::vector<ZoneAccess> ZonalAccess(
    const TravelTimes& times, int layer, const std::vector<int32_t>& zone_of_cell,
    const std::vector<double>& population,
    const std::vector<std::optional<grid::CellIndex>>& fallback_cell,
    const grid::PaddedGrid<float>& friction) {
  const std::size_t zones = population.size();
  const int rows = times.rows;
  const int cols = times.cols;
  std::vector<int64_t> cells(zones, 0);
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < cols; ++c) {
      const int32_t z = zone_of_cell[grid::Slot(grid::RowMajor(r, c, cols))];
      if (z >= 0 && friction.at(r, c) < grid::kImpassable) ++cells[static_cast<std::size_t>(z)];
    }
  }
  std::vector<ZoneAccess> out(zones);
  auto add = [&](ZoneAccess& z, double people, float t) {
    if (!std::isfinite(t)) return;
    z.reachable += people;
    z.weighted_minutes += people * t;
    for (std::size_t k = 0; k < kThresholds.size(); ++k) {
      if (t <= kThresholds[k]) z.within[k] += people;
    }
  };
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < cols; ++c) {
      const int32_t z = zone_of_cell[grid::Slot(grid::RowMajor(r, c, cols))];
      if (z < 0 || !(friction.at(r, c) < grid::kImpassable)) continue;
      const std::size_t zi = static_cast<std::size_t>(z);
      add(out[zi], population[zi] / static_cast<double>(cells[zi]), times.Time(layer, r, c));
    }
  }
  for (std::size_t z = 0; z < zones; ++z) {
    out[z].population = population[z];
    if (cells[z] != 0 || z >= fallback_cell.size()) continue;
    if (const std::optional<grid::CellIndex>& fallback = fallback_cell[z]) {
      const grid::RowCol at = grid::FromRowMajor(*fallback, cols);
      add(out[z], population[z], times.Best(at.row, at.col));
    }
  }
  return out;
}

}  // namespace jangkau::access
