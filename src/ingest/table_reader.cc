#include "ingest/table_reader.h"

#include "ingest/html_table.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>

#include <iconv.h>

#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <cpl_vsi.h>
#include <fmt/format.h>
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include "base/text_util.h"
#include "ingest/gdal_messages.h"

namespace jangkau::ingest {
namespace {

// What the content of a spreadsheet may expand to (a 100,000-row roster is about 50 MiB).
constexpr uint64_t kMaxUnzippedBytes = uint64_t{128} << 20;
// An HTML table read as a spreadsheet is parsed whole in memory: at most this many bytes.
constexpr uint64_t kMaxHtmlBytes = uint64_t{128} << 20;

// Feeds text in chunks; records the physical line at which each CSV record starts.
class CsvLineScanner {
 public:
  explicit CsvLineScanner(std::vector<int64_t>& out) : out_(out) {}

  void Feed(std::string_view chunk) {
    for (char c : chunk) {
      ++column_;
      // A line end inside quotes followed by more text: a quote open across lines.
      spans_lines_ = spans_lines_ || ended_in_quotes_;
      ended_in_quotes_ = false;
      if (c == '\0' && !nul_) nul_ = {line_, column_};
      if (at_record_start_) {
        if (c == '\n') {  // blank line: GDAL skips it
          ++line_;
          column_ = 0;
          continue;
        }
        if (c == '\r') continue;
        out_.push_back(line_);
        at_record_start_ = false;
      }
      if (c == '"') {
        in_quotes_ = !in_quotes_;
        if (in_quotes_) quote_ = {line_, column_};
      } else if (c == '\n') {
        // A quote left open at the end of the header swallows the file into the header.
        if (in_quotes_ && out_.size() == 1 && !header_quote_) header_quote_ = quote_;
        ended_in_quotes_ = in_quotes_;
        ++line_;
        column_ = 0;
        if (!in_quotes_) at_record_start_ = true;
      }
    }
  }
  // The first NUL byte (GDAL would end the line there, silently): line and column.
  std::optional<std::pair<int64_t, int64_t>> nul() const { return nul_; }
  // A quote never closed: one that leaves the header line open (the file would read as its
  // header), or one opened on the last line and still open at the end (the record would end
  // quietly inside it). A quote open across lines elsewhere is a line break in a cell, reported
  // with its row and column (TableRow::problem).
  std::optional<std::pair<int64_t, int64_t>> open_quote() const {
    if (header_quote_) return header_quote_;
    if (in_quotes_ && !spans_lines_) return quote_;
    return std::nullopt;
  }

