#include "needs/wisn.h"

#include <cmath>

#include <fmt/format.h>

namespace jangkau::needs {
namespace {

std::unexpected<NeedsError> Invalid(const std::string& field, Msg msg,
                                    std::vector<std::string> extra = {}) {
  std::vector<std::string> args = {field};
  args.insert(args.end(), extra.begin(), extra.end());
  return std::unexpected(NeedsError{field, msg, std::move(args)});
}

}  // namespace

double RoundStaff(double value, Rounding rounding) {
  // A tolerance keeps 2.0000000001 (floating-point noise) from rounding up to 3.
  return rounding == Rounding::kUp ? std::ceil(value - 1e-9) : std::floor(value + 0.5);
}

std::expected<WisnResult, NeedsError> ComputeWisn(const WisnCase& c) {
  const WisnAwt& a = c.awt;
  const std::pair<const char*, double> awt_fields[] = {
      {"awt.working_days", a.working_days}, {"awt.public_holidays", a.public_holidays},
      {"awt.annual_leave", a.annual_leave}, {"awt.sick_leave", a.sick_leave},
      {"awt.other_leave", a.other_leave},   {"awt.hours_per_day", a.hours_per_day}};
  for (const auto& [field, value] : awt_fields) {
    if (!std::isfinite(value) || value < 0) return Invalid(field, Msg::kNeedsNegative);
  }
  WisnResult r;
  const double days =
      a.working_days - (a.public_holidays + a.annual_leave + a.sick_leave + a.other_leave);
  r.awt_hours = days * a.hours_per_day;
  if (r.awt_hours <= 0)
    return Invalid("awt", Msg::kNeedsAwtNotPositive, {fmt::format("{}", r.awt_hours)});
  const double weekly_hours = a.hours_per_day * a.working_days / 52.0;

  for (std::size_t i = 0; i < c.activities.size(); ++i) {
    const WisnActivity& act = c.activities[i];
    const std::string base = fmt::format("activities[{}]", i);
    if (!std::isfinite(act.annual_workload) || act.annual_workload < 0) {
      return Invalid(base + ".annual_workload", Msg::kNeedsNegative);
    }
    if (act.minutes_per_unit.has_value() == act.units_per_hour.has_value()) {
      return Invalid(base, Msg::kNeedsOneStandard);
    }
    double sw = 0;
    if (act.minutes_per_unit) {
      if (!(*act.minutes_per_unit > 0))
        return Invalid(base + ".minutes_per_unit", Msg::kNeedsNotPositive);
      sw = r.awt_hours * 60.0 / *act.minutes_per_unit;
    } else {
      if (!(*act.units_per_hour > 0))
        return Invalid(base + ".units_per_hour", Msg::kNeedsNotPositive);
      sw = r.awt_hours * *act.units_per_hour;
    }
    r.standard_workloads.push_back(sw);
    r.staff_for_services += act.annual_workload / sw;
  }

  for (std::size_t i = 0; i < c.category_allowances.size(); ++i) {
    const WisnCategoryAllowance& ca = c.category_allowances[i];
    if (!std::isfinite(ca.hours) || ca.hours < 0) {
      return Invalid(fmt::format("category_allowances[{}].hours", i), Msg::kNeedsNegative);
    }
    switch (ca.per) {
      case AllowancePer::kDay:
        r.total_cas += ca.hours / a.hours_per_day;
        break;
      case AllowancePer::kWeek:
        r.total_cas += ca.hours / weekly_hours;
        break;
      case AllowancePer::kMonth:
        r.total_cas += 12.0 * ca.hours / r.awt_hours;
        break;
      case AllowancePer::kYear:
        r.total_cas += ca.hours / r.awt_hours;
        break;
    }
  }
  if (r.total_cas >= 1.0) {
    return Invalid("category_allowances", Msg::kNeedsCasTooHigh,
                   {fmt::format("{:.4f}", r.total_cas * 100)});
  }
  r.caf = 1.0 / (1.0 - r.total_cas);

  for (std::size_t i = 0; i < c.individual_allowances.size(); ++i) {
    const WisnIndividualAllowance& ia = c.individual_allowances[i];
    const std::string base = fmt::format("individual_allowances[{}]", i);
    if (!std::isfinite(ia.hours) || ia.hours < 0)
      return Invalid(base + ".hours", Msg::kNeedsNegative);
    if (!std::isfinite(ia.staff) || ia.staff < 0)
      return Invalid(base + ".staff", Msg::kNeedsNegative);
    double per_year = 0;
    switch (ia.per) {
      case AllowancePer::kWeek:
        per_year = ia.hours * 52.0;
        break;
      case AllowancePer::kMonth:
        per_year = ia.hours * 12.0;
        break;
      case AllowancePer::kYear:
        per_year = ia.hours;
        break;
      case AllowancePer::kDay:
        return Invalid(base + ".per", Msg::kNeedsBadPer, {"week, month, year"});
    }
    r.total_ias_hours += per_year * ia.staff;
  }
  r.iaf = r.total_ias_hours / r.awt_hours;
  r.required = r.staff_for_services * r.caf + r.iaf;
  r.required_rounded = RoundStaff(r.required, c.rounding);
  if (c.current_staff) {
    if (!std::isfinite(*c.current_staff) || *c.current_staff < 0) {
      return Invalid("current_staff", Msg::kNeedsNegative);
    }
    r.difference = *c.current_staff - r.required;
    if (r.required > 0) r.ratio = *c.current_staff / r.required;
  }
  return r;
}

}  // namespace jangkau::needs
