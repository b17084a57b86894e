#include "needs/projection.h"

#include <algorithm>

#include "base/text_util.h"

namespace jangkau::needs {

int RetirementAge(const std::vector<RetirementRule>& rules, const std::string& jabatan) {
  const std::string lower = ToLowerAscii(jabatan);
  for (const RetirementRule& r : rules) {
    if (r.pattern == "*" || (!r.pattern.empty() && lower.find(r.pattern) != std::string::npos)) {
      return r.age;
    }
  }
  return 58;
}

std::vector<Retirement> RetirementsBetween(const std::vector<StaffMember>& roster,
                                           const std::vector<RetirementRule>& rules, int from_year,
                                           int to_year) {
  std::vector<Retirement> out;
  for (const StaffMember& m : roster) {
    const int age = RetirementAge(rules, m.jabatan);
    const int year = m.tanggal_lahir.year + age;
    if (year < from_year || year > to_year) continue;
    out.push_back({m.kode_faskes, m.nama, m.cadre, m.jabatan, m.tanggal_lahir, age, year});
  }
  std::stable_sort(out.begin(), out.end(), [](const Retirement& a, const Retirement& b) {
    return std::tie(a.year, a.kode_faskes) < std::tie(b.year, b.kode_faskes);
  });
  return out;
}

std::vector<ProjectionLine> ProjectNeeds(const std::vector<NeedLine>& lines,
                                         const std::vector<Retirement>& retirements,
                                         const ProjectionOptions& options) {
  std::vector<ProjectionLine> out;
  for (const NeedLine& line : lines) {
    double staff = line.current;
    const auto hires_it = options.planned_hires.find(line.group);
    const double hires = hires_it == options.planned_hires.end() ? 0 : hires_it->second;
    for (int y = options.base_year + 1; y <= options.base_year + options.years; ++y) {
      ProjectionLine p;
      p.kode_faskes = line.kode_faskes;
      p.group = line.group;
      p.year = y;
      p.start = staff;
      for (const Retirement& r : retirements) {
        if (r.year == y && r.kode_faskes == line.kode_faskes &&
            std::find(line.cadres.begin(), line.cadres.end(), r.cadre) != line.cadres.end()) {
          p.retiring += 1;
        }
      }
      p.retiring = std::min(p.retiring, p.start);
      p.attrition = (p.start - p.retiring) * options.attrition_rate;
      p.hires = hires;
      p.end = p.start - p.retiring - p.attrition + p.hires;
      p.required = line.required_rounded;
      p.gap = p.end - p.required;
      staff = p.end;
      out.push_back(p);
    }
  }
  return out;
}

}  // namespace jangkau::needs
