// XLSX (libxlsxwriter) and GeoJSON/GeoPackage (GDAL/OGR) writers of a Table.
#include <algorithm>
#include <filesystem>

#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>
#include <xlsxwriter.h>

#include "report/table.h"

namespace jangkau::report {
namespace {

std::string TempPath(const std::string& path) {
  const std::filesystem::path p(path);
  return (p.parent_path() / (".tmp-" + p.filename().string())).string();
}

std::expected<void, Error> MoveIntoPlace(const std::string& tmp, const std::string& path) {
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::filesystem::remove(tmp, ec);
    return std::unexpected(Error{Msg::kWrite, {path, ec.message()}});
  }
  return {};
}

enum class ColumnType { kInteger, kReal, kString };

ColumnType TypeOf(const Table& t, std::size_t c) {
  ColumnType type = ColumnType::kInteger;
  bool any = false;
  for (const auto& row : t.rows) {
    if (c >= row.size() || std::holds_alternative<std::monostate>(row[c])) continue;
    any = true;
    if (std::holds_alternative<std::string>(row[c])) return ColumnType::kString;
    if (std::holds_alternative<double>(row[c])) type = ColumnType::kReal;
  }
  return any ? type : ColumnType::kString;
}

}  // namespace

std::expected<void, Error> WriteXlsxFile(const Table& t, const std::string& path) {
  const std::string tmp = TempPath(path);
  lxw_workbook* wb = workbook_new(tmp.c_str());
  if (wb == nullptr) return std::unexpected(Error{Msg::kWrite, {path, "workbook_new"}});
  std::string sheet_name = t.name.substr(0, 31);
  lxw_worksheet* ws = workbook_add_worksheet(wb, sheet_name.empty() ? nullptr : sheet_name.c_str());
  lxw_format* header = workbook_add_format(wb);
  format_set_bold(header);
  format_set_bg_color(header, 0xDDEBF7);
  format_set_border(header, LXW_BORDER_THIN);
  format_set_text_wrap(header);
  lxw_format* integer = workbook_add_format(wb);
  format_set_num_format(integer, "#,##0");
  lxw_format* real = workbook_add_format(wb);
  format_set_num_format(real, "#,##0.00####");

  std::vector<std::size_t> width(t.columns.size(), 8);
  for (std::size_t c = 0; c < t.columns.size(); ++c) {
    worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), t.columns[c].c_str(), header);
    width[c] = std::max(width[c], t.columns[c].size());
  }
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const auto row_index = static_cast<lxw_row_t>(r + 1);
    for (std::size_t c = 0; c < t.rows[r].size(); ++c) {
      const auto col = static_cast<lxw_col_t>(c);
      const Cell& cell = t.rows[r][c];
      if (const auto* s = std::get_if<std::string>(&cell)) {
        worksheet_write_string(ws, row_index, col, s->c_str(), nullptr);
        width[c] = std::max(width[c], std::min<std::size_t>(s->size(), 60));
      } else if (const auto* i = std::get_if<int64_t>(&cell)) {
        worksheet_write_number(ws, row_index, col, static_cast<double>(*i), integer);
        width[c] = std::max(width[c], CellText(cell).size() + 2);
      } else if (const auto* d = std::get_if<double>(&cell)) {
        worksheet_write_number(ws, row_index, col, *d, real);
        width[c] = std::max<std::size_t>(width[c], 12);
      }
    }
  }
  for (std::size_t c = 0; c < width.size(); ++c) {
    worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                         static_cast<double>(width[c]) + 2, nullptr);
  }
  worksheet_freeze_panes(ws, 1, 0);
  if (!t.columns.empty()) {
    worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(t.rows.size()),
                         static_cast<lxw_col_t>(t.columns.size() - 1));
  }
  if (!t.note.empty()) {
    lxw_worksheet* notes = workbook_add_worksheet(wb, "Catatan");
    worksheet_set_column(notes, 0, 0, 120, nullptr);
    worksheet_write_string(notes, 0, 0, t.note.c_str(), nullptr);
  }
  const lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR) {
    std::error_code ec;
    std::filesystem::remove(tmp, ec);
    return std::unexpected(Error{Msg::kWrite, {path, lxw_strerror(err)}});
  }
  return MoveIntoPlace(tmp, path);
}

