#include "access/routes.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <mutex>
#include <thread>
#include <tuple>

namespace jangkau::access {

std::vector<std::vector<std::pair<int, double>>> BoundedTimes(
    const FrictionGrid& friction, std::span<const Source> origins,
    std::span<const std::optional<grid::CellIndex>> cells, const SolveOptions& options,
    const std::function<void(int, int)>& progress) {
  std::vector<std::vector<std::pair<int, double>>> out(origins.size());
  std::atomic<std::size_t> next{0};
  std::atomic<int> done{0};
  std::mutex progress_mutex;
  SolveOptions solve = options;
  solve.threads = 1;  // the origins are shared between two threads instead
  const double max_minutes = solve.max_cost;
  const int cols = friction.spec.cols;
  auto work = [&] {
    BoundedSearch search(friction, solve);
    for (std::size_t i = next++; i < origins.size(); i = next++) {
      const TravelTimes& times = search.Run(origins.subspan(i, 1));
      for (std::size_t k = 0; k < cells.size(); ++k) {
        if (!cells[k]) continue;
        const grid::RowCol at = grid::FromRowMajor(*cells[k], cols);
        const float minutes = times.Best(at.row, at.col);
        if (std::isfinite(minutes) && minutes <= max_minutes) {
          out[i].emplace_back(static_cast<int>(k), minutes);
        }
      }
      const int finished = ++done;
      if (progress) {
        std::lock_guard lock(progress_mutex);
        progress(finished, static_cast<int>(origins.size()));
      }
    }
  };
  std::thread second(work);
  work();
  second.join();
  return out;
}

std::vector<FacilityRoute> RoutesBetween(const FrictionGrid& friction,
                                         std::span<const RoutePoint> points,
                                         const SolveOptions& options) {
  std::vector<Source> origins;
  std::vector<std::size_t> searched;  // the point of each origin
  std::vector<std::optional<grid::CellIndex>> cells;
  cells.reserve(points.size());
  for (std::size_t k = 0; k < points.size(); ++k) {
    const RoutePoint& p = points[k];
    if (p.searched) {
      origins.push_back({p.row, p.col, 0});
      searched.push_back(k);
    }
    cells.emplace_back(friction.spec.Index(p.row, p.col));
  }
  // Each search runs towards its origin: the minutes at another point are from there.
  const auto found = BoundedTimes(friction, origins, cells, options, {});
  std::vector<FacilityRoute> routes;
  for (std::size_t o = 0; o < found.size(); ++o) {
    const std::size_t to = searched[o];
    for (const auto& [from, minutes] : found[o]) {
      if (static_cast<std::size_t>(from) == to) continue;
      routes.push_back(
          {points[static_cast<std::size_t>(from)].kode, points[to].kode, units::Minutes(minutes)});
    }
  }
  std::ranges::sort(routes, [](const FacilityRoute& a, const FacilityRoute& b) {
    return std::tie(a.from, a.to) < std::tie(b.from, b.to);
  });
  return routes;
}

}  // namespace jangkau::access
