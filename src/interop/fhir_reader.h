// The FHIR reader's parts (internal to interop/: fhir_read.cc reads the facilities,
// fhir_read_people.cc the health workers): a reader of JSON fields that reports every problem at
// its path, and the resources as read before they are joined into the registry.
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "base/messages.h"
#include "interop/fhir.h"
#include "interop/json_text.h"

namespace jangkau::interop::fhir_read {

using Json = nlohmann::json;

inline bool AllDigits(std::string_view s) {
  return std::ranges::all_of(s, [](char ch) { return ch >= '0' && ch <= '9'; });
}

// Reads fields of JSON objects, reporting every problem at its path.
class Reader {
 public:
  Reader(Diagnostics& diags, const std::string& file) : diags_(diags), file_(file) {}
  void SetLine(int64_t line) { line_ = line; }
  int64_t line() const { return line_; }

  void Problem(Severity sev, const std::string& path, Msg msg, std::vector<std::string> args) {
    diags_.Add(Diagnostic{sev, file_, line_, 0, {}, msg, std::move(args), path});
  }
  void Error(const std::string& path, Msg msg, std::vector<std::string> args) {
    Problem(Severity::kError, path, msg, std::move(args));
  }
  static std::string Leaf(const std::string& path) {
    const std::size_t dot = path.rfind('.');
    return dot == std::string::npos ? path : path.substr(dot + 1);
  }
  void WrongType(const std::string& path, const char* type) {
    Error(path, Msg::kJsonType, {Leaf(path), type});
  }

  // The member `name` of `obj` (nullptr when absent or null).
  static const Json* Member(const Json& obj, const char* name) {
    if (!obj.is_object()) return nullptr;
    const auto it = obj.find(name);
    return it == obj.end() || it->is_null() ? nullptr : &*it;
  }
  std::optional<std::string> String(const Json& obj, const char* name, const std::string& base,
                                    bool required = false) {
    const std::string path = JsonPath(base, name);
    const Json* v = Member(obj, name);
    if (v == nullptr) {
      if (required) Error(path, Msg::kJsonRequired, {name});
      return std::nullopt;
    }
    if (!v->is_string()) {
      WrongType(path, "string");
      return std::nullopt;
    }
    const std::string& s = v->get_ref<const std::string&>();
    if (Trim(s).empty()) {
      if (required) Error(path, Msg::kJsonRequired, {name});
      return std::nullopt;
    }
    return s;
  }
  std::optional<bool> Bool(const Json& obj, const char* name, const std::string& base) {
    const Json* v = Member(obj, name);
    if (v == nullptr) return std::nullopt;
    if (!v->is_boolean()) {
      WrongType(JsonPath(base, name), "boolean");
      return std::nullopt;
    }
    return v->get<bool>();
  }
  std::optional<double> Number(const Json& obj, const char* name, const std::string& base,
                               bool required) {
    const std::string path = JsonPath(base, name);
    const Json* v = Member(obj, name);
    if (v == nullptr) {
      if (required) Error(path, Msg::kJsonRequired, {name});
      return std::nullopt;
    }
    if (!v->is_number() || !std::isfinite(v->get<double>())) {
      WrongType(path, "number");
      return std::nullopt;
    }
    return v->get<double>();
  }
  // The array `name` (empty when absent; an error when not an array).
  const Json& Array(const Json& obj, const char* name, const std::string& base) {
    static const Json kEmpty = Json::array();
    const Json* v = Member(obj, name);
    if (v == nullptr) return kEmpty;
    if (!v->is_array()) {
      WrongType(JsonPath(base, name), "array");
      return kEmpty;
    }
    return *v;
  }
  // `obj.name` when it is an object (nullptr when absent; an error when not an object).
  const Json* Object(const Json& obj, const char* name, const std::string& base) {
    const Json* v = Member(obj, name);
    if (v == nullptr) return nullptr;
    if (!v->is_object()) {
      WrongType(JsonPath(base, name), "object");
      return nullptr;
    }
    return v;
  }

 private:
  Diagnostics& diags_;
  const std::string& file_;
  int64_t line_ = 0;
};

// "urn:uuid:X" as it is, "http://server/fhir/Organization/X/_history/2" and "Organization/X" as
// "Organization/X".
inline std::string RefKey(std::string_view ref) {
  if (ref.starts_with("urn:")) return std::string(ref);
  std::vector<std::string> parts;
  std::size_t from = 0;
  while (from <= ref.size()) {
    const std::size_t slash = std::min(ref.find('/', from), ref.size());
    parts.emplace_back(ref.substr(from, slash - from));
    from = slash + 1;
  }
  if (parts.size() >= 4 && parts[parts.size() - 2] == "_history") parts.resize(parts.size() - 2);
  if (parts.size() < 2) return std::string(ref);
  return parts[parts.size() - 2] + "/" + parts.back();
}

struct Origin {
  std::string path;  // of the resource
  int64_t line = 0;
};

struct OrgIn {
  Origin at;
  Facility f;
  bool has_address = false;
  bool has_status = false;  // Jangkau's own status extension
};
struct AddressIn {
  std::string kode_desa, kode_kecamatan, alamat;
};
struct LocIn {
  Origin at;
  std::string org_key, org_path;
  std::optional<double> lon, lat;
  std::string position_path;
  std::optional<FacilityStatus> status;
  std::optional<AddressIn> address;
};
struct PracIn {
  Origin at;
  std::string nama, nik;
  std::optional<Date> lahir, str;
  bool used = false;
};
struct RoleIn {
  Origin at;
  std::string prac_key, prac_path, org_key, org_path;
  std::string cadre;
  Employment employment = Employment::kTidakDiketahui;
  std::string jabatan;
  std::vector<std::string> pelatihan;
};

class FhirReader {
 public:
  FhirReader(const FhirReadContext& ctx, Diagnostics& diags, const std::string& file)
      : ctx_(ctx), in_(diags, file) {}

  void SetLine(int64_t line) { in_.SetLine(line); }

  void Resource(const Json& r, const std::string& path, const std::string& full_url);

  FhirRead Finish();

 private:
  std::optional<AddressIn> ReadAddress(const Json& a, const std::string& path);

  // Each part of the extensions of `r` (at `path`) whose url is `url`: fn(the part's url, the
  // part, its path). A part without a url is reported and skipped.
  void ForEachSubExtension(
      const Json& r, const std::string& path, std::string_view url,
      const std::function<void(const std::string&, const Json&, const std::string&)>& fn);

  std::optional<std::string> FacilityCodeOf(const Json& r, const std::string& path);

  std::optional<std::size_t> ReadOrganization(const Json& r, const Origin& at);

  void ReadFacilityExtension(const Json& r, const std::string& path, OrgIn& o);

  void ReadLocation(const Json& r, const Origin& at);

  std::optional<std::size_t> ReadPractitioner(const Json& r, const Origin& at);

  void ReadRole(const Json& r, const Origin& at);

  static std::optional<Date> IsoDate(std::string_view text);

  const FhirReadContext& ctx_;
  Reader in_;
  int64_t resources_ = 0;
  std::vector<OrgIn> orgs_;
  std::vector<LocIn> locations_;
  std::vector<PracIn> pracs_;
  std::vector<RoleIn> roles_;
  std::map<std::string, std::size_t> org_refs_, prac_refs_;
  std::map<std::string, std::string> org_codes_;  // kode -> path
};

}  // namespace jangkau::interop::fhir_read
