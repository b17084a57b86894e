// The growth engine against WHO's own files: the 498 children of WHO's example survey
// (igrowup, tests/data/who_growth/, provenance in tests/data/SOURCES.md) with their expected
// z-scores, flags and prevalence, and the rules of WHO anthro 1.1.0 one by one (the acceptance
// list of the programmes research: position adjustment, the under-9-months flag, the 87 cm rule,
// age rounding, oedema, the logit interval).
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "growth/anthro.h"
#include "growth/categories.h"
#include "growth/prevalence.h"
#include "growth/skdn.h"

namespace jangkau::growth {
namespace {

const std::string kWho = std::string(JANGKAU_SOURCE_DIR) + "/tests/data/who_growth/";

// A CSV without quoted cells (WHO's files) as rows of column -> text.
std::vector<std::map<std::string, std::string>> ReadCsv(const std::string& path) {
  std::ifstream in(path);
  EXPECT_TRUE(in) << path;
  auto split = [](const std::string& line) {
    std::vector<std::string> cells;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, ',')) cells.push_back(cell);
    if (!line.empty() && line.back() == ',') cells.emplace_back();
    return cells;
  };
  std::string line;
  auto next = [&in, &line] {
    if (!std::getline(in, line)) return false;
    if (!line.empty() && line.back() == '\r') line.pop_back();  // WHO's files end lines with CRLF
    return true;
  };
  next();
  const auto header = split(line);
  std::vector<std::map<std::string, std::string>> rows;
  while (next()) {
    const auto cells = split(line);
    auto& row = rows.emplace_back();
    for (std::size_t i = 0; i < header.size(); ++i)
      row[header[i]] = i < cells.size() ? cells[i] : "";
  }
  return rows;
}

std::optional<double> Num(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return std::stod(text);
}

// A child of WHO's example survey as anthro_zscores takes it (age in months).
Measurement FromSurvey(std::map<std::string, std::string>& r) {
  Measurement m;
  m.sex = std::stoi(r["gender"]);
  m.age = Num(r["agemons"]);
  m.age_in_months = true;
  m.weight = Num(r["weight"]);
  m.lenhei = Num(r["height"]);
  if (!r["measure"].empty()) m.measure = r["measure"][0];
  m.oedema = r["oedema"] == "y";
  m.headc = Num(r["head"]);
  m.armc = Num(r["muac"]);
  m.triskin = Num(r["tri"]);
  m.subskin = Num(r["sub"]);
  return m;
}

// Every z-score to 0.01 and every flag exactly, for the indicators the file has. igrowup (Stata)
// still scores children of 60 to 61 months (to 1856 days); anthro 1.1.0 scores only under 60
// months, so those children have no z-scores here (docs/programmes.md).
void ExpectSurveyFile(const std::string& file, const std::vector<Indicator>& indicators) {
  auto rows = ReadCsv(kWho + file);
  ASSERT_EQ(rows.size(), 498u);
  int compared = 0;
  int over_60 = 0;
  for (auto& r : rows) {
    const ZScores z = Compute(WhoStandards(), FromSurvey(r));
    const bool over = std::stod(r["agemons"]) >= 60;
    over_60 += over ? 1 : 0;
    for (Indicator i : indicators) {
      const std::string key = IndicatorKey(i);
      const auto expected = Num(r["_z" + key]);
      if (over) {
        EXPECT_FALSE(z.Z(i).has_value()) << "child " << r["id"] << " z" << key;
        continue;
      }
      ASSERT_EQ(expected.has_value(), z.Z(i).has_value()) << "child " << r["id"] << " z" << key;
      if (!expected) continue;
      EXPECT_NEAR(*z.Z(i), *expected, 0.01 + 1e-9) << "child " << r["id"] << " z" << key;
      EXPECT_EQ(*z.Flag(i), std::stoi(r["_f" + key])) << "child " << r["id"] << " f" << key;
      ++compared;
    }
  }
  EXPECT_EQ(over_60, 4);
  EXPECT_GT(compared, 1500);
}

TEST(GrowthZScores, WhoExampleSurveyStandardAnalysis) {
  ExpectSurveyFile("igrowup_mysurvey_z_standard.csv",
                   {Indicator::kLen, Indicator::kWei, Indicator::kWfl, Indicator::kBmi,
                    Indicator::kHc, Indicator::kAc, Indicator::kTs, Indicator::kSs});
}

