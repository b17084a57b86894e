// A week's result of an outbreak-detection method: the observed count, the upper bound and the
// alarm, with R's missing values (NaN for NA and NaN alike; an alarm absent when R's is NA).
// Plain value; thread-compatible.
#pragma once

#include <cstddef>
#include <optional>

namespace jangkau::surveillance {

struct Detection {
  std::size_t index = 0;  // 0-based row of the series
  double observed = 0;    // NaN when missing
  double upper = 0;       // NaN when R gives NA or NaN
  std::optional<bool> alarm;
};

// R's qnorm(p) for 0 < p < 1.
double NormalQuantile(double p);

}  // namespace jangkau::surveillance
