// Fault injection for tests of crash safety (after LevelDB's fault_injection_test): when the
// environment variable JANGKAU_FAULT_KILL_AFTER_ROWS=N is set, the process kills itself with
// SIGKILL once N rows have been written inside an import transaction. Unset, it costs one
// branch per row. Thread-safe.
#pragma once

#include <cstdint>

namespace jangkau::store {

// Call after each row written in an import transaction, with the running count.
void MaybeInjectKill(int64_t rows_written);

}  // namespace jangkau::store
