// Epidemiological weeks as Indonesia's early-warning system (SKDR) counts them: Sunday to
// Saturday, week 1 the week holding 4 January (so its Wednesday is in the new year; the MMWR
// convention), a year of 52 or 53 weeks. Written "2025-W07". Plain values; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/date.h"

namespace jangkau {

struct EpiWeek {
  int year = 0;
  int week = 0;  // 1..52 or 53
  auto operator<=>(const EpiWeek&) const = default;
  std::string Text() const;  // "2025-W07"
  // "2025-W07" (also "2025W07", "2025-w7"); std::nullopt for anything else or a week the year
  // does not have.
  static std::optional<EpiWeek> Parse(std::string_view text);
  EpiWeek Next() const;
  Date Sunday() const;  // its first day
};

int WeeksInEpiYear(int year);  // 52 or 53
EpiWeek EpiWeekOf(const Date& d);

}  // namespace jangkau
