// Closed vocabularies (facility type, employment status, ...) with the spellings people type.
// A table lists every accepted spelling as a NormalizeKey()'d key; the first entry of each
// value is its canonical key, which is what the workspace stores. Thread-safe.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/text_util.h"

namespace jangkau {

template <typename E>
struct ChoiceEntry {
  std::string_view key;
  E value;
};

template <typename E>
std::optional<E> LookupChoice(std::span<const ChoiceEntry<E>> table, std::string_view text) {
  const std::optional<std::string> key = ChoiceKey(text);
  if (!key) return std::nullopt;
  for (const auto& entry : table) {
    if (entry.key == *key) return entry.value;
  }
  return std::nullopt;
}

template <typename E>
std::string_view CanonicalKey(std::span<const ChoiceEntry<E>> table, E value) {
  for (const auto& entry : table) {
    if (entry.value == value) return entry.key;
  }
  return {};
}

// The canonical keys, for "valid choices: ..." messages.
template <typename E>
std::string CanonicalKeys(std::span<const ChoiceEntry<E>> table) {
  std::vector<std::string> keys;
  for (std::size_t i = 0; i < table.size(); ++i) {
    if (CanonicalKey(table, table[i].value) == table[i].key) keys.emplace_back(table[i].key);
  }
  return JoinComma(keys);
}

}  // namespace jangkau
