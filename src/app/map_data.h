// What the map shows per facility and per region, computed once for the web and any other
// front end: staffing against the minimum norms, report status, and reach per region from the
// last access run. Loads from the caller's Workspace; not thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/facility.h"
#include "model/reference.h"
#include "model/region.h"

namespace jangkau::store {
class Workspace;
}

namespace jangkau::app {

struct FacilityStaffing {
  double current = 0;   // staff of the cadres the norms name
  double required = 0;  // whole positions the norms require
  // current / required; absent when nothing is required.
  std::optional<double> Ratio() const {
    return required > 0 ? std::optional<double>(current / required) : std::nullopt;
  }
};
// Staffing per facility code by the minimum norms (empty when the norms cannot be computed).
std::map<std::string, FacilityStaffing> StaffingByFacility(const store::Workspace& ws);

struct RegionMapRow {
  Region region;  // with its boundary
  std::optional<int64_t> penduduk;
  std::optional<RegionAccess> reach;  // to a puskesmas, baseline; only when people were counted
};
// Every region of `level` with its population and reach.
std::vector<RegionMapRow> RegionsForMap(const store::Workspace& ws, RegionLevel level);

}  // namespace jangkau::app
