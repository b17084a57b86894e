#include "access/reach.h"

#include <map>

#include "access/coverage.h"
#include "model/region.h"

namespace jangkau::access {
namespace {

RegionAccess ToRegion(const std::string& kode, const ZoneAccess& z) {
  RegionAccess r;
  r.kode_wilayah = kode;
  r.penduduk = z.population;
  r.terjangkau = z.reachable;
  if (z.reachable > 0) r.rata_menit = z.MeanMinutes();
  r.dalam_30 = z.within[0];
  r.dalam_60 = z.within[1];
  r.dalam_120 = z.within[2];
  return r;
}

void Add(ZoneAccess& a, const ZoneAccess& b) {
  a.population += b.population;
  a.reachable += b.reachable;
  a.weighted_minutes += b.weighted_minutes;
  for (std::size_t k = 0; k < a.within.size(); ++k) a.within[k] += b.within[k];
}

}  // namespace

std::vector<RegionAccess> ReachByRegion(const TravelTimes& times,
                                        const std::vector<int32_t>& zone_of_cell,
                                        std::span<const ReachZone> villages,
                                        const grid::PaddedGrid<float>& friction) {
  std::vector<double> population;
  std::vector<std::optional<grid::CellIndex>> fallback;
  population.reserve(villages.size());
  fallback.reserve(villages.size());
  for (const ReachZone& v : villages) {
    population.push_back(v.population);
    fallback.push_back(v.fallback_cell);
  }
  const auto zones = ZonalAccess(times, 0, zone_of_cell, population, fallback, friction);
  // Each zone (a desa, or a kecamatan where there are no desa boundaries) counts towards its
  // kecamatan and its kabupaten, whichever of them it lies in: one district, or the districts
  // of a province.
  std::map<std::string, ZoneAccess> kecamatan;
  std::map<std::string, ZoneAccess> kabupaten;
  std::vector<RegionAccess> out;
  for (std::size_t i = 0; i < villages.size(); ++i) {
    const std::string& kode = villages[i].kode;
    out.push_back(ToRegion(kode, zones[i]));
    for (std::string above = ParentCode(kode); !above.empty(); above = ParentCode(above)) {
      const std::optional<RegionLevel> level = LevelOfCode(above);
      if (level == RegionLevel::kKecamatan) Add(kecamatan[above], zones[i]);
      if (level == RegionLevel::kKabupaten) Add(kabupaten[above], zones[i]);
    }
  }
  for (const auto& [kode, z] : kecamatan) out.push_back(ToRegion(kode, z));
  for (const auto& [kode, z] : kabupaten) out.push_back(ToRegion(kode, z));
  return out;
}

std::vector<std::optional<double>> NearestPopulation(const TravelTimes& times,
                                                     std::span<const int32_t> zone_of_cell,
                                                     std::span<const double> population,
                                                     const grid::PaddedGrid<float>& friction,
                                                     std::size_t sources) {
  const int rows = times.rows;
  const int cols = times.cols;
  std::vector<int64_t> cells(population.size(), 0);
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < cols; ++c) {
      const int32_t z = zone_of_cell[grid::Slot(grid::RowMajor(r, c, cols))];
      if (z >= 0 && friction.at(r, c) < grid::kImpassable) ++cells[static_cast<std::size_t>(z)];
    }
  }
  std::vector<std::optional<double>> out(sources);
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < cols; ++c) {
      const int32_t z = zone_of_cell[grid::Slot(grid::RowMajor(r, c, cols))];
      const int32_t who = times.Nearest(0, r, c);
      if (z < 0 || who < 0 || cells[static_cast<std::size_t>(z)] == 0) continue;
      const auto zi = static_cast<std::size_t>(z);
      std::optional<double>& people = out[static_cast<std::size_t>(who)];
      people = people.value_or(0) + population[zi] / static_cast<double>(cells[zi]);
    }
  }
  return out;
}

}  // namespace jangkau::access
