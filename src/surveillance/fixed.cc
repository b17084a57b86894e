#include "surveillance/fixed.h"

#include <algorithm>
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

std::vector<Detection> TwiceRecentMean(const std::vector<double>& cases, int weeks) {
  std::vector<Detection> out;
  const auto n = static_cast<std::size_t>(std::max(1, weeks));
  for (std::size_t i = n; i < cases.size(); ++i) {
    double sum = 0;
    for (std::size_t k = i - n; k < i; ++k) sum += cases[k];
    const double bound = 2 * sum / static_cast<double>(n);
    Detection d{i, cases[i], bound, std::nullopt};
    if (!std::isnan(cases[i]) && !std::isnan(bound)) d.alarm = cases[i] > 0 && cases[i] >= bound;
    out.push_back(d);
  }
  return out;
}

}  // namespace jangkau::surveillance