 private:
  std::vector<int64_t>& out_;
  int64_t line_ = 1;
  int64_t column_ = 0;  // bytes into the line
  bool at_record_start_ = true;
  bool in_quotes_ = false;
  bool spans_lines_ = false;      // some quote stayed open across a line end, text after it
  bool ended_in_quotes_ = false;  // the last byte was a line end inside quotes
  std::pair<int64_t, int64_t> quote_{1, 1};
  std::optional<std::pair<int64_t, int64_t>> nul_;
  std::optional<std::pair<int64_t, int64_t>> header_quote_;
};

bool IsCsvPath(const std::string& path) {
  const std::string lower = ToLowerAscii(path);
  return lower.ends_with(".csv") || lower.ends_with(".tsv") || lower.ends_with(".txt") ||
         lower.ends_with(".csv.gz");
}

// `raw` in `encoding` as UTF-8 (glibc iconv), or the offset of the first byte the encoding does
// not define (Windows-1252 leaves 0x81, 0x8D, 0x8F, 0x90 and 0x9D undefined).
std::expected<std::string, std::size_t> ConvertToUtf8(const std::string& raw,
                                                      TextEncoding encoding) {
  const char* from = encoding == TextEncoding::kCp1252 ? "CP1252" : "ISO-8859-1";
  iconv_t cd = iconv_open("UTF-8", from);
  // iconv_open signals failure with (iconv_t)-1 and errno.
  if (cd == reinterpret_cast<iconv_t>(-1)) {  // NOLINT(performance-no-int-to-ptr)
    return std::unexpected(std::size_t{0});
  }
  std::string out(raw.size() * 3 + 4, '\0');  // at most 3 UTF-8 bytes per input byte
  char* in_ptr = const_cast<char*>(raw.data());
  std::size_t in_left = raw.size();
  char* out_ptr = out.data();
  std::size_t out_left = out.size();
  const std::size_t done = iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left);
  iconv_close(cd);
  if (done == static_cast<std::size_t>(-1)) {
    return std::unexpected(static_cast<std::size_t>(in_ptr - raw.data()));
  }
  out.resize(out.size() - out_left);
  return out;
}

// Whether the file starts as a zip archive does ("PK\3\4", or "PK\5\6" when empty).
bool StartsAsZip(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::array<char, 4> magic{};
  if (!in.read(magic.data(), magic.size())) return false;
  return magic[0] == 'P' && magic[1] == 'K' &&
         ((magic[2] == 3 && magic[3] == 4) || (magic[2] == 5 && magic[3] == 6));
}

// Spreadsheets (XLSX, ODS) are zip archives: a 1 MB file can expand to gigabytes. The sizes the
// archive declares are checked before any driver reads it; a file over the limit is refused
// naming it. Also applies to a zip-based file with another extension (GDAL's XLSX driver opens
// a workbook by its content whatever it is called, even .csv): the check reads the archive's
// directory only (no inflating).
std::optional<Error> CheckZipSize(const std::string& path) {
  std::string lower = ToLowerAscii(path);
  const bool zipped = lower.ends_with(".xlsx") || lower.ends_with(".ods") ||
                      lower.ends_with(".zip") || lower.ends_with(".kmz") || StartsAsZip(path);
  if (!zipped) return std::nullopt;
  const std::string root = "/vsizip/{" + path + "}";
  CPLPushErrorHandler(CPLQuietErrorHandler);
  char** entries = VSIReadDirRecursive(root.c_str());
  CPLPopErrorHandler();
  uint64_t total = 0;
  for (int i = 0; entries != nullptr && entries[i] != nullptr; ++i) {
    VSIStatBufL st{};
    if (VSIStatL((root + "/" + entries[i]).c_str(), &st) == 0 && VSI_ISREG(st.st_mode)) {
      total += static_cast<uint64_t>(st.st_size);
    }
  }
  CSLDestroy(entries);
  if (total > kMaxUnzippedBytes) {
    return Error{Msg::kFileTooLarge,
                 {path, std::to_string(total >> 20), std::to_string(kMaxUnzippedBytes >> 20)}};
  }
  return std::nullopt;
}

std::string LastGdalError() {
  const char* msg = CPLGetLastErrorMsg();
  return (msg != nullptr && *msg != '\0') ? std::string(msg) : std::string("GDAL");
}

std::string RealToText(double v) {
  if (std::isfinite(v) && std::floor(v) == v && std::fabs(v) < 1e15) {
    return fmt::format("{}", static_cast<long long>(v));
  }
  return fmt::format("{}", v);
}

}  // namespace

std::vector<int64_t> CsvRecordLines(std::string_view text) {
  std::vector<int64_t> lines;
  CsvLineScanner scanner(lines);
  scanner.Feed(text);
  return lines;
}

struct TableReader::Impl {
  std::string owned_text;   // a CSV converted to UTF-8, read in place (outlives the dataset)
  std::string vsimem_path;  // in-memory copy to unlink, for OpenText
  GDALDatasetH dataset = nullptr;
  OGRLayerH layer = nullptr;
  OGRCoordinateTransformationH to_wgs84 = nullptr;
  std::vector<int> field_of_column;  // OGR field index per column
  std::vector<int64_t> csv_lines;    // record start lines, header first; empty if not CSV
  int64_t row_index = 0;             // rows returned so far
  int64_t last_line = 1;             // the line of the last row returned (header: 1)
  std::string read_error;            // GDAL's error that ended the reading early
  bool spreadsheet = false;

  ~Impl() {
    if (to_wgs84 != nullptr) OCTDestroyCoordinateTransformation(to_wgs84);
    if (dataset != nullptr) GDALClose(dataset);
    if (!vsimem_path.empty()) VSIUnlink(vsimem_path.c_str());
  }
};

TableReader::~TableReader() = default;

std::optional<TextEncoding> ParseTextEncoding(std::string_view name) {
  const std::string key = ToLowerAscii(std::string(name));
  if (key == "utf8" || key == "utf-8") return TextEncoding::kUtf8;
  if (key == "cp1252" || key == "windows-1252" || key == "win1252") return TextEncoding::kCp1252;
  if (key == "latin1" || key == "iso-8859-1" || key == "iso8859-1") return TextEncoding::kLatin1;
  return std::nullopt;
}

