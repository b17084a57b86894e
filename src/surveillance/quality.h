// The rules that tell a data problem from an outbreak in weekly reports (docs/surveillance.md),
// after the Palu pseudo-epidemic of 2018 (3,350 "diarrhoea cases" that were double reporting):
//   far from history  a week's count at least `factor` times the median of the facility's last
//                     `window` reported weeks and at least `min_excess` cases above it;
//   double reporting  that excess over the median matches, within `tolerance`, what a
//                     neighbouring facility reported for the same disease and week (the same
//                     patients counted twice);
//   unit jump         the reporting units behind a count at least `unit_factor` times their
//                     median and at least `unit_min_jump` more (a count that rises because more
//                     pustu report, not because more people fall ill).
// The numbers are ASSUMPTIONS of this project, not a national rule (none was found). Pure;
// thread-safe.
#pragma once

#include <cstddef>
#include <vector>

namespace jangkau::surveillance {

struct QualityRules {
  int window = 8;        // at most 64
  int min_reported = 4;  // fewer reported weeks in the window: no judgement
  double factor = 3;
  double min_excess = 10;
  double tolerance = 0.1;
  double unit_factor = 1.5;
  double unit_min_jump = 2;
};

// The median of the reported (non-NaN) values among the last `rules.window` before `index`; NaN
// when fewer than `rules.min_reported` were reported.
double HistoryMedian(const std::vector<double>& series, std::size_t index,
                     const QualityRules& rules);
// Whether `value` is far above `median` (false when the median is NaN).
bool FarAboveHistory(double value, double median, const QualityRules& rules);
// Whether a neighbour's count explains an excess: both at least `min_excess` and equal within
// `tolerance` of the neighbour's count (at least one case).
bool ExcessMatches(double excess, double neighbour, const QualityRules& rules);
// Whether the reporting units jumped against their median.
bool UnitJump(double units, double median, const QualityRules& rules);

}  // namespace jangkau::surveillance
