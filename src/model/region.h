// Administrative regions (Kemendagri): provinsi > kabupaten/kota > kecamatan > desa/kelurahan,
// identified by dotted codes ("16", "16.02", "16.02.02", "16.02.02.2001"), and their
// population. Plain values; thread-compatible.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jangkau {

enum class RegionLevel { kProvinsi, kKabupaten, kKecamatan, kDesa };

std::string_view LevelKey(RegionLevel level);  // "provinsi", "kabupaten", ...
// Accepts the keys and the Kemendagri spellings ("kabupaten_kota", "desa_kelurahan", "kota").
std::optional<RegionLevel> ParseLevel(std::string_view text);
std::string LevelChoices();

// The level a well-formed Kemendagri code denotes, or std::nullopt when `kode` is not one:
// 2 digits, then .2, .2 and .4 digits.
std::optional<RegionLevel> LevelOfCode(std::string_view kode);
// "16.02.02.2001" -> "16.02.02"; "16" -> "".
std::string ParentCode(std::string_view kode);
// Kelurahan (urban village) codes have a desa part starting with 1 ("16.02.02.1011").
bool IsKelurahanCode(std::string_view kode);

struct Region {
  std::string kode;
  std::string nama;
  RegionLevel level = RegionLevel::kDesa;
  std::string kode_bps;      // BPS code where known (7 digits for kecamatan, 10 for desa)
  std::string geometry_wkb;  // boundary as WKB (EPSG:4326), empty when unknown
  std::optional<double> centroid_lon;
  std::optional<double> centroid_lat;
};

struct PopulationRecord {
  std::string kode_wilayah;
  int tahun = 0;
  int64_t penduduk = 0;  // 0 is stored as given: sources use it for "missing"; validate flags it
  std::optional<int64_t> jumlah_kk;
  std::string sumber;
};

// The most recent figure of each region (by `tahun`), keyed by region code.
std::map<std::string, PopulationRecord> LatestPopulation(const std::vector<PopulationRecord>& rows);

}  // namespace jangkau
