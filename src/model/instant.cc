#include "model/instant.h"

#include <charconv>

#include <fmt/format.h>

#include "base/text_util.h"
#include "model/date.h"

namespace jangkau {
namespace {

// Days from 1970-01-01 to a civil date (H. Hinnant's days_from_civil).
int64_t DaysFromCivil(int64_t y, int m, int d) {
  y -= m <= 2 ? 1 : 0;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void CivilFromDays(int64_t z, int64_t& y, int& m, int& d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  y = yoe + era * 400 + (m <= 2 ? 1 : 0);
}

// Sumatera Selatan keeps WIB (UTC+7): a time typed without a zone is WIB, and times are shown so.
constexpr int64_t kWibSeconds = int64_t{7} * 3600;

std::optional<int> Digits(std::string_view s, std::size_t at, std::size_t n) {
  if (at + n > s.size()) return std::nullopt;
  int v = 0;
  for (std::size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

}  // namespace

std::string Instant::Iso() const {
  const int64_t local = seconds + kWibSeconds;
  int64_t days = local / 86400;
  int64_t rest = local % 86400;
  if (rest < 0) {
    rest += 86400;
    --days;
  }
  int64_t y = 0;
  int m = 0;
  int d = 0;
  CivilFromDays(days, y, m, d);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}+07:00", y, m, d, rest / 3600,
                     rest % 3600 / 60, rest % 60);
}

std::optional<Instant> Instant::Parse(std::string_view text) {
  const std::string_view s = Trim(text);
  // YYYY-MM-DD[T ]HH:MM[:SS[.fff]][Z|+HH:MM|+HHMM|-...]
  const auto year = Digits(s, 0, 4);
  const auto month = Digits(s, 5, 2);
  const auto day = Digits(s, 8, 2);
  if (!year || !month || !day || s.size() < 16 || s[4] != '-' || s[7] != '-' ||
      (s[10] != 'T' && s[10] != ' ') || s[13] != ':') {
    return std::nullopt;
  }
  if (!IsValidDate(*year, *month, *day)) return std::nullopt;
  const auto hour = Digits(s, 11, 2);
  const auto minute = Digits(s, 14, 2);
  if (!hour || !minute || *hour > 23 || *minute > 59) return std::nullopt;
  std::size_t at = 16;
  int second = 0;
  if (at < s.size() && s[at] == ':') {
    const auto sec = Digits(s, at + 1, 2);
    if (!sec || *sec > 59) return std::nullopt;
    second = *sec;
    at += 3;
    if (at < s.size() && (s[at] == '.' || s[at] == ',')) {
      ++at;
      const std::size_t start = at;
      while (at < s.size() && s[at] >= '0' && s[at] <= '9') ++at;
      if (at == start) return std::nullopt;  // fractions of a second are dropped
    }
  }
  int64_t offset = kWibSeconds;
  if (at < s.size()) {
    if (s[at] == 'Z' || s[at] == 'z') {
      offset = 0;
      ++at;
    } else if (s[at] == '+' || s[at] == '-') {
      const int sign = s[at] == '+' ? 1 : -1;
      const auto oh = Digits(s, at + 1, 2);
      std::size_t next = at + 3;
      std::optional<int> om;
      if (next < s.size() && s[next] == ':') {
        om = Digits(s, next + 1, 2);
        next += 3;
      } else {
        om = Digits(s, next, 2);
        next += 2;
      }
      if (!oh || !om || *oh > 14 || *om > 59) return std::nullopt;
      offset = sign * (int64_t{*oh} * 3600 + int64_t{*om} * 60);
      at = next;
    } else {
      return std::nullopt;
    }
  }
  if (at != s.size()) return std::nullopt;
  const int64_t days = DaysFromCivil(*year, *month, *day);
  return Instant{days * 86400 + int64_t{*hour} * 3600 + int64_t{*minute} * 60 + second - offset};
}

}  // namespace jangkau
