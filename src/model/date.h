// Calendar dates as people type them in Indonesian spreadsheets. Plain value; thread-safe.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace jangkau {

struct Date {
  int year = 0;
  int month = 0;  // 1-12
  int day = 0;    // 1-31

  auto operator<=>(const Date&) const = default;
  std::string Iso() const;  // "1985-08-17"

  // Accepts ISO "YYYY-MM-DD" (also "YYYY/MM/DD", optionally followed by a time) and the
  // day-first forms used in Indonesia: "DD/MM/YYYY", "DD-MM-YYYY", "DD.MM.YYYY" (one-digit day
  // and month allowed). Returns std::nullopt for anything else, including impossible dates
  // such as 2023-02-29.
  static std::optional<Date> Parse(std::string_view text);
  static Date Today();  // UTC

  // Whole years from this date to `on` (age at `on`).
  int YearsUntil(const Date& on) const;
};

bool IsValidDate(int year, int month, int day);

}  // namespace jangkau
