#include "surveillance/klb.h"

#include <array>
#include <cmath>
#include <map>

namespace jangkau::surveillance {
namespace {

constexpr std::array<std::string_view, kKlbCriteria> kKeys = {
    "baru", "naik_3", "dua_kali", "bulan", "tahun", "cfr", "proporsi"};

bool Known(double v) { return !std::isnan(v); }

// Sum of v[from..to] (inclusive); NaN when any is missing.
double WindowSum(const std::vector<double>& v, std::size_t from, std::size_t to) {
  double s = 0;
  for (std::size_t i = from; i <= to; ++i) {
    if (!Known(v[i])) return std::nan("");
    s += v[i];
  }
  return s;
}

struct YearTotal {
  double cases = 0;
  int reported = 0;  // weeks with a count
  int rows = 0;      // weeks in the series
};

}  // namespace

std::string_view KlbCriterionKey(KlbCriterion c) { return kKeys[static_cast<std::size_t>(c)]; }

std::vector<KlbFlag> KlbCriteria(const KlbSeries& s, const KlbOptions& o) {
  std::vector<KlbFlag> out;
  const std::vector<double>& x = s.cases;
  const std::size_t n = x.size();
  const bool with_years = s.year.size() == n;
  const bool with_deaths = s.deaths.size() == n;
  const bool with_all = s.all_cases.size() == n;
  std::map<int, YearTotal> years;
  if (with_years) {
    for (std::size_t i = 0; i < n; ++i) {
      YearTotal& y = years[s.year[i]];
      ++y.rows;
      if (Known(x[i])) {
        y.cases += x[i];
        ++y.reported;
      }
    }
  }
  // The previous epi year's mean per week, when at least half of its weeks were reported.
  auto previous_mean = [&](int year) -> double {
    const auto it = years.find(year - 1);
    if (it == years.end() || it->second.reported < 26) return std::nan("");
    return it->second.cases / it->second.reported;
  };
  const auto history = static_cast<std::size_t>(std::max(1, o.history_weeks));

  for (std::size_t t = 0; t < n; ++t) {
    const double xt = x[t];
    if (!Known(xt)) continue;
    auto flag = [&](KlbCriterion c, double observed, double compared) {
      out.push_back({t, c, observed, compared});
    };
    // (a) a disease the facility had none of in the previous year.
    if (xt >= 1 && t >= history) {
      int reported = 0;
      bool any = false;
      for (std::size_t i = t - history; i < t; ++i) {
        if (!Known(x[i])) continue;
        ++reported;
        any = any || x[i] > 0;
      }
      if (!any && 2 * static_cast<std::size_t>(reported) >= history) {
        flag(KlbCriterion::kBaru, xt, 0);
      }
    }
    const bool enough = xt >= o.min_cases;
    // (b) three consecutive rises.
    if (enough && t >= 3 && Known(x[t - 1]) && Known(x[t - 2]) && Known(x[t - 3]) &&
        x[t - 3] < x[t - 2] && x[t - 2] < x[t - 1] && x[t - 1] < xt) {
      flag(KlbCriterion::kNaik3, xt, x[t - 1]);
    }
    // (c) twice the previous period.
    if (enough && t >= 1 && Known(x[t - 1]) && x[t - 1] > 0 && xt >= 2 * x[t - 1]) {
      flag(KlbCriterion::kDuaKali, xt, 2 * x[t - 1]);
    }
    if (with_years) {
      // (d) the month (four weeks to t) against the previous year's mean per four weeks.
      const double mean = previous_mean(s.year[t]);
      if (t >= 3 && Known(mean) && mean > 0) {
        const double month = WindowSum(x, t - 3, t);
        if (Known(month) && month >= o.min_cases && month >= 2 * (4 * mean)) {
          flag(KlbCriterion::kBulan, month, 2 * (4 * mean));
        }
      }
      // (e) a whole epi year's mean per month against the year before, at the year's last week.
      const bool last_of_year = t + 1 == n || s.year[t + 1] != s.year[t];
      const YearTotal& y = years[s.year[t]];
      if (last_of_year && y.rows >= 52 && y.reported >= 26 && Known(mean) && mean > 0) {
        const double per_month = y.cases / y.reported * 52.0 / 12.0;
        const double before = mean * 52.0 / 12.0;
        if (per_month >= 2 * before) flag(KlbCriterion::kTahun, per_month, 2 * before);
      }
    }
    // (f) the case fatality rate of four weeks 50% above the four before.
    if (with_deaths && t >= 7) {
      const double c_now = WindowSum(x, t - 3, t);
      const double d_now = WindowSum(s.deaths, t - 3, t);
      const double c_before = WindowSum(x, t - 7, t - 4);
      const double d_before = WindowSum(s.deaths, t - 7, t - 4);
      if (Known(c_now) && Known(d_now) && Known(c_before) && Known(d_before) && c_now > 0 &&
          c_before > 0 && d_now >= 1 && d_before > 0) {
        const double cfr_now = 100 * d_now / c_now;
        const double cfr_before = 100 * d_before / c_before;
        if (cfr_now >= 1.5 * cfr_before) flag(KlbCriterion::kCfr, cfr_now, 1.5 * cfr_before);
      }
    }
    // (g) the proportional rate: the disease's share of the facility's cases doubled.
    if (with_all && enough && t >= 1 && Known(x[t - 1]) && Known(s.all_cases[t]) &&
        Known(s.all_cases[t - 1]) && s.all_cases[t] > 0 && s.all_cases[t - 1] > 0) {
      const double now = 100 * xt / s.all_cases[t];
      const double before = 100 * x[t - 1] / s.all_cases[t - 1];
      if (before > 0 && now >= 2 * before) flag(KlbCriterion::kProporsi, now, 2 * before);
    }
  }
  return out;
}

}  // namespace jangkau::surveillance
