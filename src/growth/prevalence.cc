#include "growth/prevalence.h"

#include <cmath>
#include <map>
#include <utility>

#include <boost/math/distributions/students_t.hpp>

namespace jangkau::growth {
namespace {

constexpr double kAlpha = 0.05;    // 95% intervals
constexpr double kOedemaZ = -3.1;  // anthro's stand-in for a weight-based z with oedema
constexpr int kAgeGroups = kAgeGroupCount;
constexpr const char* kAgeGroupNames[kAgeGroups] = {"00-05 mo", "06-11 mo", "12-23 mo",
                                                    "24-35 mo", "36-47 mo", "48-59 mo"};

enum class Method { kSimple, kHybrid, kSurvey };

std::optional<double> TQuantile(double df) {
  if (!(df >= 1)) return std::nullopt;
  return boost::math::quantile(boost::math::students_t(df), 1 - kAlpha / 2);
}

double Logit(double p) { return std::log(p / (1 - p)); }
double Expit(double x) { return 1 / (1 + std::exp(-x)); }

// The design as the estimators need it: a weight per child, each child's primary sampling unit
// (its cluster within its stratum, or itself) and stratum, the PSUs of each stratum.
struct Prepared {
  Method method = Method::kSimple;
  int n = 0;
  std::vector<double> w;
  std::vector<int> psu;
  std::vector<int> stratum;
  std::vector<int> psus_in_stratum;  // by stratum
  std::vector<int> stratum_of_psu;
  double df = 0;

  // svyrecvar: the variance of the total of `infl` (one value per child, 0 outside the domain);
  // `present` marks the children in the domain. A stratum with several PSUs: n/(n-1) times the
  // squared deviations of its PSU totals from their mean; a stratum with one PSU (lonely.psu
  // "adjust"): its total's squared deviation from the grand mean over the strata present.
  double Variance(const std::vector<double>& infl, const std::vector<bool>& present) const {
    const std::size_t strata = psus_in_stratum.size();
    std::vector<double> total(stratum_of_psu.size(), 0.0);
    std::vector<bool> in_domain(strata, false);
    double sum = 0;
    for (int i = 0; i < n; ++i) {
      const auto k = static_cast<std::size_t>(i);
      if (!present[k]) continue;
      total[static_cast<std::size_t>(psu[k])] += infl[k];
      in_domain[static_cast<std::size_t>(stratum[k])] = true;
      sum += infl[k];
    }
    double psus_present = 0;
    std::vector<double> stratum_sum(strata, 0.0);
    for (std::size_t h = 0; h < strata; ++h) {
      if (in_domain[h]) psus_present += psus_in_stratum[h];
    }
    for (std::size_t j = 0; j < total.size(); ++j) {
      stratum_sum[static_cast<std::size_t>(stratum_of_psu[j])] += total[j];
    }
    const double grand = psus_present > 0 ? sum / psus_present : 0;
    double var = 0;
    for (std::size_t j = 0; j < total.size(); ++j) {
      const auto h = static_cast<std::size_t>(stratum_of_psu[j]);
      if (!in_domain[h]) continue;
      const double m = psus_in_stratum[h];
      if (m > 1) {
        const double d = total[j] - stratum_sum[h] / m;
        var += m / (m - 1) * d * d;
      } else {
        const double d = total[j] - grand;
        var += d * d;
      }
    }
    return var;
  }
};

// Values of one column for the children of one group: value per child (nullopt: missing).
using Column = std::vector<std::optional<double>>;

Estimate RateSimple(const Column& x, const std::vector<bool>& member, int n_all) {
  double ones = 0;
  double n = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (!member[i] || !x[i]) continue;
    ++n;
    if (x[i].value_or(0) == 1) ++ones;
  }
  Estimate e;
  if (n == 0) return e;
  const double r = ones / n;
  const double big_n = n_all;
  double dev = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (member[i] && x[i]) dev += (x[i].value_or(0) - r) * (x[i].value_or(0) - r);
  }
  const double scale = big_n / (big_n - 1);
  e.r = 100 * r;
  e.se = 100 * std::sqrt(scale) / n * std::sqrt(dev);
  if (r == 0 || r == 1) {
    e.ll = e.ul = 100 * r;
  } else if (const auto t = TQuantile(big_n - 1)) {
    const double half = *t * std::sqrt(scale / (n * r * (1 - r)));
    e.ll = 100 * Expit(Logit(r) - half);
    e.ul = 100 * Expit(Logit(r) + half);
  }
  return e;
}

