#include <gtest/gtest.h>
#include <xlsxwriter.h>

#include <cstdint>
#include <string>

#include "ingest/table_reader.h"
#include "test_util.h"

namespace jangkau::ingest {
namespace {

using testing::TempDir;

// A zip archive of one stored member `name` holding `data`, whose central directory declares
// `declared` bytes for it (what a zip bomb's directory says, without the bytes).
std::string ZipDeclaring(const std::string& name, const std::string& data, uint32_t declared) {
  auto le = [](std::string& out, uint32_t v, int bytes) {
    for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
  };
  const auto n = static_cast<uint32_t>(name.size());
  const auto size = static_cast<uint32_t>(data.size());
  std::string zip = "PK\x03\x04";
  le(zip, 20, 2), le(zip, 0, 2), le(zip, 0, 2), le(zip, 0, 4), le(zip, 0, 4);  // CRC left 0
  le(zip, size, 4), le(zip, size, 4), le(zip, n, 2), le(zip, 0, 2);
  zip += name + data;
  const auto central = static_cast<uint32_t>(zip.size());
  zip += "PK\x01\x02";
  le(zip, 20, 2), le(zip, 20, 2), le(zip, 0, 2), le(zip, 0, 2), le(zip, 0, 4), le(zip, 0, 4);
  le(zip, size, 4), le(zip, declared, 4), le(zip, n, 2), le(zip, 0, 2), le(zip, 0, 2);
  le(zip, 0, 2), le(zip, 0, 2), le(zip, 0, 4), le(zip, 0, 4);
  zip += name;
  const auto central_size = static_cast<uint32_t>(zip.size()) - central;
  zip += "PK\x05\x06";
  le(zip, 0, 2), le(zip, 0, 2), le(zip, 1, 2), le(zip, 1, 2), le(zip, central_size, 4);
  le(zip, central, 4), le(zip, 0, 2);
  return zip;
}

// GDAL opens a workbook by its content whatever the file is called: the declared sizes are
// checked for every name (a .csv, .geojson or .dat went unchecked; seen while writing the fuzz
// harnesses, tests/fuzz/regressions).
TEST(TableReader, ZipDeclaringMoreThanTheLimitIsRefusedWhateverItsName) {
  TempDir dir;
  const std::string zip = ZipDeclaring("xl/worksheets/sheet1.xml", "<worksheet/>", 3u << 30);
  for (const char* name : {"t.xlsx", "t.ods", "t.csv", "t.geojson", "t.dat"}) {
    auto reader = TableReader::Open(dir.Write(name, zip));
    ASSERT_FALSE(reader) << name;
    EXPECT_EQ(reader.error().msg, Msg::kFileTooLarge) << name;
    EXPECT_EQ(reader.error().args.at(1), "3072") << name;
  }
}

TEST(CsvRecordLines, CountsPhysicalLinesLikeAnEditor) {
  EXPECT_EQ(CsvRecordLines("a,b\n1,2\n3,4\n"), (std::vector<int64_t>{1, 2, 3}));
  // Blank lines are skipped (as GDAL does) but still counted.
  EXPECT_EQ(CsvRecordLines("a,b\n\n1,2\n\n\n3,4"), (std::vector<int64_t>{1, 3, 6}));
  // A quoted cell spanning lines pushes later records down.
  EXPECT_EQ(CsvRecordLines("a,b\n1,\"x\ny\"\n3,4\n"), (std::vector<int64_t>{1, 2, 4}));
  // Windows line ends.
  EXPECT_EQ(CsvRecordLines("a,b\r\n1,2\r\n\r\n3,4\r\n"), (std::vector<int64_t>{1, 2, 4}));
  // Escaped quotes do not open a cell.
  EXPECT_EQ(CsvRecordLines("a\n\"say \"\"hi\"\"\"\nb\n"), (std::vector<int64_t>{1, 2, 3}));
}

TEST(TableReader, CsvRowsCarryTheirEditorLine) {
  TempDir dir;
  const auto path = dir.Write("t.csv", "Kode Faskes,Nama\nP1,\"Jl. A,\nKm 3\"\n\nP2,  Dua  \n");
  auto reader = TableReader::Open(path);
  ASSERT_TRUE(reader.has_value());
  TableReader& in = **reader;
  EXPECT_EQ(in.columns(), (std::vector<std::string>{"kode_faskes", "nama"}));
  EXPECT_EQ(in.Column("nama"), 2);
  EXPECT_EQ(in.Column("lat"), 0);
  EXPECT_EQ(in.RowCountHint(), 2);
  TableRow row;
  ASSERT_TRUE(in.Next(row));
  EXPECT_EQ(row.line, 2);
  EXPECT_EQ(row.cells[1], "Jl. A,\nKm 3");
  ASSERT_TRUE(in.Next(row));
  EXPECT_EQ(row.line, 5);
  EXPECT_EQ(row.cells[1], "Dua");
  EXPECT_FALSE(in.Next(row));
}

TEST(TableReader, SemicolonSeparatedCsvWithBom) {
  TempDir dir;
  const auto path = dir.Write("t.csv", "\xEF\xBB\xBFkode;jumlah\nA;1\n");
  auto reader = TableReader::Open(path);
  ASSERT_TRUE(reader.has_value());
  EXPECT_EQ((*reader)->columns(), (std::vector<std::string>{"kode", "jumlah"}));
}

TEST(TableReader, MissingFileIsAnErrorNamingTheFile) {
  auto reader = TableReader::Open("/nonexistent/berkas.csv");
  ASSERT_FALSE(reader.has_value());
  EXPECT_EQ(reader.error().msg, Msg::kFileOpen);
  EXPECT_EQ(reader.error().args.at(0), "/nonexistent/berkas.csv");
}

TEST(TableReader, XlsxRowsAreSheetRowsAndTypedCellsBecomeText) {
  TempDir dir;
  const std::string path = dir.File("t.xlsx");
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, "Tenaga");
  lxw_format* date_fmt = workbook_add_format(wb);
  format_set_num_format(date_fmt, "dd/mm/yyyy");
  worksheet_write_string(ws, 0, 0, "Kode Faskes", nullptr);
  worksheet_write_string(ws, 0, 1, "Tanggal Lahir", nullptr);
  worksheet_write_string(ws, 0, 2, "Jumlah", nullptr);
  worksheet_write_string(ws, 1, 0, "P1", nullptr);
  lxw_datetime born = {1985, 8, 17, 0, 0, 0};
  worksheet_write_datetime(ws, 1, 1, &born, date_fmt);
  worksheet_write_number(ws, 1, 2, 12, nullptr);
  // Row 3 (index 2) left empty; row 4 has data.
  worksheet_write_string(ws, 3, 0, "P2", nullptr);
  lxw_datetime born2 = {1990, 1, 2, 0, 0, 0};
  worksheet_write_datetime(ws, 3, 1, &born2, date_fmt);
  worksheet_write_number(ws, 3, 2, 2.5, nullptr);
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);