TEST(GrowthZScores, WhoExampleSurveyRestrictedAnalysis) {
  ExpectSurveyFile("igrowup_mysurvey_z_restricted.csv",
                   {Indicator::kLen, Indicator::kWei, Indicator::kWfl, Indicator::kBmi});
}

TEST(GrowthZScores, PositionAdjustmentAndTheTableItChooses) {
  auto child = [](std::optional<double> days, std::optional<char> measure, double len) {
    Measurement m;
    m.sex = 1;
    m.age = days;
    m.measure = measure;
    m.lenhei = len;
    m.weight = 10;
    return Compute(WhoStandards(), m);
  };
  // 700 days standing 80.0 cm -> 80.7 cm on the length table.
  const ZScores a = child(700, 'h', 80.0);
  EXPECT_NEAR(*a.clenhei, 80.7, 1e-12);
  const Lms* l807 = WhoStandards().ByLength(false, 1, 807);
  ASSERT_NE(l807, nullptr);
  EXPECT_DOUBLE_EQ(*a.Z(Indicator::kWfl), RoundR(LmsZRestricted(10, *l807), 2));
  // 800 days lying 90.0 cm -> 89.3 cm on the height table.
  const ZScores b = child(800, 'l', 90.0);
  EXPECT_NEAR(*b.clenhei, 89.3, 1e-12);
  const Lms* h893 = WhoStandards().ByLength(true, 1, 893);
  ASSERT_NE(h893, nullptr);
  EXPECT_NEAR(*b.Z(Indicator::kWfl), RoundR(LmsZRestricted(10, *h893), 2), 0.011);
  // Standing at 8 months: flagged, the position dropped, no +0.7 cm.
  Measurement eight;
  eight.sex = 2;
  eight.age = 8;
  eight.age_in_months = true;
  eight.measure = 'h';
  eight.lenhei = 68;
  const ZScores c = Compute(WhoStandards(), eight);
  EXPECT_TRUE(c.c9mo_flag);
  EXPECT_FALSE(c.cmeasure.has_value());
  EXPECT_DOUBLE_EQ(*c.clenhei, 68);
  // No age, no position: below 87 cm the length table, from 87 cm the height table.
  const ZScores d = child(std::nullopt, std::nullopt, 86.9);
  const ZScores e = child(std::nullopt, std::nullopt, 87.0);
  EXPECT_DOUBLE_EQ(*d.Z(Indicator::kWfl),
                   RoundR(LmsZRestricted(10, *WhoStandards().ByLength(false, 1, 869)), 2));
  EXPECT_DOUBLE_EQ(*e.Z(Indicator::kWfl),
                   RoundR(LmsZRestricted(10, *WhoStandards().ByLength(true, 1, 870)), 2));
  EXPECT_FALSE(d.Z(Indicator::kLen).has_value());  // no age: no age-based z
}

TEST(GrowthZScores, AgeInWholeDaysAndOnlyUnderSixtyMonths) {
  Measurement m;
  m.sex = 1;
  m.weight = 12;
  m.age_in_months = true;
  m.age = 12;  // 365.25 days -> 365
  EXPECT_EQ(*Compute(WhoStandards(), m).age_days, 365);
  m.age = 59.99;
  EXPECT_TRUE(Compute(WhoStandards(), m).Z(Indicator::kWei).has_value());
  m.age = 60.0;
  EXPECT_FALSE(Compute(WhoStandards(), m).Z(Indicator::kWei).has_value());
  m.age_in_months = false;
  m.age = 364.5;  // half up
  EXPECT_EQ(*Compute(WhoStandards(), m).age_days, 365);
  // A measure of 0 or less gives no z-score.
  m.age = 400;
  m.weight = 0;
  EXPECT_FALSE(Compute(WhoStandards(), m).Z(Indicator::kWei).has_value());
}

