// How large a grid the program takes on. A raster's header or a fine --resolution can ask for
// more cells than memory holds (a few kilobytes of compressed GeoTIFF may declare 10^10): such a
// grid is refused before anything is allocated, with the cells it would have and the memory it
// would need, instead of failing halfway or being killed. Pure; thread-safe.
#pragma once

#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <optional>

namespace jangkau::grid {

// `jangkau access solve`: friction 4, time and nearest source 6 to 8, the settled bit and the
// queue: about 12 bytes per cell (measured at 10^8 cells: 11.3, docs/benchmarks.md).
inline constexpr int64_t kSolveBytesPerCell = 12;
// The solver numbers a grid's cells with 32 bits, over up to two layers.
inline constexpr int64_t kMaxSolveCells = 1'000'000'000;
// A workspace's travel-time model and the run on it (friction and its inputs, zones, one
// destination's times, rasters written): 64 to 84 bytes per grid cell as measured (the province
// on one grid at 100 m, 1.1-1.2 GB for 17.7 M cells; OKI's two layers at 100 m, 334 MB for
// 4.06 M cells; docs/benchmarks.md), counted as 80.
inline constexpr int64_t kModelBytesPerCell = 80;
inline constexpr int64_t kMaxModelCells = 250'000'000;  // 20 GB

// The machine's physical memory in bytes (nullopt where the system does not say).
inline std::optional<int64_t> PhysicalMemory() {
  const long pages = sysconf(_SC_PHYS_PAGES);
  const long page = sysconf(_SC_PAGE_SIZE);
  if (pages <= 0 || page <= 0) return std::nullopt;
  return static_cast<int64_t>(pages) * page;
}

// Why a grid is refused: the memory it needs and the most it may take, in GB.
struct OverBudget {
  double needed_gb = 0;
  double limit_gb = 0;
};

// A grid of `cells` at `bytes_per_cell` fits when it has no more than `max_cells` and needs no
// more than the machine's physical memory; otherwise what it needs and the limit.
inline std::optional<OverBudget> CheckBudget(int64_t cells, int64_t bytes_per_cell,
                                             int64_t max_cells) {
  int64_t limit = max_cells * bytes_per_cell;
  if (const auto memory = PhysicalMemory()) limit = std::min(limit, *memory);
  const double needed = static_cast<double>(cells) * static_cast<double>(bytes_per_cell);
  if (cells >= 0 && cells <= max_cells && needed <= static_cast<double>(limit)) return std::nullopt;
  return OverBudget{needed / 1e9, static_cast<double>(limit) / 1e9};
}

}  // namespace jangkau::grid
