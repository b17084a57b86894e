#include "access/solver.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <queue>
#include <thread>

#include "access/blocks.h"
#include "access/pair_of_threads.h"
#include "access/relax.h"
#include "access/share_policy.h"
#include "access/stripes.h"

namespace jangkau::access {
namespace {

using grid::PaddedGrid;
using relax::CellsOf;
using relax::IsSettled;
using relax::kInf;
using relax::Network;
using relax::Relax;
using relax::Settle;

// Whether enough of the awaited cells are final; settled ones leave the awaited list.
bool AwaitedReached(const Network& net, SolverScratch& scratch) {
  if (scratch.awaited_needed == 0) return false;
  std::vector<uint32_t>& awaited = scratch.awaited;
  for (std::size_t k = 0; k < awaited.size();) {
    if (IsSettled(net.settled, awaited[k])) {
      awaited[k] = awaited.back();
      awaited.pop_back();
      if (--scratch.awaited_needed == 0) return true;
    } else {
      ++k;
    }
  }
  return false;
}

constexpr std::size_t kPrefetch = 16;
constexpr std::size_t kParallelMin = 1024;  // smaller buckets are not worth waking a thread
// Lists of cells per thread (buckets of the ring times groups of rows) beyond which the solver
// stays on one thread rather than hold their headers (24 MB).
constexpr std::size_t kMaxLists = std::size_t{1} << 20;

// Dial's algorithm: buckets of width `width` in a ring long enough for the longest step, one
// ring per thread. On one thread each bucket's cells are deduplicated, settled, then relaxed.
// On two, every bucket holds a list per group of rows (stripes.h) and thread: each group is
// taken by one thread, which deduplicates, settles and relaxes its cells; the inner groups
// first, then the bands.
template <typename Cell, int kMoves, bool kCornerCutting, bool kTwoLayers>
void RunBuckets(const Network& net, SolverScratch& scratch, const std::vector<std::size_t>& seeds,
                double width, std::size_t ring, bool parallel) {
  const int64_t stride = net.moves[0].offset < 0 ? -net.moves[0].offset : net.moves[0].offset;
  const std::size_t rows = net.layer_size / static_cast<std::size_t>(stride);
  // Awaited cells are looked for bucket by bucket, on one thread.
  const bool split = parallel && scratch.awaited_needed == 0 && stride >= kMinSplitStride &&
                     ring * Stripes::GroupsOf(rows) <= kMaxLists;
  Stripes stripes;
  stripes.Plan(rows, split);
  const std::size_t groups = stripes.groups;
  for (auto& rings : scratch.buckets) {
    if (rings.size() < ring * groups) rings.resize(ring * groups);
    for (auto& b : rings) b.clear();
  }
  const double inv_w = 1.0 / width;
  std::array<std::size_t, 2> pending = {seeds.size(), 0};
  for (std::size_t g : seeds) {
    const std::size_t row = (g % net.layer_size) / static_cast<std::size_t>(stride);
    scratch.buckets[0][stripes.group_of_row[row]].push_back(static_cast<uint32_t>(g));
  }
  PairOfThreads threads(parallel && split);
  SharePolicy policy;
  std::vector<uint32_t> inner;  // the groups holding cells in the current bucket
  std::vector<uint32_t> bands;

  // Relaxes `count` cells on `thread`, filing the improved neighbours in its ring.
  auto relax_range = [&](int thread, const uint32_t* cells, std::size_t count, int64_t cur) {
    std::vector<uint32_t>* lists = scratch.buckets[thread].data();
    std::size_t pushed = 0;
    std::size_t row = 0;  // of the cell relaxed, when split
    auto push = [&](std::size_t gj, int rows_away, double nt) {
      const int64_t b = std::max<int64_t>(cur + 1, static_cast<int64_t>(nt * inv_w));
      const std::size_t group =
          split ? stripes
                      .group_of_row[static_cast<std::size_t>(static_cast<int64_t>(row) + rows_away)]
                : 0;
      lists[(static_cast<std::size_t>(b) % ring) * groups + group].push_back(
          static_cast<uint32_t>(gj));
      ++pushed;
    };
    for (std::size_t k = 0; k < count; ++k) {
      if (k + kPrefetch < count) {
        relax::PrefetchAround<Cell, kTwoLayers>(net, stride, cells[k + kPrefetch]);
      }
      if (split) {
        row = static_cast<uint32_t>(cells[k] % net.layer_size) / static_cast<uint32_t>(stride);
      }
      Relax<Cell, kMoves, kCornerCutting, kTwoLayers>(net, cells[k], push);
    }
    pending[thread] += pushed;
  };
  // Takes each cell of the lists once (the settled bit marks it) into `work`, in the order they
  // were filed, which follows the wavefront (sorting them cost more than the locality it bought,
  // measured), and empties the lists. Cells of one bucket cannot improve each other.
  auto take = [&](int thread, std::vector<uint32_t>& b0, std::vector<uint32_t>& b1) {
    std::vector<uint32_t>& work = scratch.work[thread];
    work.resize(b0.size() + b1.size());
    std::size_t kept = 0;
    for (const std::vector<uint32_t>* b : {&b0, &b1}) {
      for (const uint32_t g : *b) {
        if (IsSettled(net.settled, g)) continue;
        Settle(net.settled, g);
        work[kept++] = g;
      }
    }
    work.resize(kept);
    b0.clear();
    b1.clear();
    if (scratch.record_visited) {
      std::vector<uint32_t>& visited = scratch.visited[thread];
      visited.insert(visited.end(), work.begin(), work.end());
    }
  };

  for (int64_t cur = 0; pending[0] + pending[1] > 0; ++cur) {
    const std::size_t first = (static_cast<std::size_t>(cur) % ring) * groups;
    std::vector<uint32_t>* b0 = scratch.buckets[0].data() + first;
    std::vector<uint32_t>* b1 = scratch.buckets[1].data() + first;
    if (!split) {
      if (b0->empty() && b1->empty()) continue;
      pending[0] -= b0->size();
      pending[1] -= b1->size();
      take(0, *b0, *b1);
      if (AwaitedReached(net, scratch)) {
        // Cells filed but not settled hold times too: the next bounded search resets them.
        if (scratch.record_visited) {
          for (const auto& rings : scratch.buckets) {
            for (const auto& b : rings)
              scratch.visited[0].insert(scratch.visited[0].end(), b.begin(), b.end());
          }
        }
        return;
      }
      relax_range(0, scratch.work[0].data(), scratch.work[0].size(), cur);
      continue;
    }
    inner.clear();
    bands.clear();
    std::size_t filed = 0;
    for (uint32_t g = 0; g < groups; ++g) {
      const std::size_t n0 = b0[g].size();
      const std::size_t n1 = b1[g].size();
      if (n0 + n1 == 0) continue;
      pending[0] -= n0;
      pending[1] -= n1;
      filed += n0 + n1;
      (stripes.IsInner(g) ? inner : bands).push_back(g);
    }
    if (filed == 0) continue;
    const std::vector<uint32_t>* list = &inner;
    const PairOfThreads::Range job = [&](int thread, std::size_t begin, std::size_t end) {
      for (std::size_t k = begin; k < end; ++k) {
        const uint32_t g = (*list)[k];
        take(thread, b0[g], b1[g]);
        relax_range(thread, scratch.work[thread].data(), scratch.work[thread].size(), cur);
      }
    };
    if (filed >= kParallelMin && policy.ShareNext()) {
      // Groups claimed one at a time by whichever thread runs: a helper kept off the CPU by
      // another process costs at most the group it has begun, never half the bucket.
      std::size_t by_helper = 0;
      for (const std::vector<uint32_t>* l : {&inner, &bands}) {
        list = l;
        if (!l->empty()) by_helper += threads.Share(l->size(), 1, job);
      }
      policy.Shared(by_helper, inner.size() + bands.size());
    } else {
      for (const std::vector<uint32_t>* l : {&inner, &bands}) {
        list = l;
        job(0, 0, l->size());  // the helper is idle
      }
    }
  }
}

template <typename Cell, int kMoves, bool kCornerCutting, bool kTwoLayers>
void RunHeap(const Network& net, SolverScratch& scratch, const std::vector<std::size_t>& seeds) {
  using Entry = std::pair<double, std::size_t>;
  std::priority_queue<Entry, std::vector<Entry>, std::greater<>> heap;
  for (std::size_t g : seeds) heap.emplace(0.0, g);
  std::size_t popped = 0;
  while (!heap.empty()) {
    const std::size_t g = heap.top().second;
    heap.pop();
    if (IsSettled(net.settled, g)) continue;
    Settle(net.settled, g);
    if (scratch.record_visited) scratch.visited[0].push_back(static_cast<uint32_t>(g));
    if (++popped % 64 == 0 && AwaitedReached(net, scratch)) {
      for (; !heap.empty(); heap.pop()) {
        if (scratch.record_visited)
          scratch.visited[0].push_back(static_cast<uint32_t>(heap.top().second));
      }
      return;
    }
    Relax<Cell, kMoves, kCornerCutting, kTwoLayers>(
        net, g, [&](std::size_t gj, int /*rows*/, double nt) { heap.emplace(nt, gj); });
  }
}

bool CpuHasAvx2() {
  static const bool has = __builtin_cpu_supports("avx2") != 0;
  return has;
}

// What a search needs besides its sources: the network over `out` and the bucket geometry.
// Computing the step bounds reads the whole grid once.
struct Prepared {
  Network net;
  double width = 0;
  double ring = 0;
  bool passable = false;   // some cell can be crossed
  bool by_blocks = false;  // a whole-grid search, tile by tile (blocks.h)
};

// Whether buckets of `width` serve: no zero-cost step, and a ring short enough to hold (the
// whole-grid buckets), which also keeps every bucket number below cells x ring, inside int64
// (the tile-by-tile search numbers its buckets from the start).
bool BucketsServe(const Prepared& p) { return p.width > 0 && p.ring <= double{1 << 22}; }

template <typename Cell, int kMoves, bool kCornerCutting, bool kTwoLayers>
void Run(const Prepared& p, SolverScratch& scratch, const std::vector<std::size_t>& seeds,
         bool parallel) {
  if (p.by_blocks) {
    blocks::Search<Cell, kMoves, kCornerCutting, kTwoLayers>(p.net, p.width)
        .Run(seeds, parallel ? 2 : 1);
  } else if (BucketsServe(p)) {
    RunBuckets<Cell, kMoves, kCornerCutting, kTwoLayers>(
        p.net, scratch, seeds, p.width, static_cast<std::size_t>(p.ring), parallel);
  } else {
    // Zero-cost steps or a huge cost range: a binary heap keeps it exact.
    RunHeap<Cell, kMoves, kCornerCutting, kTwoLayers>(p.net, scratch, seeds);
  }
}

template <typename Cell, int kMoves>
void Dispatch(bool corner_cutting, bool two, const Prepared& p, SolverScratch& scratch,
              const std::vector<std::size_t>& seeds, bool parallel) {
  if (corner_cutting) {
    two ? Run<Cell, kMoves, true, true>(p, scratch, seeds, parallel)
        : Run<Cell, kMoves, true, false>(p, scratch, seeds, parallel);
  } else {
    two ? Run<Cell, kMoves, false, true>(p, scratch, seeds, parallel)
        : Run<Cell, kMoves, false, false>(p, scratch, seeds, parallel);
  }
}

// `compact`: the output in 6-byte cells (fewer than kCompactSources sources).
Prepared Prepare(const FrictionGrid& friction, const SolveOptions& options, bool compact,
                 TravelTimes& out) {
  const int layers = static_cast<int>(friction.layers.size());
  const PaddedGrid<float>& base = friction.layers.front();
  const std::size_t n = base.padded_size();
  out.layers = layers;
  out.rows = base.rows();
  out.cols = base.cols();
  out.stride = base.stride();
  out.layer_size = n;
  const std::size_t total = n * static_cast<std::size_t>(layers);
  if (compact) {
    out.cells = {};
    grid::AssignInParallel(out.compact, total, CompactCell{kInf, -1});
  } else {
    out.compact = {};
    grid::AssignInParallel(out.cells, total, TravelCell{kInf, -1});
  }

  Prepared p;
  Network& net = p.net;
  const bool two = layers == 2;
  net.layer_size = n;
  for (int l = 0; l < layers; ++l) {
    net.cost[l] = friction.layers[l].data();
    const std::size_t first = static_cast<std::size_t>(l) * n;
    if (compact) {
      net.compact[l] = out.compact.data() + first;
    } else {
      net.cells[l] = out.cells.data() + first;
    }
  }
  if (two) {
    // Searching from the facility outward, a patient's landing is our boarding.
    const bool inward = options.direction == Direction::kToSources;
    net.up = (inward ? friction.land : friction.board).data();
    net.down = (inward ? friction.board : friction.land).data();
  }
  const std::vector<Move> moves =
      MakeMoves(options.neighbours, base.stride(), friction.spec.cell_w, friction.spec.cell_h);
  std::copy(moves.begin(), moves.end(), net.moves.begin());
  net.limit = options.max_cost;
  std::array<int64_t, 8> offsets{};
  for (std::size_t k = 0; k < 8; ++k) offsets[k] = moves[k].offset;
  if (options.vector_instructions && CpuHasAvx2() &&
      relax::KingsInOrder(offsets.data(), base.stride()) &&
      base.stride() < (int64_t{1} << 27)) {  // byte offsets of the cells fit int32
    net.avx2 = true;
    net.kings.stride = base.stride();
    const int64_t cell_size = compact ? sizeof(CompactCell) : sizeof(TravelCell);
    for (std::size_t k = 0; k < 8; ++k) {
      net.kings.cell_bytes[k] = static_cast<int32_t>(moves[k].offset * cell_size);
      net.kings.factor[k] = moves[k].factor;
    }
  }

  // Bucket width: the least any step can cost; ring: enough buckets for the longest step.
  double min_factor = kInf;
  double max_factor = 0;
  for (const Move& m : moves) {
    const double cells = m.kind == 2 ? 4.0 : 2.0;
    min_factor = std::min(min_factor, m.factor * cells);
    max_factor = std::max(max_factor, m.factor * cells);
  }
  double min_cost = kInf;
  double max_cost = 0;
  for (int l = 0; l < layers; ++l) {
    const PaddedGrid<float>& g = friction.layers[l];
    for (int r = 0; r < g.rows(); ++r) {
      const float* row = g.row(r);
      for (int c = 0; c < g.cols(); ++c) {
        if (row[c] < kInf) {
          min_cost = std::min(min_cost, static_cast<double>(row[c]));
          max_cost = std::max(max_cost, static_cast<double>(row[c]));
        }
      }
    }
  }
  double min_step = min_cost * min_factor;
  double max_step = max_cost * max_factor;
  if (two) {
    for (const float* t : {net.up, net.down}) {
      for (std::size_t i = 0; i < n; ++i) {
        if (t[i] < kInf) {
          min_step = std::min(min_step, static_cast<double>(t[i]));
          max_step = std::max(max_step, static_cast<double>(t[i]));
        }
      }
    }
  }
  p.passable = min_cost < kInf;
  p.width = min_step;
  p.ring = p.width > 0 ? std::floor(max_step / p.width) + 2 : kInf;
  return p;
}

// Seeds the sources into the (reset) output and runs the search.
template <typename Cell>
void Search(const Prepared& p, SolverScratch& scratch, const FrictionGrid& friction,
            std::span<const Source> sources, const SolveOptions& options) {
  const Network& net = p.net;
  const PaddedGrid<float>& base = friction.layers.front();
  const int layers = static_cast<int>(friction.layers.size());
  const std::size_t n = net.layer_size;
  std::vector<std::size_t> seeds;
  for (std::size_t s = 0; s < sources.size(); ++s) {
    const Source& src = sources[s];
    if (src.layer < 0 || src.layer >= layers || src.row < 0 || src.col < 0 ||
        src.row >= base.rows() || src.col >= base.cols()) {
      continue;
    }
    const std::size_t i = static_cast<std::size_t>(base.Index(src.row, src.col));
    Cell& cell = CellsOf<Cell>(net, src.layer)[i];
    if (!(net.cost[src.layer][i] < kInf) || cell.nearest >= 0) continue;
    // By blocks a cell to relax is marked by its time's sign bit.
    cell = Cell{p.by_blocks ? -0.0f : 0.0f, static_cast<decltype(Cell::nearest)>(s)};
    seeds.push_back(static_cast<std::size_t>(src.layer) * n + i);
  }
  if (seeds.empty() || !p.passable) return;

  const int threads =
      options.threads > 0 ? options.threads : static_cast<int>(std::thread::hardware_concurrency());
  const bool parallel = threads >= 2 && base.rows() * int64_t{base.cols()} >= (1 << 20);
  const bool two = layers == 2;
  if (options.neighbours == 16) {
    Dispatch<Cell, 16>(options.corner_cutting, two, p, scratch, seeds, parallel);
  } else {
    Dispatch<Cell, 8>(options.corner_cutting, two, p, scratch, seeds, parallel);
  }
}

}  // namespace

void SolveTravelTime(SolverScratch& scratch, const FrictionGrid& friction,
                     std::span<const Source> sources, const SolveOptions& options,
                     TravelTimes& out) {
  const bool compact = sources.size() < kCompactSources;
  Prepared p = Prepare(friction, options, compact, out);
  const std::size_t cells = compact ? out.compact.size() : out.cells.size();
  scratch.record_visited = false;
  scratch.awaited_needed = 0;
  // A whole-grid search (no list of the cells visited, no early stop) goes tile by tile.
  p.by_blocks = BucketsServe(p);
  if (p.by_blocks) {
    scratch.settled = {};  // not needed: a cell still to relax has its time's sign bit set
  } else {
    scratch.settled.assign((cells + 63) / 64, 0);
  }
  p.net.settled = scratch.settled.data();
  if (compact) {
    Search<CompactCell>(p, scratch, friction, sources, options);
  } else {
    Search<TravelCell>(p, scratch, friction, sources, options);
  }
}

struct BoundedSearch::State {
  Prepared prepared;
  SolverScratch scratch;
};

BoundedSearch::BoundedSearch(const FrictionGrid& friction, const SolveOptions& options)
    : friction_(friction), options_(options), state_(std::make_unique<State>()) {
  state_->prepared = Prepare(friction, options, false, times_);
  state_->scratch.settled.assign((times_.cells.size() + 63) / 64, 0);
  state_->prepared.net.settled = state_->scratch.settled.data();
  state_->scratch.record_visited = true;
}

BoundedSearch::~BoundedSearch() = default;

const TravelTimes& BoundedSearch::Run(std::span<const Source> sources, const StopWhen& stop) {
  // Every cell a bounded search changes is filed and then settled (offers beyond the bound
  // are refused), so the settled cells are exactly the cells to reset.
  SolverScratch& scratch = state_->scratch;
  for (std::vector<uint32_t>& visited : scratch.visited) {
    for (uint32_t g : visited) {
      times_.cells[g] = TravelCell{kInf, -1};
      scratch.settled[g >> 6] = 0;
    }
    visited.clear();
  }
  scratch.awaited.clear();
  scratch.awaited_needed = 0;
  if (!stop.cells.empty()) {
    for (const Source& s : stop.cells) {
      if (s.layer < 0 || s.layer >= times_.layers || s.row < 0 || s.col < 0 ||
          s.row >= times_.rows || s.col >= times_.cols) {
        continue;
      }
      const std::size_t g = times_.At(s.layer, s.row, s.col);
      const std::size_t i = g - static_cast<std::size_t>(s.layer) * times_.layer_size;
      if (friction_.layers[static_cast<std::size_t>(s.layer)].data()[i] < kInf) {
        scratch.awaited.push_back(static_cast<uint32_t>(g));
      }
    }
    const std::size_t all = scratch.awaited.size();
    scratch.awaited_needed = stop.needed == 0 ? all : std::min(stop.needed, all);
    if (scratch.awaited_needed == 0) return times_;  // nothing awaited can be reached
  }
  Search<TravelCell>(state_->prepared, scratch, friction_, sources, options_);
  scratch.awaited_needed = 0;
  return times_;
}

}  // namespace jangkau::access
