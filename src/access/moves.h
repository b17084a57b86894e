// The steps of the travel-time solver to a cell's neighbours (8 king's moves, and with 16
// neighbours the 8 knight's moves), as offsets in a padded grid's layout with the cells whose
// friction each step sums. Internal to access/ (solver.cc). Pure; thread-safe.
#pragma once

#include <cstdint>
#include <vector>

namespace jangkau::access {

// One kind of step to a neighbour, as offsets in the padded layout.
struct Move {
  int64_t offset = 0;  // the neighbour
  int64_t via1 = 0;    // knight: the two intermediate cells; diagonal: the two orthogonal
  int64_t via2 = 0;    // cells it cuts past
  double factor = 0;   // step length / number of cells whose friction is summed
  int kind = 0;        // 0 orthogonal, 1 diagonal, 2 knight
  int rows = 0;        // rows between the cell and the neighbour (-2 to 2)
};

// The 8 king's moves first (orthogonal, then diagonal), then the 8 knight's moves.
std::vector<Move> MakeMoves(int neighbours, int64_t stride, double cell_w, double cell_h);

}  // namespace jangkau::access
