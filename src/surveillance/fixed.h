// The fixed threshold of SKDR's parameter table: a week with `threshold` cases or more raises an
// alert (the comparison is ">=", as the district's table reads "nilai ambang"); and the simple
// relative rule of twice the recent mean. Pure; thread-safe.
#pragma once

#include <vector>

#include "surveillance/detection.h"

namespace jangkau::surveillance {

// One result per week; a missing week (NaN) has no alarm. The upper bound is the threshold.
std::vector<Detection> FixedThreshold(const std::vector<double>& cases, double threshold);

// Twice the mean of the previous `weeks` weeks (the research's "2 x previous 3"): the bound is
// 2 x mean(x[t-weeks .. t-1]) and a week with at least one case at or above it alarms. One result
// per week from row `weeks` on; a missing value in the window or the week gives no alarm.
std::vector<Detection> TwiceRecentMean(const std::vector<double>& cases, int weeks = 3);

}  // namespace jangkau::surveillance
