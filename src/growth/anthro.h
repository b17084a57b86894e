// z-scores of the WHO Child Growth Standards exactly as WHO's `anthro` R package 1.1.0
// (anthro_zscores) computes them: age in whole days (months x 30.4375, rounded half up), the
// position adjustment (standing under 731 days +0.7 cm, lying from 731 days -0.7 cm, the
// position guessed from age or, without age, from 87 cm), standing under 9 months flagged and
// its position dropped, weight-for-length/height interpolated between 0.1 cm rows, the
// restricted LMS formula beyond +-3 SD for the weight-based indicators (all but length and head
// circumference), z rounded to 2 decimals as R's round() does before flagging, oedema leaving
// the weight-based z-scores missing, and z only under 60 months. Rules and sources:
// docs/programmes.md. Pure functions; thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <optional>

#include "growth/standards.h"

namespace jangkau::growth {

// The eight indicators, in the order of anthro's output columns.
enum class Indicator { kLen, kWei, kWfl, kBmi, kHc, kAc, kTs, kSs };
inline constexpr int kIndicatorCount = 8;
// "len", "wei", "wfl", "bmi", "hc", "ac", "ts", "ss" (the column suffixes: zlen, flen, ...).
const char* IndicatorKey(Indicator i);

// One measurement as anthro_zscores takes it; std::nullopt is R's NA.
struct Measurement {
  std::optional<int> sex;        // 1 male, 2 female
  std::optional<double> age;     // in days, or months when age_in_months; >= 0
  bool age_in_months = false;    // anthro's is_age_in_month
  std::optional<double> weight;  // kg
  std::optional<double> lenhei;  // cm
  std::optional<char> measure;   // 'l' recumbent length, 'h' standing height
  bool oedema = false;
  std::optional<double> headc;    // cm
  std::optional<double> armc;     // cm
  std::optional<double> triskin;  // mm
  std::optional<double> subskin;  // mm
};

struct ZScores {
  std::optional<int64_t> age_days;   // whole days
  std::optional<double> age_months;  // unrounded
  std::optional<double> clenhei;     // length/height after the position adjustment
  std::optional<char> cmeasure;      // the position used (dropped when implausible)
  bool c9mo_flag = false;            // standing under 9 months
  std::optional<double> cbmi;        // weight / (clenhei / 100)^2
  std::optional<int> csex;
  std::array<std::optional<double>, kIndicatorCount> z;  // rounded to 2 decimals
  std::array<std::optional<int>, kIndicatorCount> flag;  // 1 implausible, 0 not; missing with z
  const std::optional<double>& Z(Indicator i) const { return z[static_cast<std::size_t>(i)]; }
  const std::optional<int>& Flag(Indicator i) const { return flag[static_cast<std::size_t>(i)]; }
};

ZScores Compute(const Standards& standards, const Measurement& m);

// R's round(x, digits) (R >= 4.0.0): the nearer of the two candidates with `digits` decimals,
// ties to the even last digit.
double RoundR(double x, int digits);
// Half up for non-negative x, as anthro rounds ages.
double RoundHalfUp(double x);
inline constexpr double kDaysPerMonth = 30.4375;

// The LMS z-score, and its restricted form for weight-based indicators beyond +-3 SD (distance
// in units of the 2-to-3 SD interval).
double LmsZ(double y, const Lms& lms);
double LmsZRestricted(double y, const Lms& lms);

}  // namespace jangkau::growth
