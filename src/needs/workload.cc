#include "needs/workload.h"

#include <set>

namespace jangkau::needs {
namespace {

AllowancePer ToAllowancePer(Period p) {
  switch (p) {
    case Period::kDay:
      return AllowancePer::kDay;
    case Period::kWeek:
      return AllowancePer::kWeek;
    case Period::kMonth:
      return AllowancePer::kMonth;
    case Period::kYear:
      return AllowancePer::kYear;
  }
  return AllowancePer::kYear;
}

double PeriodsPerYear(Period p, double working_days) {
  switch (p) {
    case Period::kDay:
      return working_days;
    case Period::kWeek:
      return working_days / 5.0;
    case Period::kMonth:
      return 12;
    case Period::kYear:
      return 1;
  }
  return 1;
}

}  // namespace

WorkloadResult WorkloadNeeds(const std::vector<ActivityStandard>& standards,
                             const std::vector<FacilityProfile>& facilities,
                             const VolumeTable& volumes, const WorkloadOptions& options) {
  WorkloadResult result;
  std::set<std::string> cadres;
  for (const auto& s : standards) cadres.insert(s.cadre);

  for (const FacilityProfile& f : facilities) {
    auto vol = volumes.find(f.kode);
    if (vol == volumes.end()) continue;
    for (const std::string& cadre : cadres) {
      WisnCase wisn;
      wisn.awt = options.awt;
      AbkCase abk;
      abk.wkt_minutes = options.wkt_minutes;
      bool any_volume = false;
      for (const ActivityStandard& s : standards) {
        if (s.cadre != cadre) continue;
        if (s.component == ActivityComponent::kService) {
          auto v = vol->second.find(s.kegiatan);
          if (v == vol->second.end() || !s.minutes_per_unit) continue;
          any_volume = true;
          wisn.activities.push_back({s.kegiatan, v->second, s.minutes_per_unit, std::nullopt});
          abk.activities.push_back({s.kegiatan, v->second, *s.minutes_per_unit});
        } else if (s.component == ActivityComponent::kSupport) {
          wisn.category_allowances.push_back({s.kegiatan, *s.hours, ToAllowancePer(s.per)});
          abk.support_tasks.push_back(
              {s.kegiatan, *s.hours * 60.0 * PeriodsPerYear(s.per, options.abk_working_days)});
        } else {
          wisn.individual_allowances.push_back(
              {s.kegiatan, *s.hours, ToAllowancePer(s.per), s.staff});
          // ABK-Kes has no individual allowance: the additional work is a support task.
          abk.support_tasks.push_back(
              {s.kegiatan,
               *s.hours * 60.0 * s.staff * PeriodsPerYear(s.per, options.abk_working_days)});
        }
      }
      if (!any_volume) continue;
      NeedLine line;
      line.method = options.method;
      line.kode_faskes = f.kode;
      line.group = cadre;
      line.group_name = cadre;
      line.cadres = {cadre};
      if (auto s = f.staff.find(cadre); s != f.staff.end()) line.current = s->second;
      if (options.method == NeedMethod::kWisn) {
        wisn.current_staff = line.current;
        auto r = ComputeWisn(wisn);
        if (!r) {
          result.refused.emplace_back(f.kode, cadre, r.error());
          continue;
        }
        line.required = r->required;
        line.required_rounded = r->required_rounded;
      } else {
        auto r = ComputeAbk(abk);
        if (!r) {
          result.refused.emplace_back(f.kode, cadre, r.error());
          continue;
        }
        line.required = r->need;
        line.required_rounded = r->need_rounded;
      }
      line.gap = line.current - line.required_rounded;
      if (line.required > 0) line.ratio = line.current / line.required;
      result.lines.push_back(std::move(line));
    }
  }
  return result;
}

}  // namespace jangkau::needs
