// The fixed threshold of SKDR's parameter table: a week with `threshold` cases or more raises an
// alert (the comparison is ">=", as the district's table reads "nilai ambang"). Pure; thread-safe.
#pragma once

#include <vector>

#include "surveillance/detection.h"

namespace jangkau::surveillance {

// One result per week; a missing week (NaN) has no alarm. The upper bound is the threshold.
std::vector<Detection> FixedThreshold(const std::vector<double>& cases, double threshold);

}  // namespace jangkau::surveillance
