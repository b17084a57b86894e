#include <sstream>

#include <gdal.h>
#include <gtest/gtest.h>
#include <ogr_api.h>
#include <nlohmann/json.hpp>

#include "report/raster_writer.h"
#include "report/table.h"
#include "report/workspace_tables.h"
#include "test_util.h"

namespace jangkau::report {
namespace {

using testing::TempDir;

Table Sample() {
  Table t{"contoh", {"kode", "nama", "jumlah", "rasio"}};
  t.rows.push_back({std::string("P1"), std::string("Jl. A, \"Km\" 3"), int64_t{12}, 0.5});
  t.rows.push_back({std::string("P2"), Cell{}, int64_t{3}, Cell{}});
  t.geometry_wkb = {PointWkb(104.9, -3.9), ""};
  return t;
}

TEST(Table, CsvQuotesOnlyWhereNeeded) {
  std::ostringstream out;
  WriteCsv(Sample(), out);
  EXPECT_EQ(out.str(), "kode,nama,jumlah,rasio\nP1,\"Jl. A, \"\"Km\"\" 3\",12,0.5\nP2,,3,\n");
}

TEST(Table, JsonKeepsTypes) {
  const auto j = ToJson(Sample());
  EXPECT_EQ(j[0]["jumlah"], 12);
  EXPECT_EQ(j[0]["rasio"], 0.5);
  EXPECT_TRUE(j[1]["nama"].is_null());
}

TEST(Table, AYesNoCellIsABooleanInJsonAndYaTidakInText) {
  const Table t{"t", {"kode", "asumsi"}, {{std::string("A"), true}, {std::string("B"), false}}};
  const auto j = ToJson(t);
  EXPECT_EQ(j[0]["asumsi"], true);
  EXPECT_EQ(j[1]["asumsi"], false);
  std::ostringstream csv;
  WriteCsv(t, csv);
  EXPECT_EQ(csv.str(), "kode,asumsi\nA,ya\nB,tidak\n");
  // A string literal is text, never a bool (C++20's variant rules).
  const Cell text = std::string("ya");
  EXPECT_TRUE(std::holds_alternative<std::string>(text));
}

TEST(Table, AColumnNameSaysItsUnitAndPeopleReadItRounded) {
  EXPECT_EQ(ColumnUnit("menit_per_orang"), Unit::kMinutes);
  EXPECT_EQ(ColumnUnit("rata_menit"), Unit::kMinutes);
  EXPECT_EQ(ColumnUnit("keterpencilan_menit"), Unit::kMinutes);
  EXPECT_EQ(ColumnUnit("keterpencilan_km"), Unit::kKm);
  EXPECT_EQ(ColumnUnit("biaya_total"), Unit::kRupiah);
  EXPECT_EQ(ColumnUnit("indeks_prioritas"), Unit::kIndex);
  EXPECT_EQ(ColumnUnit("skor_banjir"), Unit::kIndex);
  EXPECT_EQ(ColumnUnit("penduduk_terdekat"), Unit::kPeople);
  EXPECT_EQ(ColumnUnit("lat"), Unit::kDegrees);
  EXPECT_EQ(ColumnUnit("kebutuhan"), Unit::kNone);
  EXPECT_EQ(ColumnUnit("menitan"), Unit::kNone);  // a word, not a prefix
  EXPECT_EQ(RoundForPeople(78.5001, Unit::kMinutes), 79);
  EXPECT_EQ(RoundForPeople(0.88420409, Unit::kIndex), 0.884);
  EXPECT_EQ(RoundForPeople(65999999.6, Unit::kRupiah), 66000000);
  EXPECT_EQ(RoundForPeople(12.345, Unit::kKm), 12.3);
  EXPECT_EQ(RoundForPeople(3.94097, Unit::kNone), 3.94097);
}

TEST(Table, TextAlignsColumns) {
  std::ostringstream out;
  WriteText(Sample(), out);
  const std::string text = out.str();
  EXPECT_NE(text.find("kode  nama"), std::string::npos);
  EXPECT_NE(text.find("----"), std::string::npos);
}

// Reads a vector file back through GDAL: feature count and the first feature's 'jumlah'.
std::pair<int64_t, int64_t> ReadBack(const std::string& path) {
  GDALAllRegister();
  GDALDatasetH ds = GDALOpenEx(path.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
  if (ds == nullptr) return {-1, -1};
  OGRLayerH layer = GDALDatasetGetLayer(ds, 0);
  const int64_t n = OGR_L_GetFeatureCount(layer, TRUE);
  OGR_L_ResetReading(layer);
  OGRFeatureH f = OGR_L_GetNextFeature(layer);
  const int idx = OGR_F_GetFieldIndex(f, "jumlah");
  const int64_t first = idx >= 0 ? OGR_F_GetFieldAsInteger64(f, idx) : -1;
  OGR_F_Destroy(f);
  GDALClose(ds);
  return {n, first};
}

TEST(FileWriters, XlsxGeoJsonAndGeoPackageReadBack) {
  TempDir dir;
  ASSERT_TRUE(WriteXlsxFile(Sample(), dir.File("t.xlsx")));
  EXPECT_EQ(ReadBack(dir.File("t.xlsx")), (std::pair<int64_t, int64_t>{2, 12}));
  ASSERT_TRUE(WriteVectorFile(Sample(), dir.File("t.geojson"), "GeoJSON"));
  EXPECT_EQ(ReadBack(dir.File("t.geojson")), (std::pair<int64_t, int64_t>{2, 12}));
  ASSERT_TRUE(WriteVectorFile(Sample(), dir.File("t.gpkg"), "GPKG"));
  EXPECT_EQ(ReadBack(dir.File("t.gpkg")), (std::pair<int64_t, int64_t>{2, 12}));
  ASSERT_TRUE(WriteCsvFile(Sample(), dir.File("t.csv")));
  EXPECT_EQ(ReadBack(dir.File("t.csv")), (std::pair<int64_t, int64_t>{2, 12}));
}

TEST(FileWriters, AFailedWriteLeavesNoFile) {
  auto r = WriteCsvFile(Sample(), "/nonexistent-dir/t.csv");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().msg, Msg::kWrite);
}

TEST(RasterWriter, EveryCellReadsBackAcrossTilesAndTheirEdges) {
  // 300 x 520 cells: two rows of three 256 x 256 tiles, the last of each cut by the edge. Each
  // cell holds a value of its own; non-finite ones are written as nodata.
  TempDir dir;
  grid::GridSpec spec;
  spec.rows = 300;
  spec.cols = 520;
  spec.origin_x = 400000;
  spec.origin_y = 9600000;
  spec.cell_w = spec.cell_h = 100;
  const auto value = [](int r, int c) {
    return r == 7 && c % 9 == 0 ? std::numeric_limits<float>::infinity()
                                : static_cast<float>(r) * 1000.0f + static_cast<float>(c) + 0.25f;
  };
  const std::string times = dir.File("t.tif");
  const std::string ids = dir.File("n.tif");
  ASSERT_TRUE(report::WriteFloatRaster(times, spec, -1.0f, [&](int r, float* out) {
    for (int c = 0; c < spec.cols; ++c) out[c] = value(r, c);
  }));
  ASSERT_TRUE(report::WriteInt32Raster(ids, spec, -1, [&](int r, int32_t* out) {
    for (int c = 0; c < spec.cols; ++c) out[c] = r * 1000 + c;
  }));
  GDALAllRegister();
  for (const std::string& path : {times, ids}) {
    GDALDatasetH ds = GDALOpen(path.c_str(), GA_ReadOnly);
    ASSERT_NE(ds, nullptr);
    ASSERT_EQ(GDALGetRasterXSize(ds), spec.cols);
    ASSERT_EQ(GDALGetRasterYSize(ds), spec.rows);
    std::vector<double> v(static_cast<std::size_t>(spec.rows) * spec.cols);
    ASSERT_EQ(GDALRasterIO(GDALGetRasterBand(ds, 1), GF_Read, 0, 0, spec.cols, spec.rows, v.data(),
                           spec.cols, spec.rows, GDT_Float64, 0, 0),
              CE_None);
    GDALClose(ds);
    int wrong = 0;
    for (int r = 0; r < spec.rows; ++r) {
      for (int c = 0; c < spec.cols; ++c) {
        const double got = v[static_cast<std::size_t>(r) * spec.cols + c];
        const float want = value(r, c);
        const double expected = path == ids           ? r * 1000.0 + c
                                : std::isfinite(want) ? static_cast<double>(want)
                                                      : -1.0;
        wrong += got != expected;
      }
    }
    EXPECT_EQ(wrong, 0) << path;
  }
}

TEST(WorkspaceTables, AssumedValuesStayInTheirOwnColumns) {
  Facility f;
  f.kode = "P1";
  f.nama = "A";
  f.rawat_inap = false;
  f.rawat_inap_assumed = true;
  f.area = AreaCategory::kPerdesaan;
  f.area_assumed = false;
  const Table t = FacilitiesTable({f}, false, Lang::kId);
  auto col = [&](const std::string& name) {
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      if (t.columns[c] == name) return CellText(t.rows[0][c]);
    }
    return std::string("?");
  };
  EXPECT_EQ(col("rawat_inap"), "");
  EXPECT_EQ(col("asumsi_rawat_inap"), "tidak");
  EXPECT_EQ(col("kategori_wilayah"), "perdesaan");
  EXPECT_EQ(col("asumsi_kategori_wilayah"), "");
  EXPECT_NE(t.note.find("ASUMSI"), std::string::npos);
}

}  // namespace
}  // namespace jangkau::report
