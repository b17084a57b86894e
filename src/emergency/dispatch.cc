#include "emergency/dispatch.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <thread>

#include "access/components.h"
#include "access/snap.h"

namespace jangkau::emergency {

access::TravelScenario UnitScenario(const access::TravelScenario& people,
                                    const access::TravelScenario& people_base, UnitKind kind,
                                    std::span<const UnitSpeed> speeds) {
  const bool own = std::any_of(speeds.begin(), speeds.end(),
                               [&](const UnitSpeed& s) { return s.jenis == kind; });
  if (!own) return people;
  access::TravelScenario out = people;
  for (access::TravelClass& cls : out.classes) {
    const auto row = std::find_if(speeds.begin(), speeds.end(), [&](const UnitSpeed& s) {
      return s.jenis == kind && s.kelas == cls.kelas;
    });
    if (row == speeds.end()) {
      cls.speed_kmh = 0;  // closed to this kind
      continue;
    }
    double factor = 1;
    const int base = people_base.ClassIndex(cls.kelas);
    if (base >= 0 && people_base.classes[static_cast<std::size_t>(base)].speed_kmh > 0) {
      factor = cls.speed_kmh / people_base.classes[static_cast<std::size_t>(base)].speed_kmh;
    }
    cls.speed_kmh = row->speed_kmh * factor;
  }
  return out;
}

int UnitLayer(UnitKind kind) { return kind == UnitKind::kPerahu ? 1 : 0; }

std::optional<access::Source> PlaceOnMode(const access::FrictionGrid& friction,
                                          grid::CellIndex cell, int layer, double snap_m) {
  const grid::RowCol rc = friction.spec.At(cell);
  if (cell.value() < 0 || rc.row >= friction.spec.rows) return std::nullopt;
  if (layer >= static_cast<int>(friction.layers.size())) layer = 0;
  const auto& grid = friction.layers[static_cast<std::size_t>(layer)];
  if (grid.at(rc.row, rc.col) < grid::kImpassable) return access::Source{rc.row, rc.col, layer};
  if (auto s = access::SnapToPassable(grid, friction.spec, rc.row, rc.col, snap_m)) {
    return access::Source{s->row, s->col, layer};
  }
  if (layer != 0) return PlaceOnMode(friction, cell, 0, snap_m);
  return std::nullopt;
}

void SortByEta(std::vector<UnitEta>& etas) {
  std::sort(etas.begin(), etas.end(), [](const UnitEta& a, const UnitEta& b) {
    if (a.minutes.has_value() != b.minutes.has_value()) return a.minutes.has_value();
    if (a.minutes && b.minutes && *a.minutes != *b.minutes) return *a.minutes < *b.minutes;
    return a.kode < b.kode;
  });
}

// One mode: its friction, which cells can reach each other at all, and a bounded search,
// kept between questions.
struct EtaSearch::Mode {
  Mode(const access::FrictionGrid& f, const access::SolveOptions& options)
      : friction(f), components(access::ConnectedComponents(f)), search(f, options) {}
  int32_t Component(const access::Source& s) const {
    return components.At(s.layer, friction.layers.front().Index(s.row, s.col));
  }
  const access::FrictionGrid& friction;
  access::Components components;
  access::BoundedSearch search;
};

namespace {

access::SolveOptions Options(const EtaOptions& o, access::Direction direction) {
  access::SolveOptions solve;
  solve.neighbours = o.neighbours;
  solve.corner_cutting = false;  // as every other search of the access engine
  solve.direction = direction;
  solve.max_cost = o.max_minutes.value();
  solve.threads = 1;
  return solve;
}

// The time found for a placed cell, on its layer.
float TimeAt(const access::TravelTimes& t, const access::Source& s) {
  return t.Time(s.layer, s.row, s.col);
}

}  // namespace

EtaSearch::EtaSearch(const std::map<UnitKind, const access::FrictionGrid*>& unit_friction,
                     const access::FrictionGrid& people, const EtaOptions& options)
    : options_(options) {
  // Units travel to the call: the search runs from the incident towards them.
  for (const auto& [kind, friction] : unit_friction) {
    modes_[kind] =
        std::make_unique<Mode>(*friction, Options(options, access::Direction::kToSources));
  }
  // Patients are taken from the call to the facility.
  people_ = std::make_unique<Mode>(people, Options(options, access::Direction::kFromSources));
}

EtaSearch::~EtaSearch() = default;

std::vector<UnitEta> EtaSearch::UnitsTo(grid::CellIndex incident, std::span<const UnitAt> units) {
  std::vector<UnitEta> out;
  out.reserve(units.size());
  for (const UnitAt& u : units) out.push_back({u.kode, u.jenis, std::nullopt});
  std::vector<std::pair<UnitKind, Mode*>> modes;
  modes.reserve(modes_.size());
  for (auto& [kind, mode] : modes_) modes.emplace_back(kind, mode.get());
  // One mode per thread at a time; each writes only its own units' entries of `out`.
  auto solve = [&](UnitKind kind, Mode& mode) {
    const auto at = PlaceOnMode(mode.friction, incident, 0, options_.snap_m);
    if (!at) return;
    const int32_t component = mode.Component(*at);
    std::vector<std::size_t> which;
    std::vector<access::Source> cells;
    for (std::size_t i = 0; i < units.size(); ++i) {
      if (units[i].jenis != kind || !units[i].cell) continue;
      const auto s = PlaceOnMode(mode.friction, *units[i].cell, UnitLayer(kind), options_.snap_m);
      // A unit with no path at all to the call is not waited for.
      if (s && mode.Component(*s) == component) {
        which.push_back(i);
        cells.push_back(*s);
      }
    }
    if (cells.empty()) return;
    const access::Source from[] = {*at};
    const access::TravelTimes& t = mode.search.Run(from, access::StopWhen{cells, 0});
    for (std::size_t k = 0; k < cells.size(); ++k) {
      const float minutes = TimeAt(t, cells[k]);
      if (std::isfinite(minutes)) out[which[k]].minutes = units::Minutes{minutes};
    }
  };
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t k = next++; k < modes.size(); k = next++)
      solve(modes[k].first, *modes[k].second);
  };
  const unsigned cores = options_.threads > 0 ? static_cast<unsigned>(options_.threads)
                                              : std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::thread> helpers;
  for (unsigned h = 1; h < std::min<std::size_t>(cores, modes.size()); ++h)
    helpers.emplace_back(work);
  work();
  for (auto& h : helpers) h.join();
  SortByEta(out);
  return out;
}

