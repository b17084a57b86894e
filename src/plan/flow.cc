#include "plan/flow.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <functional>
#include <limits>
#include <queue>
#include <tuple>
#include <utility>

namespace jangkau::plan {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
// Residual capacity below this is treated as none (flows are people or workers; rounding of
// fractional populations must not leave phantom paths).
constexpr double kEpsilon = 1e-9;

}  // namespace

FlowNetwork::FlowNetwork(int nodes) : out_(nodes), potential_(nodes, 0), parent_edge_(nodes) {}

int FlowNetwork::AddEdge(int from, int to, double capacity, double cost) {
  assert(cost >= 0);
  const int id = static_cast<int>(edges_.size());
  edges_.push_back({to, capacity, cost});
  edges_.push_back({from, 0, -cost});
  out_[from].push_back(id);
  out_[to].push_back(id + 1);
  return id;
}

bool FlowNetwork::ShortestPaths(int source, int sink) {
  using Label = std::tuple<double, int, int>;  // reduced cost, edges, node
  const int n = static_cast<int>(out_.size());
  std::vector<double> dist(n, kInf);
  std::vector<int> hops(n, std::numeric_limits<int>::max());
  std::priority_queue<Label, std::vector<Label>, std::greater<>> queue;
  std::ranges::fill(parent_edge_, -1);
  dist[source] = 0;
  hops[source] = 0;
  queue.emplace(0, 0, source);
  while (!queue.empty()) {
    const auto [d, h, u] = queue.top();
    queue.pop();
    if (d != dist[u] || h != hops[u]) continue;  // a stale label
    for (int e : out_[u]) {
      if (Residual(e) <= kEpsilon) continue;
      const int v = edges_[e].to;
      // Potentials keep reduced costs >= 0; clamp the rounding noise.
      const double nd = d + std::max(0.0, edges_[e].cost + potential_[u] - potential_[v]);
      if (std::pair(nd, h + 1) < std::pair(dist[v], hops[v])) {
        dist[v] = nd;
        hops[v] = h + 1;
        parent_edge_[v] = e;
        queue.emplace(nd, h + 1, v);
      }
    }
  }
  // A node cut off now stays cut off (new residual edges only join reached nodes), so its
  // potential no longer matters.
  for (int v = 0; v < n; ++v) {
    if (dist[v] < kInf) potential_[v] += dist[v];
  }
  return dist[sink] < kInf;
}

FlowNetwork::Result FlowNetwork::MinCostMaxFlow(int source, int sink) {
  Result result;
  while (ShortestPaths(source, sink)) {
    double push = kInf;
    for (int v = sink; v != source; v = edges_[parent_edge_[v] ^ 1].to)
      push = std::min(push, Residual(parent_edge_[v]));
    assert(std::isfinite(push));  // a path of unlimited edges only: the caller's model is wrong
    for (int v = sink; v != source; v = edges_[parent_edge_[v] ^ 1].to) {
      const int e = parent_edge_[v];
      edges_[e].flow += push;
      edges_[e ^ 1].flow -= push;
      result.cost += push * edges_[e].cost;
    }
    result.flow += push;
  }
  return result;
}

}  // namespace jangkau::plan
