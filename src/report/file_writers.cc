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
    if (std::holds_alternative<std::string>(row[c]) || std::holds_alternative<bool>(row[c])) {
      return ColumnType::kString;
    }
    if (std::holds_alternative<double>(row[c])) type = ColumnType::kReal;
  }
  return any ? type : ColumnType::kString;
}

}  // namespace

std::expected<void, Error> WriteXlsxFile(const Table& t, const std::string& path) {
  // The data sheet holds the table alone, so the file imports back; a note gets its own sheet.
  Table data = t;
  data.note.clear();
  std::vector<Sheet> sheets = {Sheet{t.name, "", {data}}};
  if (!t.note.empty()) sheets.push_back(Sheet{"Catatan", "", {Table{"", {"catatan"}, {{t.note}}}}});
  return WriteWorkbook(sheets, path);
}

std::expected<void, Error> WriteWorkbook(const std::vector<Sheet>& sheets,
                                         const std::string& path) {
  const std::string tmp = TempPath(path);
  lxw_workbook* wb = workbook_new(tmp.c_str());
  if (wb == nullptr) return std::unexpected(Error{Msg::kWrite, {path, "workbook_new"}});
  lxw_format* title = workbook_add_format(wb);
  format_set_bold(title);
  format_set_font_size(title, 13);
  lxw_format* header = workbook_add_format(wb);
  format_set_bold(header);
  format_set_bg_color(header, 0xDDEBF7);
  format_set_border(header, LXW_BORDER_THIN);
  format_set_text_wrap(header);
  format_set_align(header, LXW_ALIGN_VERTICAL_TOP);
  lxw_format* integer = workbook_add_format(wb);
  format_set_num_format(integer, "#,##0");
  lxw_format* real = workbook_add_format(wb);
  format_set_num_format(real, "#,##0.00");
  lxw_format* money = workbook_add_format(wb);
  format_set_num_format(money, "\"Rp\" #,##0");
  lxw_format* one_decimal = workbook_add_format(wb);
  format_set_num_format(one_decimal, "#,##0.0");
  lxw_format* three_decimals = workbook_add_format(wb);
  format_set_num_format(three_decimals, "0.000");
  lxw_format* degrees = workbook_add_format(wb);
  format_set_num_format(degrees, "0.000000");
  // A number's format by its column's unit (workbooks for people; others show two decimals).
  auto format_of = [&](Unit unit, bool whole_number) -> lxw_format* {
    switch (unit) {
      case Unit::kRupiah:
        return money;
      case Unit::kMinutes:
      case Unit::kPeople:
        return integer;
      case Unit::kKm:
      case Unit::kPercent:
        return one_decimal;
      case Unit::kIndex:
        return three_decimals;
      case Unit::kDegrees:
        return degrees;
      case Unit::kNone:
        break;
    }
    return whole_number ? integer : real;
  };
  lxw_format* total_label = workbook_add_format(wb);
  format_set_bold(total_label);
  format_set_top(total_label, LXW_BORDER_THIN);
  lxw_format* total_number = workbook_add_format(wb);
  format_set_bold(total_number);
  format_set_top(total_number, LXW_BORDER_THIN);
  format_set_num_format(total_number, "#,##0.##");
  lxw_format* total_money = workbook_add_format(wb);
  format_set_bold(total_money);
  format_set_top(total_money, LXW_BORDER_THIN);
  format_set_num_format(total_money, "\"Rp\" #,##0");

  for (const Sheet& sheet : sheets) {
    const std::string name = sheet.name.substr(0, 31);
    lxw_worksheet* ws = workbook_add_worksheet(wb, name.empty() ? nullptr : name.c_str());
    std::vector<std::size_t> width;
    lxw_row_t row = 0;
    if (!sheet.title.empty()) {
      worksheet_write_string(ws, row, 0, sheet.title.c_str(), title);
      row += 2;
    }
    bool frozen = false;
    for (const Table& t : sheet.blocks) {
      if (width.size() < t.columns.size()) width.resize(t.columns.size(), 8);
      auto is = [](const std::vector<std::string>& names, const std::string& c) {
        return std::find(names.begin(), names.end(), c) != names.end();
      };
      for (std::size_t c = 0; c < t.columns.size(); ++c) {
        std::string label = t.columns[c];
        if (sheet.human_headers) {
          std::replace(label.begin(), label.end(), '_', ' ');
          if (!label.empty() && label[0] >= 'a' && label[0] <= 'z')
            label[0] = static_cast<char>(label[0] - 32);
        }
        worksheet_write_string(ws, row, static_cast<lxw_col_t>(c), label.c_str(), header);
        width[c] = std::max(width[c], std::min<std::size_t>(label.size(), 24));
      }
      if (!frozen) {
        worksheet_freeze_panes(ws, row + 1, 0);
        frozen = true;
      }
      const lxw_row_t first = row + 1;
      std::vector<Unit> units(t.columns.size(), Unit::kNone);
      for (std::size_t c = 0; c < t.columns.size(); ++c) {
        // Rupiah are always shown as such; the other units round only for people.
        const Unit u = ColumnUnit(t.columns[c]);
        if (sheet.human_headers || u == Unit::kRupiah) units[c] = u;
      }
      std::vector<double> sums(t.columns.size(), 0);
      for (const auto& cells : t.rows) {
        ++row;
        for (std::size_t c = 0; c < cells.size() && c < t.columns.size(); ++c) {
          const auto col = static_cast<lxw_col_t>(c);
          const Cell& cell = cells[c];
          const bool is_money = units[c] == Unit::kRupiah;
          if (const auto* s = std::get_if<std::string>(&cell)) {
            worksheet_write_string(ws, row, col, s->c_str(), nullptr);
            width[c] = std::max(width[c], std::min<std::size_t>(s->size(), 60));
          } else if (const auto* i = std::get_if<int64_t>(&cell)) {
            worksheet_write_number(ws, row, col, static_cast<double>(*i),
                                   is_money ? money : integer);
            sums[c] += static_cast<double>(*i);
            width[c] = std::max(width[c], CellText(cell).size() + (is_money ? 6 : 2));
          } else if (const auto* d = std::get_if<double>(&cell)) {
            const double shown = sheet.human_headers ? RoundForPeople(*d, units[c]) : *d;
            worksheet_write_number(ws, row, col, shown, format_of(units[c], false));
            sums[c] += shown;
            width[c] = std::max<std::size_t>(width[c], is_money ? 18 : 10);
          } else if (std::holds_alternative<bool>(cell)) {
            worksheet_write_string(ws, row, col, CellText(cell).c_str(), nullptr);
            width[c] = std::max<std::size_t>(width[c], 6);
          }
        }
      }
      if (!t.total_columns.empty() && !t.rows.empty()) {
        ++row;
        worksheet_write_string(ws, row, 0, "Jumlah / Total", total_label);
        for (std::size_t c = 1; c < t.columns.size(); ++c) {
          if (!is(t.total_columns, t.columns[c])) continue;
          const double sum = sums[c];  // of the figures as shown
          // A formula keeps the total right when someone edits a cell; the cached value is ours.
          char range[64];
          lxw_rowcol_to_range(range, first, static_cast<lxw_col_t>(c), row - 1,
                              static_cast<lxw_col_t>(c));
          const std::string formula = std::string("=SUM(") + range + ")";
          worksheet_write_formula_num(ws, row, static_cast<lxw_col_t>(c), formula.c_str(),
                                      units[c] == Unit::kRupiah ? total_money : total_number, sum);
        }
      }
      if (!t.note.empty()) {
        row += 2;
        worksheet_write_string(ws, row, 0, t.note.c_str(), nullptr);
      }
      row += 3;
    }
    for (std::size_t c = 0; c < width.size(); ++c) {
      worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                           static_cast<double>(width[c]) + 2, nullptr);
    }
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
      } else if (std::holds_alternative<bool>(cell)) {
        OGR_F_SetFieldString(f, idx, CellText(cell).c_str());
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
