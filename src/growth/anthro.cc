#include "growth/anthro.h"

#include <cmath>

namespace jangkau::growth {
namespace {

constexpr int kLastDay = 1856;  // anthro's upper age bound for every age-based indicator

struct AgeRule {
  Indicator indicator;
  AgeTable table;
  int first_day;         // the lowest age with a z-score
  bool restricted;       // the restricted formula beyond +-3 SD
  bool oedema_excludes;  // no z with oedema
  double flag_low;       // flagged when z < flag_low or z > flag_high
  double flag_high;
};

constexpr AgeRule kAgeRules[] = {
    {Indicator::kLen, AgeTable::kLength, 0, false, false, -6, 6},
    {Indicator::kWei, AgeTable::kWeight, 0, true, true, -6, 5},
    {Indicator::kBmi, AgeTable::kBmi, 0, true, true, -5, 5},
    {Indicator::kHc, AgeTable::kHead, 0, false, false, -5, 5},
    {Indicator::kAc, AgeTable::kArm, 91, true, false, -5, 5},
    {Indicator::kTs, AgeTable::kTriceps, 91, true, false, -5, 5},
    {Indicator::kSs, AgeTable::kSubscapular, 91, true, false, -5, 5},
};

void Set(ZScores& out, Indicator i, std::optional<double> z, double low, double high) {
  const auto k = static_cast<std::size_t>(i);
  out.z[k] = z;
  out.flag[k] = z ? std::optional<int>(*z < low || *z > high ? 1 : 0) : std::nullopt;
}

// NaN (R's NA from arithmetic) as a missing value.
std::optional<double> Finite(double z) {
  if (std::isnan(z)) return std::nullopt;
  return z;
}

}  // namespace

const char* IndicatorKey(Indicator i) {
  static constexpr const char* kKeys[] = {"len", "wei", "wfl", "bmi", "hc", "ac", "ts", "ss"};
  return kKeys[static_cast<int>(i)];
}

double RoundR(double x, int digits) {
  if (!std::isfinite(x) || x == 0) return x;
  if (x < 0) return -RoundR(-x, digits);
  const double p10 = std::pow(10.0, digits);
  const double x10 = p10 * x;
  const double i10 = std::floor(x10);
  const double down = i10 / p10;
  const double up = std::ceil(x10) / p10;
  const double du = up - x;
  const double dd = x - down;
  return (du < dd || (du == dd && std::fmod(i10, 2.0) == 1)) ? up : down;
}

double RoundHalfUp(double x) {
  const double whole = std::floor(x);
  return x - whole >= 0.5 ? whole + 1 : whole;
}

double LmsZ(double y, const Lms& p) { return (std::pow(y / p.m, p.l) - 1) / (p.s * p.l); }

double LmsZRestricted(double y, const Lms& p) {
  const double z = LmsZ(y, p);
  auto at = [&p](double sd) { return p.m * std::pow(1 + p.l * p.s * sd, 1 / p.l); };
  if (z > 3) {
    const double sd3 = at(3);
    return 3 + (y - sd3) / (sd3 - at(2));
  }
  if (z < -3) {
    const double sd3 = at(-3);
    return -3 + (y - sd3) / (at(-2) - sd3);
  }
  return z;
}

ZScores Compute(const Standards& standards, const Measurement& m) {
  ZScores out;
  out.csex = m.sex;
  out.cmeasure = m.measure;
  if (m.age) {
    out.age_days =
        static_cast<int64_t>(RoundHalfUp(m.age_in_months ? *m.age * kDaysPerMonth : *m.age));
    out.age_months = m.age_in_months ? *m.age : *m.age / kDaysPerMonth;
  }
  const auto& days = out.age_days;
  const auto& months = out.age_months;
  // Standing under 9 months: the position is implausible and dropped.
  if (out.cmeasure == 'h' && months && *months < 9) {
    out.cmeasure.reset();
    out.c9mo_flag = true;
  }
  if (m.lenhei) {
    double len = *m.lenhei;
    if (days && *days < 731 && out.cmeasure == 'h') len += 0.7;
    if (days && *days >= 731 && out.cmeasure == 'l') len -= 0.7;
    out.clenhei = len;
    if (m.weight) out.cbmi = *m.weight / ((len / 100) * (len / 100));
  }
  const bool under_60 = months && *months < 60;

  // The age-based indicators.
  const std::optional<double> measures[] = {out.clenhei, m.weight,  out.cbmi, m.headc,
                                            m.armc,      m.triskin, m.subskin};
  for (int k = 0; k < 7; ++k) {
    const AgeRule& rule = kAgeRules[k];
    std::optional<double> z;
    const std::optional<double>& y = measures[k];
    const bool valid = days && *days >= rule.first_day && *days <= kLastDay && under_60 &&
                       !(rule.oedema_excludes && m.oedema);
    if (valid && y && *y > 0 && m.sex) {
      if (const Lms* p = standards.ByAge(rule.table, *m.sex, *days)) {
        z = Finite(RoundR(rule.restricted ? LmsZRestricted(*y, *p) : LmsZ(*y, *p), 2));
      }
    }
    Set(out, rule.indicator, z, rule.flag_low, rule.flag_high);
  }

  // Weight-for-length (under 731 days) or -height: the table by age, else by the position
  // measured, else by 87 cm; L, M and S interpolated between the 0.1 cm rows around the length.
  std::optional<double> wfl;
  if (out.clenhei && m.weight && m.sex) {
    const double len = *out.clenhei;
    std::optional<bool> height;
    if (days) {
      height = *days >= 731;
    } else if (out.cmeasure) {
      height = *out.cmeasure == 'h';
    } else {
      height = len >= 87;
    }
    const bool in_range = *height ? (len >= 65 && len <= 120) : (len >= 45 && len <= 110);
    const bool valid =
        in_range && !m.oedema && (!days || *days <= kLastDay) && (!months || *months < 60);
    if (valid) {
      const double low_key = std::trunc(len * 10);
      const double high_key = std::trunc(len * 10 + 1);
      const double diff = (len - low_key / 10) / 0.1;
      const Lms* low = standards.ByLength(*height, *m.sex, static_cast<int64_t>(low_key));
      const Lms* high = standards.ByLength(*height, *m.sex, static_cast<int64_t>(high_key));
      if (low != nullptr && (diff <= 0 || high != nullptr)) {
        Lms p = *low;
        if (diff > 0) {
          p.l = low->l + diff * (high->l - low->l);
          p.m = low->m + diff * (high->m - low->m);
          p.s = low->s + diff * (high->s - low->s);
        }
        wfl = Finite(RoundR(LmsZRestricted(*m.weight, p), 2));
      }
    }
  }
  Set(out, Indicator::kWfl, wfl, -5, 5);
  return out;
}

}  // namespace jangkau::growth
