// Small string helpers shared by the importers and the catalogues. Pure; thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jangkau {

std::string_view Trim(std::string_view s);
std::string ToLowerAscii(std::string_view s);

// The key used to match what people type against a catalogue: ASCII lower case, every run of
// characters other than letters and digits turned into one '_', no '_' at either end.
// "Dokter  Umum" -> "dokter_umum", "Bidan (D3)" -> "bidan_d3", "P3K" -> "p3k".
std::string NormalizeKey(std::string_view s);
// A value typed for a choice or a cadre ("Rusak Ringan", "rusak-ringan", "PNS", "dr. umum") as
// its key, like NormalizeKey; std::nullopt when the text holds a character no spelling has
// (';', '+', quotes, ...) or starts with punctuation, so that ";ns" is not read as "ns".
std::optional<std::string> ChoiceKey(std::string_view s);

// `s` for a URL's query: every byte other than letters, digits and -._~:/ as %XX.
std::string PercentEncode(std::string_view s);

// Splits on `sep`, trimming each part and dropping empty parts.
std::vector<std::string> SplitList(std::string_view s, char sep);

// The offset of the first byte of `s` that is not part of well-formed UTF-8 (RFC 3629: no
// overlong forms, no surrogates, nothing above U+10FFFF), or std::nullopt when all is well.
std::optional<std::size_t> FirstInvalidUtf8(std::string_view s);

// The longest prefix of `s` of at most `max_bytes` bytes that does not end inside a UTF-8
// sequence: a part of a value shown in a message stays valid UTF-8.
std::string Utf8Prefix(std::string_view s, std::size_t max_bytes);

// Joins with ", ".
std::string JoinComma(const std::vector<std::string>& parts);

}  // namespace jangkau
