#include "plan/milp.h"

#include <glpk.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

namespace jangkau::plan {
namespace {

// One term of a constraint: coefficient x column (GLPK's 1-based column number).
struct Term {
  int column;
  double coefficient;
};

// A GLPK problem built column by column and row by row, then solved once.
class Model {
 public:
  explicit Model(int direction) : prob_(glp_create_prob(), &glp_delete_prob) {
    glp_set_obj_dir(prob_.get(), direction);
  }

  int AddBinary(double objective) {
    const int j = AddColumn(objective);
    glp_set_col_kind(prob_.get(), j, GLP_BV);
    return j;
  }

  int AddShare(double objective) {  // continuous, 0..1
    const int j = AddColumn(objective);
    glp_set_col_bnds(prob_.get(), j, GLP_DB, 0, 1);
    return j;
  }

  void AddAtMost(const std::vector<Term>& terms, double upper) { AddRow(terms, GLP_UP, 0, upper); }
  void AddAtLeast(const std::vector<Term>& terms, double lower) { AddRow(terms, GLP_LO, lower, 0); }

  // Branch and cut with presolve; the status, or the Error when GLPK found no solution.
  std::expected<ExactStatus, Error> Solve(const ExactOptions& options) {
    glp_load_matrix(prob_.get(), static_cast<int>(ia_.size()) - 1, ia_.data(), ja_.data(),
                    ar_.data());
    glp_iocp parm;
    glp_init_iocp(&parm);
    parm.presolve = GLP_ON;
    parm.msg_lev = GLP_MSG_OFF;
    parm.tm_lim = static_cast<int>(std::clamp(options.time_limit_seconds * 1000, 1.0, 2e9));
    const int code = glp_intopt(prob_.get(), &parm);
    const int status = glp_mip_status(prob_.get());
    if (code == 0 && status == GLP_OPT) return ExactStatus::kOptimal;
    if (code == GLP_ETMLIM && status == GLP_FEAS) return ExactStatus::kTimeLimit;
    return std::unexpected(
        Error{Msg::kPlanSolverFailed,
              {"glp_intopt " + std::to_string(code) + ", status " + std::to_string(status)}});
  }

  bool Chosen(int column) const { return glp_mip_col_val(prob_.get(), column) > 0.5; }

 private:
  int AddColumn(double objective) {
    const int j = glp_add_cols(prob_.get(), 1);
    glp_set_obj_coef(prob_.get(), j, objective);
    return j;
  }

  void AddRow(const std::vector<Term>& terms, int type, double lower, double upper) {
    const int i = glp_add_rows(prob_.get(), 1);
    glp_set_row_bnds(prob_.get(), i, type, lower, upper);
    for (const Term& t : terms) {
      ia_.push_back(i);
      ja_.push_back(t.column);
      ar_.push_back(t.coefficient);
    }
  }