TEST(GrowthZScores, OedemaLeavesTheWeightBasedScoresMissing) {
  Measurement m;
  m.sex = 2;
  m.age = 500;
  m.weight = 7;
  m.lenhei = 75;
  m.measure = 'l';
  m.armc = 12;
  m.oedema = true;
  const ZScores z = Compute(WhoStandards(), m);
  EXPECT_FALSE(z.Z(Indicator::kWei).has_value());
  EXPECT_FALSE(z.Z(Indicator::kWfl).has_value());
  EXPECT_FALSE(z.Z(Indicator::kBmi).has_value());
  EXPECT_TRUE(z.Z(Indicator::kLen).has_value());
  EXPECT_TRUE(z.Z(Indicator::kAc).has_value());
}

TEST(GrowthZScores, RoundsAsRDoesBeforeFlagging) {
  EXPECT_DOUBLE_EQ(RoundR(0.125, 2), 0.12);
  EXPECT_DOUBLE_EQ(RoundR(0.375, 2), 0.38);
  EXPECT_DOUBLE_EQ(RoundR(-0.125, 2), -0.12);
  // Values R 4.2.2 gives (the rest is checked against R itself in tests/r/).
  EXPECT_DOUBLE_EQ(RoundR(0.15, 1), 0.1);
  EXPECT_DOUBLE_EQ(RoundR(0.45, 1), 0.4);
  EXPECT_DOUBLE_EQ(RoundR(2.675, 2), 2.67);
  EXPECT_DOUBLE_EQ(RoundR(0.285, 2), 0.28);
  EXPECT_DOUBLE_EQ(RoundR(1.005, 2), 1.0);
  EXPECT_DOUBLE_EQ(RoundR(-1.115, 2), -1.11);
  EXPECT_DOUBLE_EQ(RoundR(5.004, 2), 5.0);
  EXPECT_DOUBLE_EQ(RoundR(5.006, 2), 5.01);
  EXPECT_DOUBLE_EQ(RoundHalfUp(364.5), 365);
  EXPECT_DOUBLE_EQ(RoundHalfUp(364.49), 364);
}

// Weight-for-age of 5.004 SD is not flagged (rounded to 5.00), of 5.006 SD is (5.01): the
// weight for a given z inverted from the restricted formula above +3 SD.
TEST(GrowthZScores, FlagsTheRoundedScore) {
  const Lms& p = *WhoStandards().ByAge(AgeTable::kWeight, 1, 400);
  auto weight_at = [&p](double z) {
    auto at = [&p](double sd) { return p.m * std::pow(1 + p.l * p.s * sd, 1 / p.l); };
    return at(3) + (z - 3) * (at(3) - at(2));
  };
  Measurement m;
  m.sex = 1;
  m.age = 400;
  m.weight = weight_at(5.004);
  ZScores z = Compute(WhoStandards(), m);
  EXPECT_DOUBLE_EQ(*z.Z(Indicator::kWei), 5.0);
  EXPECT_EQ(*z.Flag(Indicator::kWei), 0);
  m.weight = weight_at(5.006);
  z = Compute(WhoStandards(), m);
  EXPECT_DOUBLE_EQ(*z.Z(Indicator::kWei), 5.01);
  EXPECT_EQ(*z.Flag(Indicator::kWei), 1);
}

// A child with only a length-for-age score, for the interval tests.
SurveyChild WithZlen(std::optional<double> zlen) {
  SurveyChild c;
  c.z.age_days = 400;
  c.z.age_months = 400 / kDaysPerMonth;
  c.z.csex = 1;
  c.z.z[static_cast<std::size_t>(Indicator::kLen)] = zlen;
  if (zlen) c.z.flag[static_cast<std::size_t>(Indicator::kLen)] = 0;
  return c;
}

TEST(GrowthPrevalence, LogitIntervalWithoutADesign) {
  std::vector<SurveyChild> kids;
  for (int i = 0; i < 100; ++i) kids.push_back(WithZlen(i < 20 ? -2.5 : 0.0));
  auto r = Prevalence(kids, {});
  ASSERT_TRUE(r);
  const Estimate& all = r->rows[0].indicators[0].cut[1];  // HA < -2, all children
  EXPECT_EQ(r->rows[0].group, "All");
  EXPECT_NEAR(*all.r, 20.0, 1e-9);
  EXPECT_NEAR(*all.ll, 13.18, 0.005);
  EXPECT_NEAR(*all.ul, 29.16, 0.005);
  // The same hundred among two hundred, the others without a length: N counts every child.
  for (int i = 0; i < 100; ++i) kids.push_back(WithZlen(std::nullopt));
  r = Prevalence(kids, {});
  ASSERT_TRUE(r);
  const Estimate& wider = r->rows[0].indicators[0].cut[1];
  EXPECT_NEAR(*wider.ll, 13.23, 0.005);
  EXPECT_NEAR(*wider.ul, 29.07, 0.005);
  EXPECT_EQ(r->rows[0].indicators[0].unwpop, 100);
}

