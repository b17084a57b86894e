// Vectors of many cells (rasters, travel times) on transparent huge pages. A grid of 10^8
// cells is 400 MB per float layer, touched cell by cell along a wavefront: on 4 KiB pages that
// is one page fault per page on first touch (costly on a virtual machine: 0.36 s for the 128 MB
// of a 16 M-cell solve, measured) and a TLB miss on most neighbour reads. Allocations of 4 MiB
// or more are aligned to 2 MiB and marked MADV_HUGEPAGE, so the kernel backs them with huge
// pages where it can (Debian's default is "madvise"); smaller ones come from malloc. Nothing
// changes but speed: a kernel without huge pages ignores the advice. Thread-safe (stateless).
#pragma once

#include <sys/mman.h>

#include <algorithm>
#include <cstddef>
#include <cstdlib>
#include <new>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

namespace jangkau::grid {

template <typename T>
struct LargeAllocator {
  using value_type = T;
  static constexpr std::size_t kHugePage = std::size_t{2} << 20;
  static constexpr std::size_t kLarge = std::size_t{4} << 20;

  LargeAllocator() = default;
  template <typename U>
  LargeAllocator(const LargeAllocator<U>& /*other*/) {}  // NOLINT(google-explicit-constructor)

  T* allocate(std::size_t n) {
    if (n > static_cast<std::size_t>(-1) / sizeof(T)) throw std::bad_array_new_length();
    const std::size_t bytes = n * sizeof(T);
    void* p = nullptr;
    if (bytes >= kLarge) {
      const std::size_t rounded = (bytes + kHugePage - 1) / kHugePage * kHugePage;
      p = std::aligned_alloc(kHugePage, rounded);
      if (p != nullptr) madvise(p, rounded, MADV_HUGEPAGE);
    } else {
      p = std::malloc(bytes == 0 ? 1 : bytes);  // NOLINT(cppcoreguidelines-no-malloc)
    }
    if (p == nullptr) throw std::bad_alloc();
    return static_cast<T*>(p);
  }
  void deallocate(T* p, std::size_t /*n*/) { std::free(p); }  // NOLINT(cppcoreguidelines-no-malloc)
  // resize() leaves cells of a trivial type as they are (the memory untouched): the caller fills
  // them, in parallel (FillInParallel). Construction with a value is as usual.
  template <typename U>
  void construct(U* p) noexcept(std::is_nothrow_default_constructible_v<U>) {
    ::new (static_cast<void*>(p)) U;  // NOLINT(cppcoreguidelines-owning-memory)
  }
  template <typename U, typename... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p))
        U(std::forward<Args>(args)...);  // NOLINT(cppcoreguidelines-owning-memory)
  }

  template <typename U>
  bool operator==(const LargeAllocator<U>& /*other*/) const {
    return true;
  }
};

// Beware: unlike a plain std::vector, resize(n) leaves the new cells of a trivial type unwritten
// (whatever the memory held). Fill them (AssignInParallel, FillInParallel) or use assign(n, v).
template <typename T>
using LargeVector = std::vector<T, LargeAllocator<T>>;

// Runs fill(begin, end) over [0, n) items of `item_cells` cells each, on two threads from 2^20
// cells. The first write to fresh
// memory makes the kernel zero its pages, which on this kind of virtual machine costs about as
// much as the solve's preparation itself (0.3-0.6 s for the 216 MB of a 36 M-cell output,
// measured with perf); two threads fault their halves at once. Small ranges stay on the caller.
template <typename F>
void FillInParallel(std::size_t n, F&& fill, std::size_t item_cells = 1) {
  constexpr std::size_t kMinParallel = std::size_t{1} << 20;
  if (n * item_cells < kMinParallel || n < 2 || std::thread::hardware_concurrency() < 2) {
    fill(std::size_t{0}, n);
    return;
  }
  const std::size_t half = n / 2;
  std::thread helper([&fill, half, n] { fill(half, n); });
  fill(std::size_t{0}, half);
  helper.join();
}

// v resized to n cells, all `value`, written by FillInParallel.
template <typename T>
void AssignInParallel(LargeVector<T>& v, std::size_t n, const T& value) {
  v.clear();
  v.resize(n);
  T* data = v.data();
  FillInParallel(n, [data, &value](std::size_t begin, std::size_t end) {
    std::fill(data + begin, data + end, value);
  });
}

}  // namespace jangkau::grid
