// `jangkau validate`: checks across the whole workspace that no single import can make
// (facility points against region boundaries, population gaps and totals, missing boundaries,
// assumptions still standing), stored as warnings and listed with the import warnings.
// Not thread-safe (uses the caller's Workspace).
#pragma once

#include <expected>
#include <vector>

#include "base/diagnostic.h"
#include "model/facility.h"
#include "model/region.h"
#include "store/workspace.h"

namespace jangkau::app {

// Facilities whose point lies outside their stated kecamatan, or, without a kecamatan,
// outside their kabupaten (from the BPS code in the source or in the Kemenkes facility code).
// Each finding is placed at the facility's source file and line.
std::vector<Diagnostic> FacilityLocationFindings(const std::vector<Facility>& facilities,
                                                 const std::vector<Region>& regions);

// Every workspace-level finding, in a stable order.
std::vector<Diagnostic> WorkspaceFindings(const store::Workspace& ws);

// Recomputes and stores the findings; returns all stored warnings (imports' and these).
std::expected<std::vector<Diagnostic>, Error> Validate(store::Workspace& ws);

// The BPS kabupaten code a facility belongs to: the source's, else the one embedded in a
// Kemenkes code ("P1602010202" -> "1602", "R1602014" -> "1602"); empty when unknown.
std::string FacilityKabupatenBps(const Facility& f);

}  // namespace jangkau::app
