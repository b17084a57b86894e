// The travel-time solver's whole-grid search, tile by tile. Dial's buckets over the whole grid
// (solver.cc's RunBuckets) settle the cells in the order of their times: the cells of one bucket
// lie all along the wavefront, so each relaxation reaches rows that have left the cache since
// the previous bucket. Here the grid is cut into tiles of kTileSide x kTileSide cells (both
// layers). The tile holding the least filed time is taken next; it runs Dial's buckets over its
// own cells for kWindow buckets from that time, while its rows stay in cache. An improvement to
// a cell of another tile, or beyond those buckets, is filed in that tile's inbox, which puts the
// tile (back) on the list at the cell's bucket. A cell whose time improves after its neighbours
// were offered the old one is offered again (label correcting), so the result does not depend
// on the order in which tiles are taken: it is the least (time, nearest source) over all paths,
// the same as Dial's (byte for byte, tested). On the 36 M-cell benchmark grid about 3% of the
// relaxations are repeated (33.4 M for 32.4 M cells); 32 to 256 buckets per turn measured alike.
// A cell still to relax carries its time with the sign bit set (relax.h): no settled bits.
// Two threads take tiles of which no two touch (a tile's relaxations read and write cells
// within kReach = 2 of it; tiles are much wider), from one list under a lock; the thread that
// finds every listed tile next to the other's waits for it.
// Internal to access/solver.cc. Thread-compatible.
#pragma once

#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <mutex>
#include <queue>
#include <thread>
#include <utility>
#include <vector>

#include "access/relax.h"

namespace jangkau::access::blocks {

using relax::Network;

inline constexpr int kTileShift = 7;
inline constexpr int64_t kTileSide = int64_t{1} << kTileShift;
inline constexpr int64_t kWindow = 128;    // buckets a tile runs ahead per turn, at least
inline constexpr std::size_t kAhead = 16;  // cells fetched ahead
inline constexpr int64_t kNone = std::numeric_limits<int64_t>::max();

// Where the tiles lie: a tile of the padded grid holds both layers of its cells.
struct Tiling {
  int64_t stride = 0;
  std::size_t layer_size = 0;
  int64_t tile_rows = 0;
  int64_t tile_cols = 0;

  Tiling(int64_t stride_, std::size_t layer_size_)
      : stride(stride_),
        layer_size(layer_size_),
        tile_rows((static_cast<int64_t>(layer_size_) / stride_ + kTileSide - 1) >> kTileShift),
        tile_cols((stride_ + kTileSide - 1) >> kTileShift) {}
  std::size_t count() const { return static_cast<std::size_t>(tile_rows * tile_cols); }
  uint32_t Of(std::size_t g) const {
    const auto i = static_cast<int64_t>(g >= layer_size ? g - layer_size : g);
    return static_cast<uint32_t>(((i / stride) >> kTileShift) * tile_cols +
                                 ((i % stride) >> kTileShift));
  }
  // Whether every cell within kReach of g lies in g's tile (row, column of g's layer).
  static bool Inside(int64_t row, int64_t col) {
    const int64_t r = row & (kTileSide - 1);
    const int64_t c = col & (kTileSide - 1);
    return r >= relax::kReach && r < kTileSide - relax::kReach && c >= relax::kReach &&
           c < kTileSide - relax::kReach;
  }
  // The tiles touching tile t (itself included).
  template <typename F>
  void Around(uint32_t t, F&& f) const {
    const int64_t tr = t / tile_cols;
    const int64_t tc = t % tile_cols;
    for (int64_t r = std::max<int64_t>(0, tr - 1); r <= std::min(tile_rows - 1, tr + 1); ++r) {
      for (int64_t c = std::max<int64_t>(0, tc - 1); c <= std::min(tile_cols - 1, tc + 1); ++c) {
        f(static_cast<uint32_t>(r * tile_cols + c));
      }
    }
  }
};

// Runs the search from the pending seeds (global cell indices, their times set and pending).
template <typename Cell, int kMoves, bool kCornerCutting, bool kTwoLayers>
class Search {
 public:
  Search(const Network& net, double width)
      : net_(net),
        tiling_(net.moves[0].offset < 0 ? -net.moves[0].offset : net.moves[0].offset,
                net.layer_size),
        inv_w_(1.0 / width),

        inbox_(tiling_.count()),
        least_(tiling_.count(), kNone),
        busy_(tiling_.count(), 0) {}

  void Run(const std::vector<std::size_t>& seeds, int threads) {
    for (std::size_t g : seeds) File(tiling_.Of(g), static_cast<uint32_t>(g), 0);
    if (threads >= 2) {
      std::thread helper([this] { Work(); });
      Work();
      helper.join();
    } else {
      Work();
    }
  }

 private:
  using Cells = std::vector<uint32_t>;
  struct Filed {
    uint32_t tile;
    uint32_t cell;
    int64_t bucket;
  };
  struct Worker {
    std::vector<Cells> ring;  // the window's buckets, for the tile taken
    Cells taken;              // the tile's inbox when taken
    std::vector<Filed> out;   // for other tiles, or beyond the window
  };

  Cell* CellAt(std::size_t g) const {
    const int l = kTwoLayers && g >= net_.layer_size ? 1 : 0;
    return relax::CellsOf<Cell>(net_, l) + (g - static_cast<std::size_t>(l) * net_.layer_size);
  }
  int64_t BucketOf(double time) const { return static_cast<int64_t>(time * inv_w_); }