std::expected<void, Error> WriteVectorFile(const Table& t, const std::string& path,
                                           const std::string& driver_name) {
  GDALAllRegister();
  GDALDriverH driver = GDALGetDriverByName(driver_name.c_str());
  if (driver == nullptr) return std::unexpected(Error{Msg::kWrite, {path, driver_name}});
  const std::string ext = driver_name == "GPKG" ? ".gpkg" : ".geojson";
  const std::string tmp = TempPath(path) + ext;
  std::error_code ec;
  std::filesystem::remove(tmp, ec);
  GDALDatasetH ds = GDALCreate(driver, tmp.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
  if (ds == nullptr) return std::unexpected(Error{Msg::kWrite, {path, CPLGetLastErrorMsg()}});

  OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
  OSRImportFromEPSG(srs, 4326);
  OSRSetAxisMappingStrategy(srs, OAMS_TRADITIONAL_GIS_ORDER);
  const bool has_geometry = !t.geometry_wkb.empty();
  OGRLayerH layer = GDALDatasetCreateLayer(ds, t.name.c_str(), has_geometry ? srs : nullptr,
                                           has_geometry ? wkbUnknown : wkbNone, nullptr);
  OSRDestroySpatialReference(srs);
  bool ok = layer != nullptr;
  std::vector<ColumnType> types;
  for (std::size_t c = 0; ok && c < t.columns.size(); ++c) {
    types.push_back(TypeOf(t, c));
    const OGRFieldType ft = types[c] == ColumnType::kInteger ? OFTInteger64
                            : types[c] == ColumnType::kReal  ? OFTReal
                                                             : OFTString;
    OGRFieldDefnH fd = OGR_Fld_Create(t.columns[c].c_str(), ft);
    ok = OGR_L_CreateField(layer, fd, TRUE) == OGRERR_NONE;
    OGR_Fld_Destroy(fd);
  }
  const bool transactional = driver_name == "GPKG";
  if (ok && transactional) GDALDatasetStartTransaction(ds, FALSE);
  for (std::size_t r = 0; ok && r < t.rows.size(); ++r) {
    OGRFeatureH f = OGR_F_Create(OGR_L_GetLayerDefn(layer));
    for (std::size_t c = 0; c < t.rows[r].size() && c < t.columns.size(); ++c) {
      const Cell& cell = t.rows[r][c];
      const int idx = static_cast<int>(c);
      if (const auto* s = std::get_if<std::string>(&cell)) {
        OGR_F_SetFieldString(f, idx, s->c_str());
      } else if (const auto* i = std::get_if<int64_t>(&cell)) {
        if (types[c] == ColumnType::kString) {
          OGR_F_SetFieldString(f, idx, std::to_string(*i).c_str());
        } else {
          OGR_F_SetFieldInteger64(f, idx, *i);
        }
      } else if (const auto* d = std::get_if<double>(&cell)) {
        if (types[c] == ColumnType::kString) {
          OGR_F_SetFieldString(f, idx, CellText(cell).c_str());
        } else {
          OGR_F_SetFieldDouble(f, idx, *d);
        }
      } else {
        OGR_F_SetFieldNull(f, idx);
      }
    }
    if (has_geometry && r < t.geometry_wkb.size() && !t.geometry_wkb[r].empty()) {
      OGRGeometryH g = nullptr;
      const std::string& wkb = t.geometry_wkb[r];
      if (OGR_G_CreateFromWkb(reinterpret_cast<const unsigned char*>(wkb.data()), nullptr, &g,
                              static_cast<int>(wkb.size())) == OGRERR_NONE) {
        OGR_F_SetGeometryDirectly(f, g);
      }
    }
    ok = OGR_L_CreateFeature(layer, f) == OGRERR_NONE;
    OGR_F_Destroy(f);
  }
  if (ok && transactional) ok = GDALDatasetCommitTransaction(ds) == OGRERR_NONE;
  const std::string gdal_msg = CPLGetLastErrorMsg();
  GDALClose(ds);
  if (!ok) {
    std::filesystem::remove(tmp, ec);
    return std::unexpected(Error{Msg::kWrite, {path, gdal_msg}});
  }
  return MoveIntoPlace(tmp, path);
}

}  // namespace jangkau::report
