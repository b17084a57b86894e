// Input checks shared by the planning engines (internal to src/plan): each returns the Error
// naming the field, or nothing when the value is acceptable.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "base/diagnostic.h"

namespace jangkau::plan {

// A number >= 0 (+infinity allowed).
inline std::optional<Error> CheckNonNegative(const std::string& field, double value) {
  if (std::isnan(value)) return Error{Msg::kNotANumber, {field, "NaN"}};
  if (value < 0) return Error{Msg::kNegative, {field, fmt::format("{}", value)}};
  return std::nullopt;
}

// A number >= 0 and finite.
inline std::optional<Error> CheckFinite(const std::string& field, double value) {
  if (auto e = CheckNonNegative(field, value)) return e;
  if (std::isinf(value)) return Error{Msg::kPlanNotFinite, {field}};
  return std::nullopt;
}

// An index into a list of `size` entries.
inline std::optional<Error> CheckIndex(const std::string& field, int index, std::size_t size) {
  if (index >= 0 && static_cast<std::size_t>(index) < size) return std::nullopt;
  return Error{Msg::kPlanBadIndex,
               {field, std::to_string(index), std::to_string(static_cast<long>(size) - 1)}};
}

// Arcs as (from, to) pairs, in input order: the second of two equal pairs is refused (the
// exact models would count it twice). `field` is the list's name, e.g. "arcs".
inline std::optional<Error> CheckUniquePairs(const std::string& field,
                                             const std::vector<std::pair<int, int>>& pairs) {
  std::vector<std::size_t> order(pairs.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::ranges::stable_sort(order, {}, [&](std::size_t k) { return pairs[k]; });
  for (std::size_t k = 1; k < order.size(); ++k) {
    const std::size_t first = order[k - 1];
    const std::size_t second = order[k];
    if (pairs[first] != pairs[second]) continue;
    return Error{Msg::kPlanDuplicateArc,
                 {fmt::format("{}[{}]", field, second), std::to_string(pairs[second].first),
                  std::to_string(pairs[second].second), fmt::format("{}[{}]", field, first)}};
  }
  return std::nullopt;
}

}  // namespace jangkau::plan