  auto reader = TableReader::Open(path);
  ASSERT_TRUE(reader.has_value()) << reader.error().args.at(1);
  TableReader& in = **reader;
  EXPECT_EQ(in.columns(), (std::vector<std::string>{"kode_faskes", "tanggal_lahir", "jumlah"}));
  TableRow row;
  std::vector<std::pair<int64_t, std::string>> seen;
  while (in.Next(row)) {
    if (row.cells[0].empty()) continue;  // a blank sheet row
    seen.emplace_back(row.line, row.cells[0] + "|" + row.cells[1] + "|" + row.cells[2]);
  }
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0], (std::pair<int64_t, std::string>{2, "P1|1985-08-17|12"}));
  EXPECT_EQ(seen[1], (std::pair<int64_t, std::string>{4, "P2|1990-01-02|2.5"}));
}

TEST(TableReader, GeoJsonPointsGiveLonLat) {
  TempDir dir;
  const auto path = dir.Write(
      "f.geojson",
      R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"kode":"A"},)"
      R"("geometry":{"type":"Point","coordinates":[104.5,-3.2]}}]})");
  auto reader = TableReader::Open(path);
  ASSERT_TRUE(reader.has_value());
  TableRow row;
  ASSERT_TRUE((*reader)->Next(row));
  EXPECT_EQ(row.line, 2);
  ASSERT_TRUE(row.point_lon.has_value());
  EXPECT_DOUBLE_EQ(*row.point_lon, 104.5);
  EXPECT_DOUBLE_EQ(*row.point_lat, -3.2);
  EXPECT_FALSE(row.geometry_wkb.empty());
}

}  // namespace
}  // namespace jangkau::ingest
