// Planning on the travel-time model: what a scenario (a flood, closures, new posts) changes
// against the baseline, where K new sites reach the most people, and where a mobile or boat
// clinic should stop. Loads from the workspace, solves on app::AccessModel, optimises with
// plan/. Not thread-safe (uses the caller's Workspace).
#pragma once

#include <array>
#include <expected>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/access_model.h"
#include "plan/set_cover.h"
#include "plan/siting.h"
#include "report/table.h"

namespace jangkau::app {

using PlanProgress = std::function<void(int step, int of, const std::string& what)>;

// --- scenarios ---
struct ScenarioRequest {
  std::string nama;
  std::string keterangan;
  std::vector<std::string> close;       // facility codes closed or flooded
  std::vector<std::string> flood_desa;  // villages flooded whole, at flood_factor
  int hazard_top = 0;          // also flood the N villages with the highest flood hazard index
                               // (indicator indeks_bahaya_banjir) and close the facilities in them
  double flood_factor = 0;     // speed factor in flooded villages (0: impassable)
  bool close_flooded = false;  // close the facilities inside flooded areas
  bool flood_layer = false;    // also flood the workspace's imported flood layer
  std::vector<MapFeature> flood_areas;  // with their own factor (nilai)
  std::vector<MapFeature> cuts;
  std::map<std::string, double> speeds;  // travel class -> km/h
  std::vector<AddedFacility> added;
  std::optional<Instant> mulai;  // the period it holds (a flood's), either end open
  std::optional<Instant> selesai;
};
// Checks the codes and classes against the workspace (an Error naming the first unknown one)
// and resolves villages to their boundaries.
std::expected<Scenario, Error> BuildScenario(const store::Workspace& ws,
                                             const ScenarioRequest& request);
// One line per scenario, or the contents of one.
report::Table ScenariosTable(const std::vector<Scenario>& scenarios);
report::Table ScenarioItemsTable(const Scenario& scenario);

// --- plan compare ---
struct RegionChange {
  std::string kode;
  std::string nama;
  double penduduk = 0;
  std::optional<double> menit_sebelum;  // population-weighted mean minutes to a puskesmas
  std::optional<double> menit_sesudah;
  std::string terdekat_sebelum;  // nearest puskesmas from the village centre (villages only)
  std::string terdekat_sesudah;
  std::array<double, 3> dalam_sebelum{};  // people within 30/60/120 minutes
  std::array<double, 3> dalam_sesudah{};
  // People who lose access within 30/60/120 minutes (never negative).
  double Loses(std::size_t k) const { return std::max(0.0, dalam_sebelum[k] - dalam_sesudah[k]); }
};

struct FacilityChange {
  std::string kode;
  std::string nama;
  bool closed = false;          // closed or flooded in the scenario
  bool added = false;           // added by the scenario
  double penduduk_sebelum = 0;  // people whose nearest puskesmas it is
  double penduduk_sesudah = 0;
  double tenaga = 0;  // headcount (added facilities: 0)
  std::optional<double> per_tenaga_sebelum;
  std::optional<double> per_tenaga_sesudah;
  bool lonjakan = false;  // served population per worker grows by more than kJumpShare
  std::optional<double> rujukan_sebelum;  // minutes to the nearest hospital
  std::optional<double> rujukan_sesudah;
};
inline constexpr double kJumpShare = 0.2;

struct CompareReport {
  Scenario scenario;
  std::vector<RegionChange> villages;
  std::vector<RegionChange> kecamatan;
  RegionChange kabupaten;
  std::vector<FacilityChange> facilities;  // puskesmas (and added ones)
  bool roads_approximated = true;
  std::vector<Diagnostic> warnings;
  double seconds = 0;
};

std::expected<CompareReport, Error> ComparePlan(const store::Workspace& ws,
                                                const Scenario& scenario,
                                                const AccessModelOptions& options,
                                                const PlanProgress& progress);

// The report as tables: Desa, Kecamatan, Fasyankes (with referral).
std::vector<report::Table> CompareTables(const CompareReport& r);
// Villages with their boundaries from `regions` (for a GeoPackage).
report::Table CompareVillageLayer(const CompareReport& r, const std::vector<Region>& regions);

// --- plan sites ---
struct SitesRequest {
  int k = 5;
  double minutes = 60;              // T
  std::string candidates = "desa";  // "desa" (village centres), "pustu" (pustu and poskesdes to
                                    // upgrade) or "file" (candidate_list)
  std::vector<AddedFacility> candidate_list;
  plan::SitingObjective objective = plan::SitingObjective::kCoverage;
  std::optional<double> capacity;    // people per site (coverage only)
  std::optional<Scenario> scenario;  // the baseline to improve on
  bool exact = false;                // also solve with GLPK (small instances)
};

struct SitesReport {
  SitesRequest request;
  std::vector<AddedFacility> candidates;  // placed on the grid
  plan::SitingResult result;
  std::optional<double> exact_objective;  // GLPK's optimum, when asked and proven
  std::string exact_status;
  double population = 0;             // of the villages
  double covered_before = 0;         // people whose village centre is within T
  std::vector<std::string> dropped;  // candidates that could not be placed
  double seconds = 0;
};

std::expected<SitesReport, Error> PlanSites(const store::Workspace& ws, const SitesRequest& request,
                                            const AccessModelOptions& options,
                                            const PlanProgress& progress);
report::Table SitesTable(const SitesReport& r);

// The places a planning tool chooses from - "desa": village centres; "puskesmas": the open
// puskesmas; "pustu": pustu and poskesdes to upgrade; "piers": the pier layer; otherwise
// `listed` (a file) - each on a passable cell of the model's friction; those that cannot be
// placed are named in `dropped`.
struct PlacedSites {
  std::vector<AddedFacility> sites;
  std::vector<std::pair<int, int>> cells;
  std::vector<std::string> dropped;
};
PlacedSites PlaceSites(const store::Workspace& ws, const AccessModel& m, const std::string& kind,
                       const std::vector<AddedFacility>& listed);
// The village centres (the model's villages in order; empty where a village has none).
std::vector<std::optional<grid::CellIndex>> CentreCells(const AccessModel& m);

// --- plan stops ---
struct StopsRequest {
  double minutes = 60;         // T: villages beyond it from a fixed facility need the service
  double reach = 30;           // S: a stop serves villages within it
  std::string stops = "desa";  // "desa" (village centres), "piers" (the pier layer) or "file"
  std::vector<AddedFacility> stop_list;
  std::optional<Scenario> scenario;
  bool exact = false;
};

struct StopsReport {
  StopsRequest request;
  std::vector<AddedFacility> stops;  // the possible stops
  plan::StopPlan plan;
  std::vector<std::string> village_codes;  // by village index of the plan
  std::vector<std::string> village_names;
  std::vector<double> village_population;
  std::optional<std::size_t> exact_stops;
  double seconds = 0;
};

std::expected<StopsReport, Error> PlanStops(const store::Workspace& ws, const StopsRequest& request,
                                            const AccessModelOptions& options,
                                            const PlanProgress& progress);
report::Table StopsTable(const StopsReport& r);

}  // namespace jangkau::app
