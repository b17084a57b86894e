// JSON text read within limits: nesting deeper than a bound is refused before the parser sees
// it (rendering and copying a value are recursive), and the parser's complaint becomes a plain
// message. Shared by the HTTP API's request bodies and the FHIR and DHIS2 importers.
// Pure; thread-safe.
#pragma once

#include <expected>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace jangkau::interop {

// `text` as JSON, or the reason it is not: nesting deeper than `max_depth`, not JSON,
// ill-formed UTF-8, a number out of range.
std::expected<nlohmann::json, std::string> ParseJsonText(std::string_view text, int max_depth);

// "entry[12].resource.position": `base` followed by `.name` (no dot when `base` is empty).
std::string JsonPath(const std::string& base, std::string_view name);
// "entry[12]": `base` followed by `[index]`.
std::string JsonPath(const std::string& base, std::size_t index);

}  // namespace jangkau::interop
