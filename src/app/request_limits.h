// The limits of every request value, one table for the command line and the web API, so both
// refuse the same values with the same message. Errors name the value in the user's terms
// (`tutup`, `kecepatan`), never a command-line flag or a JSON path. Pure; thread-safe.
#pragma once

#include <optional>
#include <string>

#include "base/diagnostic.h"

namespace jangkau::app {

struct Limit {
  double lo;
  double hi;
};

inline constexpr Limit kResolutionM{10, 5000};  // grid cell size, metres
inline constexpr Limit kSitesK{1, 1000};        // new sites to choose
inline constexpr Limit kMinutes{1, 1440};       // a travel-time threshold, minutes
inline constexpr Limit kFloodFactor{0, 1};      // speed factor in a flooded area
inline constexpr Limit kSpeedKmh{0.5, 200};     // a travel speed, km/h
inline constexpr Limit kLon{94, 142};           // Indonesia with a margin, degrees
inline constexpr Limit kLat{-12, 7};
inline constexpr Limit kYear{2000, 2100};    // a plan or proposal year
inline constexpr Limit kBudget{0, 1e15};     // rupiah
inline constexpr Limit kWeight{0, 100};      // a priority weight
inline constexpr Limit kCeiling{0, 100000};  // positions of one cadre
inline constexpr int kMaxListItems = 5000;   // codes in one list
inline constexpr int kMaxNameChars = 64;     // a scenario's name
inline constexpr int kMaxTextChars = 2000;   // a description or comment

// kHttpFieldRange naming `field` when `value` is not finite or outside `limit`.
std::optional<Error> OutsideLimit(const char* field, double value, Limit limit);

// A scenario name: 1-64 of A-Z a-z 0-9 _ - (it names files and URLs).
std::optional<Error> BadScenarioName(const std::string& nama);

}  // namespace jangkau::app
