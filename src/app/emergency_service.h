// Emergency response from a workspace: units, incident intake (a point in one of the district's
// villages, or a village's centre), transitions through the lifecycle (emergency::Apply, stored
// atomically), and the response-time summary. Not thread-safe (uses the caller's Workspace);
// several processes may record events at once (the store serialises them).
#pragma once

#include <expected>
#include <optional>
#include <string>
#include <vector>

#include "emergency/lifecycle.h"
#include "report/table.h"
#include "store/workspace.h"

namespace jangkau::app {

// Checks the unit (code of letters, digits, '-', '_' or '.', at most 32; a point in Indonesia;
// a known base facility when given) and stores it.
std::expected<void, Error> AddUnit(store::Workspace& ws, const EmergencyUnit& unit,
                                   const std::string& user);
report::Table UnitsTable(const store::Workspace& ws);

struct IncidentRequest {
  Incident incident;          // waktu, sumber, kategori, prioritas, pasien, caller, text
  std::optional<double> lon;  // the place: a point ...
  std::optional<double> lat;
  std::string desa;  // ... or a village code (its centre)
};
// The point must lie in a village of the workspace (refused outside the district); a village
// code must be a desa with a centre. Returns the new incident's id.
std::expected<int64_t, Error> CreateIncident(store::Workspace& ws, const IncidentRequest& request,
                                             const std::string& user);

// One transition (see emergency::Apply), with the unit's status following it.
std::expected<Incident, Error> RecordEvent(store::Workspace& ws, int64_t id,
                                           const IncidentEvent& event);

// Whether the incident was called between `from` and `to` (inclusive, dates in WIB).
bool CalledWithin(const Incident& incident, std::optional<Date> from, std::optional<Date> to);
// The names (space-separated, in the order given) of the scenarios whose period holds at `t`
// (HoldsAt): the floods in force when a call came; "" when none.
std::string FloodsAt(const std::vector<Scenario>& scenarios, Instant t);

// kBanjir: by the scenarios in force at the call ("tanpa_skenario" when none).
enum class KpiGrouping { kPrioritas, kKecamatan, kDesa, kBulan, kBanjir };
std::optional<KpiGrouping> ParseKpiGrouping(std::string_view text);

// The response-time summary of the incidents called between `from` and `to` (inclusive, dates
// in WIB), one row per group in the order of the groups' keys (a village or kecamatan code, "-"
// when the place has none).
std::vector<emergency::KpiRow> KpiRows(const std::vector<Incident>& incidents, KpiGrouping by,
                                       std::optional<Date> from, std::optional<Date> to,
                                       const std::vector<ResponseTarget>& targets,
                                       const std::vector<Scenario>& scenarios = {});

// The response-time summary of the incidents called between `from` and `to` (inclusive, dates
// in WIB), grouped; targets from `targets`; `scenarios` for the grouping by flood.
report::Table KpiTable(const std::vector<Incident>& incidents, KpiGrouping by,
                       std::optional<Date> from, std::optional<Date> to,
                       const std::vector<ResponseTarget>& targets,
                       const std::vector<Scenario>& scenarios = {});

}  // namespace jangkau::app