TEST(GrowthPrevalence, OedemaCountsBelowMinusThreeAndStaysOutOfTheMean) {
  std::vector<SurveyChild> kids;
  for (int i = 0; i < 10; ++i) {
    SurveyChild c = WithZlen(0.0);
    c.z.z[static_cast<std::size_t>(Indicator::kWfl)] = 0.5;
    c.z.flag[static_cast<std::size_t>(Indicator::kWfl)] = 0;
    kids.push_back(c);
  }
  SurveyChild swollen = WithZlen(0.0);
  swollen.oedema = true;  // its WHZ is missing, as Compute leaves it
  kids.push_back(swollen);
  auto r = Prevalence(kids, {});
  ASSERT_TRUE(r);
  const IndicatorPrevalence& wh = r->rows[0].indicators[3];
  EXPECT_EQ(wh.unwpop, 11);
  EXPECT_NEAR(*wh.cut[0].r, 100.0 / 11, 1e-9);  // < -3
  EXPECT_NEAR(*wh.cut[1].r, 100.0 / 11, 1e-9);  // < -2
  EXPECT_NEAR(*wh.mean.r, 0.5, 1e-12);          // the mean without it
}

// WHO's example survey with its sampling weights (no clusters or strata): every rate and its
// 95% limits within 0.001 of igrowup's proportions, the mean z-scores, their limits and SDs, and
// the denominators.
TEST(GrowthPrevalence, WhoExampleSurveyWithWeights) {
  auto rows = ReadCsv(kWho + "igrowup_mysurvey_z_standard.csv");
  std::vector<SurveyChild> kids;
  for (auto& r : rows) {
    const Measurement m = FromSurvey(r);
    kids.push_back(
        {Compute(WhoStandards(), m), m.oedema, std::nullopt, std::nullopt, Num(r["sw"])});
  }
  auto result = Prevalence(kids, {.weights = true});
  ASSERT_TRUE(result);
  EXPECT_EQ(result->excluded_age, 4);
  std::map<std::string, std::map<std::string, std::string>> expected;
  for (auto& e : ReadCsv(kWho + "igrowup_mysurvey_prevalence_standard.csv")) {
    expected[e["standard_strat"]] = e;
  }
  const std::map<std::string, std::string> ages = {
      {"00-05 mo", "0 to 5 months"},   {"06-11 mo", "6 to 11 months"},
      {"12-23 mo", "12 to 23 months"}, {"24-35 mo", "24 to 35 months"},
      {"36-47 mo", "36 to 47 months"}, {"48-59 mo", "48 to 59 months"}};
  auto stratum = [&](std::string g) {
    if (g == "All") return std::string("Total");
    for (const char* p : {"Age group: ", "Sex: ", "Age + sex: "}) {
      if (g.starts_with(p)) g = g.substr(std::string(p).size());
    }
    const auto dot = g.find('.');
    if (dot != std::string::npos) return g.substr(dot + 1) + " " + ages.at(g.substr(0, dot));
    return ages.contains(g) ? ages.at(g) : g;
  };
  const char* prefix[kPrevalenceIndicators] = {"haz", "waz", "baz", "whz"};
  const char* suffix[kCutoffs] = {"_3", "_2", "_1", "1", "2", "3"};
  int compared = 0;
  ASSERT_EQ(result->rows.size(), 21u);
  for (const PrevalenceRow& row : result->rows) {
    ASSERT_TRUE(expected.contains(stratum(row.group))) << row.group;
    auto& e = expected[stratum(row.group)];
    for (int k = 0; k < kPrevalenceIndicators; ++k) {
      const IndicatorPrevalence& ip = row.indicators[static_cast<std::size_t>(k)];
      const std::string p = prefix[k];
      for (int c = 0; c < kCutoffs; ++c) {
        const Estimate& est = ip.cut[static_cast<std::size_t>(c)];
        const std::string base = p + suffix[c];
        EXPECT_NEAR(*est.r / 100, std::stod(e[base + "_r"]), 0.001) << row.group << " " << base;
        EXPECT_NEAR(*est.ll / 100, std::stod(e[base + "_ll"]), 0.001) << row.group << " " << base;
        EXPECT_NEAR(*est.ul / 100, std::stod(e[base + "_ul"]), 0.001) << row.group << " " << base;
        EXPECT_EQ(ip.unwpop, std::stod(e[base + "_unweighted_N"])) << row.group << " " << base;
        EXPECT_NEAR(ip.pop, std::stod(e[base + "_weighted_N"]), 0.5) << row.group << " " << base;
        compared += 3;
      }
      EXPECT_NEAR(*ip.mean.r, std::stod(e[p + "_r"]), 0.001) << row.group << " " << p;
      EXPECT_NEAR(*ip.mean.ll, std::stod(e[p + "_ll"]), 0.001) << row.group << " " << p;
      EXPECT_NEAR(*ip.mean.ul, std::stod(e[p + "_ul"]), 0.001) << row.group << " " << p;
      if (!e[p + "_sd"].empty() && ip.mean.stdev) {
        EXPECT_NEAR(*ip.mean.stdev, std::stod(e[p + "_sd"]), 0.001) << row.group << " " << p;
      }
    }
  }
  EXPECT_EQ(compared, 21 * 4 * 6 * 3);
}

