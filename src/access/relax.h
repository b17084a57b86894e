// One relaxation step of the travel-time solver: the network it reads (flattened for speed)
// and the offers from a settled cell to its neighbours. Internal to access/solver.cc.
#pragma once

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <type_traits>

#include "access/moves.h"
#include "access/solver.h"

namespace jangkau::access::relax {

inline constexpr float kInf = std::numeric_limits<float>::infinity();

// Everything the inner loop reads, flattened for speed.
struct Network {
  std::array<const float*, 2> cost{};
  std::array<TravelCell*, 2> cells{};  // one of the two
  std::array<CompactCell*, 2> compact{};
  const float* up = nullptr;    // transfer layer 0 -> 1 in the search direction
  const float* down = nullptr;  // layer 1 -> 0
  std::size_t layer_size = 0;
  std::array<Move, 16> moves{};
  double limit = 0;
  uint64_t* settled = nullptr;
};

inline bool IsSettled(const uint64_t* bits, std::size_t g) {
  return (bits[g >> 6] >> (g & 63)) & 1u;
}
inline void Settle(uint64_t* bits, std::size_t g) { bits[g >> 6] |= uint64_t{1} << (g & 63); }

// Whether (time, source) beats what a cell holds: less time, or the same time from a lower
// source index (so that ties do not depend on the order of work).
template <typename Cell>
inline bool Better(float time, int32_t who, Cell old) {
  return time < old.time || (time == old.time && who < old.nearest);
}

template <typename Cell>
Cell* CellsOf(const Network& net, int l) {
  if constexpr (std::is_same_v<Cell, CompactCell>) {
    return net.compact[l];
  } else {
    return net.cells[l];
  }
}

// A cell's time with its sign bit set marks a cell whose time improved and whose neighbours
// have not yet been offered it (the blocked solver, blocks.h); times are never negative.
inline bool IsPending(float time) { return std::signbit(time); }

// Relaxes the neighbours of global cell g; `push(gj, rows, time)` files a cell whose time
// dropped (`rows` from g's row). kPending (blocks.h): no settled bits; a neighbour that
// improves is marked pending (sign bit) and filed unless it was pending at the same time
// already, and g's own time must not be pending.
// Reads and writes rows r - 2 to r + 2 of the cell's layers (the other layer at the same cell).
template <typename Cell, int kMoves, bool kCornerCutting, bool kTwoLayers, bool kPending = false,
          typename Push>
inline void Relax(const Network& net, std::size_t g, Push&& push) {
  const int l = kTwoLayers && g >= net.layer_size ? 1 : 0;
  const std::size_t i = g - static_cast<std::size_t>(l) * net.layer_size;
  const float* cost = net.cost[l];
  Cell* cells = CellsOf<Cell>(net, l);
  const Cell here = cells[i];
  const double t = here.time;
  const double ca = cost[i];
  auto offer = [&](Cell& target, std::size_t gj, int rows, double nt) {
    if (nt > net.limit) return;
    const float ft = static_cast<float>(nt);
    const Cell old = target;
    if constexpr (kPending) {
      const bool pending = IsPending(old.time);
      const float old_time = std::fabs(old.time);
      if (!Better(ft, here.nearest, Cell{old_time, old.nearest})) return;
      target = Cell{-ft, here.nearest};
      if (ft < old_time || !pending) push(gj, rows, nt);
    } else {
      if (!Better(ft, here.nearest, old) || IsSettled(net.settled, gj)) return;
      target = Cell{ft, here.nearest};
      if (ft < old.time) push(gj, rows, nt);
    }
  };
#pragma GCC unroll 16
  for (int k = 0; k < kMoves; ++k) {
    const Move& m = net.moves[k];
    const std::size_t j = static_cast<std::size_t>(static_cast<int64_t>(i) + m.offset);
    double sum = ca + cost[j];
    if (m.kind == 2) {
      sum += static_cast<double>(cost[i + m.via1]) + cost[i + m.via2];
    } else if (!kCornerCutting && m.kind == 1) {
      if (!(cost[i + m.via1] < kInf && cost[i + m.via2] < kInf)) continue;
    }
    const double nt = t + sum * m.factor;
    if (nt < kInf) offer(cells[j], static_cast<std::size_t>(l) * net.layer_size + j, m.rows, nt);
  }
  if constexpr (kTwoLayers) {
    const float transfer = (l == 0 ? net.up : net.down)[i];
    const int other = 1 - l;
    if (transfer < kInf && net.cost[other][i] < kInf) {
      offer(CellsOf<Cell>(net, other)[i], static_cast<std::size_t>(other) * net.layer_size + i, 0,
            t + static_cast<double>(transfer));
    }
  }
}

}  // namespace jangkau::access::relax
