#include "access/friction.h"

#include <algorithm>

namespace jangkau::access {

int TravelScenario::ClassIndex(const std::string& kelas) const {
  for (std::size_t i = 0; i < classes.size(); ++i) {
    if (classes[i].kelas == kelas) return static_cast<int>(i);
  }
  return -1;
}

FrictionGrid BuildFriction(const FrictionInputs& in, const TravelScenario& scenario) {
  const grid::GridSpec& spec = in.spec;
  const int rows = spec.rows;
  const int cols = spec.cols;
  const double cell = spec.cell_w;
  auto at = [cols](int r, int c) { return grid::Slot(grid::RowMajor(r, c, cols)); };
  auto flag = [&](const std::vector<uint8_t>& v, int r, int c) {
    return !v.empty() && v[at(r, c)] != 0;
  };
  const int swamp_class = scenario.ClassIndex("rawa_gambut");
  const int river_class = scenario.ClassIndex("sungai");
  std::vector<float> class_minutes;
  class_minutes.reserve(scenario.classes.size());
  for (const TravelClass& k : scenario.classes) {
    class_minutes.push_back(CrossingMinutes(cell, k.speed_kmh));
  }
  const float swamp_minutes = swamp_class >= 0 ? class_minutes[swamp_class] : grid::kImpassable;
  const float boat_minutes = river_class >= 0 ? class_minutes[river_class] : grid::kImpassable;
  const bool any_river = std::any_of(in.river.begin(), in.river.end(), [](uint8_t v) { return v; });

  FrictionGrid f;
  f.spec = spec;
  f.layers.reserve(2);  // `land` below must stay valid when the water layer is added
  f.layers.emplace_back(rows, cols, grid::kImpassable, grid::kImpassable);
  grid::PaddedGrid<float>& land = f.layers[0];
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < cols; ++c) {
      if (flag(in.water, r, c)) continue;
      if (flag(in.river, r, c) && !flag(in.bridge, r, c)) continue;
      const uint8_t k = in.land_class.empty() ? kNoClass : in.land_class[at(r, c)];
      if (k == kNoClass || k >= scenario.classes.size()) continue;
      float minutes = class_minutes[k];
      if (flag(in.swamp, r, c) && scenario.classes[k].moda == "jalan_kaki") {
        minutes = std::max(minutes, swamp_minutes);
      }
      if (!in.flood.empty()) {
        const float factor = in.flood[at(r, c)];
        minutes = factor > 0 ? minutes / std::min(factor, 1.0f) : grid::kImpassable;
      }
      land.at(r, c) = minutes;
    }
  }
  if (!any_river || !(boat_minutes < grid::kImpassable)) return f;

  // Water layer: river cells, and the land cells on their banks where people get on and off.
  f.layers.emplace_back(rows, cols, grid::kImpassable, grid::kImpassable);
  grid::PaddedGrid<float>& water = f.layers[1];
  f.board = grid::PaddedGrid<float>(rows, cols, grid::kImpassable, grid::kImpassable);
  f.land = grid::PaddedGrid<float>(rows, cols, grid::kImpassable, grid::kImpassable);
  const bool any_pier = std::any_of(in.pier.begin(), in.pier.end(), [](uint8_t v) { return v; });
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < cols; ++c) {
      if (flag(in.river, r, c)) {
        float minutes = boat_minutes;
        if (!in.flood.empty() && in.flood[at(r, c)] <= 0) minutes = grid::kImpassable;
        water.at(r, c) = minutes;
        continue;
      }
      if (!(land.at(r, c) < grid::kImpassable)) continue;
      bool bank = false;
      for (int dr = -1; dr <= 1 && !bank; ++dr) {
        for (int dc = -1; dc <= 1 && !bank; ++dc) {
          const int rr = r + dr;
          const int cc = c + dc;
          bank = rr >= 0 && cc >= 0 && rr < rows && cc < cols && flag(in.river, rr, cc);
        }
      }
      const bool transfer =
          bank && (flag(in.pier, r, c) || (scenario.board_at_any_bank && !any_pier));
      if (!transfer) continue;
      water.at(r, c) = boat_minutes;
      f.board.at(r, c) = static_cast<float>(scenario.board_minutes);
      f.land.at(r, c) = static_cast<float>(scenario.land_minutes);
    }
  }
  return f;
}

}  // namespace jangkau::access
