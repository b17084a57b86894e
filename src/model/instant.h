// An instant in UTC as dispatchers and planners type it (ISO 8601; no zone means WIB, UTC+7,
// Sumatera Selatan's time). Plain value; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace jangkau {

// Seconds since 1970-01-01T00:00:00Z.
struct Instant {
  int64_t seconds = 0;
  auto operator<=>(const Instant&) const = default;
  // In WIB with seconds and the zone: "2026-12-02T10:00:00+07:00".
  std::string Iso() const;
  // ISO 8601 with a date, hours and minutes, optional seconds and fraction, and a zone ("Z",
  // "+07:00", "+0700"); no zone means UTC+7 (WIB, Sumatera Selatan's time). std::nullopt for
  // anything else, including impossible dates and times.
  static std::optional<Instant> Parse(std::string_view text);
};
// Minutes from `a` to `b` (negative when b is earlier).
inline double MinutesBetween(Instant a, Instant b) {
  return static_cast<double>(b.seconds - a.seconds) / 60.0;
}

}  // namespace jangkau
