#include "report/table.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace jangkau::report {
namespace {

std::size_t DisplayWidth(const std::string& s) {
  // UTF-8: count code points, not bytes.
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::string CsvQuote(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

}  // namespace

Unit ColumnUnit(std::string_view c) {
  auto word = [&](std::string_view w) {
    return c == w || c.starts_with(std::string(w) + "_") || c.ends_with("_" + std::string(w)) ||
           c.find("_" + std::string(w) + "_") != std::string_view::npos;
  };
  if (c == "lon" || c == "lat") return Unit::kDegrees;
  if (word("menit")) return Unit::kMinutes;
  if (word("km")) return Unit::kKm;
  if (c.starts_with("biaya") || c.starts_with("anggaran") || c.starts_with("rupiah")) {
    return Unit::kRupiah;
  }
  if (c.starts_with("indeks") || c.starts_with("skor_") || c == "rasio") return Unit::kIndex;
  if (c.starts_with("penduduk") || c == "terjangkau") return Unit::kPeople;
  if (word("persen")) return Unit::kPercent;
  return Unit::kNone;
}

double RoundForPeople(double value, Unit unit) {
  auto round_to = [&](int decimals) {
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
  };
  switch (unit) {
    case Unit::kMinutes:
    case Unit::kRupiah:
    case Unit::kPeople:
      return std::round(value);
    case Unit::kKm:
    case Unit::kPercent:
      return round_to(1);
    case Unit::kIndex:
      return round_to(3);
    case Unit::kDegrees:
      return round_to(6);
    case Unit::kNone:
      break;
  }
  return value;
}

std::string CellText(const Cell& cell) {
  struct Visitor {
    std::string operator()(std::monostate) const { return {}; }
    std::string operator()(const std::string& s) const { return s; }
    std::string operator()(int64_t v) const { return std::to_string(v); }
    std::string operator()(double v) const { return fmt::format("{}", v); }
    std::string operator()(bool v) const { return v ? "ya" : "tidak"; }
  };
  return std::visit(Visitor{}, cell);
}

void WriteText(const Table& t, std::ostream& out) {
  std::vector<std::size_t> width(t.columns.size());
  for (std::size_t c = 0; c < t.columns.size(); ++c) width[c] = DisplayWidth(t.columns[c]);
  std::vector<std::vector<std::string>> text;
  text.reserve(t.rows.size());
  for (const auto& row : t.rows) {
    auto& line = text.emplace_back();
    for (std::size_t c = 0; c < row.size() && c < width.size(); ++c) {
      // On a terminal, two decimals are enough to read; files keep full precision.
      if (const auto* d = std::get_if<double>(&row[c])) {
        std::string text = fmt::format("{:.2f}", *d);
        while (text.back() == '0') text.pop_back();
        if (text.back() == '.') text.pop_back();
        line.push_back(text == "-0" ? "0" : text);
      } else {
        line.push_back(CellText(row[c]));
      }
      width[c] = std::min<std::size_t>(60, std::max(width[c], DisplayWidth(line.back())));
    }
  }
  auto emit = [&](const std::vector<std::string>& cells, const std::vector<bool>& right) {
    std::string line;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      std::string cell = cells[c];
      std::size_t w = DisplayWidth(cell);
      if (w > width[c]) {
        // Cut on a code point boundary and mark the cut.
        std::size_t keep = 0;
        std::size_t seen = 0;
        while (keep < cell.size() && seen < width[c] - 1) {
          ++keep;
          while (keep < cell.size() && (cell[keep] & 0xC0) == 0x80) ++keep;
          ++seen;
        }
        cell = cell.substr(0, keep) + "…";
        w = width[c];
      }
      const std::string pad(width[c] - w, ' ');
      line += (c > 0 ? "  " : "") + (right[c] ? pad + cell : cell + pad);
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out << line << '\n';
  };
  std::vector<bool> numeric(t.columns.size(), false);
  for (const auto& row : t.rows) {
    for (std::size_t c = 0; c < row.size() && c < numeric.size(); ++c) {
      if (std::holds_alternative<int64_t>(row[c]) || std::holds_alternative<double>(row[c])) {
        numeric[c] = true;
      }
    }
  }
  emit(t.columns, std::vector<bool>(t.columns.size(), false));
  std::vector<std::string> rule;
  rule.reserve(width.size());
  for (std::size_t w : width) rule.emplace_back(std::string(w, '-'));
  emit(rule, std::vector<bool>(t.columns.size(), false));
  for (const auto& line : text) emit(line, numeric);
  if (!t.note.empty()) out << '\n' << t.note << '\n';
}

void WriteCsv(const Table& t, std::ostream& out) {
  for (std::size_t c = 0; c < t.columns.size(); ++c) {
    out << (c > 0 ? "," : "") << CsvQuote(t.columns[c]);
  }
  out << '\n';
  for (const auto& row : t.rows) {
    for (std::size_t c = 0; c < row.size(); ++c) {
      out << (c > 0 ? "," : "") << CsvQuote(CellText(row[c]));
    }
    out << '\n';
  }
}

nlohmann::json ToJson(const Table& t) {
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& row : t.rows) {
    nlohmann::json obj = nlohmann::json::object();
    for (std::size_t c = 0; c < row.size() && c < t.columns.size(); ++c) {
      struct Visitor {
        nlohmann::json operator()(std::monostate) const { return nullptr; }
        nlohmann::json operator()(const std::string& s) const { return s; }
        nlohmann::json operator()(int64_t v) const { return v; }
        nlohmann::json operator()(double v) const { return v; }
        nlohmann::json operator()(bool v) const { return v; }
      };
      obj[t.columns[c]] = std::visit(Visitor{}, row[c]);
    }
    rows.push_back(std::move(obj));
  }
  return rows;
}

nlohmann::json ToJson(const std::vector<Sheet>& sheets) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& sheet : sheets) {
    nlohmann::json blocks = nlohmann::json::object();
    for (const auto& b : sheet.blocks) blocks[b.name] = ToJson(b);
    j[sheet.name] = blocks;
  }
  return j;
}

