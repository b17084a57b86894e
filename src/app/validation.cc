#include "app/validation.h"

#include <cmath>
#include <map>
#include <unordered_map>

#include <fmt/format.h>

#include "ingest/geo_checks.h"

namespace jangkau::app {
namespace {

bool Digits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

Diagnostic Finding(std::string file, int64_t line, std::string entity, Msg msg,
                   std::vector<std::string> args) {
  return Diagnostic{Severity::kWarning, std::move(file), line, 0, std::move(entity), msg,
                    std::move(args)};
}

}  // namespace

std::string FacilityKabupatenBps(const Facility& f) {
  if (f.kode_kabupaten_bps.size() == 4 && Digits(f.kode_kabupaten_bps)) return f.kode_kabupaten_bps;
  if (f.kode_kecamatan_bps.size() == 7 && Digits(f.kode_kecamatan_bps)) {
    return f.kode_kecamatan_bps.substr(0, 4);
  }
  if (f.kode.size() >= 5 && (f.kode[0] == 'P' || f.kode[0] == 'R') &&
      Digits(std::string_view(f.kode).substr(1, 4))) {
    return f.kode.substr(1, 4);
  }
  return {};
}

std::vector<Diagnostic> FacilityLocationFindings(const std::vector<Facility>& facilities,
                                                 const std::vector<Region>& regions) {
  std::unordered_map<std::string, const Region*> by_kode;
  std::unordered_map<std::string, std::string> kabupaten_by_bps;
  for (const Region& r : regions) {
    by_kode.emplace(r.kode, &r);
    if (r.level == RegionLevel::kKabupaten && !r.kode_bps.empty()) {
      kabupaten_by_bps.emplace(r.kode_bps, r.kode);
    }
  }
  std::vector<ingest::StatedLocation> stated;
  std::unordered_map<std::string, const Facility*> facility_by_kode;
  for (const Facility& f : facilities) {
    if (!f.lon || !f.lat) continue;
    std::string region = f.kode_kecamatan;
    if (region.empty()) {
      auto it = kabupaten_by_bps.find(FacilityKabupatenBps(f));
      if (it != kabupaten_by_bps.end()) region = it->second;
    }
    if (region.empty()) continue;
    stated.push_back({f.kode, *f.lon, *f.lat, region});
    facility_by_kode.emplace(f.kode, &f);
  }
  std::vector<Diagnostic> out;
  for (const auto& o : ingest::FindOutsideRegions(stated, regions)) {
    const Facility& f = *facility_by_kode.at(o.kode_faskes);
    const Region& stated_region = *by_kode.at(o.region);
    std::vector<std::string> args = {f.kode,
                                     f.nama,
                                     fmt::format("{:.1f}", o.distance_km),
                                     std::string(LevelKey(stated_region.level)),
                                     o.region,
                                     stated_region.nama};
    Msg msg = Msg::kWarnOutsideRegionNone;
    if (!o.actual_region.empty()) {
      msg = Msg::kWarnOutsideRegion;
      args.push_back(o.actual_region);
      args.push_back(by_kode.at(o.actual_region)->nama);
    }
    out.push_back(Finding(f.source_file, f.source_line, f.kode, msg, std::move(args)));
  }
  return out;
}

std::vector<Diagnostic> WorkspaceFindings(const store::Workspace& ws) {
  const std::vector<Region> regions = ws.Regions();
  const std::vector<Facility> facilities = ws.Facilities();
  std::vector<Diagnostic> out = FacilityLocationFindings(facilities, regions);

  // Facilities of a kabupaten in the workspace whose BPS kecamatan code matches no kecamatan.
  std::unordered_map<std::string, bool> kabupaten_bps;
  std::unordered_map<std::string, bool> kecamatan_bps;
  for (const Region& r : regions) {
    if (r.level == RegionLevel::kKabupaten && !r.kode_bps.empty()) kabupaten_bps[r.kode_bps] = true;
    if (r.level == RegionLevel::kKecamatan && !r.kode_bps.empty()) kecamatan_bps[r.kode_bps] = true;
  }
  for (const Facility& f : facilities) {
    if (f.kode_kecamatan.empty() && !f.kode_kecamatan_bps.empty() &&
        kabupaten_bps.contains(FacilityKabupatenBps(f)) &&
        !kecamatan_bps.contains(f.kode_kecamatan_bps)) {
      out.push_back(Finding(f.source_file, f.source_line, f.kode, Msg::kWarnKecamatanUnknown,
                            {f.kode, f.nama, f.kode_kecamatan_bps}));
    }
  }

  // Population: the latest year of each region.
  const auto latest = LatestPopulation(ws.Population());
  std::map<std::string, std::pair<int64_t, int>> desa_sum_by_kab;  // kab -> (sum, max year)
  for (const Region& r : regions) {
    if (r.level != RegionLevel::kDesa) continue;
    auto it = latest.find(r.kode);
    if (it == latest.end()) {
      if (!latest.empty()) {
        out.push_back(Finding({}, 0, r.kode, Msg::kWarnNoPopulation, {r.kode, r.nama}));
      }
      continue;
    }
    if (it->second.penduduk == 0) {
      out.push_back(Finding({}, 0, r.kode, Msg::kWarnPopulationZero,
                            {r.kode, r.nama, std::to_string(it->second.tahun)}));
    }
    auto& [sum, year] = desa_sum_by_kab[r.kode.substr(0, 5)];
    sum += it->second.penduduk;
    year = std::max(year, it->second.tahun);
  }
  for (const Region& r : regions) {
    if (r.level != RegionLevel::kKabupaten) continue;
    auto pop = latest.find(r.kode);
    auto sum = desa_sum_by_kab.find(r.kode);
    if (pop == latest.end() || sum == desa_sum_by_kab.end() || pop->second.penduduk == 0) continue;
    const double diff = 100.0 * static_cast<double>(sum->second.first - pop->second.penduduk) /
                        static_cast<double>(pop->second.penduduk);
    if (std::fabs(diff) > 5.0) {
      out.push_back(
          Finding({}, 0, r.kode, Msg::kWarnPopulationSum,
                  {r.kode, r.nama, std::to_string(sum->second.first),
                   std::to_string(sum->second.second), fmt::format("{:+.1f}", diff),
                   std::to_string(pop->second.penduduk), std::to_string(pop->second.tahun)}));
    }
  }

  for (const Region& r : regions) {
    if (r.level != RegionLevel::kProvinsi && r.geometry_wkb.empty()) {
      out.push_back(Finding({}, 0, r.kode, Msg::kWarnNoGeometry, {r.kode, r.nama}));
    }
  }

  for (const Facility& f : facilities) {
    if (f.rawat_inap_assumed && f.rawat_inap) {
      out.push_back(Finding(
          {}, 0, f.kode, Msg::kWarnAssumption,
          {f.kode, f.nama, "rawat_inap", *f.rawat_inap ? "ya" : "tidak", f.assumption_basis}));
    }
    if (f.area_assumed && f.area) {
      out.push_back(Finding(
          {}, 0, f.kode, Msg::kWarnAssumption,
          {f.kode, f.nama, "kategori_wilayah", std::string(AreaKey(*f.area)), f.assumption_basis}));
    }
  }
  return out;
}

std::expected<std::vector<Diagnostic>, Error> Validate(store::Workspace& ws) {
  auto stored = ws.ReplaceValidationWarnings(WorkspaceFindings(ws));
  if (!stored) return std::unexpected(stored.error());
  return ws.StoredWarnings();
}

}  // namespace jangkau::app
