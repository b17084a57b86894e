#include "needs/need_line.h"

#include <cmath>

namespace jangkau::needs {

std::string_view MethodKey(NeedMethod m) {
  switch (m) {
    case NeedMethod::kNorms:
      return "norms";
    case NeedMethod::kAbk:
      return "abk";
    case NeedMethod::kWisn:
      return "wisn";
    case NeedMethod::kRatio:
      return "ratio";
  }
  return "";
}

bool MeasuresWorkload(NeedMethod m) { return m == NeedMethod::kAbk || m == NeedMethod::kWisn; }

int NeedLine::Shortage() const {
  const double missing = required_rounded - current;
  return missing > 1e-9 ? static_cast<int>(std::ceil(missing - 1e-9)) : 0;
}

int NeedLine::Surplus() const {
  const double extra = current - required_rounded;
  return extra > 1e-9 ? static_cast<int>(std::floor(extra + 1e-9)) : 0;
}

}  // namespace jangkau::needs
