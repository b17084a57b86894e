// Two threads relaxing one bucket of the solver together: the caller and a helper that spins
// (then yields) between buckets, so that handing over a bucket costs no system call. The bucket
// is shared in chunks claimed from one cursor, never split in halves: when another process holds
// the second core and the helper does not run, the caller takes every chunk itself and waits
// only for a chunk the helper has already begun, so the pair is never slower than one thread by
// more than that chunk. Internal to access/solver.cc.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <thread>

namespace jangkau::access {

class PairOfThreads {
 public:
  // range(thread, begin, end): thread 0 is the caller, 1 the helper.
  using Range = std::function<void(int, std::size_t, std::size_t)>;

  explicit PairOfThreads(bool enabled) {
    if (enabled) helper_ = std::thread([this] { Loop(); });
  }
  ~PairOfThreads() {
    if (helper_.joinable()) {
      stop_.store(true, std::memory_order_release);
      cursor_.fetch_add(2 * kGeneration, std::memory_order_release);  // wakes the helper
      helper_.join();
    }
  }
  PairOfThreads(const PairOfThreads&) = delete;
  PairOfThreads& operator=(const PairOfThreads&) = delete;
  bool enabled() const { return helper_.joinable(); }

  // Runs range over [0, n) in chunks of `chunk`, here and on the helper; returns when all are
  // done.
  void Share(std::size_t n, std::size_t chunk, const Range& range) {
    // Closed first (an odd generation no claim can match), then the bucket's values, then
    // opened at index 0 of the next, even generation: a helper still on the last bucket can
    // claim nothing of this one with the last one's values.
    cursor_.store((generation_ + kGeneration) | kIndex, std::memory_order_relaxed);
    std::atomic_thread_fence(std::memory_order_release);
    range_.store(&range, std::memory_order_relaxed);
    n_.store(n, std::memory_order_relaxed);
    chunk_.store(std::max<std::size_t>(chunk, 1), std::memory_order_relaxed);
    finished_.store(0, std::memory_order_relaxed);
    generation_ += 2 * kGeneration;
    cursor_.store(generation_, std::memory_order_release);
    Work(0, generation_);
    while (finished_.load(std::memory_order_acquire) != n) Pause();
  }

 private:
  // The cursor: the generation in the high bits, the next index in the low 40 (1e12 cells).
  static constexpr uint64_t kGeneration = uint64_t{1} << 40;
  static constexpr uint64_t kIndex = kGeneration - 1;

  static void Pause() {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#endif
  }
  // Claims chunks of generation `gen` until none is left (or the generation has passed).
  void Work(int thread, uint64_t gen) {
    // The cursor first: its release by Share publishes the bucket's values read after it. A
    // helper late for a bucket may read the next one's: its claim on the cursor below then
    // fails, the generation having moved on.
    uint64_t c = cursor_.load(std::memory_order_acquire);
    const std::size_t n = n_.load(std::memory_order_relaxed);
    const std::size_t chunk = chunk_.load(std::memory_order_relaxed);
    const Range* range = range_.load(std::memory_order_relaxed);
    // Pairs with Share's release fence: values of a newer bucket read here mean the claim below
    // sees the cursor closed, and fails.
    std::atomic_thread_fence(std::memory_order_acquire);
    while ((c & ~kIndex) == gen) {
      const std::size_t begin = static_cast<std::size_t>(c & kIndex);
      if (begin >= n) return;
      const std::size_t end = std::min(n, begin + chunk);
      if (!cursor_.compare_exchange_weak(c, gen | end, std::memory_order_acq_rel,
                                         std::memory_order_acquire)) {
        continue;  // `c` holds the cursor now
      }
      (*range)(thread, begin, end);
      finished_.fetch_add(end - begin, std::memory_order_release);
      c = cursor_.load(std::memory_order_acquire);
    }
  }
  void Loop() {
    uint64_t seen = 0;
    while (true) {
      int spins = 0;
      uint64_t gen = 0;
      // A new bucket is an even generation; an odd one is being prepared.
      while ((gen = cursor_.load(std::memory_order_acquire) & ~kIndex) == seen ||
             (gen & kGeneration) != 0) {
        if (++spins > 4096) {
          std::this_thread::yield();
          spins = 0;
        } else {
          Pause();
        }
      }
      seen = gen;
      if (stop_.load(std::memory_order_acquire)) return;
      Work(1, gen);
    }
  }

  std::thread helper_;
  std::atomic<uint64_t> cursor_{0};
  std::atomic<std::size_t> finished_{0};
  std::atomic<bool> stop_{false};
  uint64_t generation_ = 0;  // the caller's
  std::atomic<const Range*> range_{nullptr};
  std::atomic<std::size_t> n_{0};
  std::atomic<std::size_t> chunk_{1};
};

}  // namespace jangkau::access