// The design-based share (svymean) and svyciprop's logit interval.
Estimate RateDesign(const Prepared& d, const Column& x, const std::vector<bool>& member) {
  std::vector<bool> present(x.size(), false);
  double wsum = 0;
  double wx = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (!member[i] || !x[i]) continue;
    present[i] = true;
    wsum += d.w[i];
    wx += d.w[i] * x[i].value_or(0);
  }
  Estimate e;
  if (wsum <= 0) return e;
  const double r = wx / wsum;
  std::vector<double> infl(x.size(), 0.0);
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (present[i]) infl[i] = d.w[i] * (x[i].value_or(0) - r) / wsum;
  }
  const double se = std::sqrt(d.Variance(infl, present));
  e.r = 100 * r;
  e.se = 100 * se;
  if (r == 0 || r == 1) {
    e.ll = e.ul = 100 * r;
  } else if (const auto t = TQuantile(d.df)) {
    const double half = *t * se / (r * (1 - r));
    e.ll = 100 * Expit(Logit(r) - half);
    e.ul = 100 * Expit(Logit(r) + half);
  }
  return e;
}

MeanZ Mean(const Prepared& d, const Column& x, const std::vector<bool>& member) {
  MeanZ out;
  double n = 0;
  double n_weighted = 0;  // children with a non-zero weight
  double wsum = 0;
  double wx = 0;
  std::vector<bool> present(x.size(), false);
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (!member[i] || !x[i]) continue;
    present[i] = true;
    ++n;
    if (d.w[i] != 0) ++n_weighted;
    wsum += d.w[i];
    wx += d.w[i] * x[i].value_or(0);
  }
  if (n == 0 || wsum <= 0) return out;
  const double r = wx / wsum;
  double dev2 = 0;   // sum of w (x - r)^2
  double wdev2 = 0;  // sum of (w (x - r))^2
  std::vector<double> infl(x.size(), 0.0);
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (!present[i]) continue;
    const double dv = x[i].value_or(0) - r;
    dev2 += d.w[i] * dv * dv;
    wdev2 += (d.w[i] * dv) * (d.w[i] * dv);
    infl[i] = d.w[i] * dv / wsum;
  }
  out.r = r;
  const double big_n = d.n;
  double se = 0;
  double df = 0;
  if (d.method == Method::kSurvey) {
    se = std::sqrt(d.Variance(infl, present));
    df = d.df;
    if (n_weighted > 1) out.stdev = std::sqrt(dev2 / wsum * n_weighted / (n_weighted - 1));
  } else {
    se = std::sqrt(big_n / (big_n - 1)) / wsum * std::sqrt(wdev2);
    df = big_n - 1;
    if (n > 1) out.stdev = std::sqrt(dev2 / wsum * n / (n - 1));
  }
  out.se = se;
  if (const auto t = TQuantile(df)) {
    out.ll = r - *t * se;
    out.ul = r + *t * se;
  }
  return out;
}

Estimate Rate(const Prepared& d, const Column& x, const std::vector<bool>& member) {
  bool any = false;
  for (const auto& v : x) any = any || v.has_value();
  if (!any) return {};  // anthro: a column missing everywhere gives no estimate
  return d.method == Method::kSimple ? RateSimple(x, member, d.n) : RateDesign(d, x, member);
}

std::pair<double, double> Counts(const Prepared& d, const Column& x,
                                 const std::vector<bool>& member) {
  double pop = 0;
  double unwpop = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (!member[i] || !x[i]) continue;
    pop += d.w[i];
    ++unwpop;
  }
  return {pop, unwpop};
}

}  // namespace

std::optional<int> AgeGroup(const ZScores& z) {
  static constexpr double kBreaks[kAgeGroups + 1] = {0, 6, 12, 24, 36, 48, 60};
  if (!z.age_months) return std::nullopt;
  for (int g = 0; g < kAgeGroups; ++g) {
    if (*z.age_months >= kBreaks[g] && *z.age_months < kBreaks[g + 1]) return g;
  }
  return std::nullopt;
}

std::string_view AgeGroupName(int group) {
  return group >= 0 && group < kAgeGroups ? kAgeGroupNames[group] : "";
}

