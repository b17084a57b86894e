// The known answers of the reference (WHO WISN manual mechanics, Permenkes 33/2015 ABK-Kes
// worked examples) reproduced to 1e-6.
#include <gtest/gtest.h>

#include "needs/abk.h"
#include "needs/wisn.h"

namespace jangkau::needs {
namespace {

constexpr double kTol = 1e-6;

WisnCase FullMechanics() {
  WisnCase c;
  c.awt = {260, 16, 12, 12, 5, 7.5};
  c.activities = {{"outpatient assists", 6000, 15.0, std::nullopt},
                  {"emergencies", 800, 30.0, std::nullopt},
                  {"inpatient days", 2000, 60.0, std::nullopt}};
  c.category_allowances = {{"daily meeting", 0.5, AllowancePer::kDay},
                           {"monthly report", 2, AllowancePer::kMonth},
                           {"weekly meeting", 1, AllowancePer::kWeek}};
  c.individual_allowances = {{"supervision", 4, AllowancePer::kWeek, 1},
                             {"training", 8, AllowancePer::kMonth, 2}};
  return c;
}

TEST(Wisn, FullMechanicsKnownAnswer) {
  auto r = ComputeWisn(FullMechanics());
  ASSERT_TRUE(r.has_value());
  EXPECT_NEAR(r->awt_hours, 1612.5, kTol);
  ASSERT_EQ(r->standard_workloads.size(), 3u);
  EXPECT_NEAR(r->standard_workloads[0], 6450, kTol);
  EXPECT_NEAR(r->standard_workloads[1], 3225, kTol);
  EXPECT_NEAR(r->standard_workloads[2], 1612.5, kTol);
  EXPECT_NEAR(6000 / r->standard_workloads[0], 0.930233, kTol);
  EXPECT_NEAR(800 / r->standard_workloads[1], 0.248062, kTol);
  EXPECT_NEAR(2000 / r->standard_workloads[2], 1.240310, kTol);
  EXPECT_NEAR(r->staff_for_services, 2.418605, kTol);
  EXPECT_NEAR(r->total_cas * 100, 10.821705, kTol);
  EXPECT_NEAR(r->caf, 1.121349, kTol);
  EXPECT_NEAR(r->total_ias_hours, 400, kTol);
  EXPECT_NEAR(r->iaf, 0.248062, kTol);
  EXPECT_NEAR(r->required, 2.960162, kTol);
  EXPECT_EQ(r->required_rounded, 3);
  EXPECT_FALSE(r->difference.has_value());
}

TEST(Wisn, DifferenceAndRatioWithCurrentStaff) {
  WisnCase c = FullMechanics();
  c.current_staff = 5;
  auto r = ComputeWisn(c);
  ASSERT_TRUE(r.has_value());
  EXPECT_NEAR(*r->difference, 2.039838, kTol);
  EXPECT_NEAR(*r->ratio, 1.689097, kTol);
  c.current_staff = 2;
  r = ComputeWisn(c);
  EXPECT_NEAR(*r->difference, -0.960162, kTol);
  EXPECT_NEAR(*r->ratio, 0.675639, kTol);
}

TEST(Wisn, UnitsPerHourEqualsMinutesPerUnit) {
  WisnCase a = FullMechanics();
  WisnCase b = FullMechanics();
  b.activities[0] = {"outpatient assists", 6000, std::nullopt, 4.0};  // 15 min = 4 per hour
  EXPECT_NEAR(ComputeWisn(a)->required, ComputeWisn(b)->required, 1e-12);
}

TEST(Wisn, ZeroRequiredLeavesTheRatioUndefined) {
  WisnCase c;
  c.awt = {260, 16, 12, 12, 5, 7.5};
  c.current_staff = 1;
  auto r = ComputeWisn(c);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->required, 0);
  EXPECT_FALSE(r->ratio.has_value());
}

TEST(Wisn, InvalidCasesNameTheField) {
  WisnCase c = FullMechanics();
  c.category_allowances.push_back({"everything", 7.0, AllowancePer::kDay});  // > 100%
  auto r = ComputeWisn(c);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().field, "category_allowances");
  EXPECT_EQ(r.error().msg, Msg::kNeedsCasTooHigh);

  c = FullMechanics();
  c.awt.public_holidays = 300;
  r = ComputeWisn(c);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().msg, Msg::kNeedsAwtNotPositive);

  c = FullMechanics();
  c.activities[1].units_per_hour = 2;
  r = ComputeWisn(c);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().field, "activities[1]");

  c = FullMechanics();
  c.activities[2].minutes_per_unit = 0;
  r = ComputeWisn(c);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().field, "activities[2].minutes_per_unit");
}

TEST(Wisn, ExactlyOneHundredPercentIsAnError) {
  WisnCase c;
  c.awt = {260, 0, 0, 0, 0, 8};
  c.category_allowances = {{"all day", 8, AllowancePer::kDay}};
  EXPECT_FALSE(ComputeWisn(c).has_value());
}

TEST(Abk, MedicalRecordsOfficerKnownAnswer) {
  AbkCase c;
  c.wkt_minutes = 72000;
  c.activities = {{"rawat jalan", 15800, 3}, {"rawat inap", 45000, 5}};
  c.support_tasks = {{"seminar", 1440}, {"rapat", 1440}};
  auto r = ComputeAbk(c);
  ASSERT_TRUE(r.has_value());
  EXPECT_NEAR(r->sbk[0], 24000, kTol);
  EXPECT_NEAR(r->sbk[1], 14400, kTol);
  EXPECT_NEAR(15800 / r->sbk[0], 0.658333, kTol);
  EXPECT_NEAR(45000 / r->sbk[1], 3.125, kTol);
  EXPECT_NEAR(r->jkt, 3.783333, kTol);
  EXPECT_NEAR(r->ftp_percent, 4.0, kTol);
  EXPECT_NEAR(r->stp, 1.041667, kTol);
  EXPECT_NEAR(r->need, 3.940972, kTol);
  EXPECT_EQ(r->need_rounded, 4);
}

TEST(Abk, PuskesmasMidwifeKnownAnswer) {
  AbkCase c;
  c.wkt_minutes = 72000;
  // Norma waktu from the SBK per activity: 72,000 / SBK.
  const std::pair<double, double> sbk_capaian[] = {
      {2400, 845}, {120, 197}, {1200, 342}, {1200, 326}, {1200, 35}, {1200, 31}, {2400, 456}};
  for (const auto& [sbk, capaian] : sbk_capaian) c.activities.push_back({"", capaian, 72000 / sbk});
  c.stp = 1.21;
  auto r = ComputeAbk(c);
  ASSERT_TRUE(r.has_value());
  EXPECT_NEAR(r->sbk[0], 2400, kTol);
  EXPECT_NEAR(r->jkt, 2.795417, kTol);
  EXPECT_NEAR(r->need, 3.382454, kTol);
  EXPECT_EQ(r->need_rounded, 3);
}

TEST(Abk, WktFromThePermenkesFactors) {
  EXPECT_NEAR(AbkWktHours({.days_per_week = 5}), 1113, kTol);
  EXPECT_NEAR(AbkWktHours({.days_per_week = 6}), 1155, kTol);
}

TEST(Abk, SupportTasksOfAllTheTimeAreRefused) {
  AbkCase c;
  c.wkt_minutes = 72000;
  c.support_tasks = {{"rapat", 72000}};
  auto r = ComputeAbk(c);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().field, "support_tasks");
}

}  // namespace
}  // namespace jangkau::needs