std::string_view TextEncodingKey(TextEncoding e) {
  switch (e) {
    case TextEncoding::kUtf8:
      return "utf8";
    case TextEncoding::kCp1252:
      return "cp1252";
    case TextEncoding::kLatin1:
      return "latin1";
  }
  return "utf8";
}

std::expected<std::unique_ptr<TableReader>, Error> TableReader::Open(const std::string& path,
                                                                     TextEncoding encoding) {
  if (encoding == TextEncoding::kUtf8) {
    // An HTML table saved with a spreadsheet's name (e-PPGBM's "Excel" export): its first table.
    if (!IsCsvPath(path)) {
      std::ifstream in(path, std::ios::binary);
      std::string head(4096, '\0');
      in.read(head.data(), static_cast<std::streamsize>(head.size()));
      head.resize(static_cast<std::size_t>(in.gcount()));
      if (LooksLikeHtml(head)) {
        std::error_code ec;
        const auto size = std::filesystem::file_size(path, ec);
        if (ec || size > kMaxHtmlBytes) {
          return std::unexpected(
              Error{Msg::kFileTooLarge,
                    {path, std::to_string(size >> 20), std::to_string(kMaxHtmlBytes >> 20)}});
        }
        in.clear();
        in.seekg(0);
        const std::string html{std::istreambuf_iterator<char>(in), {}};
        auto csv = HtmlTableToCsv(html);
        if (!csv) return std::unexpected(Error{Msg::kFileNoLayer, {path}});
        return OpenImpl(path, nullptr, std::move(csv));
      }
    }
    return OpenImpl(path, nullptr, std::nullopt);
  }
  if (!IsCsvPath(path)) return std::unexpected(Error{Msg::kEncodingCsvOnly, {path}});
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::unexpected(Error{Msg::kFileOpen, {path, "tidak ada / not found"}});
  const std::string raw{std::istreambuf_iterator<char>(in), {}};
  auto text = ConvertToUtf8(raw, encoding);
  if (!text) {
    return std::unexpected(
        Error{Msg::kBadEncoding,
              {path, std::to_string(text.error() + 1), std::string(TextEncodingKey(encoding))}});
  }
  return OpenImpl(path, nullptr, std::move(*text));
}

std::expected<std::unique_ptr<TableReader>, Error> TableReader::OpenText(const std::string& name,
                                                                         const std::string& text) {
  return OpenImpl(name, &text, std::nullopt);
}

