// Request bodies as JSON, parsed within limits and read field by field with their types and
// ranges checked: every refusal names the field (`tambah[2].lon`) and is an Error of the
// message registry (400). Nothing here keeps a reference to the text. Thread-compatible.
#pragma once

#include <cstddef>
#include <expected>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/diagnostic.h"

namespace jangkau::server {

using Json = nlohmann::json;

// Nesting deeper than this is refused before parsing (the parser itself is iterative, but
// rendering and copying a value are recursive).
inline constexpr int kMaxJsonDepth = 32;

// `text` as JSON. Failure: kHttpBadJson with the parser's message (too deep, not JSON,
// ill-formed UTF-8, a number out of range).
std::expected<Json, Error> ParseJson(std::string_view text, int max_depth = kMaxJsonDepth);

// Reads the fields of one JSON object. Each getter leaves its output untouched when the field
// is absent (so the output's initial value is the default) and records the first problem;
// `Finish` also refuses fields nobody asked for.
class FieldReader {
 public:
  // `where` prefixes field names in messages ("tambah[0]"); empty at the top level.
  FieldReader(const Json& object, std::string where = "");

  // Text of at most `max_chars` characters (UTF-8 is checked by the parser).
  FieldReader& Text(const char* name, std::string& out, std::size_t max_chars,
                    bool required = false);
  // A finite number within [lo, hi].
  FieldReader& Number(const char* name, double& out, double lo, double hi, bool required = false);
  // A whole number within [lo, hi].
  FieldReader& Integer(const char* name, int& out, int lo, int hi, bool required = false);
  FieldReader& Bool(const char* name, bool& out);
  // Text that is one of `choices`.
  FieldReader& Choice(const char* name, std::string& out, const std::vector<std::string>& choices);
  // A list of at most `max_items` texts of at most `max_chars` characters.
  FieldReader& TextList(const char* name, std::vector<std::string>& out, std::size_t max_items,
                        std::size_t max_chars);
  // An object of at most `max_items` numbers within [lo, hi], keyed by text.
  FieldReader& NumberMap(const char* name, std::map<std::string, double>& out,
                         std::size_t max_items, double lo, double hi);
  // The raw value of a field whose shape the caller checks (nullptr when absent). The field
  // counts as known.
  const Json* Raw(const char* name);

  // A problem found by the caller about a field of this object.
  void Fail(Msg msg, std::vector<std::string> args);
  bool ok() const { return !error_; }
  std::string Field(const char* name) const;
  // The first problem, including fields that were not read.
  std::optional<Error> Finish();

 private:
  const Json* Get(const char* name, bool required);
  const Json& object_;
  std::string where_;
  std::set<std::string> known_;
  std::optional<Error> error_;
};

// A JSON value rendered for a message, at most 40 characters.
std::string Excerpt(const Json& v);

}  // namespace jangkau::server