std::expected<void, Error> WriteCsvFile(const Table& t, const std::string& path) {
  auto out = CsvFileWriter::Open(path);
  if (!out) return std::unexpected(out.error());
  (*out)->Row(t.columns);
  for (const auto& row : t.rows) (*out)->Row(row);
  return (*out)->Commit();
}

std::expected<void, Error> WriteTextFile(const std::string& path, std::string_view text) {
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return std::unexpected(Error{Msg::kWrite, {path, "open"}});
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.flush();
    if (!out) {
      std::remove(tmp.c_str());
      return std::unexpected(Error{Msg::kWrite, {path, "write"}});
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    return std::unexpected(Error{Msg::kWrite, {path, "rename"}});
  }
  return {};
}

std::expected<std::unique_ptr<CsvFileWriter>, Error> CsvFileWriter::Open(const std::string& path) {
  std::unique_ptr<CsvFileWriter> w(new CsvFileWriter());
  w->path_ = path;
  w->tmp_ = path + ".tmp";
  w->out_.open(w->tmp_, std::ios::binary | std::ios::trunc);
  if (!w->out_) return std::unexpected(Error{Msg::kWrite, {path, "open"}});
  return w;
}

CsvFileWriter::~CsvFileWriter() {
  if (committed_) return;
  out_.close();
  std::error_code ec;
  std::filesystem::remove(tmp_, ec);
}

void CsvFileWriter::Row(const std::vector<std::string>& cells) {
  for (std::size_t c = 0; c < cells.size(); ++c) out_ << (c > 0 ? "," : "") << CsvQuote(cells[c]);
  out_ << '\n';
}

void CsvFileWriter::Row(const std::vector<Cell>& cells) {
  for (std::size_t c = 0; c < cells.size(); ++c) {
    out_ << (c > 0 ? "," : "") << CsvQuote(CellText(cells[c]));
  }
  out_ << '\n';
}

std::expected<void, Error> CsvFileWriter::Commit() {
  out_.flush();
  const bool written = static_cast<bool>(out_);
  out_.close();
  if (!written) return std::unexpected(Error{Msg::kWrite, {path_, "write"}});
  std::error_code ec;
  std::filesystem::rename(tmp_, path_, ec);
  if (ec) return std::unexpected(Error{Msg::kWrite, {path_, ec.message()}});
  committed_ = true;
  return {};
}

}  // namespace jangkau::report
