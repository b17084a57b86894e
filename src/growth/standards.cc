#include "growth/standards.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string>

namespace jangkau::embedded {
std::string_view WhoLenAnthroCsv();
std::string_view WhoWeiAnthroCsv();
std::string_view WhoBmiAnthroCsv();
std::string_view WhoHcAnthroCsv();
std::string_view WhoAcAnthroCsv();
std::string_view WhoTsAnthroCsv();
std::string_view WhoSsAnthroCsv();
std::string_view WhoWflAnthroCsv();
std::string_view WhoWfhAnthroCsv();
}  // namespace jangkau::embedded

namespace jangkau::growth {
namespace {

bool ParseDouble(std::string_view text, double& out) {
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

// The comma-separated cells of `line` (no quoting in WHO's tables).
std::vector<std::string_view> Cells(std::string_view line) {
  std::vector<std::string_view> cells;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = line.find(',', start);
    cells.push_back(line.substr(start, comma == std::string_view::npos ? comma : comma - start));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return cells;
}

}  // namespace

const Lms* Standards::Table::At(int sex, int64_t key) const {
  if (sex < 1 || sex > 2 || key < first) return nullptr;
  const auto& rows = by_sex[static_cast<std::size_t>(sex - 1)];
  const auto i = static_cast<std::size_t>(key - first);
  return i < rows.size() ? &rows[i] : nullptr;
}

const Lms* Standards::ByAge(AgeTable table, int sex, int64_t day) const {
  return age_[static_cast<std::size_t>(table)].At(sex, day);
}

const Lms* Standards::ByLength(bool height, int sex, int64_t tenths) const {
  return (height ? wfh_ : wfl_).At(sex, tenths);
}

std::expected<Standards::Table, Error> Standards::ParseTable(std::string_view name,
                                                             std::string_view text, bool tenths) {
  Table t;
  bool started[2] = {false, false};
  int line_no = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line_no == 1 || line.empty()) continue;  // the header
    const auto cells = Cells(line);
    double sex = 0;
    double key = 0;
    Lms lms;
    auto bad = [&] {
      return std::unexpected(Error{
          Msg::kBadValue, {std::string(name) + ":" + std::to_string(line_no), std::string(line)}});
    };
    if (cells.size() < 5 || !ParseDouble(cells[0], sex) || !ParseDouble(cells[1], key) ||
        !ParseDouble(cells[2], lms.l) || !ParseDouble(cells[3], lms.m) ||
        !ParseDouble(cells[4], lms.s) || (sex != 1 && sex != 2)) {
      return bad();
    }
    const int64_t k = tenths ? std::llround(key * 10) : std::llround(key);
    auto& rows = t.by_sex[sex == 1 ? 0 : 1];
    const auto s = static_cast<std::size_t>(sex - 1);
    if (!started[s]) {
      if (s == 1 && started[0] && k != t.first) return bad();  // both sexes start alike
      if (s == 0) t.first = k;
      started[s] = true;
    }
    if (k != t.first + static_cast<int64_t>(rows.size())) return bad();  // consecutive keys
    rows.push_back(lms);
  }
  if (!started[0] || !started[1]) {
    return std::unexpected(Error{Msg::kBadValue, {std::string(name), "(kosong / empty)"}});
  }
  return t;
}

std::expected<Standards, Error> Standards::Parse(const Texts& texts) {
  static constexpr std::array<std::string_view, kAgeTableCount> kNames = {
      "lenanthro", "weianthro", "bmianthro", "hcanthro", "acanthro", "tsanthro", "ssanthro"};
  Standards s;
  for (int i = 0; i < kAgeTableCount; ++i) {
    const auto k = static_cast<std::size_t>(i);
    auto t = ParseTable(kNames[k], texts.by_age[k], false);
    if (!t) return std::unexpected(t.error());
    s.age_[k] = std::move(*t);
  }
  auto wfl = ParseTable("wflanthro", texts.wfl, true);
  if (!wfl) return std::unexpected(wfl.error());
  auto wfh = ParseTable("wfhanthro", texts.wfh, true);
  if (!wfh) return std::unexpected(wfh.error());
  s.wfl_ = std::move(*wfl);
  s.wfh_ = std::move(*wfh);
  return s;
}

const Standards& WhoStandards() {
  static const Standards standards = [] {
    namespace e = embedded;
    auto parsed = Standards::Parse(
        {{e::WhoLenAnthroCsv(), e::WhoWeiAnthroCsv(), e::WhoBmiAnthroCsv(), e::WhoHcAnthroCsv(),
          e::WhoAcAnthroCsv(), e::WhoTsAnthroCsv(), e::WhoSsAnthroCsv()},
         e::WhoWflAnthroCsv(),
         e::WhoWfhAnthroCsv()});
    // The tables are part of the program; a malformed one is a build defect (tested).
    if (!parsed) std::abort();
    return std::move(*parsed);
  }();
  return standards;
}

}  // namespace jangkau::growth
