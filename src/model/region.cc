#include "model/region.h"

#include <array>

#include "model/choice.h"

namespace jangkau {
namespace {

constexpr std::array<ChoiceEntry<RegionLevel>, 8> kLevels = {{
    {"provinsi", RegionLevel::kProvinsi},
    {"kabupaten", RegionLevel::kKabupaten},
    {"kecamatan", RegionLevel::kKecamatan},
    {"desa", RegionLevel::kDesa},
    {"kabupaten_kota", RegionLevel::kKabupaten},
    {"kota", RegionLevel::kKabupaten},
    {"desa_kelurahan", RegionLevel::kDesa},
    {"kelurahan", RegionLevel::kDesa},
}};

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

std::string_view LevelKey(RegionLevel level) { return CanonicalKey<RegionLevel>(kLevels, level); }
std::optional<RegionLevel> ParseLevel(std::string_view text) {
  return LookupChoice<RegionLevel>(kLevels, text);
}
std::string LevelChoices() { return CanonicalKeys<RegionLevel>(kLevels); }

std::optional<RegionLevel> LevelOfCode(std::string_view kode) {
  static constexpr std::array<std::size_t, 4> kWidths = {2, 2, 2, 4};
  std::size_t part = 0;
  std::size_t start = 0;
  while (true) {
    std::size_t dot = kode.find('.', start);
    std::string_view piece =
        kode.substr(start, dot == std::string_view::npos ? kode.npos : dot - start);
    if (part >= kWidths.size() || piece.size() != kWidths[part] || !AllDigits(piece)) {
      return std::nullopt;
    }
    if (dot == std::string_view::npos) break;
    start = dot + 1;
    ++part;
  }
  return static_cast<RegionLevel>(part);
}

std::string ParentCode(std::string_view kode) {
  std::size_t dot = kode.rfind('.');
  return dot == std::string_view::npos ? std::string() : std::string(kode.substr(0, dot));
}

bool IsKelurahanCode(std::string_view kode) {
  return LevelOfCode(kode) == RegionLevel::kDesa && kode.size() > 9 && kode[9] == '1';
}

std::map<std::string, PopulationRecord> LatestPopulation(
    const std::vector<PopulationRecord>& rows) {
  std::map<std::string, PopulationRecord> latest;
  for (const PopulationRecord& p : rows) {
    auto [it, inserted] = latest.try_emplace(p.kode_wilayah, p);
    if (!inserted && p.tahun > it->second.tahun) it->second = p;
  }
  return latest;
}

}  // namespace jangkau
