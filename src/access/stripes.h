// How the travel-time solver's two threads split the cells of one bucket without atomics.
// Relaxing a cell reads and writes the rows within kReach of it (a knight's move spans two). The
// grid is cut into stripes of kStripeRows padded rows: a cell at least kReach rows inside its
// stripe touches only that stripe, so the inner cells of different stripes can be relaxed at
// the same time, a stripe by one thread. The cells of the other rows lie in bands of
// 2 * kReach rows around the borders between stripes; a band's cells touch only rows within
// kReach of the band, never another band's, so the bands are relaxed at the same time too,
// after the stripes. The solver files every cell straight into its group's list (inner part of
// a stripe, or band), so a bucket needs no sorting and each group is taken, deduplicated and
// relaxed by one thread. The settled bits are shared words of 64 cells: with rows of at least
// 64 cells, the words a group writes are never touched by a group relaxed at the same time.
// Internal to access/solver.cc. Plain value; thread-compatible.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "access/relax.h"

namespace jangkau::access {

using relax::kReach;

inline constexpr int kStripeShift = 6;
inline constexpr int64_t kStripeRows = int64_t{1} << kStripeShift;
inline constexpr int64_t kMinSplitStride = 64;

struct Stripes {
  // Group of each padded row: the inner rows of stripe s are group s, band b (rows 64 b - 2
  // to 64 b + 1) group stripes + b. One group (0) for every row when the grid is not split.
  std::vector<uint32_t> group_of_row;
  uint32_t stripes = 0;
  uint32_t groups = 1;

  // The groups of a grid of `rows` padded rows when it is split.
  static std::size_t GroupsOf(std::size_t rows) {
    return 2 * ((rows + kStripeRows - 1) >> kStripeShift) + 1;
  }

  // A grid of `rows` padded rows, split in groups or not.
  void Plan(std::size_t rows, bool split) {
    group_of_row.assign(rows, 0);
    stripes = 0;
    groups = 1;
    if (!split) return;
    groups = static_cast<uint32_t>(GroupsOf(rows));
    stripes = (groups - 1) / 2;
    for (std::size_t r = 0; r < rows; ++r) {
      const auto row = static_cast<int64_t>(r);
      const int64_t in = row & (kStripeRows - 1);
      const bool inner = in >= kReach && in < kStripeRows - kReach;
      group_of_row[r] = inner ? static_cast<uint32_t>(row >> kStripeShift)
                              : stripes + static_cast<uint32_t>((row + kReach) >> kStripeShift);
    }
  }
  bool split() const { return groups > 1; }
  bool IsInner(uint32_t group) const { return group < stripes || !split(); }
};

}  // namespace jangkau::access
