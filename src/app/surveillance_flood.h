// The early warning's flood link (docs/surveillance.md): for a flood scenario, each puskesmas'
// catchment by travel time in the baseline (the villages whose centre has it as the nearest
// puskesmas), the flooded villages in it, whether the flood closes the facility, and the nearest
// available response unit (the emergency module's units) with its travel minutes in the flood.
// Builds the travel models (seconds). Not thread-safe (uses the caller's Workspace).
#pragma once

#include <expected>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/surveillance_service.h"
#include "report/table.h"
#include "store/workspace.h"

namespace jangkau::app {

struct FloodLink {
  std::vector<std::string> desa;         // the villages of the catchment
  std::vector<std::string> desa_banjir;  // the flooded ones
  bool tutup = false;                    // the scenario closes the facility
  std::string unit, jenis_unit;          // the nearest available unit; empty: none reaches
  std::optional<double> menit_unit;
};

// Per facility code (every facility of the registry with coordinates). Failure: an unknown
// scenario (kUnknownScenario) or a travel model that cannot be built.
std::expected<std::map<std::string, FloodLink>, Error> FloodLinks(const store::Workspace& ws,
                                                                  const std::string& scenario);

// The alerts table with the flood's columns after the others: wilayah_kerja_banjir,
// desa_banjir, faskes_tutup, unit_terdekat, jenis_unit, menit_unit.
report::Table AlertsFloodTable(const AlertResult& r, const std::map<std::string, FloodLink>& flood);

}  // namespace jangkau::app
