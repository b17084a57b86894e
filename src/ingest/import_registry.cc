// Importers of the registry: regions, population, facilities (the Jangkau template and the
// BPPSDMK format with headcounts) and facility assumptions.
#include <algorithm>

#include <fmt/format.h>
#include <ogr_api.h>

#include "ingest/importers.h"
#include "ingest/row_loop.h"

namespace jangkau::ingest {
namespace {

std::string FormatCoord(double v) { return fmt::format("{}", v); }

// Centroid of a WKB polygon, or nothing when the bytes are not a polygon.
bool PolygonCentroid(const std::string& wkb, double& lon, double& lat, std::string& problem) {
  OGRGeometryH geom = nullptr;
  if (OGR_G_CreateFromWkb(reinterpret_cast<const unsigned char*>(wkb.data()), nullptr, &geom,
                          static_cast<int>(wkb.size())) != OGRERR_NONE) {
    problem = "WKB";
    return false;
  }
  const auto type = wkbFlatten(OGR_G_GetGeometryType(geom));
  bool ok = type == wkbPolygon || type == wkbMultiPolygon;
  if (!ok) {
    problem = OGRGeometryTypeToName(type);
  } else {
    OGRGeometryH c = OGR_G_CreateGeometry(wkbPoint);
    if (OGR_G_Centroid(geom, c) == OGRERR_NONE) {
      lon = OGR_G_GetX(c, 0);
      lat = OGR_G_GetY(c, 0);
    } else {
      ok = false;
      problem = "centroid";
    }
    OGR_G_DestroyGeometry(c);
  }
  OGR_G_DestroyGeometry(geom);
  return ok;
}

}  // namespace

std::optional<LonLat> ReadLonLat(RowFields& f, const TableRow& row, int lat_col, int lon_col) {
  std::optional<double> lat;
  std::optional<double> lon;
  if (lat_col != 0 || lon_col != 0) {
    const bool has_lat = !f.Text(lat_col).empty();
    const bool has_lon = !f.Text(lon_col).empty();
    if (has_lat != has_lon) {
      f.Error(has_lat ? lon_col : lat_col, Msg::kCoordHalf, {});
      return std::nullopt;
    }
    if (!has_lat) return std::nullopt;
    lat = f.Number(lat_col);
    lon = f.Number(lon_col);
    if (!lat || !lon) return std::nullopt;
  } else if (row.point_lat && row.point_lon) {
    lat = row.point_lat;
    lon = row.point_lon;
  } else {
    return std::nullopt;
  }
  if (InsideIndonesia(*lat, *lon)) return LonLat{*lon, *lat};
  const int col = lat_col != 0 ? lat_col : lon_col;
  if (InsideIndonesia(*lon, *lat)) {
    f.Error(col, Msg::kCoordSwapped, {FormatCoord(*lat), FormatCoord(*lon)});
  } else {
    const int bad_col = (*lat < kIndonesiaMinLat || *lat > kIndonesiaMaxLat) ? lat_col : lon_col;
    f.Error(bad_col != 0 ? bad_col : col, Msg::kCoordOutside,
            {FormatCoord(*lat), FormatCoord(*lon)});
  }
  return std::nullopt;
}

std::vector<Region> ReadRegions(TableReader& in, const ImportContext& ctx, Diagnostics& diags,
                                const Progress& progress) {
  ColumnMap cols(in, diags);
  const int c_kode = cols.Required({"kode", "kode_wilayah"});
  const int c_nama = cols.Required({"nama", "nama_wilayah"});
  const int c_level = cols.Optional({"tingkat", "level"});
  const int c_bps = cols.Optional({"kode_bps"});
  std::vector<Region> out;
  if (diags.has_errors()) return out;

  std::unordered_map<std::string, int64_t> seen;
  std::vector<std::pair<std::string, int64_t>> parents_to_check;  // (kode, line) in file order
  ForEachRow(in, diags, progress, [&](RowFields& f, const TableRow& row) {
    auto kode = f.Required(c_kode);
    auto nama = f.Required(c_nama);
    if (!kode) return;
    auto level = LevelOfCode(*kode);
    if (!level) {
      f.Error(c_kode, Msg::kBadCode,
              {std::string(f.Name(c_kode)), *kode, "Kemendagri, mis. 16.02.02.2001"});
      return;
    }
    if (!f.Unique(seen, *kode, c_kode, *kode)) return;
    if (c_level != 0 && !f.Text(c_level).empty()) {
      auto stated = f.Choice(c_level, false, ParseLevel, LevelChoices());
      if (stated && *stated != *level) {
        f.Error(c_level, Msg::kLevelMismatch,
                {std::string(f.Name(c_level)), std::string(f.Text(c_level)), *kode,
                 std::string(LevelKey(*level))});
      }
    }
    Region r;
    r.kode = *kode;
    r.nama = nama.value_or("");
    r.level = *level;
    r.kode_bps = std::string(f.Text(c_bps));
    if (!row.geometry_wkb.empty()) {
      double lon = 0;
      double lat = 0;
      std::string problem;
      if (PolygonCentroid(row.geometry_wkb, lon, lat, problem)) {
        r.geometry_wkb = row.geometry_wkb;
        r.centroid_lon = lon;
        r.centroid_lat = lat;
      } else {
        f.Error(0, Msg::kBadGeometry, {problem});
      }
    }
    if (*level != RegionLevel::kProvinsi) parents_to_check.emplace_back(*kode, f.line());
    out.push_back(std::move(r));
  });
  for (const auto& [kode, line] : parents_to_check) {
    const std::string parent = ParentCode(kode);
    if (!seen.contains(parent) && !ctx.regions.contains(parent)) {
      diags.Error(in.path(), line, c_kode, Msg::kParentMissing, {"kode", parent});
    }
  }
  return out;
}

std::vector<PopulationRecord> ReadPopulation(TableReader& in, const ImportContext& ctx,
                                             Diagnostics& diags, const Progress& progress) {
  ColumnMap cols(in, diags);
  const int c_kode = cols.Required({"kode_wilayah", "kode", "kode_desa"});
  const int c_tahun = cols.Required({"tahun"});
  const int c_penduduk = cols.Required({"penduduk", "jumlah_penduduk"});
  const int c_kk = cols.Optional({"jumlah_kk", "kk"});
  const int c_sumber = cols.Optional({"sumber"});
  std::vector<PopulationRecord> out;
  if (diags.has_errors()) return out;

  std::unordered_map<std::string, int64_t> seen;
  ForEachRow(in, diags, progress, [&](RowFields& f, const TableRow&) {
    auto kode = f.Required(c_kode);
    auto tahun = f.Year(c_tahun, true);
    auto penduduk = f.Count(c_penduduk, true);
    auto kk = f.Count(c_kk, false);
    if (kode && !ctx.regions.contains(*kode)) {
      f.Error(c_kode, Msg::kUnknownRegion, {std::string(f.Name(c_kode)), *kode});
      return;
    }
    if (!kode || !tahun || !penduduk) return;
    if (!f.Unique(seen, *kode + "|" + std::to_string(*tahun), c_kode,
                  *kode + " " + std::to_string(*tahun))) {
      return;
    }
    out.push_back({*kode, *tahun, *penduduk, kk, std::string(f.Text(c_sumber))});
  });
  return out;
}

FacilityBatch ReadFacilities(TableReader& in, const ImportContext& ctx, Diagnostics& diags,
                             const Progress& progress) {
  ColumnMap cols(in, diags);
  const int c_kode = cols.Required({"kode_faskes", "kode"});
  const int c_nama = cols.Required({"nama_faskes", "nama"});
  const int c_jenis = cols.Required({"jenis_faskes", "jenis"});
  const int c_ri = cols.Optional({"rawat_inap"});
  const int c_area = cols.Optional({"kategori_wilayah"});
  const int c_status = cols.Optional({"status"});
  const int c_bpjs = cols.Optional({"bpjs", "kerja_sama_bpjs"});
  const int c_akr = cols.Optional({"akreditasi"});
  const int c_kec = cols.Optional({"kode_kecamatan"});
  const int c_desa = cols.Optional({"kode_desa"});
  const int c_kec_bps = cols.Optional({"kode_kec_bps"});
  const int c_kab_bps = cols.Optional({"kode_kab_bps"});
  const int c_alamat = cols.Optional({"alamat", "alamat_faskes"});
  const int c_lat = cols.Optional({"lat", "latitude", "lintang"});
  const int c_lon = cols.Optional({"lon", "longitude", "bujur"});
  FacilityBatch batch;
  if (diags.has_errors()) return batch;

  // Headcount columns: every other column whose name is a cadre (BPPSDMK: medis, perawat, ...).
  std::vector<std::pair<int, std::string>> count_cols;
  const std::vector<int> known = {c_kode,    c_nama,    c_jenis,  c_ri,  c_area,
                                  c_status,  c_bpjs,    c_akr,    c_kec, c_desa,
                                  c_kec_bps, c_kab_bps, c_alamat, c_lat, c_lon};
  for (std::size_t i = 0; i < in.columns().size(); ++i) {
    const int col = static_cast<int>(i) + 1;
    if (std::find(known.begin(), known.end(), col) != known.end()) continue;
    if (auto cadre = ctx.cadres.Normalize(in.columns()[i])) count_cols.emplace_back(col, *cadre);
  }
  batch.with_counts = !count_cols.empty();
  const bool check_regions = !ctx.regions.empty();

  std::unordered_map<std::string, int64_t> seen;
  ForEachRow(in, diags, progress, [&](RowFields& f, const TableRow& row) {
    auto kode = f.Required(c_kode);
    if (kode && !IsPlainCode(*kode)) {
      f.Error(c_kode, Msg::kBadCode, {std::string(f.Name(c_kode)), *kode, "huruf/angka, <= 32"});
      kode.reset();
    }
    if (kode && !f.Unique(seen, *kode, c_kode, *kode)) kode.reset();
    Facility fac;
    fac.nama = f.Required(c_nama).value_or("");
    auto type = f.Choice(c_jenis, true, ParseFacilityType, FacilityTypeChoices());
    if (type) fac.type = *type;
    fac.rawat_inap = f.Choice(c_ri, false, ParseYesNo, "ya, tidak");
    fac.area = f.Choice(c_area, false, ParseArea, AreaChoices());
    if (auto st = f.Choice(c_status, false, ParseStatus, StatusChoices())) fac.status = *st;
    fac.bpjs = f.Choice(c_bpjs, false, ParseYesNo, "ya, tidak");
    fac.akreditasi = std::string(f.Text(c_akr));
    fac.alamat = std::string(f.Text(c_alamat));
    fac.kode_kecamatan_bps = std::string(f.Text(c_kec_bps));
    fac.kode_kabupaten_bps = std::string(f.Text(c_kab_bps));
    fac.kode_kecamatan = std::string(f.Text(c_kec));
    fac.kode_desa = std::string(f.Text(c_desa));
    for (int col : {c_kec, c_desa}) {
      const std::string_view code = f.Text(col);
      if (code.empty()) continue;
      const auto level = LevelOfCode(code);
      const auto want = col == c_kec ? RegionLevel::kKecamatan : RegionLevel::kDesa;
      if (level != want) {
        f.Error(col, Msg::kBadCode,
                {std::string(f.Name(col)), std::string(code), std::string(LevelKey(want))});
      } else if (check_regions && !ctx.regions.contains(std::string(code))) {
        f.Error(col, Msg::kUnknownRegion, {std::string(f.Name(col)), std::string(code)});
      }
    }
    if (fac.kode_kecamatan.empty() && !fac.kode_desa.empty()) {
      fac.kode_kecamatan = ParentCode(fac.kode_desa);
    }
    if (fac.kode_kecamatan.empty() && !fac.kode_kecamatan_bps.empty()) {
      auto it = ctx.kecamatan_by_bps.find(fac.kode_kecamatan_bps);
      if (it != ctx.kecamatan_by_bps.end()) fac.kode_kecamatan = it->second;
    }
    if (auto ll = ReadLonLat(f, row, c_lat, c_lon)) {
      fac.lon = ll->lon;
      fac.lat = ll->lat;
    } else if (c_lat == 0 ? !row.point_lat : f.Text(c_lat).empty()) {
      if (kode) f.Warning(c_lat, Msg::kWarnNoCoordinates, {*kode, fac.nama}, *kode);
    }
    for (const auto& [col, cadre] : count_cols) {
      auto n = f.Count(col, false);
      if (kode && n && *n > 0) {
        batch.counts.push_back({*kode, cadre, Employment::kTidakDiketahui, *n});
      }
    }
    if (!kode) return;
    fac.kode = *kode;
    fac.source_file = in.path();
    fac.source_line = f.line();
    batch.facilities.push_back(std::move(fac));
  });
  return batch;
}

std::vector<FacilityAssumption> ReadAssumptions(TableReader& in, const ImportContext& ctx,
                                                Diagnostics& diags, const Progress& progress) {
  ColumnMap cols(in, diags);
  const int c_kode = cols.Required({"kode_faskes", "kode"});
  const int c_ri = cols.Optional({"rawat_inap"});
  const int c_area = cols.Optional({"kategori_wilayah"});
  const int c_basis = cols.Required({"dasar_asumsi", "dasar"});
  std::vector<FacilityAssumption> out;
  if (diags.has_errors()) return out;
  std::unordered_map<std::string, int64_t> seen;
  ForEachRow(in, diags, progress, [&](RowFields& f, const TableRow&) {
    auto kode = f.Required(c_kode);
    if (kode && !ctx.facility_codes.contains(*kode)) {
      f.Error(c_kode, Msg::kUnknownFacility, {std::string(f.Name(c_kode)), *kode});
      kode.reset();
    }
    if (kode && !f.Unique(seen, *kode, c_kode, *kode)) kode.reset();
    FacilityAssumption a;
    a.rawat_inap = f.Choice(c_ri, false, ParseYesNo, "ya, tidak");
    a.area = f.Choice(c_area, false, ParseArea, AreaChoices());
    auto basis = f.Required(c_basis);
    if (!kode || !basis) return;
    a.kode_faskes = *kode;
    a.basis = *basis;
    out.push_back(std::move(a));
  });
  return out;
}

}  // namespace jangkau::ingest