std::expected<std::unique_ptr<TableReader>, Error> TableReader::OpenImpl(
    const std::string& path, const std::string* text, std::optional<std::string> owned) {
  static const bool registered = [] {
    GDALAllRegister();
    // Spreadsheets always have a header row in Jangkau's templates. The drivers read these
    // options lazily (when a sheet is first parsed), so they are set for the whole process.
    CPLSetConfigOption("OGR_XLSX_HEADERS", "FORCE");
    CPLSetConfigOption("OGR_ODS_HEADERS", "FORCE");
    return true;
  }();
  (void)registered;

  // Drivers may parse the whole file while opening (a spreadsheet's sheet for its header):
  // their errors are collected and refuse the reading, never printed.
  GdalMessages gdal;
  std::unique_ptr<TableReader> reader(new TableReader());
  reader->path_ = path;
  reader->impl_ = std::make_unique<Impl>();
  Impl& impl = *reader->impl_;
  if (owned) {
    impl.owned_text = std::move(*owned);
    text = &impl.owned_text;
  }

  const bool csv = text != nullptr || IsCsvPath(path);
  if (text == nullptr) {
    if (auto too_big = CheckZipSize(path)) return std::unexpected(*too_big);
  }
  std::string open_path = path;
  CsvLineScanner scanner(impl.csv_lines);
  if (text != nullptr) {
    static std::atomic<int64_t> counter{0};
    impl.vsimem_path = fmt::format("/vsimem/jangkau/{}-{}.csv", reinterpret_cast<uintptr_t>(&impl),
                                   counter.fetch_add(1));
    VSILFILE* f = VSIFileFromMemBuffer(impl.vsimem_path.c_str(),
                                       reinterpret_cast<GByte*>(const_cast<char*>(text->data())),
                                       static_cast<vsi_l_offset>(text->size()), FALSE);
    if (f == nullptr) return std::unexpected(Error{Msg::kFileOpen, {path, "vsimem"}});
    VSIFCloseL(f);
    open_path = impl.vsimem_path;
    scanner.Feed(*text);
  } else if (csv && !ToLowerAscii(path).ends_with(".gz")) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::unexpected(Error{Msg::kFileOpen, {path, "tidak ada / not found"}});
    std::vector<char> buffer(1 << 20);
    while (in) {
      in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
      scanner.Feed(std::string_view(buffer.data(), static_cast<std::size_t>(in.gcount())));
    }
  }
  if (auto nul = scanner.nul()) {
    return std::unexpected(
        Error{Msg::kNulByte, {path, std::to_string(nul->first), std::to_string(nul->second)}});
  }
  if (auto quote = scanner.open_quote()) {
    return std::unexpected(Error{
        Msg::kOpenQuote, {path, std::to_string(quote->first), std::to_string(quote->second)}});
  }

  const char* csv_options[] = {"HEADERS=YES", "AUTODETECT_TYPE=NO", "EMPTY_STRING_AS_NULL=NO",
                               nullptr};
  CPLErrorReset();
  CPLPushErrorHandler(CPLQuietErrorHandler);
  impl.dataset = GDALOpenEx(open_path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr,
                            csv ? csv_options : nullptr, nullptr);
  CPLPopErrorHandler();
  if (impl.dataset == nullptr && csv) {
    // GDAL's CSV driver opens any text whose first line splits into columns: this one does not.
    return std::unexpected(Error{Msg::kCsvHeader, {path}});
  }
  if (impl.dataset == nullptr) {
    return std::unexpected(Error{Msg::kFileOpen, {path, LastGdalError()}});
  }
  if (GDALDatasetGetLayerCount(impl.dataset) < 1) {
    return std::unexpected(Error{Msg::kFileNoLayer, {path}});
  }
  impl.layer = GDALDatasetGetLayer(impl.dataset, 0);
  const std::string driver = GDALGetDriverShortName(GDALGetDatasetDriver(impl.dataset));
  impl.spreadsheet = driver == "XLSX" || driver == "ODS" || driver == "XLS";

  OGRFeatureDefnH defn = OGR_L_GetLayerDefn(impl.layer);
  const int n = OGR_FD_GetFieldCount(defn);
  for (int i = 0; i < n; ++i) {
    const std::string name = OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i));
    if (auto bad = FirstInvalidUtf8(name)) {
      return std::unexpected(
          Error{Msg::kNotUtf8Header, {path, std::to_string(i + 1), std::to_string(*bad + 1)}});
    }
    std::string key = NormalizeKey(name);
    // "Nama" and "nama " are the same column once normalised: which one was meant cannot be
    // told, so the file is refused rather than the first silently used.
    if (const auto same = std::ranges::find(reader->columns_, key);
        !key.empty() && same != reader->columns_.end()) {
      return std::unexpected(Error{
          Msg::kDuplicateColumn,
          {path, key, std::to_string(same - reader->columns_.begin() + 1), std::to_string(i + 1)}});
    }
    reader->columns_.push_back(std::move(key));
    impl.field_of_column.push_back(i);
  }

  // Geometry in another CRS is brought to WGS84 lon/lat.
  OGRSpatialReferenceH srs = OGR_L_GetSpatialRef(impl.layer);
  if (srs != nullptr) {
    OGRSpatialReferenceH wgs84 = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(wgs84, 4326);
    OSRSetAxisMappingStrategy(wgs84, OAMS_TRADITIONAL_GIS_ORDER);
    if (!OSRIsSame(srs, wgs84)) {
      OGRSpatialReferenceH src = OSRClone(srs);
      OSRSetAxisMappingStrategy(src, OAMS_TRADITIONAL_GIS_ORDER);
      impl.to_wgs84 = OCTNewCoordinateTransformation(src, wgs84);
      OSRDestroySpatialReference(src);
    }
    OSRDestroySpatialReference(wgs84);
  }

  if (csv && !impl.csv_lines.empty()) {
    reader->row_count_hint_ = static_cast<int64_t>(impl.csv_lines.size()) - 1;
  } else {
    reader->row_count_hint_ = OGR_L_GetFeatureCount(impl.layer, impl.spreadsheet ? 1 : 0);
  }
  OGR_L_ResetReading(impl.layer);
  if (gdal.failed()) impl.read_error = gdal.text();
  return reader;
}

