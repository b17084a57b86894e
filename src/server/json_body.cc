#include "server/json_body.h"

#include <cmath>

#include <fmt/format.h>

#include "base/text_util.h"
#include "interop/json_text.h"

namespace jangkau::server {

std::expected<Json, Error> ParseJson(std::string_view text, int max_depth) {
  auto parsed = interop::ParseJsonText(text, max_depth);
  if (!parsed) return std::unexpected(Error{Msg::kHttpBadJson, {parsed.error()}});
  return std::move(*parsed);
}

std::string Excerpt(const Json& v) {
  std::string text = v.dump(-1, ' ', false, Json::error_handler_t::replace);
  if (text.size() > 40) text = Utf8Prefix(text, 37) + "...";
  return text;
}

FieldReader::FieldReader(const Json& object, std::string where)
    : object_(object), where_(std::move(where)) {
  if (!object_.is_object()) {
    error_ = Error{Msg::kHttpFieldType, {where_.empty() ? "(isi / body)" : where_, "object"}};
  }
}

std::string FieldReader::Field(const char* name) const {
  return where_.empty() ? std::string(name) : where_ + "." + name;
}

void FieldReader::Fail(Msg msg, std::vector<std::string> args) {
  if (!error_) error_ = Error{msg, std::move(args)};
}

const Json* FieldReader::Get(const char* name, bool required) {
  known_.insert(name);
  if (error_) return nullptr;
  auto it = object_.find(name);
  if (it == object_.end() || it->is_null()) {
    if (required) Fail(Msg::kHttpFieldRequired, {Field(name)});
    return nullptr;
  }
  return &*it;
}

const Json* FieldReader::Raw(const char* name) { return Get(name, false); }

FieldReader& FieldReader::Text(const char* name, std::string& out, std::size_t max_chars,
                               bool required) {
  const Json* v = Get(name, required);
  if (v == nullptr) return *this;
  if (!v->is_string()) {
    Fail(Msg::kHttpFieldType, {Field(name), "string"});
    return *this;
  }
  const auto& s = v->get_ref<const std::string&>();
  std::size_t chars = 0;
  for (const char ch : s) chars += (static_cast<unsigned char>(ch) & 0xC0) != 0x80 ? 1 : 0;
  if (chars > max_chars) {
    Fail(Msg::kHttpFieldTooLong, {Field(name), std::to_string(max_chars)});
    return *this;
  }
  if (required && s.find_first_not_of(" \t\r\n") == std::string::npos) {
    Fail(Msg::kHttpFieldRequired, {Field(name)});
    return *this;
  }
  out = s;
  return *this;
}

FieldReader& FieldReader::Number(const char* name, double& out, double lo, double hi,
                                 bool required) {
  const Json* v = Get(name, required);
  if (v == nullptr) return *this;
  if (!v->is_number()) {
    Fail(Msg::kHttpFieldType, {Field(name), "number"});
    return *this;
  }
  const double d = v->get<double>();
  if (!std::isfinite(d) || d < lo || d > hi) {
    Fail(Msg::kHttpFieldRange,
         {Field(name), Excerpt(*v), fmt::format("{}", lo), fmt::format("{}", hi)});
    return *this;
  }
  out = d;
  return *this;
}

FieldReader& FieldReader::Integer(const char* name, int& out, int lo, int hi, bool required) {
  const Json* v = Get(name, required);
  if (v == nullptr) return *this;
  const bool whole =
      v->is_number_integer() || (v->is_number_float() && std::isfinite(v->get<double>()) &&
                                 std::floor(v->get<double>()) == v->get<double>());
  if (!whole) {
    Fail(Msg::kHttpFieldType, {Field(name), "integer"});
    return *this;
  }
  const double d = v->get<double>();
  if (d < lo || d > hi) {
    Fail(Msg::kHttpFieldRange, {Field(name), Excerpt(*v), std::to_string(lo), std::to_string(hi)});
    return *this;
  }
  out = static_cast<int>(d);
  return *this;
}

FieldReader& FieldReader::Bool(const char* name, bool& out) {
  const Json* v = Get(name, false);
  if (v == nullptr) return *this;
  if (!v->is_boolean()) {
    Fail(Msg::kHttpFieldType, {Field(name), "boolean"});
    return *this;
  }
  out = v->get<bool>();
  return *this;
}

FieldReader& FieldReader::Choice(const char* name, std::string& out,
                                 const std::vector<std::string>& choices) {
  std::string value;
  Text(name, value, 64);
  if (!error_ && object_.contains(name) && !object_.at(name).is_null()) {
    if (std::ranges::find(choices, value) == choices.end()) {
      std::string all;
      for (const auto& c : choices) all += (all.empty() ? "" : ", ") + c;
      Fail(Msg::kHttpFieldChoice, {Field(name), value, all});
      return *this;
    }
    out = value;
  }
  return *this;
}

FieldReader& FieldReader::TextList(const char* name, std::vector<std::string>& out,
                                   std::size_t max_items, std::size_t max_chars) {
  const Json* v = Get(name, false);
  if (v == nullptr) return *this;
  if (!v->is_array()) {
    Fail(Msg::kHttpFieldType, {Field(name), "array"});
    return *this;
  }
  if (v->size() > max_items) {
    Fail(Msg::kHttpFieldTooMany, {Field(name), std::to_string(max_items)});
    return *this;
  }
  std::vector<std::string> items;
  for (std::size_t i = 0; i < v->size(); ++i) {
    const Json& item = (*v)[i];
    const std::string field = fmt::format("{}[{}]", Field(name), i);
    if (!item.is_string()) {
      Fail(Msg::kHttpFieldType, {field, "string"});
      return *this;
    }
    if (item.get_ref<const std::string&>().size() > max_chars) {
      Fail(Msg::kHttpFieldTooLong, {field, std::to_string(max_chars)});
      return *this;
    }
    items.push_back(item.get<std::string>());
  }
  out = std::move(items);
  return *this;
}

FieldReader& FieldReader::NumberMap(const char* name, std::map<std::string, double>& out,
                                    std::size_t max_items, double lo, double hi) {
  const Json* v = Get(name, false);
  if (v == nullptr) return *this;
  if (!v->is_object()) {
    Fail(Msg::kHttpFieldType, {Field(name), "object"});
    return *this;
  }
  if (v->size() > max_items) {
    Fail(Msg::kHttpFieldTooMany, {Field(name), std::to_string(max_items)});
    return *this;
  }
  std::map<std::string, double> items;
  for (const auto& [key, item] : v->items()) {
    const std::string field = Field(name) + "." + key;
    if (!item.is_number()) {
      Fail(Msg::kHttpFieldType, {field, "number"});
      return *this;
    }
    const double d = item.get<double>();
    if (!std::isfinite(d) || d < lo || d > hi) {
      Fail(Msg::kHttpFieldRange,
           {field, Excerpt(item), fmt::format("{}", lo), fmt::format("{}", hi)});
      return *this;
    }
    items[key] = d;
  }
  out = std::move(items);
  return *this;
}

std::optional<Error> FieldReader::Finish() {
  if (!error_ && object_.is_object()) {
    for (const auto& [key, value] : object_.items()) {
      if (known_.contains(key)) continue;
      std::string all;
      for (const auto& k : known_) all += (all.empty() ? "" : ", ") + k;
      Fail(Msg::kHttpFieldUnknown, {Field(Utf8Prefix(key, 64).c_str()), all});
      break;
    }
  }
  return error_;
}

}  // namespace jangkau::server
