#include "interop/json_text.h"

#include <fmt/format.h>

namespace jangkau::interop {

std::expected<nlohmann::json, std::string> ParseJsonText(std::string_view text, int max_depth) {
  int depth = 0;
  bool in_string = false;
  bool escaped = false;
  for (const char ch : text) {
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (ch == '\\') {
        escaped = true;
      } else if (ch == '"') {
        in_string = false;
      }
    } else if (ch == '"') {
      in_string = true;
    } else if (ch == '[' || ch == '{') {
      if (++depth > max_depth)
        return std::unexpected(fmt::format("nesting deeper than {}", max_depth));
    } else if (ch == ']' || ch == '}') {
      --depth;
    }
  }
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {
    return std::unexpected(std::string(e.what()));
  }
}

std::string JsonPath(const std::string& base, std::string_view name) {
  return base.empty() ? std::string(name) : base + "." + std::string(name);
}

std::string JsonPath(const std::string& base, std::size_t index) {
  return fmt::format("{}[{}]", base, index);
}

}  // namespace jangkau::interop