const char* PrevalenceIndicatorName(int i) {
  static constexpr const char* kNames[kPrevalenceIndicators] = {"HA", "WA", "BMI", "WH"};
  return kNames[i];
}

const char* CutoffSuffix(int k) {
  static constexpr const char* kSuffixes[kCutoffs] = {"_3", "_2", "_1", "1", "2", "3"};
  return kSuffixes[k];
}

std::expected<PrevalenceResult, Error> Prevalence(const std::vector<SurveyChild>& children,
                                                  const Design& design) {
  PrevalenceResult result;
  std::vector<const SurveyChild*> kept;
  for (const SurveyChild& c : children) {
    if (c.z.age_days && *c.z.age_days > 1826) {
      ++result.excluded_age;
    } else if ((design.cluster && !c.cluster) || (design.strata && !c.strata)) {
      ++result.excluded_design;
    } else {
      kept.push_back(&c);
    }
  }
  if (kept.empty()) return std::unexpected(Error{Msg::kFileNoRows, {}});

  Prepared d;
  d.n = static_cast<int>(kept.size());
  bool all_one = true;
  for (const SurveyChild* c : kept) {
    const double w = design.weights ? c->weight.value_or(0) : 1;
    if (w < 0) return std::unexpected(Error{Msg::kBadValue, {"weights", std::to_string(w)}});
    all_one = all_one && w == 1;
    d.w.push_back(w);
  }
  d.method = !design.cluster && !design.strata ? (all_one ? Method::kSimple : Method::kHybrid)
                                               : Method::kSurvey;
  // PSUs and strata (clusters nested in strata).
  std::map<std::string, int> strata_ids;
  std::map<std::pair<int, std::string>, int> psu_ids;
  for (int i = 0; i < d.n; ++i) {
    const SurveyChild& c = *kept[static_cast<std::size_t>(i)];
    const std::string s = design.strata ? *c.strata : std::string();
    const int h = strata_ids.try_emplace(s, static_cast<int>(strata_ids.size())).first->second;
    const std::string cl = design.cluster ? *c.cluster : "#" + std::to_string(i);
    const auto [it, fresh] = psu_ids.try_emplace({h, cl}, static_cast<int>(psu_ids.size()));
    if (fresh) d.stratum_of_psu.push_back(h);
    d.stratum.push_back(h);
    d.psu.push_back(it->second);
  }
  d.psus_in_stratum.assign(strata_ids.size(), 0);
  for (int h : d.stratum_of_psu) ++d.psus_in_stratum[static_cast<std::size_t>(h)];
  if (d.method == Method::kSimple) {
    d.df = d.n - 1;
  } else {
    std::vector<bool> psu_weighted(d.stratum_of_psu.size(), false);
    std::vector<bool> stratum_weighted(d.psus_in_stratum.size(), false);
    for (int i = 0; i < d.n; ++i) {
      if (d.w[static_cast<std::size_t>(i)] == 0) continue;
      psu_weighted[static_cast<std::size_t>(d.psu[static_cast<std::size_t>(i)])] = true;
      stratum_weighted[static_cast<std::size_t>(d.stratum[static_cast<std::size_t>(i)])] = true;
    }
    d.df = static_cast<double>(std::count(psu_weighted.begin(), psu_weighted.end(), true) -
                               std::count(stratum_weighted.begin(), stratum_weighted.end(), true));
  }
  result.degrees_of_freedom = d.df;

  // The analysis columns: flagged z-scores left out; oedema as -3.1 for WA, BMI and WH.
  static constexpr Indicator kColumns[kPrevalenceIndicators] = {Indicator::kLen, Indicator::kWei,
                                                                Indicator::kBmi, Indicator::kWfl};
  std::array<Column, kPrevalenceIndicators> value;
  for (int k = 0; k < kPrevalenceIndicators; ++k) {
    for (const SurveyChild* c : kept) {
      std::optional<double> z = c->z.Z(kColumns[k]);
      if (c->z.Flag(kColumns[k]) == 1) z.reset();
      if (k > 0 && c->oedema) z = kOedemaZ;
      value[static_cast<std::size_t>(k)].push_back(z);
    }
  }
  Column wasted;
  Column overweight;
  for (int i = 0; i < d.n; ++i) {
    const auto& ha = value[0][static_cast<std::size_t>(i)];
    const auto& wh = value[3][static_cast<std::size_t>(i)];
    if (!ha || !wh) {
      wasted.emplace_back();
      overweight.emplace_back();
      continue;
    }
    wasted.emplace_back(*ha < -2 && *wh < -2 ? 1.0 : 0.0);
    overweight.emplace_back(*ha < -2 && *wh > 2 ? 1.0 : 0.0);
  }

  // The groups: all, age group, sex (Female, Male), age x sex.
  std::vector<std::pair<std::string, std::vector<bool>>> groups;
  groups.emplace_back("All", std::vector<bool>(static_cast<std::size_t>(d.n), true));
  std::vector<int> age_group(static_cast<std::size_t>(d.n), -1);
  std::vector<int> sex(static_cast<std::size_t>(d.n), 0);
  bool any_age = false;
  bool any_sex = false;
  for (int i = 0; i < d.n; ++i) {
    const ZScores& z = kept[static_cast<std::size_t>(i)]->z;
    age_group[static_cast<std::size_t>(i)] = AgeGroup(z).value_or(-1);
    any_age = any_age || age_group[static_cast<std::size_t>(i)] >= 0;
    sex[static_cast<std::size_t>(i)] = z.csex.value_or(0);
    any_sex = any_sex || z.csex.has_value();
  }
  auto group_of = [&](const std::string& label, auto&& in) {
    std::vector<bool> member(static_cast<std::size_t>(d.n));
    for (int i = 0; i < d.n; ++i)
      member[static_cast<std::size_t>(i)] = in(static_cast<std::size_t>(i));
    groups.emplace_back(label, std::move(member));
  };
  constexpr int kSexOrder[2] = {2, 1};  // anthro's factor levels: Female, Male
  constexpr const char* kSexNames[2] = {"Female", "Male"};
  if (any_age) {
    for (int g = 0; g < kAgeGroups; ++g) {
      group_of(std::string("Age group: ") + kAgeGroupNames[g],
               [&](std::size_t i) { return age_group[i] == g; });
    }
  }
  if (any_sex) {
    for (int s = 0; s < 2; ++s) {
      group_of(std::string("Sex: ") + kSexNames[s],
               [&](std::size_t i) { return sex[i] == kSexOrder[s]; });
    }
  }
  if (any_age && any_sex) {
    for (int s = 0; s < 2; ++s) {
      for (int g = 0; g < kAgeGroups; ++g) {
        group_of(std::string("Age + sex: ") + kAgeGroupNames[g] + "." + kSexNames[s],
                 [&](std::size_t i) { return age_group[i] == g && sex[i] == kSexOrder[s]; });
      }
    }
  }

  static constexpr double kCut[kCutoffs] = {-3, -2, -1, 1, 2, 3};
  for (const auto& [label, member] : groups) {
    PrevalenceRow row;
    row.group = label;
    for (int k = 0; k < kPrevalenceIndicators; ++k) {
      const Column& x = value[static_cast<std::size_t>(k)];
      IndicatorPrevalence& ip = row.indicators[static_cast<std::size_t>(k)];
      std::tie(ip.pop, ip.unwpop) = Counts(d, x, member);
      for (int c = 0; c < kCutoffs; ++c) {
        Column below;
        below.reserve(x.size());
        for (const auto& v : x) {
          if (!v) {
            below.emplace_back();
          } else {
            below.emplace_back((kCut[c] < 0 ? *v < kCut[c] : *v > kCut[c]) ? 1.0 : 0.0);
          }
        }
        ip.cut[static_cast<std::size_t>(c)] = Rate(d, below, member);
      }
      // The mean z-score leaves oedema out (anthro sets the z-score itself missing).
      Column z = x;
      for (int i = 0; i < d.n; ++i) {
        if (k > 0 && kept[static_cast<std::size_t>(i)]->oedema)
          z[static_cast<std::size_t>(i)].reset();
      }
      bool any = false;
      for (const auto& v : z) any = any || v.has_value();
      if (any) ip.mean = Mean(d, z, member);
    }
    std::tie(row.combined_pop, row.combined_unwpop) = Counts(d, wasted, member);
    row.stunted_wasted = Rate(d, wasted, member);
    row.stunted_overweight = Rate(d, overweight, member);
    result.rows.push_back(std::move(row));
  }
  return result;
}

}  // namespace jangkau::growth
