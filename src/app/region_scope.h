// What a user scoped to a region sees (users.wilayah, docs/postgresql.md "Users of a province"):
// a district planner of a province workspace her kabupaten's regions and facilities, a province
// planner all of them. A facility belongs to the kabupaten of its kecamatan or desa code, else
// to the one whose BPS code its own BPS code names (hospitals carry no kecamatan). Plain value;
// thread-compatible.
#pragma once

#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "model/facility.h"
#include "model/region.h"

namespace jangkau::app {

class RegionScope {
 public:
  // Everything: a user with no region.
  RegionScope() = default;
  // The region `wilayah` (a Kemendagri code; empty is everything) of a workspace of `regions`.
  RegionScope(std::string wilayah, const std::vector<Region>& regions);

  bool Everything() const { return wilayah_.empty(); }
  const std::string& wilayah() const { return wilayah_; }
  // `kode` is the region itself or lies inside it.
  bool HasRegion(std::string_view kode) const;
  // A facility whose kabupaten is unknown is seen only by a province (or an unscoped) user.
  bool HasFacility(const Facility& f) const;
  // The codes of those of `facilities` it has.
  std::set<std::string> FacilityCodes(const std::vector<Facility>& facilities) const;

 private:
  std::string wilayah_;
  bool province_ = false;
  std::map<std::string, std::string, std::less<>> kabupaten_by_bps_;  // BPS -> Kemendagri
};

}  // namespace jangkau::app
