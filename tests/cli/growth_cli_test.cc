// `jangkau growth zscore` and `growth prevalence` from outside (issue 13's contract): the
// columns of WHO anthro's functions, missing values empty, every spelling of the arguments
// anthro accepts (plus L/P for sex), and a bad row refusing the whole file with its line and
// column while nothing is written.
#include <filesystem>
#include <sstream>

#include <gtest/gtest.h>

#include "test_util.h"

namespace jangkau {
namespace {

using testing::J;
using testing::ReadFile;
using testing::RunCommand;
using testing::SplitCsv;
using testing::TempDir;

std::vector<std::vector<std::string>> Rows(const std::string& csv) {
  std::vector<std::vector<std::string>> rows;
  std::stringstream ss(csv);
  std::string line;
  while (std::getline(ss, line)) rows.push_back(SplitCsv(line));
  return rows;
}

TEST(GrowthCli, ZScoresInAnthroColumnsWithMissingValuesEmpty) {
  TempDir dir;
  const std::string in = dir.Write(
      "in.csv",
      "sex,age,is_age_in_month,weight,lenhei,measure,oedema,headc,armc,triskin,subskin\n"
      // WHO's example child 1 (22.45 months, lying): -0.07, -0.57, -0.81, -0.79 (igrowup).
      "2,22.45,true,10.4,84.8,l,n,,14.9,6.8,5.2\n"
      // Days, Indonesian sex letter, a decimal comma, no length.
      "L,400,,\"9,5\",,,NA,,,,\n"
      // Oedema: no weight-based score; no sex: nothing at all.
      "P,500,false,7,75,l,y,,,,\n"
      ",500,false,7,75,l,n,,,,\n");
  const std::string out = dir.File("out.csv");
  auto r = RunCommand(J("growth zscore " + in + " --out " + out));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const auto rows = Rows(ReadFile(out));
  ASSERT_EQ(rows.size(), 5u);
  const std::vector<std::string> header = {"sex",     "age",      "is_age_in_month",
                                           "weight",  "lenhei",   "measure",
                                           "oedema",  "headc",    "armc",
                                           "triskin", "subskin",  "clenhei",
                                           "cbmi",    "cmeasure", "csex",
                                           "zlen",    "flen",     "zwei",
                                           "fwei",    "zwfl",     "fwfl",
                                           "zbmi",    "fbmi",     "zhc",
                                           "fhc",     "zac",      "fac",
                                           "zts",     "fts",      "zss",
                                           "fss"};
  EXPECT_EQ(rows[0], header);
  auto cell = [&](std::size_t row, const std::string& name) {
    const auto i =
        static_cast<std::size_t>(std::find(header.begin(), header.end(), name) - header.begin());
    return rows[row][i];
  };
  EXPECT_EQ(cell(1, "zlen"), "-0.07");
  EXPECT_EQ(cell(1, "zwei"), "-0.57");
  EXPECT_EQ(cell(1, "zwfl"), "-0.81");
  EXPECT_EQ(cell(1, "zbmi"), "-0.79");
  EXPECT_EQ(cell(1, "zhc"), "");  // no head circumference
  EXPECT_EQ(cell(1, "fhc"), "");
  EXPECT_EQ(cell(1, "flen"), "0");
  EXPECT_EQ(cell(1, "cmeasure"), "l");
  EXPECT_EQ(cell(2, "csex"), "1");
  EXPECT_EQ(cell(2, "weight"), "9,5");  // the input as given
  EXPECT_NE(cell(2, "zwei"), "");
  EXPECT_EQ(cell(2, "zlen"), "");
  EXPECT_EQ(cell(3, "zwei"), "");  // oedema
  EXPECT_EQ(cell(3, "zwfl"), "");
  EXPECT_NE(cell(3, "zlen"), "");
  EXPECT_EQ(cell(4, "zwei"), "");  // no sex
  EXPECT_EQ(cell(4, "csex"), "");
}

TEST(GrowthCli, ABadRowRefusesTheFileAndWritesNothing) {
  TempDir dir;
  const std::string good = "sex,age,weight,lenhei,measure,oedema\n1,400,10,75,l,n\n";
  const std::vector<std::pair<std::string, std::string>> bad = {
      {"X,400,10,75,l,n\n", ":3:1:"},        // unknown sex
      {"1,400,10,83..9,l,n\n", ":3:4:"},     // not a number
      {"1,-4,10,75,l,n\n", ":3:2:"},         // negative age
      {"1,400,10,75,berdiri,n\n", ":3:5:"},  // unknown position
      {"1,400,10,75,l,ya\n", ":3:6:"},       // unknown oedema
  };
  for (const auto& [row, where] : bad) {
    const std::string in = dir.Write("in.csv", good + row);
    const std::string out = dir.File("out.csv");
    auto r = RunCommand(J("growth zscore " + in + " --out " + out));
    EXPECT_EQ(r.exit_code, 1) << row << r.out;
    EXPECT_NE(r.out.find("in.csv" + where), std::string::npos) << row << r.out;
    EXPECT_FALSE(std::filesystem::exists(out)) << row;
  }
  auto missing = RunCommand(J("growth zscore " + dir.Write("in.csv", "age,weight\n400,10\n") +
                              " --out " + dir.File("o.csv")));
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.out.find("sex"), std::string::npos) << missing.out;
}

// WHO's example survey with its weights: anthro_prevalence()'s columns and groups; the rates
// themselves are checked against igrowup in tests/unit/growth_test.cc and against R's survey
// package in tests/r/growth_reference.R.
TEST(GrowthCli, PrevalenceInAnthroColumns) {
  TempDir dir;
  std::stringstream who(ReadFile(std::string(JANGKAU_SOURCE_DIR) +
                                 "/tests/data/who_growth/igrowup_mysurvey_z_standard.csv"));
  std::string line;
  std::getline(who, line);
  std::string in = "sex,age,is_age_in_month,weight,lenhei,measure,oedema,sw\n";
  while (std::getline(who, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const auto c = SplitCsv(line);
    // id,region,gender,agemons,weight,height,measure,oedema,head,muac,tri,sub,sw,...
    in += c[2] + "," + c[3] + ",true," + c[4] + "," + c[5] + "," + c[6] + "," + c[7] + "," + c[12] +
          "\n";
  }
  const std::string out = dir.File("p.csv");
  auto r =
      RunCommand(J("growth prevalence " + dir.Write("in.csv", in) + " --weights sw --out " + out));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("4 anak di atas 1826 hari"), std::string::npos) << r.out;
  const auto rows = Rows(ReadFile(out));
  ASSERT_EQ(rows.size(), 22u);
  const std::vector<std::string> start = {"Group",   "HAZ_pop", "HAZ_unwpop", "HA_3_r",
                                          "HA_3_se", "HA_3_ll", "HA_3_ul",    "HA_2_r"};
  EXPECT_EQ(std::vector<std::string>(rows[0].begin(), rows[0].begin() + 8), start);
  EXPECT_EQ(rows[0].back(), "HA_2_WH2_ul");
  EXPECT_EQ(rows[0].size(), 1u + 4 * (2 + 6 * 4 + 5) + 2 + 4 + 4);
  EXPECT_EQ(rows[1][0], "All");
  EXPECT_EQ(rows[2][0], "Age group: 00-05 mo");
  EXPECT_EQ(rows[8][0], "Sex: Female");
  EXPECT_EQ(rows[10][0], "Age + sex: 00-05 mo.Female");
  EXPECT_NEAR(std::stod(rows[1][7]), 6.59, 0.01);  // HA_2_r, igrowup 0.0659
  auto unknown = RunCommand(J("growth prevalence " + dir.File("in.csv") +
                              " --cluster klaster --out " + dir.File("q.csv")));
  EXPECT_EQ(unknown.exit_code, 1) << unknown.out;
  EXPECT_NE(unknown.out.find("klaster"), std::string::npos) << unknown.out;
}

}  // namespace
}  // namespace jangkau
