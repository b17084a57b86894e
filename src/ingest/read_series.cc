#include "ingest/read_series.h"

#include <charconv>
#include <limits>
#include <optional>

#include "ingest/row_loop.h"
#include "model/epi_week.h"

namespace jangkau::ingest {
namespace {

constexpr int64_t kMaxCases = 1'000'000'000;

std::optional<int64_t> Index(std::string_view text) {
  int64_t v = 0;
  const char* end = text.data() + text.size();
  auto [p, ec] = std::from_chars(text.data(), end, v);
  if (ec != std::errc() || p != end || v < 0) return std::nullopt;
  return v;
}

}  // namespace

std::expected<WeeklySeries, Error> ReadWeeklySeries(const std::string& path, Diagnostics& diags) {
  auto reader = TableReader::Open(path);
  if (!reader) return std::unexpected(reader.error());
  TableReader& in = **reader;
  ColumnMap cols(in, diags);
  const int c_week = cols.Required({"week", "minggu"});
  const int c_cases = cols.Required({"cases", "kasus", "jumlah_kasus"});
  WeeklySeries out;
  if (diags.has_errors()) return out;
  std::optional<int64_t> last_index;
  std::optional<EpiWeek> last_week;
  std::string last_text;
  ForEachRow(in, diags, {}, [&](RowFields& f, const TableRow&) {
    const std::string text(f.Text(c_week));
    const auto index = Index(text);
    const auto week = index ? std::nullopt : EpiWeek::Parse(text);
    if (!index && !week) {
      f.Error(c_week, Msg::kBadWeek, {std::string(f.Name(c_week)), text});
      return;
    }
    // One kind of label, each the next week.
    const bool mixed = (index && last_week) || (week && last_index);
    const bool next = !mixed && (index ? !last_index || *index == *last_index + 1
                                       : !last_week || *week == last_week->Next());
    if (!next) {
      f.Error(c_week, Msg::kWeekNotNext, {text, last_text});
      return;
    }
    last_index = index;
    last_week = week;
    last_text = text;
    double cases = std::numeric_limits<double>::quiet_NaN();
    if (!f.Text(c_cases).empty()) {
      const auto n = f.Count(c_cases, true);
      if (!n) return;
      if (*n > kMaxCases) {
        f.Error(c_cases, Msg::kValueTooLarge,
                {std::string(f.Name(c_cases)), std::string(f.Text(c_cases))});
        return;
      }
      cases = static_cast<double>(*n);
    }
    out.weeks.push_back(text);
    out.cases.push_back(cases);
  });
  return out;
}

}  // namespace jangkau::ingest
