// When the solver's two threads share a bucket and when the caller goes on alone. Internal to
// access/solver.cc. Plain value; thread-compatible (the caller's thread only).
#pragma once

#include <algorithm>
#include <cstddef>

namespace jangkau::access {

// Whether to share the next bucket with the helper. On a loaded machine the helper seldom runs
// and the caller, doing nearly all the work, also pays for handing it over and waiting for the
// group the helper holds: measured on 36 M cells, 8 neighbours, the other core busy (when
// buckets were still sorted by stripe), the helper did 7% of the stripes and the solve took 15%
// longer than on one thread. So the helper's part is watched over windows of
// shared buckets; below a quarter, the next buckets run on one thread (64, then twice as many
// each time the helper is found wanting again, up to 4,096) before it is tried again.
class SharePolicy {
 public:
  bool ShareNext() {
    if (alone_ == 0) return true;
    --alone_;
    return false;
  }
  void Shared(std::size_t by_helper, std::size_t of) {
    helper_ += by_helper;
    total_ += of;
    if (++buckets_ < kWindow) return;
    if (helper_ * 4 < total_) {
      alone_ = backoff_;
      backoff_ = std::min<std::size_t>(backoff_ * 2, kMaxAlone);
    } else {
      backoff_ = kMinAlone;
    }
    helper_ = total_ = buckets_ = 0;
  }

 private:
  static constexpr std::size_t kWindow = 16;
  static constexpr std::size_t kMinAlone = 64;
  static constexpr std::size_t kMaxAlone = 4096;
  std::size_t helper_ = 0;
  std::size_t total_ = 0;
  std::size_t buckets_ = 0;
  std::size_t alone_ = 0;
  std::size_t backoff_ = kMinAlone;
};

}  // namespace jangkau::access