  std::unique_ptr<glp_prob, decltype(&glp_delete_prob)> prob_;
  // The constraint matrix as triplets; GLPK ignores element 0.
  std::vector<int> ia_{0};
  std::vector<int> ja_{0};
  std::vector<double> ar_{0};
};

// GLPK keeps its working environment per thread at best (depending on how it was built): one
// model at a time.
std::mutex& GlpkMutex() {
  static std::mutex mutex;
  return mutex;
}

// The people of point i count: they are beyond T today and the arc reaches them within T.
bool CoversNewly(const SitingProblem& p, const SiteArc& a) {
  return p.demand[a.demand].baseline_minutes > p.threshold_minutes &&
         a.minutes <= p.threshold_minutes;
}

// What serving point i from the arc's site is worth: people covered, or people x minutes saved;
// 0 when it cannot help.
double ArcValue(const SitingProblem& p, const SiteArc& a) {
  const DemandPoint& d = p.demand[a.demand];
  if (p.objective == SitingObjective::kCoverage) return CoversNewly(p, a) ? d.population : 0;
  const double before =
      std::isfinite(d.baseline_minutes) ? d.baseline_minutes : p.unreached_minutes;
  return a.minutes < before ? d.population * (before - a.minutes) : 0;
}

std::vector<int> AddSites(Model& model, const SitingProblem& p) {
  std::vector<int> y(p.candidates.size());
  std::vector<Term> budget;
  for (std::size_t j = 0; j < y.size(); ++j) {
    y[j] = model.AddBinary(0);
    budget.push_back({y[j], 1});
  }
  model.AddAtMost(budget, p.sites);
  return y;
}

// MEXCLP (Daskin 1983): max sum_i sum_k w_i (1 - q) q^(k-1) z_ik, z_ik in 0..1 for k = 1..the
// sites that can cover i (at most K); sum_k z_ik <= sum of y_j within T. The weights fall with
// k, so the optimum fills z_i1, z_i2, ... first and point i counts w_i (1 - q^n), n its chosen
// sites within T. With q = 0 only k = 1 has weight: maximal covering, max sum w_i z_i with
// z_i <= sum of y_j within T.
void BuildCovering(Model& model, const SitingProblem& p, const std::vector<int>& y, double q) {
  std::vector<std::vector<Term>> reaching(p.demand.size());
  for (const SiteArc& a : p.arcs) {
    if (CoversNewly(p, a)) reaching[a.demand].push_back({y[a.candidate], -1});
  }
  for (std::size_t i = 0; i < reaching.size(); ++i) {
    if (reaching[i].empty()) continue;
    std::vector<Term> row = std::move(reaching[i]);
    const int levels = std::min(static_cast<int>(row.size()), p.sites);
    double weight = p.demand[i].population * (1 - q);
    for (int k = 1; k <= levels && weight > 0; ++k, weight *= q) {
      row.push_back({model.AddShare(weight), 1});
    }
    model.AddAtMost(row, 0);
  }
}

// max sum v_ij x_ij; x_ij <= y_j; sum_j x_ij <= 1; sum_i w_i x_ij <= cap_j y_j.
void BuildAssignment(Model& model, const SitingProblem& p, const std::vector<int>& y) {
  std::vector<std::vector<Term>> shares(p.demand.size());
  std::vector<std::vector<Term>> load(p.candidates.size());
  for (const SiteArc& a : p.arcs) {
    const double value = ArcValue(p, a);
    if (value <= 0) continue;
    const int x = model.AddShare(value);
    model.AddAtMost({{x, 1}, {y[a.candidate], -1}}, 0);
    shares[a.demand].push_back({x, 1});
    load[a.candidate].push_back({x, p.demand[a.demand].population});
  }
  for (const auto& row : shares) {
    if (!row.empty()) model.AddAtMost(row, 1);
  }
  for (std::size_t j = 0; j < load.size(); ++j) {
    const std::optional<double>& capacity = p.candidates[j].capacity;
    if (!capacity || load[j].empty()) continue;
    std::vector<Term> row = std::move(load[j]);
    row.push_back({y[j], -*capacity});
    model.AddAtMost(row, 0);
  }
}

}  // namespace

std::expected<ExactSiting, Error> SolveSitingExact(const SitingProblem& p,
                                                   const ExactOptions& options) {
  if (auto error = CheckSitingProblem(p)) return std::unexpected(*error);
  ExactSiting result;
  if (!p.candidates.empty() && p.sites > 0) {
    const bool capacitated = std::ranges::any_of(
        p.candidates, [](const Candidate& c) { return c.capacity.has_value(); });
    const std::scoped_lock lock(GlpkMutex());
    Model model(GLP_MAX);
    const std::vector<int> y = AddSites(model, p);
    if (p.objective == SitingObjective::kExpectedCoverage)
      BuildCovering(model, p, y, p.busy);
    else if (p.objective == SitingObjective::kCoverage && !capacitated)
      BuildCovering(model, p, y, 0);
    else
      BuildAssignment(model, p, y);
    const auto status = model.Solve(options);
    if (!status) return std::unexpected(status.error());
    result.status = *status;
    for (std::size_t j = 0; j < y.size(); ++j) {
      if (model.Chosen(y[j])) result.chosen.push_back(static_cast<int>(j));
    }
  }
  result.objective = SitingObjectiveValue(p, result.chosen);
  return result;
}

std::expected<ExactStops, Error> SolveStopsExact(const StopProblem& p,
                                                 const ExactOptions& options) {
  if (auto error = CheckStopProblem(p)) return std::unexpected(*error);
  std::vector<std::vector<Term>> reaching(p.villages.size());
  for (const StopArc& a : p.arcs) {
    if (a.minutes <= p.reach_minutes &&
        p.villages[a.village].baseline_minutes > p.threshold_minutes)
      reaching[a.village].push_back({a.stop + 1, 1});  // stop s is column s + 1
  }
  ExactStops result;
  std::vector<int> chosen;
  if (std::ranges::any_of(reaching, [](const auto& row) { return !row.empty(); })) {
    const std::scoped_lock lock(GlpkMutex());
    Model model(GLP_MIN);
    for (std::size_t s = 0; s < p.stops.size(); ++s) model.AddBinary(1);
    for (const auto& row : reaching) {
      if (!row.empty()) model.AddAtLeast(row, 1);
    }
    const auto status = model.Solve(options);
    if (!status) return std::unexpected(status.error());
    result.status = *status;
    for (std::size_t s = 0; s < p.stops.size(); ++s) {
      if (model.Chosen(static_cast<int>(s) + 1)) chosen.push_back(static_cast<int>(s));
    }
  }
  result.plan = AssignVillages(p, chosen);
  return result;
}

}  // namespace jangkau::plan