std::optional<DestinationEta> EtaSearch::NearestDestination(
    grid::CellIndex incident, std::span<const Destination> candidates) {
  std::vector<std::size_t> which;
  std::vector<access::Source> cells;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    if (auto s = PlaceOnMode(people_->friction, candidates[i].cell, 0, options_.snap_m)) {
      which.push_back(i);
      cells.push_back(*s);
    }
  }
  const auto at = PlaceOnMode(people_->friction, incident, 0, options_.snap_m);
  if (cells.empty() || !at) return std::nullopt;
  const access::Source from[] = {*at};
  // The first facility settled is the nearest; others settled with it in the same bucket
  // may tie or be marginally nearer, so all settled ones are compared.
  const access::TravelTimes& t = people_->search.Run(from, access::StopWhen{cells, 1});
  std::optional<DestinationEta> best;
  for (std::size_t k = 0; k < cells.size(); ++k) {
    const float minutes = TimeAt(t, cells[k]);
    if (!std::isfinite(minutes)) continue;
    const std::string& kode = candidates[which[k]].kode;
    if (!best || minutes < best->minutes.value() ||
        (minutes == best->minutes.value() && kode < best->kode)) {
      best = DestinationEta{kode, units::Minutes{minutes}};
    }
  }
  return best;
}

}  // namespace jangkau::emergency
