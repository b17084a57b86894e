// `jangkau plan stations`: where to base P emergency units of one kind so that the most people
// are within T minutes of a base by that kind's own travel (maximal covering, MCLP), or the most
// people are expected to be when each unit is busy a fraction q of the time (MEXCLP, Daskin
// 1983; q = 0 is MCLP). Travel from each candidate base outward on the unit kind's friction
// (app/dispatch_service.h), bounded at T; solved exactly with GLPK (plan/milp.h), with the
// greedy-and-swap heuristic as a floor when GLPK's time limit stops it. Not thread-safe (uses
// the caller's Workspace).
#pragma once

#include <expected>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/dispatch_service.h"
#include "app/plan_service.h"
#include "plan/milp.h"

namespace jangkau::app {

struct StationsRequest {
  int p = 3;                                  // bases to choose
  double minutes = 30;                        // T
  UnitKind jenis = UnitKind::kAmbulans;       // the kind of unit based there
  bool expected = false;                      // MEXCLP (else MCLP)
  double busy = 0;                            // q (MEXCLP only)
  std::string candidates = "puskesmas";       // "puskesmas", "desa", "piers" or "file"
  std::vector<AddedFacility> candidate_list;  // for "file"
  std::optional<Scenario> scenario;
};

struct StationsReport {
  StationsRequest request;
  std::vector<AddedFacility> candidates;  // placed on the kind's network
  std::vector<std::string> dropped;       // candidates that could not be placed
  std::vector<int> chosen;                // indices into candidates, in the order to base units
  std::vector<double> within;             // per chosen base: people within T of it
  plan::SitingMetrics metrics;            // people within T of a base; expected coverage
  double population = 0;                  // of the villages
  std::string status;                     // "optimal" or "batas_waktu" (GLPK's limit)
  double seconds = 0;
};

std::expected<StationsReport, Error> PlanStations(const store::Workspace& ws,
                                                  const StationsRequest& request,
                                                  const DispatchOptions& options,
                                                  const PlanProgress& progress);
// One row per chosen base (urutan, kode, nama, lon, lat, penduduk_dalam_T).
report::Table StationsTable(const StationsReport& r);
// The plan as `plan stations --format json` and POST /plan/stations give it: model, jenis, p,
// menit, sibuk, calon, status, penduduk, penduduk_tercakup, cakupan_harapan, pangkalan [{kode,
// nama, lon, lat, penduduk_dalam_t}].
nlohmann::json StationsJson(const StationsReport& r);

}  // namespace jangkau::app
