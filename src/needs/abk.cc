#include "needs/abk.h"

#include <cmath>

#include <fmt/format.h>

namespace jangkau::needs {

std::expected<AbkResult, NeedsError> ComputeAbk(const AbkCase& c) {
  auto invalid = [](const std::string& field, Msg msg) {
    return std::unexpected(NeedsError{field, msg, {field}});
  };
  if (!std::isfinite(c.wkt_minutes) || c.wkt_minutes <= 0) {
    return invalid("wkt_minutes", Msg::kNeedsNotPositive);
  }
  AbkResult r;
  for (std::size_t i = 0; i < c.activities.size(); ++i) {
    const AbkActivity& a = c.activities[i];
    const std::string base = fmt::format("activities[{}]", i);
    if (!std::isfinite(a.capaian) || a.capaian < 0)
      return invalid(base + ".capaian", Msg::kNeedsNegative);
    if (!std::isfinite(a.norma_waktu_minutes) || a.norma_waktu_minutes <= 0) {
      return invalid(base + ".norma_waktu_minutes", Msg::kNeedsNotPositive);
    }
    const double sbk = c.wkt_minutes / a.norma_waktu_minutes;
    r.sbk.push_back(sbk);
    r.jkt += a.capaian / sbk;
  }
  double support = 0;
  for (std::size_t i = 0; i < c.support_tasks.size(); ++i) {
    const double m = c.support_tasks[i].minutes_per_year;
    if (!std::isfinite(m) || m < 0) {
      return invalid(fmt::format("support_tasks[{}].minutes_per_year", i), Msg::kNeedsNegative);
    }
    support += m;
  }
  if (c.stp) {
    if (!std::isfinite(*c.stp) || *c.stp < 1) return invalid("stp", Msg::kNeedsStpBelowOne);
    r.stp = *c.stp;
    r.ftp_percent = (1.0 - 1.0 / r.stp) * 100.0;
  } else {
    r.ftp_percent = support / c.wkt_minutes * 100.0;
    if (r.ftp_percent >= 100.0) {
      return std::unexpected(NeedsError{"support_tasks",
                                        Msg::kNeedsCasTooHigh,
                                        {"support_tasks", fmt::format("{:.4f}", r.ftp_percent)}});
    }
    r.stp = 1.0 / (1.0 - r.ftp_percent / 100.0);
  }
  r.need = r.jkt * r.stp;
  r.need_rounded = RoundStaff(r.need, c.rounding);
  return r;
}

double AbkWktHours(const WktFactors& f) {
  const double working_days = 52.0 * f.days_per_week;
  const double days = working_days - (f.annual_leave + f.public_holidays + f.training + f.absence);
  return days * f.effective_hours_per_week / f.days_per_week;
}

}  // namespace jangkau::needs
