// Vectors of many cells (rasters, travel times) on transparent huge pages. A grid of 10^8
// cells is 400 MB per float layer, touched cell by cell along a wavefront: on 4 KiB pages that
// is one page fault per page on first touch (costly on a virtual machine: 0.36 s for the 128 MB
// of a 16 M-cell solve, measured) and a TLB miss on most neighbour reads. Allocations of 4 MiB
// or more are aligned to 2 MiB and marked MADV_HUGEPAGE, so the kernel backs them with huge
// pages where it can (Debian's default is "madvise"); smaller ones come from malloc. Nothing
// changes but speed: a kernel without huge pages ignores the advice. Thread-safe (stateless).
#pragma once

#include <sys/mman.h>

#include <cstddef>
#include <cstdlib>
#include <new>
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

  template <typename U>
  bool operator==(const LargeAllocator<U>& /*other*/) const {
    return true;
  }
};

template <typename T>
using LargeVector = std::vector<T, LargeAllocator<T>>;

}  // namespace jangkau::grid
