#include "ingest/html_table.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <memory>
#include <vector>

#include "base/text_util.h"

namespace jangkau::ingest {
namespace {

bool Named(const xmlNode* n, const char* name) {
  return n->type == XML_ELEMENT_NODE &&
         xmlStrcasecmp(n->name, reinterpret_cast<const xmlChar*>(name)) == 0;
}

const xmlNode* FindTable(const xmlNode* n) {
  for (; n != nullptr; n = n->next) {
    if (Named(n, "table")) return n;
    if (const xmlNode* t = FindTable(n->children)) return t;
  }
  return nullptr;
}

// The rows of `table` (its own <tr>, also inside <thead>/<tbody>/<tfoot>, not nested tables).
void CollectRows(const xmlNode* n, std::vector<const xmlNode*>& rows) {
  for (; n != nullptr; n = n->next) {
    if (Named(n, "tr")) {
      rows.push_back(n);
    } else if (Named(n, "thead") || Named(n, "tbody") || Named(n, "tfoot")) {
      CollectRows(n->children, rows);
    }
  }
}

std::string CellText(const xmlNode* cell) {
  struct Free {
    void operator()(xmlChar* p) const { xmlFree(p); }  // xmlFree is a variable, not a function
  };
  std::unique_ptr<xmlChar, Free> content(xmlNodeGetContent(cell));
  std::string text = content ? reinterpret_cast<const char*>(content.get()) : "";
  // Collapse whitespace (including the no-break space &nbsp;) to single spaces.
  std::string out;
  bool space = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool nbsp = static_cast<unsigned char>(text[i]) == 0xC2 && i + 1 < text.size() &&
                      static_cast<unsigned char>(text[i + 1]) == 0xA0;
    const char c = text[i];
    if (nbsp || c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = true;
      if (nbsp) ++i;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string CsvCell(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

}  // namespace

bool LooksLikeHtml(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  while (!bytes.empty() && (bytes.front() == ' ' || bytes.front() == '\t' ||
                            bytes.front() == '\r' || bytes.front() == '\n')) {
    bytes.remove_prefix(1);
  }
  if (bytes.empty() || bytes.front() != '<') return false;
  const std::string head = ToLowerAscii(bytes.substr(0, 2048));
  return head.find("<html") != std::string::npos || head.find("<table") != std::string::npos ||
         head.find("<!doctype html") != std::string::npos;
}

std::optional<std::string> HtmlTableToCsv(const std::string& html) {
  constexpr int kOptions =
      HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET;
  std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc(
      htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8", kOptions),
      xmlFreeDoc);
  if (!doc) return std::nullopt;
  const xmlNode* table = FindTable(xmlDocGetRootElement(doc.get()));
  if (table == nullptr) return std::nullopt;
  std::vector<const xmlNode*> rows;
  CollectRows(table->children, rows);
  if (rows.empty()) return std::nullopt;
  std::string csv;
  for (const xmlNode* tr : rows) {
    std::string line;
    bool first = true;
    for (const xmlNode* c = tr->children; c != nullptr; c = c->next) {
      if (!Named(c, "td") && !Named(c, "th")) continue;
      line += (first ? "" : ",") + CsvCell(CellText(c));
      first = false;
    }
    csv += line + "\n";
  }
  return csv;
}

}  // namespace jangkau::ingest
