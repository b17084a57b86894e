#include "store/fault_injection.h"

#include <csignal>
#include <cstdlib>

namespace jangkau::store {

void MaybeInjectKill(int64_t rows_written) {
  static const int64_t kill_after = [] {
    const char* v = std::getenv("JANGKAU_FAULT_KILL_AFTER_ROWS");
    return v != nullptr ? std::strtoll(v, nullptr, 10) : int64_t{-1};
  }();
  if (kill_after >= 0 && rows_written >= kill_after) std::raise(SIGKILL);
}

}  // namespace jangkau::store
