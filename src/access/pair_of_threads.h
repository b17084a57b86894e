// Two threads relaxing one bucket of the solver together: the caller and a helper. The bucket is
// shared in chunks claimed from one cursor, never split in halves: when another process holds
// the second core and the helper does not run, the caller takes every chunk itself and waits
// only for a chunk the helper has already begun. Neither thread spins for long: the helper
// spins a little between buckets (so that handing over the next one costs no system call while
// buckets come fast), then sleeps on a futex; the caller waiting for the helper's last chunk
// does the same. On a loaded machine a spinning thread would take the core from the one doing
// the work (three runnable threads on two cores), and the pair would fall below one thread.
// Internal to access/solver.cc.
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
      cursor_.fetch_add(2 * kGeneration, std::memory_order_seq_cst);
      Wake();
      helper_.join();
    }
  }
  PairOfThreads(const PairOfThreads&) = delete;
  PairOfThreads& operator=(const PairOfThreads&) = delete;
  bool enabled() const { return helper_.joinable(); }

  // Runs range over [0, n) in chunks of `chunk`, here and on the helper; returns when all are
  // done, with how many of the n the helper did.
  std::size_t Share(std::size_t n, std::size_t chunk, const Range& range) {
    // Closed first (an odd generation no claim can match), then the bucket's values, then
    // opened at index 0 of the next, even generation: a helper still on the last bucket can
    // claim nothing of this one with the last one's values.
    cursor_.store((generation_ + kGeneration) | kIndex, std::memory_order_relaxed);
    std::atomic_thread_fence(std::memory_order_release);
    range_.store(&range, std::memory_order_relaxed);
    n_.store(n, std::memory_order_relaxed);
    chunk_.store(std::max<std::size_t>(chunk, 1), std::memory_order_relaxed);
    finished_.store(0, std::memory_order_relaxed);
    by_helper_.store(0, std::memory_order_relaxed);
    generation_ += 2 * kGeneration;
    cursor_.store(generation_, std::memory_order_seq_cst);
    Wake();
    Work(0, generation_);
    for (int spins = 0;;) {
      const std::size_t finished = finished_.load(std::memory_order_acquire);
      if (finished == n) break;
      if (++spins < kSpins) {
        Pause();
      } else {
        // The helper holds a chunk and does not run: give it the core.
        const uint32_t seen = done_.load(std::memory_order_seq_cst);
        if (finished_.load(std::memory_order_seq_cst) != n) done_.wait(seen);
        spins = 0;
      }
    }
    return by_helper_.load(std::memory_order_relaxed);  // ordered by finished_'s acquire
  }

 private:
  // The cursor: the generation in the high bits, the next index in the low 40 (1e12 cells).
  static constexpr uint64_t kGeneration = uint64_t{1} << 40;
  static constexpr uint64_t kIndex = kGeneration - 1;
  // About 20 to 100 microseconds of pauses before sleeping.
  static constexpr int kSpins = 2048;

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
      if (thread != 0) by_helper_.fetch_add(end - begin, std::memory_order_relaxed);
      finished_.fetch_add(end - begin, std::memory_order_seq_cst);
      if (thread != 0) {
        done_.fetch_add(1, std::memory_order_seq_cst);
        done_.notify_one();  // no system call unless the caller sleeps
      }
      c = cursor_.load(std::memory_order_acquire);
    }
  }
  // After the cursor moves: wakes a sleeping helper (no system call when it is awake).
  void Wake() {
    wake_.fetch_add(1, std::memory_order_seq_cst);
    wake_.notify_one();
  }
  void Loop() {
    uint64_t seen = 0;
    while (true) {
      int spins = 0;
      uint64_t gen = 0;
      // A new bucket is an even generation; an odd one is being prepared.
      while ((gen = cursor_.load(std::memory_order_acquire) & ~kIndex) == seen ||
             (gen & kGeneration) != 0) {
        if (++spins < kSpins) {
          Pause();
        } else {
          // Read before the cursor: a bucket opened after that read changes `wake_`, and the
          // wait returns at once.
          const uint32_t ticket = wake_.load(std::memory_order_seq_cst);
          gen = cursor_.load(std::memory_order_seq_cst) & ~kIndex;
          if (gen == seen || (gen & kGeneration) != 0) wake_.wait(ticket);
          spins = 0;
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
  std::atomic<std::size_t> by_helper_{0};  // of the current bucket
  std::atomic<bool> stop_{false};
  uint64_t generation_ = 0;  // the caller's
  std::atomic<const Range*> range_{nullptr};
  std::atomic<std::size_t> n_{0};
  std::atomic<std::size_t> chunk_{1};
  std::atomic<uint32_t> wake_{0};  // bumped for every bucket; the helper sleeps on it
  std::atomic<uint32_t> done_{
      0};  // bumped for every chunk the helper ends; the caller sleeps on it
};

}  // namespace jangkau::access
