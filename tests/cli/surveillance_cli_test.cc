// `jangkau surveillance detect` from outside (issue 14): the contract's columns, week labels kept
// as given across a 53-week year, the fixed threshold's ">=" (a count at the threshold alarms, one
// below does not), and every malformed file refused at its line and column with nothing written.
// R parity is tests/r/surveillance_reference.R; the methods' values
// tests/unit/surveillance_test.cc.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "test_util.h"

namespace jangkau {
namespace {

using testing::J;
using testing::RunCommand;
using testing::TempDir;

const double kSeries[] = {4, 6, 5, 3, 7, 5, 4, 6, 5, 4, 5, 6, 4, 5, 12, 15, 9, 6, 5, 4};

// week,cases with epidemiological weeks from 2020-W44 (2020 has 53 weeks).
std::string EpiWeeks() {
  std::string text = "week,cases\n";
  int year = 2020;
  int week = 44;
  for (double v : kSeries) {
    text += std::to_string(year) + "-W" + (week < 10 ? "0" : "") + std::to_string(week) + "," +
            std::to_string(static_cast<int>(v)) + "\n";
    if (++week > (year == 2020 ? 53 : 52)) {
      ++year;
      week = 1;
    }
  }
  return text;
}

std::vector<std::vector<std::string>> ReadCsv(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> cells;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, ',')) cells.push_back(cell);
    if (!line.empty() && line.back() == ',') cells.emplace_back();
    rows.push_back(cells);
  }
  return rows;
}

TEST(SurveillanceCli, EarsOnEpidemiologicalWeeksAcrossA53WeekYear) {
  TempDir dir;
  const std::string out = dir.File("c1.csv");
  auto r = RunCommand(J("surveillance detect " + dir.Write("minggu.csv", EpiWeeks()) +
                        " --method ears-c1 --out " + out));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const auto rows = ReadCsv(out);
  ASSERT_EQ(rows.size(), 14u);  // the header and weeks 8..20
  EXPECT_EQ(rows[0], (std::vector<std::string>{"week", "cases", "threshold", "alarm"}));
  EXPECT_EQ(rows[1][0], "2020-W51");
  EXPECT_EQ(rows[3][0], "2020-W53");
  EXPECT_EQ(rows[4][0], "2021-W01");
  std::vector<std::string> alarms;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    if (rows[i][3] == "1") alarms.push_back(rows[i][0]);
  }
  // Weeks 15 and 16 of the series, as R's earsC C1.
  EXPECT_EQ(alarms, (std::vector<std::string>{"2021-W05", "2021-W06"}));
  EXPECT_NEAR(std::stod(rows[1][2]), 9.0140783, 1e-6);
}

TEST(SurveillanceCli, AFixedThresholdAlarmsAtTheThreshold) {
  TempDir dir;
  const std::string out = dir.File("tetap.csv");
  auto r =
      RunCommand(J("surveillance detect " + dir.Write("s.csv", "week,cases\n1,4\n2,5\n3,\n4,6\n") +
                   " --method fixed --threshold 5 --out " + out));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const auto rows = ReadCsv(out);
  ASSERT_EQ(rows.size(), 4u);  // week 3 was not reported: no result
  EXPECT_EQ(rows[1][3], "0");
  EXPECT_EQ(rows[2][3], "1");
  EXPECT_EQ(rows[3][3], "1");
  EXPECT_EQ(
      RunCommand(J("surveillance detect " + dir.File("s.csv") + " --method fixed --out " + out))
          .exit_code,
      2);
  EXPECT_EQ(RunCommand(J("surveillance detect " + dir.File("s.csv") +
                         " --method ears-c1 --threshold 3 --out " + out))
                .exit_code,
            2);
}

TEST(SurveillanceCli, AMalformedSeriesIsRefusedAtItsLineAndColumn) {
  TempDir dir;
  struct Case {
    std::string text, where;
  };
  const Case cases[] = {
      {"week,cases\n1,3\n3,4\n", "s.csv:3:1"},                // a gap
      {"week,cases\n2,3\n1,4\n", "s.csv:3:1"},                // backwards
      {"week,cases\n2020-W52,3\n2021-W01,4\n", "s.csv:3:1"},  // 2020 has a week 53
      {"week,cases\n2021-W53,3\n", "s.csv:2:1"},              // 2021 has none
      {"week,cases\n1,3\n2020-W01,4\n", "s.csv:3:1"},         // two kinds of label
      {"week,cases\nsatu,3\n", "s.csv:2:1"},
      {"week,cases\n1,-3\n", "s.csv:2:2"},
      {"week,cases\n1,2.5\n", "s.csv:2:2"},
      {"week,cases\n1,tiga\n", "s.csv:2:2"},
      {"minggu_ke,cases\n1,3\n", "s.csv:1"},
  };
  for (const Case& c : cases) {
    const std::string out = dir.File("hasil.csv");
    auto r = RunCommand(
        J("surveillance detect " + dir.Write("s.csv", c.text) + " --method ears-c1 --out " + out));
    EXPECT_NE(r.exit_code, 0) << c.text;
    EXPECT_NE(r.out.find(c.where), std::string::npos) << c.text << r.out;
    EXPECT_FALSE(std::filesystem::exists(out)) << c.text;
  }
}

}  // namespace
}  // namespace jangkau
