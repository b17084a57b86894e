// Two threads relaxing one bucket of the solver together: the caller and a helper that spins
// (then yields) between buckets, so that handing over a bucket costs no system call. Internal to
// access/solver.cc.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <thread>

namespace jangkau::access {

// Runs work(0) here and work(1) on a helper thread that spins between buckets.
class PairOfThreads {
 public:
  explicit PairOfThreads(bool enabled) {
    if (enabled) helper_ = std::thread([this] { Loop(); });
  }
  ~PairOfThreads() {
    if (helper_.joinable()) {
      stop_.store(true, std::memory_order_release);
      generation_.fetch_add(1, std::memory_order_release);
      helper_.join();
    }
  }
  bool enabled() const { return helper_.joinable(); }
  void Run(const std::function<void(int)>& work) {
    work_ = &work;
    done_.store(false, std::memory_order_relaxed);
    generation_.fetch_add(1, std::memory_order_release);
    work(0);
    while (!done_.load(std::memory_order_acquire)) Pause();
  }

 private:
  static void Pause() {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#endif
  }
  void Loop() {
    uint64_t seen = 0;
    while (true) {
      int spins = 0;
      while (generation_.load(std::memory_order_acquire) == seen) {
        if (++spins > 4096) {
          std::this_thread::yield();
          spins = 0;
        } else {
          Pause();
        }
      }
      seen = generation_.load(std::memory_order_acquire);
      if (stop_.load(std::memory_order_acquire)) return;
      (*work_)(1);
      done_.store(true, std::memory_order_release);
    }
  }
  std::thread helper_;
  std::atomic<uint64_t> generation_{0};
  std::atomic<bool> done_{false};
  std::atomic<bool> stop_{false};
  const std::function<void(int)>* work_ = nullptr;
};

}  // namespace jangkau::access
