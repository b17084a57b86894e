#include "cli/kind_tables.h"

#include "base/text_util.h"
#include "report/workspace_tables.h"

namespace jangkau::cli {

std::string TableKindChoices() {
  return "regions, population, facilities, staff, staff-counts, equipment, services, warnings, "
         "cadres, audit";
}

std::optional<report::Table> TableForKind(const store::Workspace& ws, const std::string& kind,
                                          Lang lang, bool with_geometry) {
  const std::string k = NormalizeKey(kind);
  if (k == "regions") return report::RegionsTable(ws.Regions(with_geometry), with_geometry);
  if (k == "population") return report::PopulationTable(ws.Population());
  if (k == "facilities") return report::FacilitiesTable(ws.Facilities(), with_geometry, lang);
  if (k == "staff") return report::StaffTable(ws.Staff());
  if (k == "staff_counts") return report::StaffCountsTable(ws.StaffCounts());
  if (k == "equipment") return report::EquipmentTable(ws.Equipment());
  if (k == "services") return report::ServicesTable(ws.Services());
  if (k == "warnings") return report::WarningsTable(ws.StoredWarnings(), lang);
  if (k == "cadres") return report::CadresTable(ws.Cadres().cadres());
  if (k == "audit") return report::AuditTable(ws.Audit(1000));
  return std::nullopt;
}

}  // namespace jangkau::cli
