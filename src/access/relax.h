// One relaxation step of the travel-time solver: the network it reads (flattened for speed)
// and the offers from a settled cell to its neighbours. Internal to access/solver.cc.
#pragma once

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <type_traits>

#include "access/kings_avx2.h"
#include "access/moves.h"
#include "access/solver.h"

namespace jangkau::access::relax {

inline constexpr float kInf = std::numeric_limits<float>::infinity();
// The rows (and columns) either side of a cell that relaxing it reads and writes: a knight's
// move of the 16-neighbourhood spans two.
inline constexpr int64_t kReach = 2;

// Everything the inner loop reads, flattened for speed.
struct Network {
  std::array<const float*, 2> cost{};
  std::array<TravelCell*, 2> cells{};  // one of the two
  std::array<CompactCell*, 2> compact{};
  const float* up = nullptr;    // transfer layer 0 -> 1 in the search direction
  const float* down = nullptr;  // layer 1 -> 0
  std::size_t layer_size = 0;
  std::array<Move, 16> moves{};
  KingsLanes kings{};  // the 8 king's moves as vector lanes
  bool avx2 = false;   // use them: the CPU has AVX2 and the solve allows it
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

// Fetches into cache the rows of both arrays around global cell g that relaxing it reads
// (memory latency dominates the relaxation: callers fetch a few cells ahead).
template <typename Cell, bool kTwoLayers>
inline void PrefetchAround(const Network& net, int64_t stride, std::size_t g) {
  const int l = kTwoLayers && g >= net.layer_size ? 1 : 0;
  const auto i = static_cast<int64_t>(g - static_cast<std::size_t>(l) * net.layer_size);
  for (int64_t dr : {-stride, int64_t{0}, stride}) {
    __builtin_prefetch(&CellsOf<Cell>(net, l)[i + dr], 1);
    __builtin_prefetch(&net.cost[l][i + dr], 0);
  }
}

// Relaxes the neighbours of global cell g (always inlined: GCC left it a call once it grew,
// 7-12% slower); `push(gj, rows, time)` files a cell whose time
// dropped (`rows` from g's row). kPending (blocks.h): no settled bits; a neighbour that
// improves is marked pending (sign bit) and filed unless it was pending at the same time
// already, and g's own time must not be pending.
// Reads and writes rows r - kReach to r + kReach of the cell's layers (the other layer at the same
// cell).
template <typename Cell, int kMoves, bool kCornerCutting, bool kTwoLayers, bool kPending = false,
          typename Push>
[[gnu::always_inline]] inline void Relax(const Network& net, std::size_t g, Push&& push) {
  const int l = kTwoLayers && g >= net.layer_size ? 1 : 0;
  const std::size_t i = g - static_cast<std::size_t>(l) * net.layer_size;
  const float* cost = net.cost[l];
  Cell* cells = CellsOf<Cell>(net, l);
  const Cell here = cells[i];
  const double t = here.time;
  const double ca = cost[i];
  // Whether (nt, here's source) beats a cell's (time, source) within the limit.
  auto wins = [&](double nt, float ft, Cell old) {
    return (nt < kInf) & (nt <= net.limit) &
           Better(ft, here.nearest, Cell{std::fabs(old.time), old.nearest});
  };
  // Writes a winning offer into `target` and files the cell if its time dropped.
  auto take = [&](Cell& target, std::size_t gj, int rows, double nt) {
    const float ft = static_cast<float>(nt);
    const Cell old = target;
    if constexpr (kPending) {
      target = Cell{-ft, here.nearest};
      if (ft < std::fabs(old.time) || !IsPending(old.time)) push(gj, rows, nt);
    } else {
      if (IsSettled(net.settled, gj)) return;
      target = Cell{ft, here.nearest};
      if (ft < old.time) push(gj, rows, nt);
    }
  };
  // Two passes: every offer worked out first (the king's moves 8 at once with AVX2), then only
  // the winners written; a branch per offer mispredicts on the few that win (about 2 of 16 on
  // the benchmark grid). Without AVX2 that is 13% faster with 16 neighbours but 6% slower with
  // 8, which branch per offer there (measured).
  constexpr bool kDeferred = kMoves > 8;
  std::array<double, kMoves> nts;
  uint32_t won = 0;
  if (net.avx2) {
    won = KingsOffersAvx2<Cell, kCornerCutting>(net.kings, cost, cells, i, t, ca, here.nearest,
                                                net.limit, nts.data());
  }
#pragma GCC unroll 16
  for (int k = 0; k < kMoves; ++k) {
    if (k < 8 && net.avx2) continue;  // the king's moves, worked out above
    const Move& m = net.moves[k];
    const std::size_t j = static_cast<std::size_t>(static_cast<int64_t>(i) + m.offset);
    double sum = ca + cost[j];
    bool open = true;
    if (m.kind == 2) {
      sum += static_cast<double>(cost[i + m.via1]) + cost[i + m.via2];
    } else if (!kCornerCutting && m.kind == 1) {
      open = cost[i + m.via1] < kInf && cost[i + m.via2] < kInf;
    }
    const double nt = t + sum * m.factor;
    if constexpr (kDeferred) {
      nts[k] = nt;
      won |= static_cast<uint32_t>(open & wins(nt, static_cast<float>(nt), cells[j])) << k;
    } else if (open && wins(nt, static_cast<float>(nt), cells[j])) {
      take(cells[j], static_cast<std::size_t>(l) * net.layer_size + j, m.rows, nt);
    }
  }
  for (; won != 0; won &= won - 1) {
    const int k = __builtin_ctz(won);
    const Move& m = net.moves[k];
    const std::size_t j = static_cast<std::size_t>(static_cast<int64_t>(i) + m.offset);
    take(cells[j], static_cast<std::size_t>(l) * net.layer_size + j, m.rows, nts[k]);
  }
  if constexpr (kTwoLayers) {
    const float transfer = (l == 0 ? net.up : net.down)[i];
    const int other = 1 - l;
    if (transfer < kInf && net.cost[other][i] < kInf) {
      Cell& target = CellsOf<Cell>(net, other)[i];
      const double nt = t + static_cast<double>(transfer);
      if (wins(nt, static_cast<float>(nt), target)) {
        take(target, static_cast<std::size_t>(other) * net.layer_size + i, 0, nt);
      }
    }
  }
}

}  // namespace jangkau::access::relax
