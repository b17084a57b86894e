// The cells of one bucket of the travel-time solver by stripe of rows, so that two threads can
// relax them without atomics: the grid is cut into stripes of kStripeRows padded rows, and a cell
// at least kReach rows inside its stripe reads and writes only that stripe's rows (a knight's
// move spans two), so the inner cells of different stripes can be relaxed at the same time, a
// stripe by one thread. The cells on the edge rows of the stripes are relaxed after, by one
// thread. Internal to access/solver.cc. Plain value; thread-compatible.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace jangkau::access {

inline constexpr int kStripeShift = 6;
inline constexpr int64_t kStripeRows = int64_t{1} << kStripeShift;
inline constexpr int64_t kReach = 2;

struct Stripes {
  std::vector<uint32_t> order;  // the inner cells stripe by stripe, then the edge cells
  std::vector<std::size_t> at;  // stripe s: order[at[s], at[s + 1]); s == edge: the edge cells
  std::vector<uint32_t> busy;   // the stripes holding cells
  uint32_t edge = 0;

  // Orders `work` (global cell indices of a grid of `rows` padded rows of `stride` cells per
  // layer) keeping the order of the cells within a stripe.
  void Sort(const std::vector<uint32_t>& work, std::size_t layer_size, int64_t stride,
            std::size_t rows) {
    edge = static_cast<uint32_t>((rows + kStripeRows - 1) >> kStripeShift);
    at.assign(edge + 2, 0);
    key_.resize(work.size());
    for (std::size_t k = 0; k < work.size(); ++k) {
      const std::size_t i = work[k] % layer_size;
      const auto row = static_cast<int64_t>(i / static_cast<std::size_t>(stride));
      const int64_t in = row & (kStripeRows - 1);
      const bool inner = in >= kReach && in < kStripeRows - kReach;
      key_[k] = inner ? static_cast<uint32_t>(row >> kStripeShift) : edge;
      ++at[key_[k] + 1];
    }
    busy.clear();
    for (uint32_t s = 0; s <= edge; ++s) {
      if (s < edge && at[s + 1] > 0) busy.push_back(s);
      at[s + 1] += at[s];
    }
    next_.assign(at.begin(), at.end() - 1);
    order.resize(work.size());
    for (std::size_t k = 0; k < work.size(); ++k) order[next_[key_[k]]++] = work[k];
  }

 private:
  std::vector<uint32_t> key_;      // per cell of the bucket: its stripe, or `edge`
  std::vector<std::size_t> next_;  // where the next cell of each stripe goes
};

}  // namespace jangkau::access
