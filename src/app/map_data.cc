#include "app/map_data.h"

#include "app/needs_service.h"
#include "store/workspace.h"

namespace jangkau::app {

std::map<std::string, FacilityStaffing> StaffingByFacility(const store::Workspace& ws) {
  std::map<std::string, FacilityStaffing> out;
  auto needs = ComputeNeeds(ws, {});
  if (!needs) return out;
  for (const auto& l : needs->lines) {
    FacilityStaffing& s = out[l.kode_faskes];
    s.current += l.current;
    s.required += l.required_rounded;
  }
  return out;
}

std::vector<RegionMapRow> RegionsForMap(const store::Workspace& ws, RegionLevel level) {
  const auto population = LatestPopulation(ws.Population());
  std::map<std::string, RegionAccess> reach;
  for (auto& [target, r] : ws.AccessRegions("dasar")) {
    if (target == "puskesmas") reach[r.kode_wilayah] = r;
  }
  std::vector<RegionMapRow> out;
  for (Region& r : ws.Regions(true)) {
    if (r.level != level) continue;
    RegionMapRow row;
    if (auto p = population.find(r.kode); p != population.end()) row.penduduk = p->second.penduduk;
    if (auto a = reach.find(r.kode); a != reach.end() && a->second.penduduk > 0) {
      row.reach = a->second;
    }
    row.region = std::move(r);
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace jangkau::app
