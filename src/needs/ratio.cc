#include "needs/ratio.h"

#include "needs/wisn.h"

namespace jangkau::needs {

std::vector<NeedLine> RatioNeeds(const std::vector<RatioTarget>& targets,
                                 const std::vector<FacilityProfile>& facilities,
                                 const std::map<std::string, units::People>& population_served) {
  std::vector<NeedLine> out;
  for (const FacilityProfile& f : facilities) {
    auto pop = population_served.find(f.kode);
    if (pop == population_served.end() || pop->second.value() <= 0) continue;
    for (const RatioTarget& t : targets) {
      NeedLine line;
      line.method = NeedMethod::kRatio;
      line.kode_faskes = f.kode;
      for (const auto& c : t.cadres) {
        line.group += (line.group.empty() ? "" : "+") + c;
        if (auto s = f.staff.find(c); s != f.staff.end()) line.current += s->second;
      }
      line.group_name = line.group;
      line.cadres = t.cadres;
      line.required = pop->second.value() * t.per_100k / 100000.0;
      line.required_rounded = RoundStaff(line.required, Rounding::kNearest);
      line.gap = line.current - line.required_rounded;
      if (line.required > 0) line.ratio = line.current / line.required;
      out.push_back(std::move(line));
    }
  }
  return out;
}

}  // namespace jangkau::needs
