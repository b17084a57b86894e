// Many Indonesian health systems (e-PPGBM among them) "export to Excel" by saving an HTML table
// with an .xls name. Such a file is read with libxml2's HTML parser: the first <table>, one row
// per <tr>, one cell per <td>/<th> (text content, entities decoded, spaces collapsed), written
// as CSV text for TableReader. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace jangkau::ingest {

// Whether `bytes` (the start of a file) look like HTML rather than a spreadsheet.
bool LooksLikeHtml(std::string_view bytes);
// The first table of `html` as CSV text (RFC 4180), or std::nullopt when there is none.
std::optional<std::string> HtmlTableToCsv(const std::string& html);

}  // namespace jangkau::ingest
