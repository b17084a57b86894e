// JSON cases for `jangkau wisn` / `abk`: the documented case parses, and a missing or wrongly
// typed field is named.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "app/needs_json.h"

namespace jangkau::needs {
namespace {

TEST(NeedsJson, ParsesTheDocumentedWisnCaseAndNamesMissingFields) {
  const auto j = nlohmann::json::parse(R"({
    "awt": {"working_days": 260, "public_holidays": 16, "annual_leave": 12, "sick_leave": 12,
            "other_leave": 5, "hours_per_day": 7.5},
    "activities": [{"name": "a", "annual_workload": 6000, "minutes_per_unit": 15}],
    "category_allowances": [{"name": "m", "hours": 2, "per": "month"}],
    "individual_allowances": [{"name": "s", "hours": 4, "per": "week", "staff": 1}],
    "current_staff": 2})");
  auto c = app::ParseWisnCase(j);
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->category_allowances[0].per, AllowancePer::kMonth);
  EXPECT_EQ(*c->current_staff, 2);

  auto missing = app::ParseWisnCase(nlohmann::json::parse(
      R"({"awt": {"working_days": 260, "public_holidays": 16, "annual_leave": 12,
          "sick_leave": 12, "hours_per_day": 7.5}, "activities": []})"));
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().field, "awt.other_leave");

  auto bad_per = app::ParseWisnCase(nlohmann::json::parse(
      R"({"awt": {"working_days": 260, "public_holidays": 16, "annual_leave": 12, "sick_leave": 12,
          "other_leave": 5, "hours_per_day": 7.5}, "activities": [],
          "individual_allowances": [{"name": "s", "hours": 1, "per": "day", "staff": 1}]})"));
  ASSERT_FALSE(bad_per.has_value());
  EXPECT_EQ(bad_per.error().field, "individual_allowances[0].per");

  auto wrong_type =
      app::ParseAbkCase(nlohmann::json::parse(R"({"wkt_minutes": "72000", "activities": []})"));
  ASSERT_FALSE(wrong_type.has_value());
  EXPECT_EQ(wrong_type.error().field, "wkt_minutes");
}

}  // namespace
}  // namespace jangkau::needs
