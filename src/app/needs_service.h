// Staffing need, competence and equipment gaps, retirement projection, priority and the
// costed proposal, computed from a workspace: loads the values the engines need, runs them
// and returns every result for the CLI, the workbook and (later) the HTTP API.
// Not thread-safe (uses the caller's Workspace).
#pragma once

#include <expected>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "needs/gaps.h"
#include "needs/need_line.h"
#include "needs/norms.h"
#include "needs/projection.h"
#include "needs/proposal.h"
#include "needs/workload.h"
#include "plan/redistribution.h"
#include "store/workspace.h"

namespace jangkau::app {

// The one measure of remoteness a proposal uses: travel minutes to the nearest other puskesmas
// from the last `jangkau access run` (scenario dasar), or, only when no run exists, straight-line
// kilometres to the nearest other facility.
enum class RemotenessBasis { kStraightLineKm, kMinutesToOtherPuskesmas };

// What the engines need from the workspace.
struct NeedsInputs {
  std::vector<needs::FacilityProfile> facilities;
  std::map<std::string, std::string> facility_names;
  std::map<std::string, units::People> population_served;  // facility -> people
  std::string population_basis;       // how villages were assigned ("catchments", "kecamatan", ...)
  int64_t population_unassigned = 0;  // people in villages no facility serves
  RemotenessBasis remoteness_basis = RemotenessBasis::kStraightLineKm;
  std::map<std::string, needs::PriorityFactors> factors;
  std::map<std::string, std::vector<StaffMember>> roster;  // facilities with a roster
  std::map<std::string, std::vector<EquipmentItem>> equipment;
  needs::VolumeTable volumes;  // latest year per facility
  CadreCatalog cadres;
};
NeedsInputs LoadNeedsInputs(const store::Workspace& ws);

// "norms", "abk", "wisn", "ratio" or "all"; std::nullopt otherwise.
std::optional<std::set<needs::NeedMethod>> ParseNeedMethods(const std::string& text);

struct NeedsRequest {
  std::set<needs::NeedMethod> methods = {needs::NeedMethod::kNorms};
  std::string norms = "pmk75_2014";
  // Only these facilities (a user's region, app/region_scope.h); every one when unset. Their
  // population served and remoteness are still measured against every facility of the workspace.
  std::optional<std::set<std::string>> only;
};

struct NeedsReport {
  NeedsInputs inputs;
  std::vector<needs::NeedLine> lines;           // every method asked for, in method order
  std::vector<needs::SkippedFacility> skipped;  // norms could not be applied
  std::vector<std::tuple<std::string, std::string, needs::NeedsError>> refused;  // WISN/ABK
};
std::expected<NeedsReport, Error> ComputeNeeds(const store::Workspace& ws,
                                               const NeedsRequest& request);

struct ProposalRequest {
  NeedsRequest needs;  // one method: the one the proposal is based on
  needs::ProposalOptions options;
  needs::PriorityWeights weights;
  int year = 0;  // budget year
  double attrition_rate = 0.0;
  std::map<std::string, double> planned_hires;  // cadre -> hires per year, for the projection
  units::Minutes max_move_minutes{120};         // longest move of staff between facilities
  std::optional<units::Km> max_move_km;  // and, when set, at most this far in a straight line
};

// Where staff may be moved from. Staff above a minimum norm or a ratio target is not surplus:
// only a surplus measured by a workload method (ABK-Kes, WISN) or staff above the district's
// approved formasi (its ceiling) may move, and never so far that the facility falls below the
// minimum the proposal's method sets.
enum class SurplusBasis { kAbk, kWisn, kFormasi };
std::string_view SurplusBasisKey(SurplusBasis b);  // "abk", "wisn", "formasi"
struct MovableSurplus {
  std::string kode_faskes;
  std::string group;  // the need group of the proposal's lines
  int count = 0;
  SurplusBasis basis = SurplusBasis::kAbk;
  double measured = 0;  // the workload surplus or the staff above the ceiling, before the cap
};
// `lines`: the proposal's method; `workload`: ABK-Kes or WISN lines of the same facilities (may
// be empty); `ceilings`: the approved formasi (may be empty). A line of a workload method is its
// own measure. Of workload and ceiling the larger counts; both are capped by the line's own
// margin above its requirement.
std::vector<MovableSurplus> MovableSurpluses(const std::vector<needs::NeedLine>& lines,
                                             const std::vector<needs::NeedLine>& workload,
                                             const std::vector<FormasiCeiling>& ceilings,
                                             const std::vector<needs::FacilityProfile>& facilities);

// Moving staff: movable surplus of a need group goes to shortages of the same group, the least
// shortage left first, then the fewest travel minutes (plan::PlanRedistribution). Minutes come
// from `routes` (`jangkau access run`); without any, from the straight-line distance at
// kAssumedMoveSpeed, an assumption the Redistribusi sheet states.
inline constexpr units::KmPerHour kAssumedMoveSpeed{30};
struct MovePlan {
  std::vector<plan::StaffMove> moves;
  std::vector<SurplusBasis> basis;  // per move: what its surplus rests on
  bool minutes_assumed = false;     // straight line at kAssumedMoveSpeed, no routes
  int shortage_before = 0;
  int shortage_left = 0;
  int staff_above_minimum = 0;  // above the minimum norm but with no workload figure or ceiling
};
std::expected<MovePlan, Error> PlanMoves(const std::vector<needs::NeedLine>& lines,
                                         const std::vector<MovableSurplus>& surpluses,
                                         const std::vector<needs::FacilityProfile>& facilities,
                                         const std::vector<FacilityRoute>& routes,
                                         units::Minutes max_minutes,
                                         std::optional<units::Km> max_km);

struct ProposalReport {
  NeedsReport needs;
  std::vector<needs::PriorityLine> ranked;
  needs::Proposal proposal;
  MovePlan moves;
  std::vector<needs::Retirement> retirements;  // this year to year + 4
  std::vector<needs::ProjectionLine> projection;
  std::vector<needs::CompetenceGap> competence;
  needs::EquipmentResult equipment;
  std::vector<CostEntry> costs;
  std::optional<needs::NeedMethod> workload_method;  // measured the surplus (norms, ratio)
  bool formasi_ceilings = false;                     // the district's formasi table is set
  ProposalRequest request;
};
std::expected<ProposalReport, Error> ComputeProposal(const store::Workspace& ws,
                                                     const ProposalRequest& request);

}  // namespace jangkau::app
