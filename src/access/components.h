// Which cells can reach each other at all on a friction grid: connected components over the
// passable cells of both layers (eight neighbours, and the transfer between layers where boarding
// or landing is possible). Two cells in different components have no path between them, so a
// search for one from the other can be skipped. Eight neighbours over-approximate every move the
// solver makes (orthogonal, diagonal and knight's moves all pass through neighbouring passable
// cells), so "same component" never hides a path. Pure; thread-safe.
#pragma once

#include <cstdint>
#include <vector>

#include "access/solver.h"

namespace jangkau::access {

// Per cell and layer, in the padded layout of the friction (layer l of cell (r, c) at
// l * layer_size + Index(r, c), as TravelTimes::At): the component number, or -1 where the cell
// cannot be crossed.
struct Components {
  std::size_t layer_size = 0;
  std::vector<int32_t> label;
  int32_t At(int layer, int64_t padded_index) const {
    return label[static_cast<std::size_t>(layer) * layer_size +
                 static_cast<std::size_t>(padded_index)];
  }
};

Components ConnectedComponents(const FrictionGrid& friction);

}  // namespace jangkau::access
