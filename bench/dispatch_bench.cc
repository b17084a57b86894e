// Dispatch recommendation speed (issue 12: under 200 ms with 50 units), on a real district
// workspace (the Muba demo): 50 units of the four kinds at village centres drawn with a fixed
// seed, 200 calls at other village centres, in the baseline and a flood scenario. Each call is
// timed as Recommend does it: every unit's minutes on its own mode and the nearest destination.
// Peers in the same run: the same answers by one unbounded solve per mode from the call (no
// early stop), and by one solve per unit from the unit (what a plain implementation does).
//
//   dispatch_bench WORKSPACE [SCENARIO|""] [RESOLUTION_M]   (default: the dispatch grid, 200 m)
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "app/dispatch_service.h"
#include "store/workspace.h"

namespace {

using jangkau::UnitKind;
using Clock = std::chrono::steady_clock;

double Ms(Clock::time_point since) {
  return std::chrono::duration<double, std::milli>(Clock::now() - since).count();
}

struct Stats {
  double p50 = 0, p99 = 0, max = 0, mean = 0;
};

Stats Summarise(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  Stats s;
  if (v.empty()) return s;
  auto rank = [&](double p) {
    return v[std::min(v.size() - 1, static_cast<std::size_t>(std::ceil(p * v.size())) - 1)];
  };
  s.p50 = rank(0.5);
  s.p99 = rank(0.99);
  s.max = v.back();
  for (double x : v) s.mean += x / static_cast<double>(v.size());
  return s;
}

void Row(const char* what, const Stats& s, int n) {
  std::printf("| %-58s | %5d | %8.1f | %8.1f | %8.1f | %8.1f |\n", what, n, s.mean, s.p50, s.p99,
              s.max);
}

int Run(const std::string& path, const std::string& scenario_name, double resolution_m) {
  auto ws = jangkau::store::Workspace::Open(path);
  if (!ws) {
    std::fprintf(stderr, "cannot open %s\n", path.c_str());
    return 1;
  }
  std::optional<jangkau::Scenario> scenario;
  if (!scenario_name.empty()) scenario = (*ws)->FindScenario(scenario_name);
  const auto build_start = Clock::now();
  jangkau::app::DispatchOptions options;
  if (resolution_m > 0) options.model.resolution_m = resolution_m;
  auto model = jangkau::app::BuildDispatchModel(**ws, scenario ? &*scenario : nullptr, options);
  if (!model) {
    std::fprintf(stderr, "model: %s\n", model.error().Text(jangkau::Lang::kEn).c_str());
    return 1;
  }
  const double build_ms = Ms(build_start);
  const auto& m = (*model)->access;
  std::vector<jangkau::grid::CellIndex> centres;
  for (const auto& v : m.villages) {
    if (v.centre_cell) centres.push_back(*v.centre_cell);
  }
  std::mt19937 rng(20261202);
  std::shuffle(centres.begin(), centres.end(), rng);
  const UnitKind kinds[] = {UnitKind::kAmbulans, UnitKind::kMotor, UnitKind::kPerahu,
                            UnitKind::kTimKunjungan};
  std::vector<jangkau::emergency::UnitAt> units;
  for (int i = 0; i < 50; ++i) {
    units.push_back({"U" + std::to_string(i), kinds[i % 4], centres[static_cast<std::size_t>(i)]});
  }
  std::vector<jangkau::emergency::Destination> hospitals;
  for (const auto& f : m.facilities) {
    auto cell = m.cell_of.find(f.kode);
    if (cell != m.cell_of.end() && jangkau::app::IsTarget(f, "rs")) {
      hospitals.push_back({f.kode, m.spec.Index(cell->second.first, cell->second.second)});
    }
  }
  const std::size_t calls = std::min<std::size_t>(200, centres.size() - 50);
  std::vector<double> ours, per_mode, per_unit;
  int reached = 0, total = 0;
  for (std::size_t k = 0; k < calls; ++k) {
    const auto call = centres[50 + k];
    auto t0 = Clock::now();
    const auto ranking = (*model)->search->UnitsTo(call, units);
    (void)(*model)->search->NearestDestination(call, hospitals);
    ours.push_back(Ms(t0));
    for (const auto& u : ranking) {
      reached += u.minutes ? 1 : 0;
      ++total;
    }
    if (k >= 10) continue;  // the peers are slow: 10 calls each
    jangkau::access::SolveOptions solve;
    solve.neighbours = 16;
    solve.corner_cutting = false;
    solve.threads = 1;
    jangkau::access::SolverScratch scratch;
    jangkau::access::TravelTimes times;
    t0 = Clock::now();
    for (UnitKind kind : kinds) {
      solve.direction = jangkau::access::Direction::kToSources;
      const auto at = m.spec.At(call);
      const jangkau::access::Source from[] = {{at.row, at.col, 0}};
      jangkau::access::SolveTravelTime(scratch, (*model)->unit_friction.at(kind), from, solve,
                                       times);
    }
    per_mode.push_back(Ms(t0));
    t0 = Clock::now();
    for (const auto& u : units) {
      solve.direction = jangkau::access::Direction::kFromSources;
      const auto at = m.spec.At(*u.cell);
      const jangkau::access::Source from[] = {{at.row, at.col, 0}};
      jangkau::access::SolveTravelTime(scratch, (*model)->unit_friction.at(u.jenis), from, solve,
                                       times);
    }
    per_unit.push_back(Ms(t0));
  }
  std::printf(
      "\n%s: grid %d x %d at %.0f m, %zu villages; model built in %.0f ms; %d of %d unit "
      "ETAs within the 360-minute bound\n\n",
      scenario_name.empty() ? "baseline" : ("scenario " + scenario_name).c_str(), m.spec.cols,
      m.spec.rows, m.options.resolution_m, m.villages.size(), build_ms, reached, total);
  std::printf("| %-58s | %5s | %8s | %8s | %8s | %8s |\n", "one call, 50 units", "calls", "mean ms",
              "p50 ms", "p99 ms", "max ms");
  std::printf("|%s|------:|---------:|---------:|---------:|---------:|\n",
              std::string(60, '-').c_str());
  Row("jangkau recommend (bounded, stops at the last unit)", Summarise(ours),
      static_cast<int>(ours.size()));
  Row("peer: one unbounded solve per mode from the call", Summarise(per_mode),
      static_cast<int>(per_mode.size()));
  Row("peer: one unbounded solve per unit", Summarise(per_unit), static_cast<int>(per_unit.size()));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: dispatch_bench WORKSPACE [SCENARIO] [RESOLUTION_M]\n");
    return 2;
  }
  return Run(argv[1], argc > 2 ? argv[2] : "", argc > 3 ? std::atof(argv[3]) : 0);
}
