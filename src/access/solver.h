// Exact multi-source least-cost travel on a grid (the access engine's core). The cost of a step
// follows GRASS r.cost: from cell a to an orthogonal or diagonal neighbour b, (c_a + c_b) / 2
// times the step length in cells; a knight's move (16 neighbours) crosses four cells,
// (c_a + c_i1 + c_i2 + c_b) / 4 x sqrt(5), and is skipped when any of them is impassable.
// Friction +infinity is impassable. Two layers (land and water) may be stacked, with transfers
// between them at chosen cells costing a boarding (land -> water) and a landing
// (water -> land) penalty.
//
// Algorithm: Dial's bucket queue with bucket width = the smallest possible step cost; float32
// times; equal times go to the lower source index, so the result does not depend on the thread
// count. SolveTravelTime runs the buckets tile by tile over tiles of the grid kept in cache,
// offering a cell again when its time improves later (blocks.h); BoundedSearch runs them over
// the whole grid, every cell popped from the current bucket final, with a settled bit per
// cell, and two threads relax the cells of one bucket by stripes of rows (see solver.cc).
// Memory: friction 4 + time 4 + nearest 2 bytes per cell and layer with fewer than 32,768
// sources (4 with more), plus the queue (and 1 bit for BoundedSearch).
// Thread-compatible: one SolverScratch per thread.
#pragma once

#include <cstdint>
#include <limits>
#include <memory>
#include <span>
#include <vector>

#include "grid/grid.h"

namespace jangkau::access {

// Friction in cost units (e.g. minutes) to cross one cell, per layer.
struct FrictionGrid {
  grid::GridSpec spec;
  std::vector<grid::PaddedGrid<float>> layers;  // 1 (land) or 2 (land, water)
  // With two layers: cost to move from land to water in a cell (boarding) and back
  // (landing); +infinity where no transfer is possible.
  grid::PaddedGrid<float> board;
  grid::PaddedGrid<float> land;
};

struct Source {
  int row = 0;
  int col = 0;
  int layer = 0;
};

enum class Direction {
  kFromSources,  // outward (outreach, ambulance)
  kToSources,    // inward (patients travelling to the facility); differs only with transfers
};

struct SolveOptions {
  int neighbours = 8;  // 8 or 16 (knight's moves)
  double max_cost = std::numeric_limits<double>::infinity();
  // r.cost lets a diagonal step pass between two impassable cells; AccessMod removes such
  // leaks. false: a diagonal step needs both orthogonal cells it cuts past to be passable.
  bool corner_cutting = true;
  Direction direction = Direction::kFromSources;
  // Threads relaxing one bucket together (the cells of a bucket cannot improve each other);
  // 0 = every core. Results do not depend on it: ties go to the lower source index.
  int threads = 0;
  // Whether the relaxation may use the CPU's vector instructions (AVX2, where it has them).
  // Results do not depend on it (the same arithmetic, bit for bit); false for comparison.
  bool vector_instructions = true;
};

// Times (+infinity where unreachable or beyond max_cost) and the index of the nearest source
// (-1 where unreachable), per layer, in the padded layout of the friction (layer l of cell
// (r, c) at l * layer_size + Index(r, c)). Time and source sit side by side: the solver
// touches both for every cell it relaxes.
struct alignas(8) TravelCell {
  float time;
  int32_t nearest;
};
// The same in 6 bytes, for fewer than kCompactSources sources: 10^8 cells hold 200 MB less.
struct __attribute__((packed)) CompactCell {
  float time;
  int16_t nearest;
};
inline constexpr std::size_t kCompactSources = 32768;

struct TravelTimes {
  int layers = 1;
  int rows = 0;
  int cols = 0;
  int64_t stride = 0;
  std::size_t layer_size = 0;
  // The cells, in one of the two: `compact` when the solve had fewer than kCompactSources
  // sources (SolveTravelTime), else `cells` (always for BoundedSearch). Read them through
  // TimeAt and NearestAt.
  grid::LargeVector<TravelCell> cells;
  grid::LargeVector<CompactCell> compact;

  std::size_t At(int layer, int r, int c) const {
    return static_cast<std::size_t>(layer) * layer_size +
           static_cast<std::size_t>((r + grid::PaddedGrid<float>::kPad) * stride +
                                    (c + grid::PaddedGrid<float>::kPad));
  }
  std::size_t size() const { return compact.empty() ? cells.size() : compact.size(); }
  float TimeAt(std::size_t g) const { return compact.empty() ? cells[g].time : compact[g].time; }
  int32_t NearestAt(std::size_t g) const {
    return compact.empty() ? cells[g].nearest : int32_t{compact[g].nearest};
  }
  float Time(int layer, int r, int c) const { return TimeAt(At(layer, r, c)); }
  int32_t Nearest(int layer, int r, int c) const { return NearestAt(At(layer, r, c)); }
  // The least time over the layers (people end their trip on land or on water), and its source.
  float Best(int r, int c) const;
  int32_t BestNearest(int r, int c) const;
  // Row r of one layer as separate arrays (for writing rasters).
  void CopyRow(int layer, int r, float* time, int32_t* nearest) const;
};

// Reusable working memory (buckets, settled bits); keep one per thread to avoid reallocating.
struct SolverScratch {
  std::vector<std::vector<uint32_t>> buckets[2];  // one ring of buckets per thread
  std::vector<uint32_t> work[2];  // the cells of a bucket (a group of rows) per thread
  grid::LargeVector<uint64_t> settled;
  bool record_visited = false;       // BoundedSearch: list the cells settled
  std::vector<uint32_t> visited[2];  // (global cell indices), by the thread that settled them
  // BoundedSearch::Run with a StopWhen: the global indices of the cells still awaited and how
  // many of the awaited cells must be final before the search stops (0: no early stop).
  std::vector<uint32_t> awaited;
  std::size_t awaited_needed = 0;
};

// Stop a bounded search early: once `needed` of `cells` (0: all of them) are final. Cells that
// cannot be crossed on their layer are not awaited. Only the times of the cells settled so far
// are final then (those of the awaited cells that were reached, and every time up to the
// least of them).
struct StopWhen {
  std::span<const Source> cells;
  std::size_t needed = 0;
};

// Fills `out`. Sources on impassable cells are ignored (callers snap them first). A negative
// or NaN friction is a programming error (the readers refuse them).
void SolveTravelTime(SolverScratch& scratch, const FrictionGrid& friction,
                     std::span<const Source> sources, const SolveOptions& options,
                     TravelTimes& out);

// Many small bounded searches on one friction grid (from candidate sites, between facilities):
// the step bounds are computed once, and each search resets only the cells the previous one
// reached, so a search costs what it visits rather than the size of the grid. Same results as
// SolveTravelTime with the same options (options.max_cost should be finite). One per thread.
class BoundedSearch {
 public:
  // `friction` must outlive the search.
  BoundedSearch(const FrictionGrid& friction, const SolveOptions& options);
  ~BoundedSearch();
  BoundedSearch(const BoundedSearch&) = delete;
  BoundedSearch& operator=(const BoundedSearch&) = delete;
  // The times from `sources`; valid until the next Run. With `stop`, the search ends as soon
  // as enough of its cells are final (a dispatcher's question: how far are these units).
  const TravelTimes& Run(std::span<const Source> sources, const StopWhen& stop = {});

 private:
  struct State;
  const FrictionGrid& friction_;
  SolveOptions options_;
  TravelTimes times_;
  std::unique_ptr<State> state_;
};

}  // namespace jangkau::access
