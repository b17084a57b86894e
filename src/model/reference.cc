#include "model/reference.h"

namespace jangkau {

int NormColumn(AreaCategory area, bool rawat_inap) {
  int group = 0;
  switch (area) {
    case AreaCategory::kPerkotaan:
      group = 0;
      break;
    case AreaCategory::kPerdesaan:
      group = 1;
      break;
    case AreaCategory::kTerpencil:
    case AreaCategory::kSangatTerpencil:
      group = 2;
      break;
  }
  return 2 * group + (rawat_inap ? 1 : 0);
}

}  // namespace jangkau
