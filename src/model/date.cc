#include "model/date.h"

#include <charconv>
#include <ctime>

#include <fmt/format.h>

namespace jangkau {
namespace {

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// Parses 1..max_digits digits at `pos`; advances pos.
std::optional<int> Digits(std::string_view s, std::size_t& pos, int min_digits, int max_digits) {
  std::size_t start = pos;
  while (pos < s.size() && pos - start < static_cast<std::size_t>(max_digits) && s[pos] >= '0' &&
         s[pos] <= '9') {
    ++pos;
  }
  if (pos - start < static_cast<std::size_t>(min_digits)) return std::nullopt;
  int value = 0;
  std::from_chars(s.data() + start, s.data() + pos, value);
  return value;
}

}  // namespace

bool IsValidDate(int year, int month, int day) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  int max_day = kDays[month - 1] + (month == 2 && IsLeap(year) ? 1 : 0);
  return day <= max_day;
}

std::string Date::Iso() const { return fmt::format("{:04}-{:02}-{:02}", year, month, day); }

namespace {

// HH:MM[:SS[.fff]] with an optional zone (Z, +07:00, +0700).
bool IsTimeOfDay(std::string_view t) {
  std::size_t pos = 0;
  auto digits = [&](std::size_t lo, std::size_t hi) {
    const std::size_t start = pos;
    while (pos < t.size() && pos - start < hi && t[pos] >= '0' && t[pos] <= '9') ++pos;
    return pos - start >= lo;
  };
  if (!digits(1, 2) || pos >= t.size() || t[pos] != ':') return false;
  ++pos;
  if (!digits(2, 2)) return false;
  if (pos < t.size() && t[pos] == ':') {
    ++pos;
    if (!digits(2, 2)) return false;
    if (pos < t.size() && t[pos] == '.') {
      ++pos;
      if (!digits(1, 9)) return false;
    }
  }
  if (pos < t.size() && (t[pos] == 'Z' || t[pos] == 'z')) {
    ++pos;
  } else if (pos < t.size() && (t[pos] == '+' || t[pos] == '-')) {
    ++pos;
    if (!digits(2, 2)) return false;
    if (pos < t.size() && t[pos] == ':') ++pos;
    if (!digits(2, 2)) return false;
  }
  return pos == t.size();
}

}  // namespace

std::optional<Date> Date::Parse(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  std::size_t pos = 0;
  auto a = Digits(text, pos, 1, 4);
  if (!a || pos >= text.size()) return std::nullopt;
  const char sep = text[pos];
  if (sep != '-' && sep != '/' && sep != '.') return std::nullopt;
  const bool year_first = pos == 4;
  ++pos;
  auto b = Digits(text, pos, 1, 2);
  if (!b || pos >= text.size() || text[pos] != sep) return std::nullopt;
  ++pos;
  auto c = Digits(text, pos, year_first ? 1 : 4, year_first ? 2 : 4);
  if (!c) return std::nullopt;
  if (pos != text.size()) {
    // Only a time of day may follow an ISO date ("1985-08-17 00:00:00", "...T00:00:00",
    // "...T00:00:00.000+07:00"); "1985-08-17 pelaksana" is not a date.
    if (!year_first || (text[pos] != ' ' && text[pos] != 'T') ||
        !IsTimeOfDay(text.substr(pos + 1))) {
      return std::nullopt;
    }
  }
  Date d = year_first ? Date{*a, *b, *c} : Date{*c, *b, *a};
  if (!IsValidDate(d.year, d.month, d.day)) return std::nullopt;
  return d;
}

Date Date::Today() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  return Date{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

int Date::YearsUntil(const Date& on) const {
  int years = on.year - year;
  if (on.month < month || (on.month == month && on.day < day)) --years;
  return years;
}

}  // namespace jangkau
