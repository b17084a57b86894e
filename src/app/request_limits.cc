#include "app/request_limits.h"

#include <cmath>

#include <fmt/format.h>

#include "base/text_util.h"

namespace jangkau::app {

std::optional<Error> OutsideLimit(const char* field, double value, Limit limit) {
  if (std::isfinite(value) && value >= limit.lo && value <= limit.hi) return std::nullopt;
  return Error{
      Msg::kHttpFieldRange,
      {field, fmt::format("{}", value), fmt::format("{}", limit.lo), fmt::format("{}", limit.hi)}};
}

std::optional<Error> BadScenarioName(const std::string& nama) {
  const bool plain = !nama.empty() && nama.size() <= kMaxNameChars &&
                     nama.find_first_not_of(
                         "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                         "0123456789_-") == std::string::npos;
  if (plain) return std::nullopt;
  return Error{Msg::kBadCode, {"nama", Utf8Prefix(nama, kMaxNameChars), "A-Z a-z 0-9 _ -"}};
}

}  // namespace jangkau::app