  // Files cell g in tile t's inbox at `bucket` (under the lock with two threads).
  void File(uint32_t t, uint32_t g, int64_t bucket) {
    inbox_[t].push_back(g);
    if (bucket < least_[t]) {
      least_[t] = bucket;
      queue_.emplace(bucket, t);
    }
  }
  // Takes tiles until no cell is filed. With two threads a tile is taken only when none of
  // its neighbours is being worked on; the lock guards the list, the inboxes and busy_.
  void Work() {
    Worker w;
    w.ring.resize(static_cast<std::size_t>(kWindow));
    std::unique_lock lock(mutex_);
    std::vector<std::pair<int64_t, uint32_t>> skipped;
    while (true) {
      uint32_t tile = 0;
      bool found = false;
      skipped.clear();
      while (!queue_.empty()) {
        const auto [bucket, t] = queue_.top();
        queue_.pop();
        if (bucket != least_[t]) continue;  // stale: taken, or filed lower since
        if (busy_[t] != 0 || Blocked(t)) {
          skipped.emplace_back(bucket, t);
          continue;
        }
        tile = t;
        found = true;
        break;
      }
      for (const auto& s : skipped) queue_.push(s);
      if (!found) {
        if (working_ == 0 && skipped.empty()) {  // nothing filed anywhere: done
          done_ = true;
          wake_.notify_all();
          return;
        }
        if (done_) return;
        wake_.wait(lock);
        if (done_) return;
        continue;
      }
      busy_[tile] = 1;
      ++working_;
      w.taken.swap(inbox_[tile]);
      const int64_t start = least_[tile];
      least_[tile] = kNone;
      lock.unlock();
      Process(w, tile, start, start + kWindow);
      lock.lock();
      for (const Filed& f : w.out) File(f.tile, f.cell, f.bucket);
      w.out.clear();
      busy_[tile] = 0;
      --working_;
      wake_.notify_all();
    }
  }

  bool Blocked(uint32_t t) const {
    bool blocked = false;
    tiling_.Around(t, [&](uint32_t u) { blocked = blocked || busy_[u] != 0; });
    return blocked;
  }

  // Dial's buckets over one tile's cells from `start` to `end`. The tile's own inbox is not
  // touched by anyone else meanwhile: cells filed for it beyond the window go to `w.out`.
  void Process(Worker& w, uint32_t tile, int64_t start, int64_t end) {
    int64_t top = start;  // the last bucket holding cells
    const std::size_t n_taken = w.taken.size();
    for (std::size_t k = 0; k < n_taken; ++k) {
      // The tile's cells left the cache since its last turn: fetch a few places ahead.
      if (k + kAhead < n_taken) __builtin_prefetch(CellAt(w.taken[k + kAhead]), 0);
      const uint32_t g = w.taken[k];
      const float time = CellAt(g)->time;
      if (!relax::IsPending(time)) continue;  // filed twice, taken already
      const int64_t b = BucketOf(std::fabs(time));
      if (b >= end) {
        w.out.push_back({tile, g, b});
      } else {
        w.ring[static_cast<std::size_t>(std::max(b, start) - start)].push_back(g);
        top = std::max(top, b);
      }
    }
    w.taken.clear();
    const int64_t stride = tiling_.stride;
    for (int64_t cur = start; cur <= top; ++cur) {
      Cells& list = w.ring[static_cast<std::size_t>(cur - start)];
      bool inside = true;  // whether the cell relaxed has all its neighbours in the tile
      const uint32_t own = tile;
      auto push = [&](std::size_t gj, int /*rows*/, double nt) {
        const int64_t b = std::max<int64_t>(cur + 1, BucketOf(nt));
        const uint32_t to = inside ? own : tiling_.Of(gj);
        if (to == own && b < end) {
          w.ring[static_cast<std::size_t>(b - start)].push_back(static_cast<uint32_t>(gj));
          top = std::max(top, b);
        } else {
          w.out.push_back({to, static_cast<uint32_t>(gj), b});
        }
      };
      for (std::size_t k = 0; k < list.size(); ++k) {
        if (k + kAhead < list.size()) {
          relax::PrefetchAround<Cell, kTwoLayers>(net_, stride, list[k + kAhead]);
        }
        const uint32_t g = list[k];
        Cell* cell = CellAt(g);
        if (!relax::IsPending(cell->time)) continue;
        cell->time = std::fabs(cell->time);
        const std::size_t i = g >= net_.layer_size ? g - net_.layer_size : g;
        inside = Tiling::Inside(static_cast<int64_t>(i) / stride, static_cast<int64_t>(i) % stride);
        relax::Relax<Cell, kMoves, kCornerCutting, kTwoLayers, true>(net_, g, push);
      }
      list.clear();
    }
  }

  const Network& net_;
  Tiling tiling_;
  double inv_w_;
  std::vector<Cells> inbox_;
  std::vector<int64_t> least_;  // the least bucket filed in each inbox (kNone: empty)
  std::vector<uint8_t> busy_;   // 1: being worked on
  std::priority_queue<std::pair<int64_t, uint32_t>, std::vector<std::pair<int64_t, uint32_t>>,
                      std::greater<>>
      queue_;
  int working_ = 0;
  bool done_ = false;
  std::mutex mutex_;
  std::condition_variable wake_;
};

}  // namespace jangkau::access::blocks