int TableReader::Column(std::string_view name) const {
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    if (columns_[i] == name) return static_cast<int>(i) + 1;
  }
  return 0;
}

const std::string& TableReader::ReadError() const { return impl_->read_error; }
int64_t TableReader::LastLine() const { return impl_->last_line; }

bool TableReader::HasGeometry() const { return OGR_L_GetGeomType(impl_->layer) != wkbNone; }

bool TableReader::Next(TableRow& row) {
  Impl& impl = *impl_;
  OGRFeatureH feature = nullptr;
  {
    GdalMessages gdal;
    feature = OGR_L_GetNextFeature(impl.layer);
    if (gdal.failed() && impl.read_error.empty()) impl.read_error = gdal.text();
  }
  if (feature == nullptr) return false;
  ++impl.row_index;

  if (!impl.csv_lines.empty() && static_cast<std::size_t>(impl.row_index) < impl.csv_lines.size()) {
    row.line = impl.csv_lines[static_cast<std::size_t>(impl.row_index)];
  } else if (impl.spreadsheet) {
    // The XLSX/ODS drivers number features by their 1-based sheet row.
    const GIntBig fid = OGR_F_GetFID(feature);
    row.line = fid > 0 ? fid : impl.row_index + 1;
  } else {
    row.line = impl.row_index + 1;
  }

  impl.last_line = row.line;
  row.cells.assign(columns_.size(), std::string());
  row.problem.reset();
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    const int f = impl.field_of_column[c];
    if (!OGR_F_IsFieldSetAndNotNull(feature, f)) continue;
    OGRFieldDefnH fd = OGR_F_GetFieldDefnRef(feature, f);
    std::string text;
    switch (OGR_Fld_GetType(fd)) {
      case OFTInteger:
      case OFTInteger64:
        text = fmt::format("{}", OGR_F_GetFieldAsInteger64(feature, f));
        break;
      case OFTReal:
        text = RealToText(OGR_F_GetFieldAsDouble(feature, f));
        break;
      case OFTDate:
      case OFTDateTime: {
        int y = 0, m = 0, d = 0, hh = 0, mm = 0, tz = 0;
        float ss = 0;
        OGR_F_GetFieldAsDateTimeEx(feature, f, &y, &m, &d, &hh, &mm, &ss, &tz);
        text = fmt::format("{:04}-{:02}-{:02}", y, m, d);
        break;
      }
      default:
        text = OGR_F_GetFieldAsString(feature, f);
    }
    if (!row.problem) {
      if (auto bad = FirstInvalidUtf8(text)) {
        row.problem = TableRow::CellProblem{
            static_cast<int>(c) + 1, Msg::kNotUtf8, {columns_[c], std::to_string(*bad + 1)}};
      } else if (!impl.csv_lines.empty() && text.find('\n') != std::string::npos) {
        // No template field holds several lines: a quote opened and never closed in time.
        row.problem =
            TableRow::CellProblem{static_cast<int>(c) + 1, Msg::kCellLineBreak, {columns_[c]}};
      }
    }
    row.cells[c] = std::string(Trim(text));
  }

  row.geometry_wkb.clear();
  row.point_lon.reset();
  row.point_lat.reset();
  OGRGeometryH geom = OGR_F_GetGeometryRef(feature);
  if (geom != nullptr && OGR_G_IsEmpty(geom) && !row.problem) {
    // GDAL reads a point at [NaN, NaN] as POINT EMPTY: refused, never read as "no coordinates"
    // (which would clear the stored ones). A feature without geometry has none at all.
    row.problem = TableRow::CellProblem{0, Msg::kEmptyGeometry, {}};
  } else if (geom != nullptr) {
    if (impl.to_wgs84 != nullptr) OGR_G_Transform(geom, impl.to_wgs84);
    const int size = OGR_G_WkbSize(geom);
    row.geometry_wkb.resize(static_cast<std::size_t>(size));
    OGR_G_ExportToWkb(geom, wkbNDR, reinterpret_cast<unsigned char*>(row.geometry_wkb.data()));
    if (wkbFlatten(OGR_G_GetGeometryType(geom)) == wkbPoint) {
      row.point_lon = OGR_G_GetX(geom, 0);
      row.point_lat = OGR_G_GetY(geom, 0);
    }
  }
  OGR_F_Destroy(feature);
  return true;
}

}  // namespace jangkau::ingest
