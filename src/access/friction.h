// Building the friction surface of a travel scenario from rasterised layers: land classes
// (roads by class, or the per-village approximation), swamp, sea and lakes, rivers, bridges,
// piers and flood. Land and water are two layers: rivers stop walkers and motorbikes except at
// bridges, boats run on rivers, and people change between them at piers or, when the
// scenario allows, at any river bank, paying the boarding and landing times.
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "access/solver.h"
#include "grid/grid.h"

namespace jangkau::access {

// A travel scenario (data: data/reference/skenario_perjalanan_sumsel.csv).
struct TravelClass {
  std::string kelas;  // "jalan_lokal", "tanpa_jalan", "rawa_gambut", "sungai", ...
  std::string moda;   // "motor", "jalan_kaki", "perahu", "mobil"
  double speed_kmh = 0;
};

struct TravelScenario {
  std::vector<TravelClass> classes;
  double board_minutes = 15;      // land -> boat
  double land_minutes = 5;        // boat -> land
  bool board_at_any_bank = true;  // false: only at piers
  // The class index of a name, or -1.
  int ClassIndex(const std::string& kelas) const;
};

inline constexpr uint8_t kNoClass = 255;

// Per-cell inputs, row-major without padding, all of spec.rows x spec.cols (empty = none).
struct FrictionInputs {
  grid::GridSpec spec;
  std::vector<uint8_t> land_class;  // index into TravelScenario::classes, kNoClass: impassable
  std::vector<uint8_t> swamp;       // 1: swamp or peat (slows walking)
  std::vector<uint8_t> water;       // 1: sea or lake, impassable for both layers
  std::vector<uint8_t> river;       // 1: river: boats only
  std::vector<uint8_t> bridge;      // 1: a bridge or ferry: land crosses the river here
  std::vector<uint8_t> pier;        // 1: a pier (dermaga)
  std::vector<float> flood;         // speed factor in a flood (0: impassable); empty: no flood
};

// Minutes to cross each cell, land layer and water layer with their transfers.
FrictionGrid BuildFriction(const FrictionInputs& in, const TravelScenario& scenario);

// Minutes to cross a cell of `cell_m` metres at `kmh`.
inline float CrossingMinutes(double cell_m, double kmh) {
  return kmh > 0 ? static_cast<float>(cell_m / 1000.0 / kmh * 60.0) : grid::kImpassable;
}

}  // namespace jangkau::access
