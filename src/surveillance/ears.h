// EARS C1, C2 and C3 exactly as R's `surveillance` package computes them (`earsC`, version
// 1.20.3, the Debian bookworm package; docs/surveillance.md): the reference window, the sample
// standard deviation, the minimum sigma, the upper bound, the strict alarm, and R's missing-value
// rules (NA in, NA out; no removal). C3 is the package's code, not its documentation: the bound is
// built on the observed count and the two lagged C2 statistics (so it alarms one week after C2's
// first alarm). Pure functions; thread-safe.
#pragma once

#include <optional>
#include <vector>

#include "surveillance/detection.h"

namespace jangkau::surveillance {

enum class EarsMethod { kC1, kC2, kC3 };

struct EarsOptions {
  EarsMethod method = EarsMethod::kC1;
  int baseline = 7;      // at least 3
  double min_sigma = 0;  // at least 0
  // Default as `earsC(x, control = list(method = ...))`: 0.001 for C1 and C2, 0.025 for C3.
  std::optional<double> alpha;
};

// One result per index from the first one the method can compute (baseline + 1, + 3 or + 5, in
// 1-based rows) to the last; std::nullopt for options R refuses (baseline < 3, min_sigma < 0,
// alpha outside (0, 1)). A series too short for any result gives an empty vector.
std::optional<std::vector<Detection>> Ears(const std::vector<double>& cases,
                                           const EarsOptions& options);

}  // namespace jangkau::surveillance
