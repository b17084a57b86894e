// Prevalence of malnutrition as WHO's `anthro` R package 1.1.0 (anthro_prevalence) estimates
// it: children up to 1826 days (or of unknown age), flagged z-scores left out, oedema counted
// below -3 SD for the weight-based indicators; for length/height-for-age (HA), weight-for-age
// (WA), BMI-for-age (BMI) and weight-for-length/height (WH) the share below -3, -2, -1 and above
// +1, +2, +3 SD with 95% confidence intervals, the mean z-score, and stunting with wasting or
// with overweight; for all children, by age group, by sex and by both. Without a survey design
// the logit interval of anthro's fast path (N = every child analysed, n = those with a value in
// the group); with sampling weights, clusters or strata the design-based (Taylor linearised)
// domain estimate of R's `survey` package (ids = cluster, strata, nest = TRUE, a stratum with one
// cluster centred on the grand mean), svyciprop's logit interval on the design's degrees of
// freedom. Pure functions; thread-safe.
#pragma once

#include <array>
#include <expected>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "growth/anthro.h"

namespace jangkau::growth {

struct SurveyChild {
  ZScores z;  // from Compute
  bool oedema = false;
  std::optional<std::string> cluster;  // when the design has clusters
  std::optional<std::string> strata;   // when it has strata
  std::optional<double> weight;        // when it has weights (missing: 0)
};

struct Design {
  bool cluster = false;
  bool strata = false;
  bool weights = false;
};

struct Estimate {  // in percent (rates) or z units (means)
  std::optional<double> r, se, ll, ul;
};
struct MeanZ {
  std::optional<double> r, se, ll, ul, stdev;
};

// HA, WA, BMI, WH.
inline constexpr int kPrevalenceIndicators = 4;
const char* PrevalenceIndicatorName(int i);  // "HA", "WA", "BMI", "WH"
// The cut-offs -3, -2, -1, +1, +2, +3 and their column suffixes "_3", "_2", "_1", "1", "2", "3".
inline constexpr int kCutoffs = 6;
const char* CutoffSuffix(int k);

struct IndicatorPrevalence {
  double pop = 0;     // weighted children with a value
  double unwpop = 0;  // children with a value
  std::array<Estimate, kCutoffs> cut;
  MeanZ mean;
};

// anthro's age groups: 0 "00-05 mo", 1 "06-11 mo", 2 "12-23 mo", 3 "24-35 mo", 4 "36-47 mo",
// 5 "48-59 mo" by the unrounded age in months; std::nullopt without an age or from 60 months.
constexpr int kAgeGroupCount = 6;
std::optional<int> AgeGroup(const ZScores& z);
std::string_view AgeGroupName(int group);  // "00-05 mo", ...

struct PrevalenceRow {
  std::string group;  // "All", "Age group: 00-05 mo", "Sex: Female", "Age + sex: 00-05 mo.Female"
  std::array<IndicatorPrevalence, kPrevalenceIndicators> indicators;
  double combined_pop = 0;  // children with both HA and WH
  double combined_unwpop = 0;
  Estimate stunted_wasted;      // HA < -2 and WH < -2 (HA_2_WH_2)
  Estimate stunted_overweight;  // HA < -2 and WH > +2 (HA_2_WH2)
};

struct PrevalenceResult {
  std::vector<PrevalenceRow> rows;
  int excluded_age = 0;     // children older than 1826 days
  int excluded_design = 0;  // children without their cluster or stratum
  double degrees_of_freedom = 0;
};

// kBadValue when a weight is negative; kFileNoRows when no child remains.
std::expected<PrevalenceResult, Error> Prevalence(const std::vector<SurveyChild>& children,
                                                  const Design& design);

}  // namespace jangkau::growth
