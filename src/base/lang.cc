#include "base/lang.h"

#include <cstdlib>
#include <string>

namespace jangkau {

std::optional<Lang> ParseLang(std::string_view text) {
  if (text == "id" || text == "in" || text.starts_with("id_") || text.starts_with("id-")) {
    return Lang::kId;
  }
  if (text == "en" || text.starts_with("en_") || text.starts_with("en-")) return Lang::kEn;
  return std::nullopt;
}

Lang DetectLang(std::optional<std::string_view> explicit_choice) {
  if (explicit_choice) {
    if (auto lang = ParseLang(*explicit_choice)) return *lang;
  }
  for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = std::getenv(var);
    if (value == nullptr || *value == '\0') continue;
    return std::string_view(value).starts_with("en") ? Lang::kEn : Lang::kId;
  }
  return Lang::kId;
}

}  // namespace jangkau
