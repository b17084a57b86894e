// Test helper: multiplies every travel time of a solve (so that thresholds fall on cells),
// whichever of its two layouts the solve used.
#pragma once

#include "access/solver.h"

namespace jangkau::access {

inline void ScaleTimes(TravelTimes& t, float k) {
  for (auto& cell : t.cells) cell.time *= k;
  for (auto& cell : t.compact) cell.time *= k;
}

}  // namespace jangkau::access
