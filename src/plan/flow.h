// Minimum-cost maximum flow on a small directed network, by successive shortest paths
// (Dijkstra on costs reduced by node potentials). Among paths of equal cost the one with fewest
// edges is taken, so with all costs 0 this is Edmonds-Karp and always terminates. With whole-
// number capacities every flow is whole (each path carries its bottleneck). Costs must be >= 0.
// Used by the capacitated siting value and the redistribution of staff. Not thread-safe; one
// network per computation.
#pragma once

#include <vector>

namespace jangkau::plan {

class FlowNetwork {
 public:
  explicit FlowNetwork(int nodes);

  // Adds an edge and returns its id (for Flow()). `capacity` may be +infinity.
  int AddEdge(int from, int to, double capacity, double cost = 0);

  struct Result {
    double flow = 0;
    double cost = 0;  // sum of flow x cost over the edges
  };
  // The largest flow from `source` to `sink` and, among the largest, the cheapest. Call once.
  Result MinCostMaxFlow(int source, int sink);

  double Flow(int edge) const { return edges_[edge].flow; }

 private:
  struct Edge {
    int to;
    double capacity;
    double cost;
    double flow = 0;
  };
  double Residual(int e) const { return edges_[e].capacity - edges_[e].flow; }
  // Shortest reduced-cost paths from `source`; fills parent_edge_; false if `sink` is cut off.
  bool ShortestPaths(int source, int sink);

  std::vector<Edge> edges_;  // edge e and its reverse e ^ 1
  std::vector<std::vector<int>> out_;
  std::vector<double> potential_;
  std::vector<int> parent_edge_;
};

}  // namespace jangkau::plan
