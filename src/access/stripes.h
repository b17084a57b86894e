// The cells of one bucket of the travel-time solver by stripe of rows, so that two threads can
// relax them without atomics. Relaxing a cell reads and writes the rows within kReach of it (a
// knight's move spans two). The grid is cut into stripes of kStripeRows padded rows: a cell at
// least kReach rows inside its stripe touches only that stripe, so the inner cells of different
// stripes can be relaxed at the same time, a stripe by one thread. The cells of the other rows
// lie in bands of 2 * kReach rows around the borders between stripes; a band's cells touch only
// rows within kReach of the band, never another band's, so the bands are relaxed at the same
// time too, after the stripes. Internal to access/solver.cc. Plain value; thread-compatible.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace jangkau::access {

inline constexpr int kStripeShift = 6;
inline constexpr int64_t kStripeRows = int64_t{1} << kStripeShift;
inline constexpr int64_t kReach = 2;

struct Stripes {
  // The cells group by group: group s < stripes holds the inner cells of stripe s, group
  // stripes + b the cells of band b (rows 64 b - 2 to 64 b + 1).
  std::vector<uint32_t> order;
  std::vector<std::size_t> at;  // group k: order[at[k], at[k + 1])
  std::vector<uint32_t> inner;  // the groups of stripes holding cells
  std::vector<uint32_t> bands;  // the groups of bands holding cells
  uint32_t stripes = 0;

  // Orders `work` (global cell indices of a grid of `rows` padded rows of `stride` cells per
  // layer) keeping the order of the cells within a group.
  void Sort(const std::vector<uint32_t>& work, std::size_t layer_size, int64_t stride,
            std::size_t rows) {
    stripes = static_cast<uint32_t>((rows + kStripeRows - 1) >> kStripeShift);
    const uint32_t groups = 2 * stripes + 1;
    at.assign(groups + 1, 0);
    key_.resize(work.size());
    for (std::size_t k = 0; k < work.size(); ++k) {
      const std::size_t i = work[k] % layer_size;
      const auto row = static_cast<int64_t>(i / static_cast<std::size_t>(stride));
      const int64_t in = row & (kStripeRows - 1);
      const bool is_inner = in >= kReach && in < kStripeRows - kReach;
      key_[k] = is_inner ? static_cast<uint32_t>(row >> kStripeShift)
                         : stripes + static_cast<uint32_t>((row + kReach) >> kStripeShift);
      ++at[key_[k] + 1];
    }
    inner.clear();
    bands.clear();
    for (uint32_t g = 0; g < groups; ++g) {
      if (at[g + 1] > 0) (g < stripes ? inner : bands).push_back(g);
      at[g + 1] += at[g];
    }
    next_.assign(at.begin(), at.end() - 1);
    order.resize(work.size());
    for (std::size_t k = 0; k < work.size(); ++k) order[next_[key_[k]]++] = work[k];
  }

 private:
  std::vector<uint32_t> key_;      // per cell of the bucket: its group
  std::vector<std::size_t> next_;  // where the next cell of each group goes
};

}  // namespace jangkau::access