TEST(GrowthStandards, RefuseAMalformedTable) {
  Standards::Texts texts;
  const std::string good = "sex,age,l,m,s\n1,0,1,2,0.1\n2,0,1,2,0.1\n";
  const std::string gap = "sex,age,l,m,s\n1,0,1,2,0.1\n1,2,1,2,0.1\n2,0,1,2,0.1\n";
  const std::string length = "sex,length,l,m,s,lorh\n1,45,1,2,0.1,L\n2,45,1,2,0.1,L\n";
  for (auto& t : texts.by_age) t = good;
  texts.wfl = length;
  texts.wfh = length;
  EXPECT_TRUE(Standards::Parse(texts));
  texts.by_age[1] = gap;
  auto bad = Standards::Parse(texts);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().args[0], "weianthro:3");
  texts.by_age[1] = "sex,age,l,m,s\n1,0,x,2,0.1\n";
  EXPECT_FALSE(Standards::Parse(texts));
}

// Permenkes 2/2020 boundaries on the rounded z-score: a boundary belongs to the milder band.
TEST(GrowthCategories, BoundariesBelongToTheMilderBand) {
  auto with = [](Indicator i, double z) {
    ZScores s;
    s.z[static_cast<std::size_t>(i)] = z;
    s.flag[static_cast<std::size_t>(i)] = 0;
    return s;
  };
  EXPECT_EQ(HeightForAgeStatus(with(Indicator::kLen, -2.00)), HeightStatus::kNormal);
  EXPECT_EQ(HeightForAgeStatus(with(Indicator::kLen, -2.01)), HeightStatus::kPendek);
  EXPECT_EQ(HeightForAgeStatus(with(Indicator::kLen, -3.00)), HeightStatus::kPendek);
  EXPECT_EQ(HeightForAgeStatus(with(Indicator::kLen, -3.01)), HeightStatus::kSangatPendek);
  EXPECT_EQ(HeightForAgeStatus(with(Indicator::kLen, 3.01)), HeightStatus::kTinggi);
  EXPECT_EQ(WeightForHeightStatus(with(Indicator::kWfl, 1.00), false), NutritionStatus::kGiziBaik);
  EXPECT_EQ(WeightForHeightStatus(with(Indicator::kWfl, 1.01), false),
            NutritionStatus::kBerisikoGiziLebih);
  EXPECT_EQ(WeightForHeightStatus(with(Indicator::kWfl, 2.01), false), NutritionStatus::kGiziLebih);
  EXPECT_EQ(WeightForHeightStatus(with(Indicator::kWfl, 3.01), false), NutritionStatus::kObesitas);
  EXPECT_EQ(WeightForHeightStatus(with(Indicator::kWfl, -2.01), false),
            NutritionStatus::kGiziKurang);
  EXPECT_EQ(WeightForHeightStatus(with(Indicator::kWfl, -3.01), false),
            NutritionStatus::kGiziBuruk);
  EXPECT_EQ(WeightForHeightStatus(ZScores{}, true), NutritionStatus::kGiziBuruk);  // oedema
  EXPECT_EQ(WeightForAgeStatus(with(Indicator::kWei, 1.01)), WeightStatus::kRisikoLebih);
  EXPECT_EQ(WeightForAgeStatus(with(Indicator::kWei, 1.00)), WeightStatus::kNormal);
  EXPECT_EQ(WeightForAgeStatus(with(Indicator::kWei, -2.01)), WeightStatus::kKurang);
  ZScores flagged = with(Indicator::kWei, 5.01);
  flagged.flag[static_cast<std::size_t>(Indicator::kWei)] = 1;
  EXPECT_FALSE(WeightForAgeStatus(flagged).has_value());  // implausible: no category
}

