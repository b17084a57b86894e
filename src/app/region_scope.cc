// Region scopes of users (app/region_scope.h).
#include "app/region_scope.h"

#include "app/validation.h"

namespace jangkau::app {

RegionScope::RegionScope(std::string wilayah, const std::vector<Region>& regions)
    : wilayah_(std::move(wilayah)), province_(LevelOfCode(wilayah_) == RegionLevel::kProvinsi) {
  for (const Region& r : regions) {
    if (r.level == RegionLevel::kKabupaten && !r.kode_bps.empty()) {
      kabupaten_by_bps_.emplace(r.kode_bps, r.kode);
    }
  }
}

bool RegionScope::HasRegion(std::string_view kode) const {
  if (Everything()) return true;
  return kode == wilayah_ || (kode.size() > wilayah_.size() && kode.starts_with(wilayah_) &&
                              kode[wilayah_.size()] == '.');
}

bool RegionScope::HasFacility(const Facility& f) const {
  if (Everything()) return true;
  std::string kabupaten;
  if (LevelOfCode(f.kode_kecamatan) == RegionLevel::kKecamatan) {
    kabupaten = ParentCode(f.kode_kecamatan);
  } else if (LevelOfCode(f.kode_desa) == RegionLevel::kDesa) {
    kabupaten = ParentCode(ParentCode(f.kode_desa));
  } else if (auto it = kabupaten_by_bps_.find(FacilityKabupatenBps(f));
             it != kabupaten_by_bps_.end()) {
    kabupaten = it->second;
  }
  if (kabupaten.empty()) return province_;
  return HasRegion(kabupaten);
}

std::set<std::string> RegionScope::FacilityCodes(const std::vector<Facility>& facilities) const {
  std::set<std::string> codes;
  for (const Facility& f : facilities) {
    if (HasFacility(f)) codes.insert(f.kode);
  }
  return codes;
}

}  // namespace jangkau::app
