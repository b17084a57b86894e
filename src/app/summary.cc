#include "app/summary.h"

#include <algorithm>
#include <set>

namespace jangkau::app {

Summary Summarize(const store::Workspace& ws) {
  Summary s;
  for (const Facility& f : ws.Facilities()) {
    ++s.facilities_by_type[std::string(TypeKey(f.type))];
    if (f.rawat_inap_assumed || f.area_assumed) ++s.facilities_with_assumptions;
  }

  std::map<std::string, int64_t> by_cadre;
  std::set<std::string> with_roster;
  for (const StaffMember& m : ws.Staff()) {
    ++by_cadre[m.cadre];
    with_roster.insert(m.kode_faskes);
  }
  for (const StaffCount& c : ws.StaffCounts()) {
    if (!with_roster.contains(c.kode_faskes)) by_cadre[c.cadre] += c.jumlah;
  }
  for (const auto& [cadre, n] : by_cadre) {
    s.workers_by_cadre.emplace_back(cadre, n);
    s.workers_total += n;
  }
  std::stable_sort(s.workers_by_cadre.begin(), s.workers_by_cadre.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });

  const auto latest = LatestPopulation(ws.Population());
  for (const Region& r : ws.Regions(/*with_geometry=*/false)) {
    if (r.level == RegionLevel::kKecamatan) ++s.kecamatan;
    auto it = latest.find(r.kode);
    if (r.level == RegionLevel::kDesa) {
      ++s.desa;
      if (it != latest.end()) {
        ++s.desa_with_population;
        s.population_desa_sum += it->second.penduduk;
        s.population_year = std::max(s.population_year, it->second.tahun);
      }
    }
    if (r.level == RegionLevel::kKabupaten && it != latest.end()) {
      s.kabupaten_population.emplace_back(r.kode, r.nama, it->second.penduduk, it->second.tahun);
    }
  }

  for (const Diagnostic& d : ws.StoredWarnings()) {
    ++s.warnings_by_code[std::string(MsgCode(d.msg))];
    ++s.warnings_total;
  }
  return s;
}

}  // namespace jangkau::app
