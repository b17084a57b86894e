#include "app/access_tiles.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

namespace jangkau::app {

std::vector<float> MinutesToLeave(const AccessModel& model, const grid::GridSpec& whole,
                                  access::SolverScratch& scratch) {
  const grid::GridSpec& s = model.spec;
  const auto col0 = static_cast<int>(std::lround((s.origin_x - whole.origin_x) / s.cell_w));
  const auto row0 = static_cast<int>(std::lround((whole.origin_y - s.origin_y) / s.cell_h));
  const bool left = col0 > 0;
  const bool right = col0 + s.cols < whole.cols;
  const bool top = row0 > 0;
  const bool bottom = row0 + s.rows < whole.rows;
  std::vector<access::Source> sides;
  const int layers = static_cast<int>(model.friction.layers.size());
  for (int l = 0; l < layers; ++l) {
    // Corners may come twice; the solver seeds a cell once.
    for (int c = 0; c < s.cols; ++c) {
      if (top) sides.push_back({0, c, l});
      if (bottom) sides.push_back({s.rows - 1, c, l});
    }
    for (int r = 0; r < s.rows; ++r) {
      if (left) sides.push_back({r, 0, l});
      if (right) sides.push_back({r, s.cols - 1, l});
    }
  }
  std::vector<float> leave(static_cast<std::size_t>(s.cells()),
                           std::numeric_limits<float>::infinity());
  if (sides.empty()) return leave;  // the tile is the whole grid
  access::TravelTimes times;
  access::SolveTravelTime(scratch, model.friction, sides, SolveOptionsOf(model), times);
  for (int r = 0; r < s.rows; ++r) {
    for (int c = 0; c < s.cols; ++c) leave[grid::Slot(s.Index(r, c))] = times.Best(r, c);
  }
  return leave;
}

Uncertain UncertainReach(const AccessModel& model, const TargetTimes& t,
                         const std::vector<float>& leave) {
  std::vector<int64_t> cells(model.villages.size(), 0);
  std::vector<int64_t> unsure(model.villages.size(), 0);
  for (int r = 0; r < model.spec.rows; ++r) {
    for (int c = 0; c < model.spec.cols; ++c) {
      const std::size_t i = grid::Slot(model.spec.Index(r, c));
      const int32_t z = model.zone[i];
      if (z < 0) continue;
      ++cells[static_cast<std::size_t>(z)];
      const float time = t.times.Best(r, c);
      // Unreachable from inside and no way out (both infinite): nothing to be unsure of.
      if (time > leave[i]) ++unsure[static_cast<std::size_t>(z)];
    }
  }
  Uncertain out;
  for (std::size_t z = 0; z < cells.size(); ++z) {
    if (cells[z] > 0) {
      out.people += model.villages[z].population * static_cast<double>(unsure[z]) /
                    static_cast<double>(cells[z]);
      out.km2 += static_cast<double>(unsure[z]) * model.spec.cell_w * model.spec.cell_h / 1e6;
    }
  }
  return out;
}

std::vector<uint8_t> NearZones(const AccessModel& model, double metres) {
  const grid::GridSpec& s = model.spec;
  const auto reach = [](double m, double cell) {
    return std::max(1, static_cast<int>(std::ceil(m / cell - 1e-9)));
  };
  const int kc = reach(metres, s.cell_w);
  const int kr = reach(metres, s.cell_h);
  const auto cols = static_cast<std::size_t>(s.cols);
  const auto is_zone = [&](std::size_t i) { return model.zone[i] != -1; };
  // Along the rows: whether a zone's cell lies within kc columns.
  std::vector<uint8_t> across(model.zone.size(), 0);
  for (int r = 0; r < s.rows; ++r) {
    const std::size_t first = static_cast<std::size_t>(r) * cols;
    int last = -(kc + 1);  // column of the last zone cell seen
    for (int c = 0; c < s.cols; ++c) {
      if (is_zone(first + static_cast<std::size_t>(c))) last = c;
      if (c - last <= kc) across[first + static_cast<std::size_t>(c)] = 1;
    }
    last = s.cols + kc + 1;
    for (int c = s.cols - 1; c >= 0; --c) {
      if (is_zone(first + static_cast<std::size_t>(c))) last = c;
      if (last - c <= kc) across[first + static_cast<std::size_t>(c)] = 1;
    }
  }
  // Down the columns: whether a row within kr has one (a window's count per column).
  std::vector<uint8_t> near(model.zone.size(), 0);
  std::vector<int> count(cols, 0);
  const auto add = [&](int r, int by) {
    if (r < 0 || r >= s.rows) return;
    const std::size_t first = static_cast<std::size_t>(r) * cols;
    for (std::size_t c = 0; c < cols; ++c) count[c] += by * across[first + c];
  };
  for (int r = 0; r < kr && r < s.rows; ++r) add(r, 1);
  for (int r = 0; r < s.rows; ++r) {
    add(r + kr, 1);
    add(r - kr - 1, -1);
    const std::size_t first = static_cast<std::size_t>(r) * cols;
    for (std::size_t c = 0; c < cols; ++c) {
      near[first + c] = count[c] > 0 && model.zone[first + c] == -1 ? 1 : 0;
    }
  }
  return near;
}

std::vector<uint8_t> TileRasterCells(const AccessModel& model, const TargetTimes& t,
                                     const std::vector<float>& leave,
                                     const std::vector<uint8_t>& near) {
  std::vector<uint8_t> out(model.zone.size(), 0);
  for (int r = 0; r < model.spec.rows; ++r) {
    for (int c = 0; c < model.spec.cols; ++c) {
      const std::size_t i = grid::Slot(model.spec.Index(r, c));
      if (model.zone[i] >= 0) {
        out[i] = 1;
      } else if (near[i] != 0) {
        const float time = t.times.Best(r, c);
        out[i] = time < std::numeric_limits<float>::infinity() && time <= leave[i] ? 1 : 0;
      }
    }
  }
  return out;
}

bool OwnFacility(const AccessModel& model, const Facility& f, int row, int col) {
  if (model.options.tile.empty()) return true;
  const int32_t z = model.zone[grid::Slot(model.spec.Index(row, col))];
  if (z >= 0) return true;
  const std::string& kode = !f.kode_desa.empty() ? f.kode_desa : f.kode_kecamatan;
  return !kode.empty() && InRegion(kode, model.options.tile);
}

bool HeldByItsOwnTile(const AccessModel& model,
                      const std::vector<std::pair<std::string, grid::GridSpec>>& tiles,
                      const Facility& f, int row, int col) {
  const std::string& kode = !f.kode_desa.empty() ? f.kode_desa : f.kode_kecamatan;
  if (kode.empty()) return false;
  const grid::GridSpec& s = model.spec;
  const double x = s.origin_x + (col + 0.5) * s.cell_w;
  const double y = s.origin_y - (row + 0.5) * s.cell_h;
  return std::ranges::any_of(tiles, [&](const auto& tile) {
    int r = 0;
    int c = 0;
    return tile.first != model.options.tile && InRegion(kode, tile.first) &&
           tile.second.CellOf(x, y, r, c);
  });
}

}  // namespace jangkau::app
