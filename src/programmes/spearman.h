// Spearman's rank correlation, to say whether two orderings agree (are the farthest villages
// the least weighed?). Pure function; thread-safe.
#pragma once

#include <optional>
#include <vector>

namespace jangkau::programmes {

// Pearson's correlation of the ranks (tied values share their average rank); std::nullopt
// under 3 pairs, for sides of different lengths, or when a side is constant.
std::optional<double> Spearman(const std::vector<double>& x, const std::vector<double>& y);

}  // namespace jangkau::programmes
