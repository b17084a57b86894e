// The detection methods against R's `surveillance` package (version 1.20.3): the package's own
// unit test for earsC (salmNewport, C1 at alpha 0.05), and whole runs of earsC and
// farringtonFlexible on the package's salmonella.agona data and on synthetic series, their upper
// bounds and alarms as the package's code computes them (docs/surveillance.md says how they were
// obtained; tests/r/surveillance_reference.R compares against the installed package itself).
#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "model/epi_week.h"
#include "surveillance/ears.h"
#include "surveillance/farrington.h"
#include "surveillance/fixed.h"
#include "surveillance/klb.h"
#include "surveillance/quality.h"

namespace jangkau::surveillance {
namespace {

std::vector<Detection> RunEars(const std::vector<double>& y, EarsMethod method,
                               std::optional<double> alpha = {}, double min_sigma = 0) {
  EarsOptions o;
  o.method = method;
  o.alpha = alpha;
  o.min_sigma = min_sigma;
  auto r = Ears(y, o);
  EXPECT_TRUE(r);
  return r.value_or(std::vector<Detection>{});
}

TEST(Ears, ThePackagesOwnTest) {
  // salmNewport summed over its units, 2010-W46 .. 2011-W04; C1 at alpha 0.05 in 2011.
  const std::vector<double> y = {1, 1, 1, 3, 3, 1, 2, 1, 0, 3, 3};
  const auto r = RunEars(y, EarsMethod::kC1, 0.05);
  ASSERT_EQ(r.size(), 4u);
  const double expected[] = {3.278854, 3.278854, 3.436517, 3.855617};
  for (int i = 0; i < 4; ++i) {
    EXPECT_NEAR(r[static_cast<std::size_t>(i)].upper, expected[i], 1e-6);
    EXPECT_EQ(r[static_cast<std::size_t>(i)].alarm, false);
  }
}

TEST(Ears, C1C2C3OnASyntheticSeries) {
  const std::vector<double> y = {4, 6, 5, 3, 7, 5, 4, 6, 5, 4, 5, 6, 4, 5, 12, 15, 9, 6, 5, 4};
  const auto c1 = RunEars(y, EarsMethod::kC1);
  const auto c2 = RunEars(y, EarsMethod::kC2);
  const auto c3 = RunEars(y, EarsMethod::kC3);
  ASSERT_EQ(c1.size(), 13u);  // t = 8..20 (1-based)
  ASSERT_EQ(c2.size(), 11u);
  ASSERT_EQ(c3.size(), 9u);
  const double ub1[] = {9.0140783,  9.2997926,  8.9894728, 9.0140783,  8.4464544,
                        7.5231641,  7.6375343,  7.5231641, 14.4929593, 20.8398604,
                        20.8656630, 20.6863801, 20.8656630};
  const double ub2[] = {9.0140783, 9.2997926, 8.9894728,  9.0140783,  8.4464544, 7.5231641,
                        7.6375343, 7.5231641, 14.4929593, 20.8398604, 20.8656630};
  const double ub3[] = {8.5303026, 6.6365150, 7.0952896, 13.6003039, 9.9495601,
                        0,         0,         0,         12.1599808};
  for (std::size_t i = 0; i < c1.size(); ++i) EXPECT_NEAR(c1[i].upper, ub1[i], 1e-6) << i;
  for (std::size_t i = 0; i < c2.size(); ++i) EXPECT_NEAR(c2[i].upper, ub2[i], 1e-6) << i;
  for (std::size_t i = 0; i < c3.size(); ++i) EXPECT_NEAR(c3[i].upper, ub3[i], 1e-6) << i;
  auto alarms = [](const std::vector<Detection>& r) {
    std::vector<std::size_t> t;
    for (const Detection& d : r) {
      if (d.alarm == true) t.push_back(d.index + 1);
    }
    return t;
  };
  EXPECT_EQ(alarms(c1), (std::vector<std::size_t>{15, 16}));
  EXPECT_EQ(alarms(c2), (std::vector<std::size_t>{15, 16, 17}));
  EXPECT_EQ(alarms(c3), (std::vector<std::size_t>{16, 17, 18, 19}));  // the package's C3
}

TEST(Ears, ConstantBaselinesMinimumSigmaAndMissingValues) {
  const std::vector<double> y = {2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 5, 2, 2, 0, 3};
  const auto c1 = RunEars(y, EarsMethod::kC1);
  EXPECT_NEAR(c1[0].upper, 2, 1e-12);  // sd 0: the mean
  EXPECT_NEAR(c1[9].upper, 6.6665, 1e-4);
  for (const Detection& d : c1) EXPECT_EQ(d.alarm, d.index + 1 == 13) << d.index;
  for (const Detection& d : RunEars(y, EarsMethod::kC3)) {
    EXPECT_TRUE(std::isnan(d.upper));  // 0/0 in the C2 statistics, as R
    EXPECT_FALSE(d.alarm.has_value());
  }
  EXPECT_NEAR(RunEars(y, EarsMethod::kC1, {}, 0.5)[0].upper, 2 + 3.0902323061678132 * 0.5, 1e-9);
  const auto c3 = RunEars(y, EarsMethod::kC3, {}, 0.5);
  const double ub3[] = {2.9800, 5.9800, 0.4800, 0.4800, 2.2224, 5.2224};
  for (std::size_t i = 0; i < c3.size(); ++i) EXPECT_NEAR(c3[i].upper, ub3[i], 1e-4) << i;
  std::vector<double> missing = {4, 6, 5, 3, 7, 5, 4, 6, 5, 4, 5, 6, 4, 5, 12, 15, 9, 6, 5, 4};
  missing[9] = std::nan("");
  for (const Detection& d : RunEars(missing, EarsMethod::kC3)) EXPECT_TRUE(std::isnan(d.upper));
  EXPECT_FALSE(Ears(missing, {EarsMethod::kC1, 2, 0, {}}));  // baseline < 3, as R refuses
}

// salmonella.agona (the package's data, 312 weeks from 1990 week 1) with every default.
const std::vector<double> kAgona = {
    1, 0,  5,  2,  1, 2, 0, 4, 0, 0, 0, 3, 1, 1, 0, 0, 2, 2,  0, 2, 6, 3,  2, 1,  2,  0, 1, 1,  3,
    5, 3,  4,  3,  6, 5, 8, 6, 3, 6, 2, 5, 2, 1, 5, 7, 1, 10, 3, 4, 0, 0,  1, 6,  0,  2, 2, 0,  0,
    2, 2,  0,  6,  7, 1, 0, 0, 0, 1, 1, 4, 3, 1, 3, 2, 6, 3,  4, 4, 8, 12, 9, 17, 16, 8, 6, 13, 4,
    7, 10, 3,  11, 4, 6, 4, 7, 6, 2, 9, 2, 3, 4, 1, 2, 2, 0,  0, 1, 2, 2,  2, 5,  0,  0, 4, 2,  1,
    3, 2,  0,  1,  1, 3, 0, 1, 3, 2, 3, 6, 2, 1, 3, 3, 2, 2,  2, 1, 3, 3,  2, 3,  0,  2, 4, 6,  7,
    3, 1,  4,  1,  2, 5, 1, 3, 1, 0, 1, 3, 3, 0, 0, 1, 1, 0,  1, 4, 1, 1,  0, 0,  1,  1, 4, 1,  0,
    1, 2,  1,  4,  3, 3, 0, 3, 5, 3, 3, 4, 3, 3, 3, 4, 5, 7,  6, 5, 3, 2,  1, 3,  2,  1, 2, 1,  1,
    0, 0,  1,  1,  0, 1, 4, 3, 2, 0, 1, 0, 3, 1, 1, 4, 4, 0,  1, 4, 2, 0,  1, 1,  0,  1, 1, 2,  5,
    4, 0,  2,  1,  1, 3, 6, 1, 7, 6, 2, 5, 7, 5, 4, 5, 6, 6,  1, 2, 2, 5,  4, 1,  6,  2, 5, 3,  4,
    7, 6,  10, 2,  4, 0, 3, 0, 1, 3, 0, 1, 1, 0, 1, 0, 1, 0,  1, 2, 2, 4,  7, 6,  1,  4, 6, 4,  2,
    4, 5,  5,  9,  8, 6, 3, 2, 3, 4, 3, 3, 4, 4, 2, 1, 2, 3,  2, 2, 0, 4};

TEST(Farrington, SalmonellaAgonaWithEveryDefault) {
  ASSERT_EQ(kAgona.size(), 312u);
  const auto r = Farrington(kAgona, {});
  ASSERT_TRUE(r);
  ASSERT_EQ(r->size(), 49u);  // weeks 264..312
  struct Expected {
    std::size_t t;
    double upper;  // NaN: NA
  };
  const double na = std::nan("");
  const Expected expected[] = {
      {264, 4.8926531}, {265, 4.5549117}, {268, 5.6049760}, {270, na},        {272, na},
      {274, 4.8254503}, {280, na},        {282, 5.6429408}, {284, 6.4639007}, {285, 6.4629293},
      {288, 8.7701792}, {289, 8.1034372}, {294, 8.6973155}, {298, 9.2405174}, {299, 9.2405157},
      {301, 7.4090663}, {302, 6.4440940}, {304, 6.2647245}, {308, 7.7027048}, {311, 6.1036693},
      {312, 10.6688976}};
  for (const Expected& e : expected) {
    const Detection& d = (*r)[e.t - 264];
    ASSERT_EQ(d.index + 1, e.t);
    if (std::isnan(e.upper)) {
      EXPECT_TRUE(std::isnan(d.upper)) << e.t;
    } else {
      EXPECT_NEAR(d.upper, e.upper, 1e-6) << e.t;
    }
  }
  std::vector<std::size_t> alarms;
  for (const Detection& d : *r) {
    if (d.alarm == true) alarms.push_back(d.index + 1);
  }
  EXPECT_EQ(alarms, (std::vector<std::size_t>{264, 284, 294}));
}

TEST(Farrington, ASyntheticSeriesWithAnOutbreak) {
  std::vector<double> y;
  for (int t = 1; t <= 320; ++t) y.push_back(6 + ((t * 17) % 9) + ((t % 52) / 13));
  y[289] += 10;
  y[290] += 15;
  y[291] += 8;
  const auto r = Farrington(y, {});
  ASSERT_TRUE(r);
  ASSERT_EQ(r->size(), 57u);
  const double first[] = {14.6368412, 14.3476891, 15.5270313, 15.5631948, 15.5992941};
  for (std::size_t i = 0; i < 5; ++i) EXPECT_NEAR((*r)[i].upper, first[i], 1e-6) << i;
  EXPECT_NEAR((*r)[56].upper, 15.5270313, 1e-6);
  std::vector<std::size_t> alarms;
  for (const Detection& d : *r) {
    if (d.alarm == true) alarms.push_back(d.index + 1);
  }
  EXPECT_EQ(alarms, (std::vector<std::size_t>{290, 291, 292}));
}

// Epidemiological weeks, Sunday to Saturday, week 1 holding 4 January (CDC's MMWR weeks: 2014
// and 2020 had 53 weeks; 2020's week 53 ended on Saturday 2 January 2021).
TEST(EpiWeek, YearBoundaries) {
  EXPECT_EQ(WeeksInEpiYear(2014), 53);
  EXPECT_EQ(WeeksInEpiYear(2015), 52);
  EXPECT_EQ(WeeksInEpiYear(2020), 53);
  EXPECT_EQ(WeeksInEpiYear(2021), 52);
  EXPECT_EQ(EpiWeekOf({2021, 1, 2}), (EpiWeek{2020, 53}));
  EXPECT_EQ(EpiWeekOf({2021, 1, 3}), (EpiWeek{2021, 1}));
  EXPECT_EQ(EpiWeekOf({2015, 1, 3}), (EpiWeek{2014, 53}));
  EXPECT_EQ(EpiWeekOf({2015, 1, 4}), (EpiWeek{2015, 1}));
  EXPECT_EQ(EpiWeekOf({2019, 12, 29}), (EpiWeek{2020, 1}));  // a week starting in December
  EXPECT_EQ((EpiWeek{2020, 53}).Sunday(), (Date{2020, 12, 27}));
  EXPECT_EQ((EpiWeek{2020, 52}).Next(), (EpiWeek{2020, 53}));
  EXPECT_EQ((EpiWeek{2020, 53}).Next(), (EpiWeek{2021, 1}));
  EXPECT_EQ((EpiWeek{2021, 52}).Next(), (EpiWeek{2022, 1}));
  EXPECT_EQ(EpiWeek::Parse("2020-W53"), (EpiWeek{2020, 53}));
  EXPECT_EQ(EpiWeek::Parse("2025w7"), (EpiWeek{2025, 7}));
  EXPECT_FALSE(EpiWeek::Parse("2021-W53"));
  EXPECT_FALSE(EpiWeek::Parse("2021-W00"));
  EXPECT_FALSE(EpiWeek::Parse("2021-13"));
  EXPECT_EQ((EpiWeek{2025, 7}).Text(), "2025-W07");
  for (int y = 2000; y <= 2040; ++y) {
    // Every day of a year falls in a week whose Sunday is at most 6 days before it.
    for (Date d{y, 1, 1}; d.year == y;) {
      const EpiWeek w = EpiWeekOf(d);
      ASSERT_GE(w.week, 1);
      ASSERT_LE(w.week, WeeksInEpiYear(w.year));
      d = EpiWeek{w}.Next().Sunday();
    }
  }
}

// The fixed threshold compares with ">=" (the reference's acceptance: A = 15).
TEST(FixedThreshold, AtTheThresholdAlarmsOneBelowDoesNot) {
  const auto r = FixedThreshold({14, 15, std::nan(""), 16}, 15);
  ASSERT_EQ(r.size(), 4u);
  EXPECT_EQ(r[0].alarm, false);
  EXPECT_EQ(r[1].alarm, true);
  EXPECT_FALSE(r[2].alarm.has_value());
  EXPECT_EQ(r[3].alarm, true);
  EXPECT_EQ(r[1].upper, 15);
}

// The research's relative rule on its synthetic series: twice the mean of the previous three
// weeks alarms at weeks 15 and 16 (1-based), bounds 10 and 14.
TEST(TwiceRecentMean, TheResearchVector) {
  const std::vector<double> x = {4, 6, 5, 3, 7, 5, 4, 6, 5, 4, 5, 6, 4, 5, 12, 15, 9, 6, 5, 4};
  const auto r = TwiceRecentMean(x, 3);
  ASSERT_EQ(r.size(), x.size() - 3);
  std::vector<std::size_t> alarms;
  for (const Detection& d : r) {
    if (d.alarm == true) alarms.push_back(d.index + 1);
  }
  EXPECT_EQ(alarms, (std::vector<std::size_t>{15, 16}));
  EXPECT_DOUBLE_EQ(r[11].upper, 10);  // week 15: 2 x (6 + 4 + 5) / 3
  EXPECT_DOUBLE_EQ(r[12].upper, 14);  // week 16: 2 x (4 + 5 + 12) / 3
  const auto zero = TwiceRecentMean({0, 0, 0, 0, std::nan(""), 1, 1, 1, 0}, 3);
  EXPECT_EQ(zero[0].alarm, false);          // 0 cases never alarm, though 0 >= 0
  EXPECT_FALSE(zero[1].alarm.has_value());  // the week missing
  EXPECT_FALSE(zero[2].alarm.has_value());  // a missing week in the window
  EXPECT_EQ(zero[5].alarm, false);          // 0 after 1, 1, 1
}

// Each criterion of Permenkes 1501/2010 Pasal 6 on series made to meet it once (and the
// docs/surveillance.md reading of each).
std::vector<std::pair<std::size_t, KlbCriterion>> Met(const KlbSeries& s, double min_cases = 5) {
  std::vector<std::pair<std::size_t, KlbCriterion>> out;
  for (const KlbFlag& f : KlbCriteria(s, {.min_cases = min_cases})) {
    out.emplace_back(f.index, f.criterion);
  }
  return out;
}

TEST(KlbCriteria, ANewDiseaseAfterAYearWithoutIt) {
  KlbSeries s;
  s.cases.assign(52, 0);
  s.cases[3] = std::nan("");  // a week not reported does not break the year
  s.cases.push_back(1);
  auto met = Met(s);
  ASSERT_EQ(met.size(), 1u);
  EXPECT_EQ(met[0], (std::pair{std::size_t{52}, KlbCriterion::kBaru}));
  s.cases[10] = 1;  // a case within the year: not new
  EXPECT_TRUE(Met(s).empty());
  s.cases.assign(30, 0);  // less than a year of history: no judgement
  s.cases.push_back(2);
  EXPECT_TRUE(Met(s).empty());
}

TEST(KlbCriteria, ThreeRisesAndTheDoubling) {
  KlbSeries s;
  s.cases = {4, 5, 6, 7, 7, 14, 6};
  const auto flags = KlbCriteria(s, {.min_cases = 5});
  ASSERT_EQ(flags.size(), 2u);
  EXPECT_EQ(flags[0].index, 3u);  // 4 < 5 < 6 < 7
  EXPECT_EQ(flags[0].criterion, KlbCriterion::kNaik3);
  EXPECT_EQ(flags[0].compared, 6);
  EXPECT_EQ(flags[1].index, 5u);  // 14 >= 2 x 7 (7 then 7 is no rise)
  EXPECT_EQ(flags[1].criterion, KlbCriterion::kDuaKali);
  EXPECT_EQ(flags[1].compared, 14);
}

TEST(KlbCriteria, TheFloorKeepsSmallCountsQuiet) {
  KlbSeries s;
  s.cases = {1, 2, 3, 4, 8};
  EXPECT_TRUE(Met(s, 10).empty());
  EXPECT_EQ(Met(s, 4).size(), 3u);  // naik_3 at 4 (1<2<3<4) and at 8, dua_kali at 8
}

TEST(KlbCriteria, TheMonthAndTheYearAgainstThePreviousYear) {
  KlbSeries s;
  for (int i = 0; i < 52; ++i) {
    s.cases.push_back(5);
    s.year.push_back(2024);
  }
  // 2025: 5 a week for 20 weeks, then 12 a week (four weeks against 2 x 4 x 5 = 40).
  for (int i = 0; i < 52; ++i) {
    s.cases.push_back(i < 20 ? 5 : 12);
    s.year.push_back(2025);
  }
  const auto flags = KlbCriteria(s, {.min_cases = 100});  // silence the weekly criteria
  std::vector<KlbFlag> month, year;
  for (const KlbFlag& f : flags) {
    if (f.criterion == KlbCriterion::kBulan) month.push_back(f);
    if (f.criterion == KlbCriterion::kTahun) year.push_back(f);
  }
  EXPECT_TRUE(year.empty());   // 2025's mean (9.3 a week) is not twice 2024's (5)
  EXPECT_TRUE(month.empty());  // the floor of 100 also holds the month
  const auto low = KlbCriteria(s, {.min_cases = 10});
  month.clear();
  for (const KlbFlag& f : low) {
    if (f.criterion == KlbCriterion::kBulan) month.push_back(f);
  }
  ASSERT_FALSE(month.empty());
  EXPECT_EQ(month.front().index, 52u + 22u);  // the third week of 12: 5 + 3 x 12 = 41 >= 40
  EXPECT_EQ(month.front().observed, 41);
  EXPECT_EQ(month.front().compared, 40);
  // A whole year at twice the last: flagged at its last week, in cases per month.
  for (std::size_t i = 52; i < s.cases.size(); ++i) s.cases[i] = 10;
  year.clear();
  for (const KlbFlag& f : KlbCriteria(s, {.min_cases = 100})) {
    if (f.criterion == KlbCriterion::kTahun) year.push_back(f);
  }
  ASSERT_EQ(year.size(), 1u);
  EXPECT_EQ(year[0].index, 103u);
  EXPECT_NEAR(year[0].observed, 10 * 52.0 / 12.0, 1e-12);
  EXPECT_NEAR(year[0].compared, 2 * 5 * 52.0 / 12.0, 1e-12);
}

TEST(KlbCriteria, TheCaseFatalityRateAndTheProportionalRate) {
  KlbSeries s;
  s.cases = {10, 10, 10, 10, 10, 10, 10, 10};
  s.deaths = {0, 1, 0, 0, 0, 1, 1, 0};                    // CFR 2.5% then 5%: +100%
  s.all_cases = {100, 100, 100, 100, 100, 100, 100, 40};  // 10% then 25%: x2.5
  const auto flags = KlbCriteria(s, {.min_cases = 5});
  ASSERT_EQ(flags.size(), 2u);
  EXPECT_EQ(flags[0].criterion, KlbCriterion::kCfr);
  EXPECT_EQ(flags[0].index, 7u);
  EXPECT_DOUBLE_EQ(flags[0].observed, 5);
  EXPECT_DOUBLE_EQ(flags[0].compared, 3.75);
  EXPECT_EQ(flags[1].criterion, KlbCriterion::kProporsi);
  EXPECT_DOUBLE_EQ(flags[1].observed, 25);
  EXPECT_DOUBLE_EQ(flags[1].compared, 20);
  s.deaths[7] = std::nan("");  // an unknown death count: no rate
  EXPECT_EQ(KlbCriteria(s, {.min_cases = 5}).size(), 1u);
}

TEST(QualityRules, HistoryDoubleReportingAndUnits) {
  const QualityRules rules;
  const std::vector<double> v = {5, 6, std::nan(""), 5, 4, 6, 5, 5, 6, 35};
  EXPECT_DOUBLE_EQ(HistoryMedian(v, 9, rules), 5);      // the last 8 weeks, one missing: 7 values
  EXPECT_TRUE(std::isnan(HistoryMedian(v, 3, rules)));  // 2 reported weeks only
  EXPECT_TRUE(FarAboveHistory(35, 5, rules));
  EXPECT_FALSE(FarAboveHistory(14, 5, rules));   // at least 10 above
  EXPECT_FALSE(FarAboveHistory(30, 12, rules));  // and three times the median
  EXPECT_TRUE(ExcessMatches(30, 30, rules));
  EXPECT_TRUE(ExcessMatches(27, 30, rules));  // within 10% of the neighbour's count
  EXPECT_FALSE(ExcessMatches(26, 30, rules));
  EXPECT_FALSE(ExcessMatches(8, 8, rules));  // too few to tell
  EXPECT_TRUE(UnitJump(9, 5, rules));
  EXPECT_FALSE(UnitJump(6, 5, rules));
}

}  // namespace
}  // namespace jangkau::surveillance
