// Priority of each shortage, the costed proposal under a budget ceiling (usulan formasi to
// BKPSDM) and redistribution of surplus staff. Pure functions; thread-safe.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "base/units.h"
#include "model/reference.h"
#include "needs/need_line.h"

namespace jangkau::needs {

// How far a facility is from the next one: travel minutes to the nearest other puskesmas (the
// access run), or straight-line kilometres when no run exists. A proposal uses one of the two for
// every facility (app::RemotenessBasis says which); scores compare only like with like.
using Remoteness = std::variant<units::Minutes, units::Km>;
double RemotenessValue(const Remoteness& r);  // the number in its own unit, for tables

// What, besides the shortage itself, makes a facility's shortage urgent.
struct PriorityFactors {
  units::People population_served{0};
  std::optional<Remoteness> remoteness;
  std::optional<double> flood_hazard;  // 0..1, population-weighted over its villages
  bool remoteness_beyond = false;      // nothing within the run's bound: `remoteness` is the bound
};

// Weights of the four components; they need not add up to 1 (the index divides by their sum).
struct PriorityWeights {
  double shortage = 0.4;
  double population = 0.25;
  double remoteness = 0.2;
  double flood = 0.15;
};

struct PriorityLine {
  NeedLine need;
  int positions = 0;  // whole positions short
  // Component scores in 0..1: shortage relative to the requirement, population and
  // remoteness relative to the largest among the lines, flood hazard as given.
  double shortage_score = 0;
  double population_score = 0;
  double remoteness_score = 0;
  double flood_score = 0;
  double index = 0;  // weighted mean of the scores, 0..1
  int rank = 0;      // 1 = most urgent
};

// The lines with a shortage, scored and ranked (ties broken by facility code and group).
// Unknown factors score 0 for their component.
std::vector<PriorityLine> Prioritise(const std::vector<NeedLine>& lines,
                                     const std::map<std::string, PriorityFactors>& factors,
                                     const PriorityWeights& weights);

struct ProposalOptions {
  units::Rupiah budget{0};                    // per year
  std::string employment = "pppk";            // status of the new positions
  std::map<std::string, int> cadre_ceilings;  // cadre -> most positions in the proposal
};

struct ProposalLine {
  PriorityLine priority;
  std::string cadre;  // the cadre to recruit: the line's first cadre
  int positions = 0;
  units::Rupiah unit_cost{0};
  units::Rupiah total_cost{0};
  bool funded = false;
  std::string reason;  // why not funded: "anggaran", "plafon_jenis_tenaga", "biaya_tidak_ada"
};

struct Proposal {
  std::vector<ProposalLine> lines;  // every priority line, in priority order
  units::Rupiah budget{0};
  units::Rupiah total_cost{0};  // of the funded lines; never above the budget
  int positions = 0;            // funded
};

// Whole lines in priority order while they fit the budget and the cadre ceilings; a line that
// does not fit is listed unfunded and the next ones are still tried.
Proposal BuildProposal(const std::vector<PriorityLine>& ranked, const std::vector<CostEntry>& costs,
                       const ProposalOptions& options);

// Great-circle distance.
units::Km HaversineKm(double lon1, double lat1, double lon2, double lat2);

}  // namespace jangkau::needs
