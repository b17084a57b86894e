#include "ingest/fields.h"

#include <charconv>
#include <cmath>

namespace jangkau::ingest {

int ColumnMap::Required(std::initializer_list<std::string_view> names) {
  const int col = Optional(names);
  if (col == 0)
    diags_.Error(reader_.path(), 1, 0, Msg::kMissingColumn, {std::string(*names.begin())});
  return col;
}

int ColumnMap::Optional(std::initializer_list<std::string_view> names) const {
  for (std::string_view name : names) {
    if (int col = reader_.Column(name)) return col;
  }
  return 0;
}

std::string_view RowFields::Text(int col) const {
  if (col <= 0 || static_cast<std::size_t>(col) > row_.cells.size()) return {};
  return row_.cells[static_cast<std::size_t>(col) - 1];
}

std::string_view RowFields::Name(int col) const {
  if (col <= 0 || static_cast<std::size_t>(col) > reader_.columns().size()) return {};
  return reader_.columns()[static_cast<std::size_t>(col) - 1];
}

void RowFields::Error(int col, Msg msg, std::vector<std::string> args) {
  diags_.Error(reader_.path(), row_.line, col, msg, std::move(args));
}

void RowFields::Warning(int col, Msg msg, std::vector<std::string> args, std::string entity) {
  diags_.Add(Diagnostic{Severity::kWarning, reader_.path(), row_.line, col, std::move(entity), msg,
                        std::move(args)});
}

std::optional<std::string> RowFields::Required(int col) {
  std::string_view text = Text(col);
  if (text.empty()) {
    Error(col, Msg::kEmptyValue, {std::string(Name(col))});
    return std::nullopt;
  }
  return std::string(text);
}

std::optional<int64_t> RowFields::Count(int col, bool required) {
  std::string_view text = Text(col);
  if (text.empty()) {
    if (required) Error(col, Msg::kEmptyValue, {std::string(Name(col))});
    return std::nullopt;
  }
  int64_t value = 0;
  const char* end = text.data() + text.size();
  auto [p, ec] = std::from_chars(text.data(), end, value);
  if (ec == std::errc() && p == end) {
    if (value < 0) {
      Error(col, Msg::kNegative, {std::string(Name(col)), std::string(text)});
      return std::nullopt;
    }
    return value;
  }
  // Tell "-3" / "2.5" / "abc" apart so the message says what is wrong.
  double d = 0;
  auto [q, ec2] = std::from_chars(text.data(), end, d);
  if (ec2 == std::errc() && q == end && std::isfinite(d)) {
    Error(col, d < 0 ? Msg::kNegative : Msg::kNotAWholeNumber,
          {std::string(Name(col)), std::string(text)});
  } else {
    Error(col, Msg::kNotANumber, {std::string(Name(col)), std::string(text)});
  }
  return std::nullopt;
}

std::optional<double> RowFields::PositiveNumber(int col, bool required) {
  if (Text(col).empty()) {
    if (required) Error(col, Msg::kEmptyValue, {std::string(Name(col))});
    return std::nullopt;
  }
  auto v = Number(col);
  if (v && *v <= 0) {
    Error(col, Msg::kNeedsNotPositive, {std::string(Name(col))});
    return std::nullopt;
  }
  return v;
}

std::optional<double> RowFields::Number(int col) {
  std::string_view text = Text(col);
  if (text.empty()) return std::nullopt;
  double value = 0;
  const char* end = text.data() + text.size();
  auto [p, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || p != end || !std::isfinite(value)) {
    Error(col, Msg::kNotANumber, {std::string(Name(col)), std::string(text)});
    return std::nullopt;
  }
  return value;
}

std::optional<double> RowFields::Decimal(int col, bool& ok) {
  const std::string_view text = Text(col);
  if (col == 0 || text.empty() || text == "NA") return std::nullopt;
  std::string s(text);
  if (s.find('.') == std::string::npos) {
    if (const auto comma = s.find(','); comma != std::string::npos) s[comma] = '.';
  }
  double value = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(value)) {
    Error(col, Msg::kNotANumber, {std::string(Name(col)), std::string(text)});
    ok = false;
    return std::nullopt;
  }
  return value;
}

std::optional<int> RowFields::Year(int col, bool required) {
  std::string_view text = Text(col);
  auto value = Count(col, required);
  if (!value) return std::nullopt;
  if (*value < 1900 || *value > 2100) {
    Error(col, Msg::kBadYear, {std::string(Name(col)), std::string(text)});
    return std::nullopt;
  }
  return static_cast<int>(*value);
}

std::optional<Date> RowFields::DateField(int col, bool required) {
  std::string_view text = Text(col);
  if (text.empty()) {
    if (required) Error(col, Msg::kEmptyValue, {std::string(Name(col))});
    return std::nullopt;
  }
  auto d = Date::Parse(text);
  if (!d) Error(col, Msg::kBadDate, {std::string(Name(col)), std::string(text)});
  return d;
}

bool RowFields::Unique(std::unordered_map<std::string, int64_t>& seen, const std::string& key,
                       int col, const std::string& shown) {
  auto [it, inserted] = seen.emplace(key, row_.line);
  if (!inserted) {
    Error(col, Msg::kDuplicateCode, {std::string(Name(col)), shown, std::to_string(it->second)});
  }
  return inserted;
}

bool IsPlainCode(std::string_view code) {
  if (code.empty() || code.size() > 32) return false;
  for (char c : code) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

}  // namespace jangkau::ingest
