// WHO Workload Indicators of Staffing Need (WISN user manual, 2010): available working time,
// standard workloads, category and individual allowances, required staff, WISN difference and
// ratio. Pure functions over plain values; thread-safe.
#pragma once

#include <expected>
#include <optional>
#include <string>
#include <vector>

#include "needs/needs_error.h"

namespace jangkau::needs {

// AWT = [A - (B + C + D + E)] x F hours per year.
struct WisnAwt {
  double working_days = 0;     // A: days in the year the cadre works (52 x days per week)
  double public_holidays = 0;  // B
  double annual_leave = 0;     // C
  double sick_leave = 0;       // D
  double other_leave = 0;      // E: training and other absence
  double hours_per_day = 0;    // F
};

// A health-service activity: annual workload and its service standard, either minutes per
// unit or units per hour (exactly one of the two).
struct WisnActivity {
  std::string name;
  double annual_workload = 0;
  std::optional<double> minutes_per_unit;
  std::optional<double> units_per_hour;
};

enum class AllowancePer { kDay, kWeek, kMonth, kYear };

// Support activities done by every member of the cadre (category allowance).
struct WisnCategoryAllowance {
  std::string name;
  double hours = 0;
  AllowancePer per = AllowancePer::kYear;
};

// Additional activities done by some members only (individual allowance).
struct WisnIndividualAllowance {
  std::string name;
  double hours = 0;
  AllowancePer per = AllowancePer::kYear;  // week, month or year
  double staff = 0;                        // how many members do it
};

enum class Rounding { kNearest, kUp };

struct WisnCase {
  WisnAwt awt;
  std::vector<WisnActivity> activities;
  std::vector<WisnCategoryAllowance> category_allowances;
  std::vector<WisnIndividualAllowance> individual_allowances;
  std::optional<double> current_staff;
  Rounding rounding = Rounding::kNearest;  // applied to `required` only, at the end
};

struct WisnResult {
  double awt_hours = 0;
  std::vector<double> standard_workloads;  // SW per activity, in activity order
  double staff_for_services = 0;           // A = sum of workload / SW
  double total_cas = 0;                    // fraction of working time (0.108 = 10.8%)
  double caf = 0;                          // 1 / (1 - total CAS)
  double total_ias_hours = 0;
  double iaf = 0;       // total IAS / AWT
  double required = 0;  // A x CAF + IAF
  double required_rounded = 0;
  std::optional<double> difference;  // current - required (negative: shortage)
  std::optional<double> ratio;       // current / required; absent when required = 0
};

// Success: the full calculation. Failure: the first invalid field (AWT <= 0, total CAS >= 100%,
// a negative value, an activity with neither or both standards, ...), named by its JSON path.
std::expected<WisnResult, NeedsError> ComputeWisn(const WisnCase& c);

double RoundStaff(double value, Rounding rounding);

}  // namespace jangkau::needs
