// The workspace's contents as Tables, one function per kind of data, for `jangkau show` and
// `jangkau export`. Column names are the import templates' (docs/templates.md), so an export
// imports back as it is; assumed values go in their own columns so a round trip never turns
// an assumption into a fact. Pure functions over model values; thread-safe.
#pragma once

#include <vector>

#include "base/diagnostic.h"
#include "base/lang.h"
#include "model/audit.h"
#include "model/facility.h"
#include "model/region.h"
#include "model/workforce.h"
#include "report/table.h"

namespace jangkau::report {

Table RegionsTable(const std::vector<Region>& regions, bool with_geometry);
Table PopulationTable(const std::vector<PopulationRecord>& rows);
Table FacilitiesTable(const std::vector<Facility>& facilities, bool with_geometry, Lang lang);
Table StaffTable(const std::vector<StaffMember>& staff);
Table StaffCountsTable(const std::vector<StaffCount>& counts);
Table EquipmentTable(const std::vector<EquipmentItem>& items);
Table ServicesTable(const std::vector<ServiceVolume>& rows);
Table CadresTable(const std::vector<Cadre>& cadres);
Table WarningsTable(const std::vector<Diagnostic>& warnings, Lang lang);
Table AuditTable(const std::vector<AuditEntry>& entries);

// WKB of a 2-D point (little-endian).
std::string PointWkb(double lon, double lat);

}  // namespace jangkau::report
