// The criteria of an extraordinary event (KLB) of Permenkes 1501/2010 Pasal 6, read on weekly
// counts (docs/surveillance.md says how each is read; where the regulation leaves a choice the
// choice is an ASSUMPTION written there):
//   baru       cases of a disease the facility had none of in the previous 52 weeks (a);
//   naik_3     a rise in three consecutive periods: x[t-3] < x[t-2] < x[t-1] < x[t] (b);
//   dua_kali   twice the previous week or more (c);
//   bulan      the four weeks to t at least twice the previous epi year's mean per four weeks (d);
//   tahun      the epi year's mean per week at least twice the previous year's, at its last week
//   (e); cfr        the case fatality rate of the four weeks to t at least 50% above the four
//   before (f); proporsi   the disease's share of all the facility's reported cases at least twice
//   the
//              previous week's (g).
// The rising and doubling criteria ask at least `min_cases` cases in the week (the regulation
// sets no floor; a doubling from 1 to 2 would flag every week). Pure; thread-safe.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace jangkau::surveillance {

enum class KlbCriterion { kBaru, kNaik3, kDuaKali, kBulan, kTahun, kCfr, kProporsi };
inline constexpr int kKlbCriteria = 7;
std::string_view KlbCriterionKey(KlbCriterion c);  // "baru", "naik_3", ...

// Consecutive weeks of one facility and disease; NaN where the facility did not report.
struct KlbSeries {
  std::vector<double> cases;
  std::vector<double> deaths;     // NaN when not given; may be empty (no deaths known)
  std::vector<double> all_cases;  // every disease of the facility that week; may be empty
  std::vector<int> year;          // the epi year of each week
};

struct KlbOptions {
  double min_cases = 10;
  int history_weeks = 52;  // for `baru`: this many earlier weeks, at least half of them reported
};

// One criterion met in one week: the observed value and the value it was compared with (for
// cfr and proporsi in percent).
struct KlbFlag {
  std::size_t index = 0;
  KlbCriterion criterion = KlbCriterion::kBaru;
  double observed = 0;
  double compared = 0;
};

// The criteria met, by week then criterion.
std::vector<KlbFlag> KlbCriteria(const KlbSeries& series, const KlbOptions& options = {});

}  // namespace jangkau::surveillance
