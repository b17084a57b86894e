// Language of everything a user reads: Bahasa Indonesia first, English on request.
// Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string_view>

namespace jangkau {

enum class Lang { kId, kEn };

// Picks the language: an explicit choice ("id", "en") wins; otherwise LC_ALL, LC_MESSAGES and
// LANG are read in that order and any value starting with "en" selects English. Everything
// else, including no setting at all, gives Bahasa Indonesia. An unknown explicit value gives
// std::nullopt so the caller can report it.
std::optional<Lang> ParseLang(std::string_view text);
Lang DetectLang(std::optional<std::string_view> explicit_choice);

}  // namespace jangkau
