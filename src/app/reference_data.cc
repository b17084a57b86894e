#include "app/reference_data.h"

namespace jangkau::embedded {
std::string_view JenisTenagaCsv();
std::string_view JenisTenagaAliasCsv();
}  // namespace jangkau::embedded

namespace jangkau::app {

std::vector<std::vector<std::string>> ParseCsvText(std::string_view text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string cell;
  bool quoted = false;
  bool any = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        cell.push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cell.push_back(c);
      }
      continue;
    }
    if (c == '"') {
      quoted = true;
      any = true;
    } else if (c == ',') {
      row.push_back(std::move(cell));
      cell.clear();
      any = true;
    } else if (c == '\n') {
      if (any || !cell.empty()) {
        row.push_back(std::move(cell));
        rows.push_back(std::move(row));
      }
      row.clear();
      cell.clear();
      any = false;
    } else if (c != '\r') {
      cell.push_back(c);
      any = true;
    }
  }
  if (any || !cell.empty()) {
    row.push_back(std::move(cell));
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<Cadre> DefaultCadres() {
  std::vector<Cadre> out;
  auto rows = ParseCsvText(embedded::JenisTenagaCsv());
  for (std::size_t i = 1; i < rows.size(); ++i) {
    if (rows[i].size() >= 5) {
      out.push_back({rows[i][0], rows[i][1], rows[i][2], rows[i][3], rows[i][4] == "ya"});
    }
  }
  return out;
}

std::vector<CadreAlias> DefaultCadreAliases() {
  std::vector<CadreAlias> out;
  auto rows = ParseCsvText(embedded::JenisTenagaAliasCsv());
  for (std::size_t i = 1; i < rows.size(); ++i) {
    if (rows[i].size() >= 2) out.push_back({rows[i][0], rows[i][1]});
  }
  return out;
}

}  // namespace jangkau::app
