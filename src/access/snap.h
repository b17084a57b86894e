// Moving a point that falls on an impassable cell to the nearest passable one (AccessMod's
// users ask for this for facilities digitised in a river or on a coastline). Pure; thread-safe.
#pragma once

#include <optional>

#include "grid/grid.h"

namespace jangkau::access {

struct SnappedCell {
  int row = 0;
  int col = 0;
  double distance = 0;  // map units between the two cell centres
};

// The passable cell (friction < +inf) nearest to (row, col) within `max_distance` map units,
// the cell itself when passable; std::nullopt when there is none.
std::optional<SnappedCell> SnapToPassable(const grid::PaddedGrid<float>& friction,
                                          const grid::GridSpec& spec, int row, int col,
                                          double max_distance);

}  // namespace jangkau::access
