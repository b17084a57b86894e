// Importers of the registry: regions, population, facilities (the Jangkau template and the
// BPPSDMK format with headcounts) and facility assumptions.
#include <algorithm>
#include <cctype>

#include <fmt/format.h>
#include <ogr_api.h>

#include "ingest/gdal_messages.h"
#include "ingest/importers.h"
#include "ingest/row_loop.h"

namespace jangkau::ingest {
namespace {

std::string FormatCoord(double v) { return fmt::format("{}", v); }

// Centroid of a WKB polygon, or nothing when the bytes are not a polygon.
// A region's boundary checked for validity (OGC simple features, GEOS through GDAL): a
// self-intersecting ring, a hole outside its shell and the like are refused, or repaired with
// OGR_G_MakeValid when the user asked (the polygonal part is kept, the area change reported).
struct RegionPolygon {
  bool ok = false;
  bool invalid = false;  // not a valid polygon (self-intersection, ...); `problem` says where
  std::string problem;   // when !ok
  std::string wkb;       // the boundary to store (repaired when `repaired`)
  double lon = 0;        // its centroid
  double lat = 0;
  bool repaired = false;
  double area_change_percent = 0;
};

RegionPolygon CheckRegionPolygon(const std::string& wkb, bool make_valid) {
  GdalMessages gdal;
  RegionPolygon out;
  OGRGeometryH geom = nullptr;
  if (OGR_G_CreateFromWkb(reinterpret_cast<const unsigned char*>(wkb.data()), nullptr, &geom,
                          static_cast<int>(wkb.size())) != OGRERR_NONE) {
    out.problem = "WKB";
    return out;
  }
  const auto type = wkbFlatten(OGR_G_GetGeometryType(geom));
  if (type != wkbPolygon && type != wkbMultiPolygon) {
    out.problem = OGRGeometryTypeToName(type);
    OGR_G_DestroyGeometry(geom);
    return out;
  }
  if (!OGR_G_IsValid(geom)) {
    if (!make_valid) {
      out.invalid = true;
      out.problem = gdal.text().empty() ? "GEOS" : "GEOS: " + gdal.text();
      OGR_G_DestroyGeometry(geom);
      return out;
    }
    const double before = OGR_G_Area(geom);
    OGRGeometryH fixed = OGR_G_MakeValid(geom);
    // MakeValid may return a collection with lines or points where the ring touched itself:
    // only the polygons are a boundary.
    OGRGeometryH polygons = nullptr;
    if (fixed != nullptr) {
      const auto fixed_type = wkbFlatten(OGR_G_GetGeometryType(fixed));
      if (fixed_type == wkbPolygon || fixed_type == wkbMultiPolygon) {
        polygons = fixed;
        fixed = nullptr;
      } else if (fixed_type == wkbGeometryCollection) {
        polygons = OGR_G_CreateGeometry(wkbMultiPolygon);
        for (int i = 0; i < OGR_G_GetGeometryCount(fixed); ++i) {
          OGRGeometryH part = OGR_G_GetGeometryRef(fixed, i);
          const auto part_type = wkbFlatten(OGR_G_GetGeometryType(part));
          if (part_type == wkbPolygon) {
            OGR_G_AddGeometry(polygons, part);
          } else if (part_type == wkbMultiPolygon) {
            for (int j = 0; j < OGR_G_GetGeometryCount(part); ++j) {
              OGR_G_AddGeometry(polygons, OGR_G_GetGeometryRef(part, j));
            }
          }
        }
      }
      if (fixed != nullptr) OGR_G_DestroyGeometry(fixed);
    }
    OGR_G_DestroyGeometry(geom);
    if (polygons == nullptr || OGR_G_IsEmpty(polygons) || !OGR_G_IsValid(polygons)) {
      if (polygons != nullptr) OGR_G_DestroyGeometry(polygons);
      out.invalid = true;
      out.problem = "MakeValid";
      return out;
    }
    geom = polygons;
    out.repaired = true;
    out.area_change_percent = before > 0 ? (OGR_G_Area(geom) - before) / before * 100 : 0;
    out.wkb.resize(static_cast<std::size_t>(OGR_G_WkbSize(geom)));
    OGR_G_ExportToWkb(geom, wkbNDR, reinterpret_cast<unsigned char*>(out.wkb.data()));
  } else {
    out.wkb = wkb;
  }
  OGRGeometryH c = OGR_G_CreateGeometry(wkbPoint);
  if (OGR_G_Centroid(geom, c) == OGRERR_NONE) {
    out.lon = OGR_G_GetX(c, 0);
    out.lat = OGR_G_GetY(c, 0);
    out.ok = true;
  } else {
    out.problem = "centroid";
  }
  OGR_G_DestroyGeometry(c);
  OGR_G_DestroyGeometry(geom);
  return out;
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
    // A BPS code is 2, 4, 7 or 10 digits by level (16, 1602, 1602031, 1602031001): "NaN" or
    // "1e+308" from a spreadsheet is refused, never stored.
    if (!r.kode_bps.empty()) {
      const std::size_t digits = *level == RegionLevel::kProvinsi    ? 2
                                 : *level == RegionLevel::kKabupaten ? 4
                                 : *level == RegionLevel::kKecamatan ? 7
                                                                     : 10;
      if (r.kode_bps.size() != digits || !std::ranges::all_of(r.kode_bps, [](unsigned char ch) {
            return std::isdigit(ch) != 0;
          })) {
        f.Error(c_bps, Msg::kBadCode,
                {std::string(f.Name(c_bps)), r.kode_bps,
                 "BPS, " + std::to_string(digits) + " angka / digits, mis. 1602031001"});
        return;
      }
    }
    if (!row.geometry_wkb.empty()) {
      RegionPolygon polygon = CheckRegionPolygon(row.geometry_wkb, ctx.make_valid);
      if (polygon.ok) {
        r.geometry_wkb = std::move(polygon.wkb);
        r.centroid_lon = polygon.lon;
        r.centroid_lat = polygon.lat;
        if (polygon.repaired) {
          f.Warning(0, Msg::kWarnGeometryRepaired,
                    {*kode, r.nama, fmt::format("{:+.3g}", polygon.area_change_percent)}, *kode);
        }
      } else if (polygon.invalid) {
        f.Error(0, Msg::kInvalidPolygon, {*kode, polygon.problem});
      } else {
        f.Error(0, Msg::kBadGeometry, {*kode + ": " + polygon.problem});
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
  batch.fields = {.kode_desa = c_desa != 0,
                  .kode_kecamatan = c_kec != 0 || c_desa != 0 || c_kec_bps != 0,
                  .kode_kecamatan_bps = c_kec_bps != 0,
                  .kode_kabupaten_bps = c_kab_bps != 0,
                  .alamat = c_alamat != 0,
                  .coordinates = c_lat != 0 || c_lon != 0 || in.HasGeometry(),
                  .status = c_status != 0};
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
