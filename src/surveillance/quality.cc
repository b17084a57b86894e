#include "surveillance/quality.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace jangkau::surveillance {

double HistoryMedian(const std::vector<double>& series, std::size_t index,
                     const QualityRules& rules) {
  // At most kMaxWindow values, on the stack: this runs for every week of every series.
  constexpr std::size_t kMaxWindow = 64;
  std::array<double, kMaxWindow> seen{};
  std::size_t n = 0;
  const std::size_t window = std::clamp<std::size_t>(rules.window, 1, kMaxWindow);
  for (std::size_t i = index; i > 0 && index - i < window; --i) {
    if (!std::isnan(series[i - 1])) seen[n++] = series[i - 1];
  }
  if (n == 0 || static_cast<int>(n) < rules.min_reported) return std::nan("");
  std::sort(seen.begin(), seen.begin() + static_cast<std::ptrdiff_t>(n));
  const std::size_t m = n / 2;
  return n % 2 == 1 ? seen[m] : (seen[m - 1] + seen[m]) / 2;
}

bool FarAboveHistory(double value, double median, const QualityRules& rules) {
  if (std::isnan(value) || std::isnan(median)) return false;
  return value - median >= rules.min_excess && value >= rules.factor * median;
}

bool ExcessMatches(double excess, double neighbour, const QualityRules& rules) {
  if (std::isnan(excess) || std::isnan(neighbour)) return false;
  if (excess < rules.min_excess || neighbour < rules.min_excess) return false;
  return std::fabs(excess - neighbour) <= std::max(1.0, rules.tolerance * neighbour);
}

bool UnitJump(double units, double median, const QualityRules& rules) {
  if (std::isnan(units) || std::isnan(median)) return false;
  return units >= rules.unit_factor * median && units - median >= rules.unit_min_jump;
}

}  // namespace jangkau::surveillance
