#include "surveillance/quality.h"

#include <algorithm>
#include <cmath>

namespace jangkau::surveillance {

double HistoryMedian(const std::vector<double>& series, std::size_t index,
                     const QualityRules& rules) {
  std::vector<double> seen;
  const std::size_t window = static_cast<std::size_t>(std::max(1, rules.window));
  for (std::size_t i = index; i > 0 && index - i < window; --i) {
    if (!std::isnan(series[i - 1])) seen.push_back(series[i - 1]);
  }
  if (seen.empty() || static_cast<int>(seen.size()) < rules.min_reported) return std::nan("");
  std::sort(seen.begin(), seen.end());
  const std::size_t m = seen.size() / 2;
  return seen.size() % 2 == 1 ? seen[m] : (seen[m - 1] + seen[m]) / 2;
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
