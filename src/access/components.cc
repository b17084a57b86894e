#include "access/components.h"

#include <array>

namespace jangkau::access {

Components ConnectedComponents(const FrictionGrid& friction) {
  Components out;
  const auto& base = friction.layers.front();
  const std::size_t n = base.padded_size();
  const int layers = static_cast<int>(friction.layers.size());
  out.layer_size = n;
  out.label.assign(n * static_cast<std::size_t>(layers), -1);
  const int64_t s = base.stride();
  // The padding is impassable, so the neighbours of any passable cell are in range.
  const std::array<int64_t, 8> steps = {-s - 1, -s, -s + 1, -1, 1, s - 1, s, s + 1};
  auto passable = [&](int l, std::size_t i) {
    return friction.layers[static_cast<std::size_t>(l)].data()[i] < grid::kImpassable;
  };
  auto transfer = [&](std::size_t i) {
    return layers == 2 && (friction.board.data()[i] < grid::kImpassable ||
                           friction.land.data()[i] < grid::kImpassable);
  };
  std::vector<std::size_t> stack;
  int32_t next = 0;
  for (int l0 = 0; l0 < layers; ++l0) {
    for (std::size_t i0 = 0; i0 < n; ++i0) {
      const std::size_t g0 = static_cast<std::size_t>(l0) * n + i0;
      if (out.label[g0] >= 0 || !passable(l0, i0)) continue;
      const int32_t id = next++;
      out.label[g0] = id;
      stack.push_back(g0);
      while (!stack.empty()) {
        const std::size_t g = stack.back();
        stack.pop_back();
        const int l = g >= n ? 1 : 0;
        const std::size_t i = g - static_cast<std::size_t>(l) * n;
        for (int64_t d : steps) {
          const std::size_t j = static_cast<std::size_t>(static_cast<int64_t>(i) + d);
          const std::size_t gj = static_cast<std::size_t>(l) * n + j;
          if (out.label[gj] < 0 && passable(l, j)) {
            out.label[gj] = id;
            stack.push_back(gj);
          }
        }
        if (transfer(i) && passable(1 - l, i)) {
          const std::size_t gj = static_cast<std::size_t>(1 - l) * n + i;
          if (out.label[gj] < 0) {
            out.label[gj] = id;
            stack.push_back(gj);
          }
        }
      }
    }
  }
  return out;
}

}  // namespace jangkau::access
