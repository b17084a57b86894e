#include "access/snap.h"

#include <cmath>

namespace jangkau::access {

std::optional<SnappedCell> SnapToPassable(const grid::PaddedGrid<float>& friction,
                                          const grid::GridSpec& spec, int row, int col,
                                          double max_distance) {
  if (friction.at(row, col) < grid::kImpassable) return SnappedCell{row, col, 0};
  const int reach_r = static_cast<int>(std::ceil(max_distance / spec.cell_h));
  const int reach_c = static_cast<int>(std::ceil(max_distance / spec.cell_w));
  std::optional<SnappedCell> best;
  for (int r = std::max(0, row - reach_r); r <= std::min(friction.rows() - 1, row + reach_r); ++r) {
    for (int c = std::max(0, col - reach_c); c <= std::min(friction.cols() - 1, col + reach_c);
         ++c) {
      if (!(friction.at(r, c) < grid::kImpassable)) continue;
      const double d = std::hypot((r - row) * spec.cell_h, (c - col) * spec.cell_w);
      if (d <= max_distance && (!best || d < best->distance)) best = SnappedCell{r, c, d};
    }
  }
  return best;
}

}  // namespace jangkau::access
