#include "access/moves.h"

#include <cmath>
#include <cstdlib>

namespace jangkau::access {

std::vector<Move> MakeMoves(int neighbours, int64_t stride, double cell_w, double cell_h) {
  const double ns = cell_h / cell_w;  // lengths in units of the EW cell size
  std::vector<Move> moves;
  for (int kind = 0; kind < 3; ++kind) {
    for (int dr = -2; dr <= 2; ++dr) {
      for (int dc = -2; dc <= 2; ++dc) {
        const int adr = std::abs(dr);
        const int adc = std::abs(dc);
        const int sr = (dr > 0) - (dr < 0);
        const int sc = (dc > 0) - (dc < 0);
        Move m;
        m.kind = kind;
        m.offset = dr * stride + dc;
        m.rows = dr;
        if (kind == 0 && adr + adc == 1) {
          m.factor = (adr == 1 ? ns : 1.0) / 2.0;
        } else if (kind == 1 && adr == 1 && adc == 1) {
          m.factor = std::hypot(1.0, ns) / 2.0;
          m.via1 = sr * stride;
          m.via2 = sc;
        } else if (kind == 2 && neighbours == 16 && adr == 2 && adc == 1) {
          m.via1 = sr * stride;       // orthogonal neighbour along the long axis
          m.via2 = sr * stride + sc;  // diagonal neighbour towards the target
          m.factor = std::hypot(1.0, 2.0 * ns) / 4.0;
        } else if (kind == 2 && neighbours == 16 && adr == 1 && adc == 2) {
          m.via1 = sc;
          m.via2 = sr * stride + sc;
          m.factor = std::hypot(2.0, ns) / 4.0;
        } else {
          continue;
        }
        moves.push_back(m);
      }
    }
  }
  return moves;
}

}  // namespace jangkau::access
