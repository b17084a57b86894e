// Quantities with their unit in the type, after OSRM's Alias<T, Tag>: minutes, kilometres,
// metres, rupiah and people are distinct types, so adding minutes to kilometres, or passing a
// distance where a travel time is expected, does not compile. Arithmetic stays within one unit
// (a sum of minutes is minutes, a ratio of two is a plain number); the conversions between
// units are the functions below and nowhere else. `.value()` is the way out to a plain number
// (for a file, a JSON value or a formula). Plain values; thread-safe.
//
// Unreached has one meaning in memory: no value (std::optional<Minutes> empty). The travel-time
// engine's cells hold +infinity for it internally (Reached() tells), rasters on disk -1 (their
// nodata), tables an empty cell.
#pragma once

#include <cmath>
#include <compare>
#include <limits>
#include <optional>

namespace jangkau::units {

template <typename T, typename Tag>
class Alias {
 public:
  using value_type = T;
  constexpr Alias() = default;
  constexpr explicit Alias(T v) : v_(v) {}
  constexpr T value() const { return v_; }

  constexpr Alias operator+(Alias o) const { return Alias(v_ + o.v_); }
  constexpr Alias operator-(Alias o) const { return Alias(v_ - o.v_); }
  constexpr Alias& operator+=(Alias o) {
    v_ += o.v_;
    return *this;
  }
  constexpr Alias& operator-=(Alias o) {
    v_ -= o.v_;
    return *this;
  }
  constexpr Alias operator*(T k) const { return Alias(v_ * k); }
  constexpr Alias operator/(T k) const { return Alias(v_ / k); }
  constexpr T operator/(Alias o) const { return v_ / o.v_; }  // a ratio has no unit
  constexpr auto operator<=>(const Alias&) const = default;

 private:
  T v_{};
};

template <typename T, typename Tag>
constexpr Alias<T, Tag> operator*(T k, Alias<T, Tag> a) {
  return a * k;
}

struct MinutesTag;
struct KmTag;
struct MetresTag;
struct KmPerHourTag;
struct RupiahTag;
struct PeopleTag;

using Minutes = Alias<double, MinutesTag>;
using Km = Alias<double, KmTag>;
using Metres = Alias<double, MetresTag>;
using KmPerHour = Alias<double, KmPerHourTag>;
using Rupiah = Alias<double, RupiahTag>;  // per year where a cost, whole rupiah when shown
using People = Alias<double, PeopleTag>;  // fractional when a village is shared

// Literals for constants and tests: 20_min, 5.5_km, 72e6_rp.
namespace literals {
constexpr Minutes operator""_min(long double v) { return Minutes(static_cast<double>(v)); }
constexpr Minutes operator""_min(unsigned long long v) { return Minutes(static_cast<double>(v)); }
constexpr Km operator""_km(long double v) { return Km(static_cast<double>(v)); }
constexpr Km operator""_km(unsigned long long v) { return Km(static_cast<double>(v)); }
constexpr Rupiah operator""_rp(long double v) { return Rupiah(static_cast<double>(v)); }
constexpr Rupiah operator""_rp(unsigned long long v) { return Rupiah(static_cast<double>(v)); }
}  // namespace literals

// --- the conversions, in one place ---
constexpr Km ToKm(Metres m) { return Km(m.value() / 1000.0); }
constexpr Metres ToMetres(Km k) { return Metres(k.value() * 1000.0); }
// Time to cover a distance at a speed.
constexpr Minutes TravelTime(Km distance, KmPerHour speed) {
  return Minutes(distance.value() / speed.value() * 60.0);
}

// The engines' internal "not reached" (a cell no source reaches, a village no site serves).
inline constexpr double kUnreached = std::numeric_limits<double>::infinity();
inline bool Reached(double engine_minutes) { return std::isfinite(engine_minutes); }
// An engine cell's minutes as a value: empty when unreached.
inline std::optional<Minutes> FromEngine(double engine_minutes) {
  if (!Reached(engine_minutes)) return std::nullopt;
  return Minutes(engine_minutes);
}

}  // namespace jangkau::units
