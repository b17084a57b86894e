// Dispatch from a workspace: the travel model of the district in the baseline or a planning
// scenario (the flood in force), one friction per kind of unit (reference kind unit-speeds), and
// for an incident the available units ranked by their travel minutes to it and the nearest open
// facility able to take the patient. A DispatchModel is built once (seconds: the layers are
// rasterised) and answers many questions (milliseconds); it is not thread-safe (one per thread).
#pragma once

#include <expected>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/access_model.h"
#include "emergency/dispatch.h"
#include "report/table.h"
#include "store/workspace.h"

namespace jangkau::app {

// The dispatch grid is coarser than the access run's (200 m against 100 m): on Musi Banyuasin a
// recommendation for 50 units takes about 60 ms at 200 m and 250 ms at 100 m
// (docs/benchmarks.md), and a cell of 200 m is 15 seconds at 50 km/h.
inline constexpr double kDispatchResolutionM = 200;

struct DispatchOptions {
  AccessModelOptions model{.resolution_m = kDispatchResolutionM};  // snapping, neighbours
  units::Minutes max_minutes{360};
};

struct DispatchModel {
  std::string scenario;  // "" for the baseline
  AccessModel access;    // with the scenario's floods, cuts, closures and speeds
  std::map<UnitKind, access::FrictionGrid> unit_friction;
  std::unique_ptr<emergency::EtaSearch> search;
};

// The cell of the grid under a point, before any snapping (each mode snaps for itself), or
// std::nullopt outside the grid.
std::optional<grid::CellIndex> CellUnder(const grid::GridSpec& spec, double lon, double lat);

// Builds the model of `scenario` (nullptr: the baseline). Fails when the unit speeds name a
// travel class the travel scenario does not have.
std::expected<std::unique_ptr<DispatchModel>, Error> BuildDispatchModel(
    const store::Workspace& ws, const Scenario* scenario, const DispatchOptions& options);

struct Recommendation {
  Incident incident;
  std::string scenario;                             // "" for the baseline
  std::vector<emergency::UnitEta> units;            // the available units, nearest first
  std::string tujuan_target;                        // "rs" (P1) or "puskesmas_rs"
  std::optional<emergency::DestinationEta> tujuan;  // none within the bound: std::nullopt
};

// The available (tersedia) units ranked for incident `id`, and its destination: a hospital for
// P1, else the nearest puskesmas or hospital, open in the model's scenario.
std::expected<Recommendation, Error> Recommend(const store::Workspace& ws, DispatchModel& model,
                                               int64_t id);

// {"insiden", "skenario" (null: baseline), "unit": [{"kode", "jenis", "menit" (null: cannot
// reach)}...] nearest first, "tujuan": {"kode", "menit"} or null, "tujuan_jenis"}: what the CLI
// prints with --format json and the API sends.
nlohmann::json RecommendationJson(const Recommendation& r);

// One row per unit (rank, kode, jenis, menit, empty when it cannot reach) and a last row for the
// destination (jenis "tujuan").
report::Table RecommendationTable(const Recommendation& r);

}  // namespace jangkau::app
