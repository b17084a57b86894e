#include "surveillance/fixed.h"

#include <cmath>

namespace jangkau::surveillance {

std::vector<Detection> FixedThreshold(const std::vector<double>& cases, double threshold) {
  std::vector<Detection> out;
  out.reserve(cases.size());
  for (std::size_t i = 0; i < cases.size(); ++i) {
    Detection d{i, cases[i], threshold, std::nullopt};
    if (!std::isnan(cases[i])) d.alarm = cases[i] >= threshold;
    out.push_back(d);
  }
  return out;
}

}  // namespace jangkau::surveillance
