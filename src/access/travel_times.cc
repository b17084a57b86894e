// TravelTimes's reads over both layers and its rows for writing rasters (solver.h).
#include <algorithm>
#include <limits>

#include "access/solver.h"

namespace jangkau::access {

float TravelTimes::Best(int r, int c) const {
  float best = std::numeric_limits<float>::infinity();
  for (int l = 0; l < layers; ++l) best = std::min(best, TimeAt(At(l, r, c)));
  return best;
}

int32_t TravelTimes::BestNearest(int r, int c) const {
  float best = std::numeric_limits<float>::infinity();
  int32_t who = -1;
  for (int l = 0; l < layers; ++l) {
    const std::size_t g = At(l, r, c);
    if (TimeAt(g) < best) {
      best = TimeAt(g);
      who = NearestAt(g);
    }
  }
  return who;
}

void TravelTimes::CopyRow(int layer, int r, float* time, int32_t* nearest) const {
  const std::size_t first = At(layer, r, 0);
  auto copy = [&](const auto* row) {
    for (int c = 0; c < cols; ++c) {
      if (time != nullptr) time[c] = row[c].time;
      if (nearest != nullptr) nearest[c] = row[c].nearest;
    }
  };
  compact.empty() ? copy(&cells[first]) : copy(&compact[first]);
}

}  // namespace jangkau::access
