// Looking back at incidents: each call with its response intervals, the flood scenarios whose
// period held when it came, and, when asked, the travel minutes the engine gives the unit sent
// (from its recorded position, on its mode, in the scenario then in force) beside the travel the
// crew logged. Where the two differ much, the model or the road is wrong. Not thread-safe (uses
// the caller's Workspace).
#pragma once

#include <expected>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/dispatch_service.h"
#include "model/date.h"
#include "report/table.h"
#include "store/workspace.h"

namespace jangkau::app {

struct IncidentReviewOptions {
  std::optional<Date> from;  // calls from this date (WIB), inclusive
  std::optional<Date> to;
  bool eta = false;        // also the engine's minutes for the unit sent
  bool open_only = false;  // only incidents not yet ended (the dispatcher's board)
  DispatchOptions dispatch;
};

// One row per incident called in the range, oldest first: id, kode, waktu, prioritas, kategori,
// kode_desa, status, unit, faskes_tujuan, the five intervals (minutes, empty when a time is
// missing), banjir (the scenarios in force, space-separated); with `eta`: eta_menit (empty when
// the unit is unknown or cannot reach), selisih_menit (logged travel - ETA) and rasio (logged /
// ETA). `progress(done, of)` per incident with an ETA to compute.
std::expected<report::Table, Error> IncidentReview(const store::Workspace& ws,
                                                   const IncidentReviewOptions& options,
                                                   const std::function<void(int, int)>& progress);

}  // namespace jangkau::app
