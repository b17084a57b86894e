#include "model/epi_week.h"

#include <chrono>

#include <fmt/format.h>

namespace jangkau {
namespace {

using std::chrono::days;
using std::chrono::sys_days;

sys_days ToSys(const Date& d) {
  return sys_days(std::chrono::year(d.year) / std::chrono::month(static_cast<unsigned>(d.month)) /
                  std::chrono::day(static_cast<unsigned>(d.day)));
}

Date FromSys(sys_days s) {
  const std::chrono::year_month_day ymd(s);
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

// The Sunday that starts week 1 of `year`: the Sunday on or before 4 January.
sys_days FirstSunday(int year) {
  const sys_days jan4 = ToSys({year, 1, 4});
  const std::chrono::weekday wd(jan4);  // Sunday is 0
  return jan4 - days(wd.c_encoding());
}

}  // namespace

int WeeksInEpiYear(int year) {
  return static_cast<int>((FirstSunday(year + 1) - FirstSunday(year)).count() / 7);
}

std::string EpiWeek::Text() const { return fmt::format("{:04d}-W{:02d}", year, week); }

std::optional<EpiWeek> EpiWeek::Parse(std::string_view text) {
  // YYYY, an optional '-', 'W' or 'w', one or two digits.
  if (text.size() < 6 || text.size() > 8) return std::nullopt;
  int year = 0;
  for (int i = 0; i < 4; ++i) {
    const char c = text[static_cast<std::size_t>(i)];
    if (c < '0' || c > '9') return std::nullopt;
    year = year * 10 + (c - '0');
  }
  std::size_t i = 4;
  if (text[i] == '-') ++i;
  if (i >= text.size() || (text[i] != 'W' && text[i] != 'w')) return std::nullopt;
  ++i;
  const std::string_view digits = text.substr(i);
  if (digits.empty() || digits.size() > 2) return std::nullopt;
  int week = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    week = week * 10 + (c - '0');
  }
  if (year < 1900 || year > 2100 || week < 1 || week > WeeksInEpiYear(year)) return std::nullopt;
  return EpiWeek{year, week};
}

EpiWeek EpiWeek::Next() const {
  return week < WeeksInEpiYear(year) ? EpiWeek{year, week + 1} : EpiWeek{year + 1, 1};
}

Date EpiWeek::Sunday() const { return FromSys(FirstSunday(year) + days(7 * (week - 1))); }

EpiWeek EpiWeekOf(const Date& d) {
  const sys_days s = ToSys(d);
  int year = d.year + 1;
  while (s < FirstSunday(year)) --year;
  return {year, static_cast<int>((s - FirstSunday(year)).count() / 7) + 1};
}

}  // namespace jangkau