// Buku KIA's rule on hand-made weighings: first weighing B, a gain of at least the KBM since last
// month N, less T, T after T 2T, no weighing last month O; BGM below -3 SD; S counts the children
// the posyandu has seen.
TEST(GrowthSkdn, TheRegisterOfAPosyandu) {
  const MinimumGain kbm{{{1, 800}, {2, 900}, {11, 200}}};
  EXPECT_DOUBLE_EQ(kbm.At(1), 800);
  EXPECT_DOUBLE_EQ(kbm.At(5), 900);
  EXPECT_DOUBLE_EQ(kbm.At(13), 200);
  const Date born{2024, 1, 10};
  auto w = [&](const std::string& anak, Date when, std::optional<double> kg,
               std::optional<double> z = 0.0) {
    return Weighing{anak, "Mawar", when, born, kg, z};
  };
  const std::vector<Weighing> visits = {
      w("a", {2025, 1, 15}, 9.0),           // B
      w("a", {2025, 2, 15}, 9.5),           // +500 g at 13 months (KBM 200): N
      w("a", {2025, 3, 15}, 9.6),           // +100 g: T
      w("a", {2025, 4, 15}, 9.6),           // +0 g: T, and 2T
      w("a", {2025, 6, 15}, 10.0),          // none in May: O
      w("b", {2025, 2, 20}, 6.0, -3.2),     // B, below the red line
      w("b", {2025, 3, 20}, std::nullopt),  // came, not weighed: not in D
  };
  const auto rows = Skdn(visits, kbm);
  ASSERT_EQ(rows.size(), 5u);
  auto month = [&](const std::string& m) {
    for (const auto& r : rows) {
      if (r.bulan == m) return r;
    }
    ADD_FAILURE() << m;
    return SkdnRow{};
  };
  const SkdnRow jan = month("2025-01");
  EXPECT_EQ(jan.s, 1);
  EXPECT_EQ(jan.d, 1);
  EXPECT_EQ(jan.b, 1);
  const SkdnRow feb = month("2025-02");
  EXPECT_EQ(feb.s, 2);
  EXPECT_EQ(feb.d, 2);
  EXPECT_EQ(feb.n, 1);
  EXPECT_EQ(feb.b, 1);
  EXPECT_EQ(feb.bgm, 1);
  const SkdnRow mar = month("2025-03");
  EXPECT_EQ(mar.d, 1);
  EXPECT_EQ(mar.t, 1);
  EXPECT_EQ(mar.dua_t, 0);
  const SkdnRow apr = month("2025-04");
  EXPECT_EQ(apr.t, 1);
  EXPECT_EQ(apr.dua_t, 1);
  EXPECT_EQ(month("2025-06").o, 1);
}

// S and D count the same children: one who turned five is in neither, so D/S never exceeds 100%.
TEST(GrowthSkdn, AChildOfFiveIsInNeitherSNorD) {
  const MinimumGain kbm{{{1, 200}}};
  const std::vector<Weighing> visits = {
      {"muda", "Mawar", {2025, 3, 15}, {2023, 1, 10}, 11.0, 0.0},
      {"lima_tahun", "Mawar", {2025, 3, 15}, {2020, 2, 1}, 17.0, 0.0},  // 61 months
  };
  const auto rows = Skdn(visits, kbm);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].s, 1);
  EXPECT_EQ(rows[0].d, 1);
}

}  // namespace
}  // namespace jangkau::growth
