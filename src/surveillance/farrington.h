// The Farrington flexible method exactly as R's `surveillance` package computes it
// (`farringtonFlexible` with its defaults, version 1.20.3; docs/surveillance.md): for week k the
// counts of weeks k - 52i + d (i = 1..b, d = -w..w) fitted by a quasi-Poisson GLM with a time
// trend (kept only when significant, b >= 3 and not extrapolating), past outbreaks down-weighted
// by their Anscombe residuals, the 2/3-power threshold, and the package's own details copied for
// parity: glm.fit's iteration and stopping rule, the dispersion that predict() sees after the
// package overwrites the model's weights, and the rule of at least 5 cases in the last 4 weeks.
// Weekly series of frequency 52 by row position. Pure functions; thread-safe.
#pragma once

#include <optional>
#include <vector>

#include "surveillance/detection.h"

namespace jangkau::surveillance {

struct FarringtonOptions {
  int b = 5;  // years back
  int w = 3;  // half-window
  bool reweight = true;
  double weights_threshold = 2.58;
  double alpha = 0.05;
  bool trend = true;
  double p_threshold_trend = 0.05;
  int limit_cases = 5;  // limit54: at least this many cases
  int limit_weeks = 4;  //   in the last this many weeks (the current one included)
  std::optional<int> past_weeks_not_included;  // default: w
  int frequency = 52;
};

// Results from row 52b + w (0-based; R's range default 52b + w + 1) to the last; std::nullopt for
// options R refuses (b < 1, w < 0, alpha outside (0, 1)).
std::optional<std::vector<Detection>> Farrington(const std::vector<double>& cases,
                                                 const FarringtonOptions& options);

}  // namespace jangkau::surveillance
