#include "interop/fhir.h"

#include <array>
#include <map>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "base/text_util.h"
#include "interop/json_text.h"

namespace jangkau::interop {

using Json = nlohmann::json;

namespace {

// --- writing ---

uint64_t Fnv1a(std::string_view s, uint64_t basis) {
  uint64_t h = basis;
  for (const char ch : s) {
    h ^= static_cast<unsigned char>(ch);
    h *= 0x100000001b3ULL;
  }
  return h;
}

uint64_t Mix(uint64_t z) {  // splitmix64's finaliser
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

std::string DigitsOf(std::string_view code) {
  std::string out;
  for (const char ch : code) {
    if (ch >= '0' && ch <= '9') out += ch;
  }
  return out;
}

OrderedJson Coding(std::string_view system, std::string_view code, std::string_view display) {
  OrderedJson c = {{"system", system}, {"code", code}};
  if (!display.empty()) c["display"] = display;
  return c;
}

OrderedJson SubExtension(std::string_view url, std::string_view type, OrderedJson value) {
  return OrderedJson{{"url", url}, {std::string("value") + std::string(type), std::move(value)}};
}

std::string OrganizationSystem(const FhirOptions& o) {
  return o.ihs.empty() ? std::string(fhir::kJangkauFacilityCode)
                       : std::string(fhir::kOrganizationIds) + o.ihs;
}
std::string LocationSystem(const FhirOptions& o) {
  return o.ihs.empty() ? std::string(fhir::kJangkauFacilityCode)
                       : std::string(fhir::kLocationIds) + o.ihs;
}

std::string Reference(const FhirOptions& o, std::string_view type, const std::string& id) {
  return o.bundle ? "urn:uuid:" + id : std::string(type) + "/" + id;
}

// The address with SATUSEHAT's administrativeCode extension (Kemendagri codes without dots);
// null when there is nothing to say.
OrderedJson Address(const Facility& f) {
  const std::string village = DigitsOf(f.kode_desa);
  std::string district = DigitsOf(f.kode_kecamatan);
  if (district.empty() && village.size() >= 6) district = village.substr(0, 6);
  OrderedJson codes = OrderedJson::array();
  if (district.size() >= 4) {
    codes.push_back(SubExtension("province", "Code", district.substr(0, 2)));
    codes.push_back(SubExtension("city", "Code", district.substr(0, 4)));
    codes.push_back(SubExtension("district", "Code", district));
  }
  if (!village.empty()) codes.push_back(SubExtension("village", "Code", village));
  if (codes.empty() && f.alamat.empty()) return nullptr;
  OrderedJson a = {{"use", "work"}};
  if (!f.alamat.empty()) a["line"] = OrderedJson::array({f.alamat});
  a["country"] = "ID";
  if (!codes.empty()) {
    a["extension"] = OrderedJson::array(
        {OrderedJson{{"url", fhir::kAdministrativeCode}, {"extension", std::move(codes)}}});
  }
  return a;
}

OrderedJson FacilityExtension(const Facility& f) {
  OrderedJson parts = OrderedJson::array();
  parts.push_back(SubExtension("status", "Code", StatusKey(f.status)));
  if (f.rawat_inap) parts.push_back(SubExtension("rawatInap", "Boolean", *f.rawat_inap));
  if (f.rawat_inap && f.rawat_inap_assumed) {
    parts.push_back(SubExtension("rawatInapAsumsi", "Boolean", true));
  }
  if (f.area) parts.push_back(SubExtension("kategoriWilayah", "Code", AreaKey(*f.area)));
  if (f.area && f.area_assumed) parts.push_back(SubExtension("kategoriAsumsi", "Boolean", true));
  if (!f.assumption_basis.empty() && (f.rawat_inap_assumed || f.area_assumed)) {
    parts.push_back(SubExtension("dasarAsumsi", "String", f.assumption_basis));
  }
  if (f.bpjs) parts.push_back(SubExtension("bpjs", "Boolean", *f.bpjs));
  if (!f.akreditasi.empty()) parts.push_back(SubExtension("akreditasi", "String", f.akreditasi));
  if (!f.kode_kecamatan_bps.empty()) {
    parts.push_back(SubExtension("kodeKecamatanBps", "String", f.kode_kecamatan_bps));
  }
  if (!f.kode_kabupaten_bps.empty()) {
    parts.push_back(SubExtension("kodeKabupatenBps", "String", f.kode_kabupaten_bps));
  }
  return OrderedJson{{"url", fhir::kJangkauFacilityExt}, {"extension", std::move(parts)}};
}

std::string_view LocationStatus(FacilityStatus s) {
  switch (s) {
    case FacilityStatus::kBuka:
      return "active";
    case FacilityStatus::kTerendamBanjir:
      return "suspended";
    case FacilityStatus::kTutup:
      return "inactive";
  }
  return "active";
}

// HL7's practitioner-role code for a cadre's group, when one fits.
std::optional<std::pair<std::string_view, std::string_view>> Hl7Role(const Cadre* c) {
  if (c == nullptr) return std::nullopt;
  if (c->rumpun == "tenaga_medis") return std::pair{"doctor", "Doctor"};
  if (c->rumpun == "tenaga_keperawatan") return std::pair{"nurse", "Nurse"};
  if (c->rumpun == "tenaga_kefarmasian") return std::pair{"pharmacist", "Pharmacist"};
  return std::nullopt;
}

// The identifier a transaction entry is PUT by, or empty.
std::string IdentifierQuery(const OrderedJson& resource) {
  const auto it = resource.find("identifier");
  if (it == resource.end() || it->empty()) return {};
  const OrderedJson& first = it->front();
  return "identifier=" + PercentEncode(first.value("system", "") + "|" + first.value("value", ""));
}

}  // namespace

std::string StableUuid(std::string_view key) {
  uint64_t hi = Mix(Fnv1a(key, 0xcbf29ce484222325ULL));
  uint64_t lo = Mix(Fnv1a(key, 0x84222325cbf29ce4ULL) ^ hi);
  hi = (hi & 0xffffffffffff0fffULL) | 0x0000000000008000ULL;  // version 8
  lo = (lo & 0x3fffffffffffffffULL) | 0x8000000000000000ULL;  // variant 10
  return fmt::format("{:08x}-{:04x}-{:04x}-{:04x}-{:012x}", hi >> 32, (hi >> 16) & 0xffff,
                     hi & 0xffff, lo >> 48, lo & 0xffffffffffffULL);
}

FhirResources ToFhir(const FhirRegistry& registry, const CadreCatalog& cadres,
                     const FhirOptions& options) {
  FhirResources out;
  std::map<std::string, std::pair<std::string, std::string>> facility_refs;  // kode -> org, loc
  for (const Facility& f : registry.facilities) {
    const std::string org_id = StableUuid("Organization|" + f.kode);
    const std::string loc_id = StableUuid("Location|" + f.kode);
    facility_refs[f.kode] = {org_id, loc_id};
    const OrderedJson address = Address(f);

    OrderedJson org = {{"resourceType", "Organization"}, {"id", org_id}};
    org["extension"] = OrderedJson::array({FacilityExtension(f)});
    org["identifier"] = OrderedJson::array({OrderedJson{
        {"use", "official"}, {"system", OrganizationSystem(options)}, {"value", f.kode}}});
    org["active"] = true;
    org["type"] = OrderedJson::array(
        {OrderedJson{{"coding", OrderedJson::array(
                                    {Coding(fhir::kOrganizationType, "prov", "Healthcare Provider"),
                                     Coding(fhir::kJangkauFacilityType, TypeKey(f.type), "")})}}});
    org["name"] = f.nama;
    if (!address.is_null()) org["address"] = OrderedJson::array({address});
    out.organizations.push_back(std::move(org));

    OrderedJson loc = {{"resourceType", "Location"}, {"id", loc_id}};
    loc["identifier"] = OrderedJson::array(
        {OrderedJson{{"use", "official"}, {"system", LocationSystem(options)}, {"value", f.kode}}});
    loc["status"] = LocationStatus(f.status);
    if (f.status != FacilityStatus::kBuka) {
      loc["operationalStatus"] = Coding(fhir::kOperationalStatus, "C", "Closed");
    }
    loc["name"] = f.nama;
    loc["mode"] = "instance";
    loc["physicalType"] = OrderedJson{
        {"coding", OrderedJson::array({Coding(fhir::kPhysicalType, "bu", "Building")})}};
    if (!address.is_null()) loc["address"] = address;
    if (f.lon && f.lat) loc["position"] = OrderedJson{{"longitude", *f.lon}, {"latitude", *f.lat}};
    loc["managingOrganization"] =
        OrderedJson{{"reference", Reference(options, "Organization", org_id)}, {"display", f.nama}};
    out.locations.push_back(std::move(loc));
  }

  // One Practitioner per NIK; a roster row without one is a person of its own.
  std::map<std::string, std::string> practitioner_ids;  // key -> id
  std::map<std::string, int> occurrences;
  for (const StaffMember& m : registry.staff) {
    std::string key;
    if (!m.nik.empty()) {
      key = "nik:" + m.nik;
    } else {
      const std::string row = m.kode_faskes + "|" + m.nama + "|" + m.tanggal_lahir.Iso();
      key = fmt::format("row:{}|{}", row, occurrences[row]++);
    }
    auto [it, added] = practitioner_ids.emplace(key, StableUuid("Practitioner|" + key));
    const std::string& prac_id = it->second;
    if (added) {
      OrderedJson p = {{"resourceType", "Practitioner"}, {"id", prac_id}};
      if (!m.nik.empty()) {
        p["identifier"] = OrderedJson::array(
            {OrderedJson{{"use", "official"}, {"system", fhir::kNik}, {"value", m.nik}}});
      }
      p["active"] = true;
      p["name"] = OrderedJson::array({OrderedJson{{"use", "official"}, {"text", m.nama}}});
      p["birthDate"] = m.tanggal_lahir.Iso();
      if (m.str_berlaku_sampai) {
        p["qualification"] = OrderedJson::array({OrderedJson{
            {"code",
             OrderedJson{{"coding", OrderedJson::array({Coding(fhir::kQualificationCodes, "STR-KKI",
                                                               "Surat Tanda Registrasi")})}}},
            {"period", OrderedJson{{"end", m.str_berlaku_sampai->Iso()}}}}});
      }
      out.practitioners.push_back(std::move(p));
    }

    const std::string role_key = key + "|" + m.kode_faskes + "|" + m.cadre;
    const std::string role_id = StableUuid(
        fmt::format("PractitionerRole|{}|{}", role_key, occurrences["role|" + role_key]++));
    OrderedJson parts = OrderedJson::array();
    parts.push_back(SubExtension("statusKepegawaian", "Code", EmploymentKey(m.employment)));
    if (!m.jabatan.empty()) parts.push_back(SubExtension("jabatan", "String", m.jabatan));
    for (const std::string& t : m.pelatihan)
      parts.push_back(SubExtension("pelatihan", "String", t));
    const Cadre* cadre = cadres.Find(m.cadre);
    OrderedJson codings =
        OrderedJson::array({Coding(fhir::kJangkauCadre, m.cadre, cadre ? cadre->nama : "")});
    if (auto hl7 = Hl7Role(cadre))
      codings.push_back(Coding(fhir::kPractitionerRole, hl7->first, hl7->second));

    OrderedJson r = {{"resourceType", "PractitionerRole"}, {"id", role_id}};
    r["extension"] = OrderedJson::array(
        {OrderedJson{{"url", fhir::kJangkauStaffExt}, {"extension", std::move(parts)}}});
    r["active"] = true;
    r["practitioner"] = OrderedJson{{"reference", Reference(options, "Practitioner", prac_id)},
                                    {"display", m.nama}};
    const auto fac = facility_refs.find(m.kode_faskes);
    if (fac != facility_refs.end()) {
      r["organization"] =
          OrderedJson{{"reference", Reference(options, "Organization", fac->second.first)}};
    }
    r["code"] = OrderedJson::array({OrderedJson{{"coding", std::move(codings)}}});
    if (fac != facility_refs.end()) {
      r["location"] = OrderedJson::array(
          {OrderedJson{{"reference", Reference(options, "Location", fac->second.second)}}});
    }
    out.roles.push_back(std::move(r));
  }
  return out;
}

std::string BundleText(const FhirResources& resources, const FhirOptions& options) {
  OrderedJson entries = OrderedJson::array();
  auto add = [&](const std::vector<OrderedJson>& list) {
    for (const OrderedJson& r : list) {
      const std::string type = r["resourceType"].get<std::string>();
      const std::string id = r["id"].get<std::string>();
      const std::string query = IdentifierQuery(r);
      std::string path = type;
      path += "/";
      path += id;
      OrderedJson e = {{"fullUrl", options.bundle ? "urn:uuid:" + id : path}, {"resource", r}};
      std::string url = type;
      url += query.empty() ? "/" + id : "?" + query;
      e["request"] = OrderedJson{{"method", "PUT"}, {"url", std::move(url)}};
      entries.push_back(std::move(e));
    }
  };
  add(resources.organizations);
  add(resources.locations);
  add(resources.practitioners);
  add(resources.roles);
  OrderedJson bundle = {
      {"resourceType", "Bundle"}, {"type", "transaction"}, {"entry", std::move(entries)}};
  return bundle.dump(2) + "\n";
}

std::string NdjsonText(const FhirResources& resources) {
  std::string out;
  for (const auto* list : {&resources.organizations, &resources.locations, &resources.practitioners,
                           &resources.roles}) {
    for (const OrderedJson& r : *list) out += r.dump() + "\n";
  }
  return out;
}

// --- reading ---

namespace {

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
std::string RefKey(std::string_view ref) {
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

  void Resource(const Json& r, const std::string& path, const std::string& full_url) {
    ++resources_;
    if (!r.is_object()) {
      in_.WrongType(path, "object");
      return;
    }
    auto type = in_.String(r, "resourceType", path, true);
    if (!type) return;
    std::vector<std::string> keys;
    if (!full_url.empty()) keys.push_back(RefKey(full_url));
    if (auto id = in_.String(r, "id", path)) keys.push_back(*type + "/" + *id);
    const Origin at{path, in_.line()};
    std::optional<std::size_t> index;
    std::map<std::string, std::size_t>* refs = nullptr;
    if (*type == "Organization") {
      index = ReadOrganization(r, at);
      refs = &org_refs_;
    } else if (*type == "Location") {
      ReadLocation(r, at);
    } else if (*type == "Practitioner") {
      index = ReadPractitioner(r, at);
      refs = &prac_refs_;
    } else if (*type == "PractitionerRole") {
      ReadRole(r, at);
    } else {
      in_.Problem(Severity::kWarning, path, Msg::kFhirSkipped, {"resourceType", *type});
      return;
    }
    if (refs == nullptr || !index) return;
    for (const std::string& k : keys) {
      if (!refs->emplace(k, *index).second) {
        in_.Error(JsonPath(path, "id"), Msg::kFhirDuplicate, {"id", *type, k, path});
      }
    }
  }

  FhirRead Finish() {
    FhirRead out;
    out.resources = resources_;
    // Locations: the facility's site (its position, status, address).
    std::map<std::size_t, std::string> located;  // org index -> path of its Location
    for (LocIn& l : locations_) {
      in_.SetLine(l.at.line);
      const auto org = org_refs_.find(l.org_key);
      if (org == org_refs_.end()) {
        in_.Error(l.org_path, Msg::kFhirBadReference, {"reference", l.org_key, "Organization"});
        continue;
      }
      OrgIn& o = orgs_[org->second];
      auto [it, first] = located.emplace(org->second, l.at.path);
      if (!first) {
        in_.Error(l.at.path, Msg::kFhirDuplicate,
                  {"Location", "Organization", o.f.kode, it->second});
        continue;
      }
      o.f.lon = l.lon;
      o.f.lat = l.lat;
      if (l.lon) out.places.push_back({o.f.kode, l.at.line, l.position_path});
      if (l.status && !o.has_status) o.f.status = *l.status;
      if (l.address && !o.has_address) {
        o.f.kode_desa = l.address->kode_desa;
        o.f.kode_kecamatan = l.address->kode_kecamatan;
        o.f.alamat = l.address->alamat;
      }
    }
    for (OrgIn& o : orgs_) out.registry.facilities.push_back(std::move(o.f));
    for (const RoleIn& r : roles_) {
      in_.SetLine(r.at.line);
      const auto prac = prac_refs_.find(r.prac_key);
      const auto org = org_refs_.find(r.org_key);
      if (prac == prac_refs_.end()) {
        in_.Error(r.prac_path, Msg::kFhirBadReference, {"reference", r.prac_key, "Practitioner"});
      }
      if (org == org_refs_.end()) {
        in_.Error(r.org_path, Msg::kFhirBadReference, {"reference", r.org_key, "Organization"});
      }
      if (prac == prac_refs_.end() || org == org_refs_.end() || r.cadre.empty()) continue;
      PracIn& p = pracs_[prac->second];
      p.used = true;
      if (!p.lahir) continue;  // refused where it was read
      StaffMember m;
      m.kode_faskes = out.registry.facilities[org->second].kode;
      m.nama = p.nama;
      m.nik = p.nik;
      m.cadre = r.cadre;
      m.employment = r.employment;
      m.tanggal_lahir = *p.lahir;
      m.jabatan = r.jabatan;
      m.pelatihan = r.pelatihan;
      m.str_berlaku_sampai = p.str;
      m.source_line = r.at.line;
      out.registry.staff.push_back(std::move(m));
    }
    for (const PracIn& p : pracs_) {
      in_.SetLine(p.at.line);
      if (!p.used)
        in_.Problem(Severity::kWarning, p.at.path, Msg::kFhirNoRole, {"Practitioner", p.nama});
    }
    return out;
  }

 private:
  std::optional<AddressIn> ReadAddress(const Json& a, const std::string& path) {
    if (!a.is_object()) {
      in_.WrongType(path, "object");
      return std::nullopt;
    }
    AddressIn out;
    const Json& lines = in_.Array(a, "line", path);
    if (!lines.empty()) {
      if (!lines[0].is_string()) {
        in_.WrongType(JsonPath(JsonPath(path, "line"), 0), "string");
      } else {
        out.alamat = lines[0].get<std::string>();
      }
    }
    const Json& exts = in_.Array(a, "extension", path);
    for (std::size_t i = 0; i < exts.size(); ++i) {
      const std::string ep = JsonPath(JsonPath(path, "extension"), i);
      auto url = in_.String(exts[i], "url", ep, true);
      if (!url || *url != fhir::kAdministrativeCode) continue;
      const Json& codes = in_.Array(exts[i], "extension", ep);
      for (std::size_t k = 0; k < codes.size(); ++k) {
        const std::string cp = JsonPath(JsonPath(ep, "extension"), k);
        auto level = in_.String(codes[k], "url", cp, true);
        auto code = in_.String(codes[k], "valueCode", cp, true);
        if (!level || !code) continue;
        const std::string vp = JsonPath(cp, "valueCode");
        const bool digits = DigitsOf(*code) == *code;
        if (*level == "district") {
          if (!digits || code->size() != 6) {
            in_.Error(vp, Msg::kBadCode, {"valueCode", *code, "6 digit kecamatan"});
          } else {
            out.kode_kecamatan =
                fmt::format("{}.{}.{}", code->substr(0, 2), code->substr(2, 2), code->substr(4, 2));
          }
        } else if (*level == "village") {
          if (!digits || code->size() != 10) {
            in_.Error(vp, Msg::kBadCode, {"valueCode", *code, "10 digit desa"});
          } else {
            out.kode_desa = fmt::format("{}.{}.{}.{}", code->substr(0, 2), code->substr(2, 2),
                                        code->substr(4, 2), code->substr(6, 4));
          }
        }
      }
    }
    return out;
  }

  std::optional<std::string> FacilityCodeOf(const Json& r, const std::string& path) {
    const Json& ids = in_.Array(r, "identifier", path);
    for (std::size_t i = 0; i < ids.size(); ++i) {
      const std::string ip = JsonPath(JsonPath(path, "identifier"), i);
      auto system = in_.String(ids[i], "system", ip);
      if (!system) continue;
      if (*system == fhir::kJangkauFacilityCode || system->starts_with(fhir::kOrganizationIds)) {
        return in_.String(ids[i], "value", ip, true);
      }
    }
    in_.Error(JsonPath(path, "identifier"), Msg::kFhirNoCode,
              {"identifier",
               fmt::format("{} / {}{{IHS}}", fhir::kJangkauFacilityCode, fhir::kOrganizationIds)});
    return std::nullopt;
  }

  std::optional<std::size_t> ReadOrganization(const Json& r, const Origin& at) {
    const std::string& path = at.path;
    OrgIn o;
    o.at = at;
    auto kode = FacilityCodeOf(r, path);
    auto nama = in_.String(r, "name", path, true);
    // The facility's type: Jangkau's coding, else any coding or text that names one.
    std::optional<FacilityType> type;
    bool typed = false;
    const Json& types = in_.Array(r, "type", path);
    for (std::size_t i = 0; i < types.size() && !type; ++i) {
      const std::string tp = JsonPath(JsonPath(path, "type"), i);
      const Json& codings = in_.Array(types[i], "coding", tp);
      for (std::size_t k = 0; k < codings.size() && !type; ++k) {
        const std::string cp = JsonPath(JsonPath(tp, "coding"), k);
        auto system = in_.String(codings[k], "system", cp);
        auto code = in_.String(codings[k], "code", cp);
        if (system && *system == fhir::kJangkauFacilityType) {
          typed = true;
          type = code ? ParseFacilityType(*code) : std::nullopt;
          if (!type) {
            in_.Error(JsonPath(cp, "code"), Msg::kJsonChoice,
                      {"code", code.value_or(""), FacilityTypeChoices()});
          }
        } else if (auto display = in_.String(codings[k], "display", cp)) {
          if (system && *system == fhir::kOrganizationType) continue;
          type = ParseFacilityType(*display);
        }
      }
      if (!type) {
        if (auto text = in_.String(types[i], "text", tp)) type = ParseFacilityType(*text);
      }
    }
    if (!type && !typed) {
      in_.Error(JsonPath(path, "type"), Msg::kJsonChoice,
                {"type", "",
                 FacilityTypeChoices() + " (" + std::string(fhir::kJangkauFacilityType) + ")"});
    }
    const Json& addresses = in_.Array(r, "address", path);
    if (!addresses.empty()) {
      if (auto a = ReadAddress(addresses[0], JsonPath(JsonPath(path, "address"), 0))) {
        o.f.kode_desa = a->kode_desa;
        o.f.kode_kecamatan = a->kode_kecamatan;
        o.f.alamat = a->alamat;
        o.has_address = true;
      }
    }
    ReadFacilityExtension(r, path, o);
    if (!kode || !nama || !type) return std::nullopt;
    o.f.kode = *kode;
    o.f.nama = *nama;
    o.f.type = *type;
    o.f.source_line = at.line;
    const auto [it, added] = org_codes_.emplace(*kode, path);
    if (!added) {
      in_.Error(JsonPath(path, "identifier"), Msg::kFhirDuplicate,
                {"identifier", "kode_faskes", *kode, it->second});
      return std::nullopt;
    }
    orgs_.push_back(std::move(o));
    return orgs_.size() - 1;
  }

  void ReadFacilityExtension(const Json& r, const std::string& path, OrgIn& o) {
    const Json& exts = in_.Array(r, "extension", path);
    for (std::size_t i = 0; i < exts.size(); ++i) {
      const std::string ep = JsonPath(JsonPath(path, "extension"), i);
      auto url = in_.String(exts[i], "url", ep, true);
      if (!url || *url != fhir::kJangkauFacilityExt) continue;
      const Json& parts = in_.Array(exts[i], "extension", ep);
      for (std::size_t k = 0; k < parts.size(); ++k) {
        const std::string pp = JsonPath(JsonPath(ep, "extension"), k);
        auto name = in_.String(parts[k], "url", pp, true);
        if (!name) continue;
        Facility& f = o.f;
        if (*name == "status") {
          auto v = in_.String(parts[k], "valueCode", pp, true);
          auto s = v ? ParseStatus(*v) : std::nullopt;
          if (v && !s)
            in_.Error(JsonPath(pp, "valueCode"), Msg::kJsonChoice,
                      {"valueCode", *v, StatusChoices()});
          if (s) {
            f.status = *s;
            o.has_status = true;
          }
        } else if (*name == "rawatInap") {
          f.rawat_inap = in_.Bool(parts[k], "valueBoolean", pp);
        } else if (*name == "rawatInapAsumsi") {
          f.rawat_inap_assumed = in_.Bool(parts[k], "valueBoolean", pp).value_or(false);
        } else if (*name == "kategoriWilayah") {
          auto v = in_.String(parts[k], "valueCode", pp, true);
          f.area = v ? ParseArea(*v) : std::nullopt;
          if (v && !f.area)
            in_.Error(JsonPath(pp, "valueCode"), Msg::kJsonChoice,
                      {"valueCode", *v, AreaChoices()});
        } else if (*name == "kategoriAsumsi") {
          f.area_assumed = in_.Bool(parts[k], "valueBoolean", pp).value_or(false);
        } else if (*name == "dasarAsumsi") {
          f.assumption_basis = in_.String(parts[k], "valueString", pp).value_or("");
        } else if (*name == "bpjs") {
          f.bpjs = in_.Bool(parts[k], "valueBoolean", pp);
        } else if (*name == "akreditasi") {
          f.akreditasi = in_.String(parts[k], "valueString", pp).value_or("");
        } else if (*name == "kodeKecamatanBps") {
          f.kode_kecamatan_bps = in_.String(parts[k], "valueString", pp).value_or("");
        } else if (*name == "kodeKabupatenBps") {
          f.kode_kabupaten_bps = in_.String(parts[k], "valueString", pp).value_or("");
        }
      }
    }
  }

  void ReadLocation(const Json& r, const Origin& at) {
    const std::string& path = at.path;
    // Rooms, wards and beds are not facilities: only a site (or a Location that does not say).
    if (const Json* pt = in_.Object(r, "physicalType", path)) {
      const Json& codings = in_.Array(*pt, "coding", JsonPath(path, "physicalType"));
      for (const Json& c : codings) {
        const Json* code = Reader::Member(c, "code");
        if (code != nullptr && code->is_string() && *code != "si" && *code != "bu") {
          in_.Problem(Severity::kWarning, path, Msg::kFhirSkipped,
                      {"physicalType", "Location (" + code->get<std::string>() + ")"});
          return;
        }
      }
    }
    LocIn l;
    l.at = at;
    const std::string mo = JsonPath(path, "managingOrganization");
    const Json* org = in_.Object(r, "managingOrganization", path);
    if (org == nullptr) {
      if (Reader::Member(r, "managingOrganization") == nullptr) {
        in_.Error(mo, Msg::kJsonRequired, {"managingOrganization"});
      }
      return;
    }
    auto ref = in_.String(*org, "reference", mo, true);
    if (!ref) return;
    l.org_key = RefKey(*ref);
    l.org_path = JsonPath(mo, "reference");
    if (auto status = in_.String(r, "status", path)) {
      if (*status == "active") {
        l.status = FacilityStatus::kBuka;
      } else if (*status == "suspended" || *status == "inactive") {
        l.status = FacilityStatus::kTutup;
      } else {
        in_.Error(JsonPath(path, "status"), Msg::kJsonChoice,
                  {"status", *status, "active, suspended, inactive"});
      }
    }
    if (const Json* a = Reader::Member(r, "address"))
      l.address = ReadAddress(*a, JsonPath(path, "address"));
    if (const Json* pos = in_.Object(r, "position", path)) {
      const std::string pp = JsonPath(path, "position");
      auto lon = in_.Number(*pos, "longitude", pp, true);
      auto lat = in_.Number(*pos, "latitude", pp, true);
      if (lon && lat) {
        if (InsideIndonesia(*lat, *lon)) {
          l.lon = lon;
          l.lat = lat;
          l.position_path = pp;
        } else if (InsideIndonesia(*lon, *lat)) {
          in_.Error(pp, Msg::kCoordSwapped, {fmt::format("{}", *lat), fmt::format("{}", *lon)});
        } else {
          in_.Error(pp, Msg::kCoordOutside, {fmt::format("{}", *lat), fmt::format("{}", *lon)});
        }
      }
    }
    locations_.push_back(std::move(l));
  }

  std::optional<std::size_t> ReadPractitioner(const Json& r, const Origin& at) {
    const std::string& path = at.path;
    PracIn p;
    p.at = at;
    const Json& ids = in_.Array(r, "identifier", path);
    for (std::size_t i = 0; i < ids.size(); ++i) {
      const std::string ip = JsonPath(JsonPath(path, "identifier"), i);
      auto system = in_.String(ids[i], "system", ip);
      if (!system || *system != fhir::kNik) continue;
      auto nik = in_.String(ids[i], "value", ip, true);
      if (!nik) continue;
      if (nik->size() != 16 || DigitsOf(*nik) != *nik) {
        in_.Error(JsonPath(ip, "value"), Msg::kBadNik, {"value", *nik});
      } else {
        p.nik = *nik;
      }
    }
    const Json& names = in_.Array(r, "name", path);
    if (!names.empty()) {
      const std::string np = JsonPath(JsonPath(path, "name"), 0);
      if (auto text = in_.String(names[0], "text", np)) {
        p.nama = std::string(Trim(*text));
      } else if (names[0].is_object()) {
        std::string joined;
        for (const Json& g : in_.Array(names[0], "given", np)) {
          if (g.is_string()) joined += (joined.empty() ? "" : " ") + g.get<std::string>();
        }
        if (auto family = in_.String(names[0], "family", np))
          joined += (joined.empty() ? "" : " ") + *family;
        p.nama = std::string(Trim(joined));
      }
    }
    if (p.nama.empty()) in_.Error(JsonPath(path, "name"), Msg::kJsonRequired, {"name"});
    if (auto birth = in_.String(r, "birthDate", path, true)) {
      const std::string bp = JsonPath(path, "birthDate");
      p.lahir = IsoDate(*birth);
      if (!p.lahir) {
        in_.Error(bp, Msg::kBadDate, {"birthDate", *birth});
      } else if (*p.lahir > ctx_.today) {
        in_.Error(bp, Msg::kDateInFuture, {"birthDate", p.lahir->Iso()});
        p.lahir.reset();
      }
    }
    const Json& quals = in_.Array(r, "qualification", path);
    for (std::size_t i = 0; i < quals.size(); ++i) {
      const std::string qp = JsonPath(JsonPath(path, "qualification"), i);
      const Json* code = in_.Object(quals[i], "code", qp);
      if (code == nullptr) continue;
      bool str = false;
      for (const Json& c : in_.Array(*code, "coding", JsonPath(qp, "code"))) {
        const Json* system = Reader::Member(c, "system");
        const Json* value = Reader::Member(c, "code");
        str =
            str || (system != nullptr && *system == fhir::kQualificationCodes && value != nullptr &&
                    value->is_string() && value->get<std::string>().starts_with("STR"));
      }
      if (!str) continue;
      if (const Json* period = in_.Object(quals[i], "period", qp)) {
        if (auto end = in_.String(*period, "end", JsonPath(qp, "period"))) {
          p.str = IsoDate(end->substr(0, 10));
          if (!p.str)
            in_.Error(JsonPath(JsonPath(qp, "period"), "end"), Msg::kBadDate, {"end", *end});
        }
      }
    }
    // Kept even when refused, so that its roles do not also report a dangling reference.
    pracs_.push_back(std::move(p));
    return pracs_.size() - 1;
  }

  void ReadRole(const Json& r, const Origin& at) {
    const std::string& path = at.path;
    RoleIn role;
    role.at = at;
    auto reference = [&](const char* field, std::string& key, std::string& ref_path) {
      const std::string fp = JsonPath(path, field);
      const Json* o = in_.Object(r, field, path);
      if (o == nullptr) {
        if (Reader::Member(r, field) == nullptr) in_.Error(fp, Msg::kJsonRequired, {field});
        return false;
      }
      auto ref = in_.String(*o, "reference", fp, true);
      if (!ref) return false;
      key = RefKey(*ref);
      ref_path = JsonPath(fp, "reference");
      return true;
    };
    const bool has_prac = reference("practitioner", role.prac_key, role.prac_path);
    const bool has_org = reference("organization", role.org_key, role.org_path);
    // The cadre: Jangkau's coding, else a code, display or text the cadre catalogue knows.
    const Json& codes = in_.Array(r, "code", path);
    std::string seen;
    std::string seen_path = JsonPath(path, "code");
    for (std::size_t i = 0; i < codes.size() && role.cadre.empty(); ++i) {
      const std::string cp = JsonPath(JsonPath(path, "code"), i);
      const Json& codings = in_.Array(codes[i], "coding", cp);
      for (std::size_t k = 0; k < codings.size() && role.cadre.empty(); ++k) {
        const std::string kp = JsonPath(JsonPath(cp, "coding"), k);
        auto system = in_.String(codings[k], "system", kp);
        auto code = in_.String(codings[k], "code", kp);
        if (system && *system == fhir::kPractitionerRole) continue;
        if (code) {
          if (seen.empty()) {
            seen = *code;
            seen_path = JsonPath(kp, "code");
          }
          if (system && *system == fhir::kJangkauCadre) {
            if (ctx_.cadres.Find(*code) != nullptr) role.cadre = *code;
          } else if (auto c = ctx_.cadres.Normalize(*code)) {
            role.cadre = *c;
          }
        }
        if (auto display = in_.String(codings[k], "display", kp);
            display && role.cadre.empty() && !(system && *system == fhir::kJangkauCadre)) {
          if (auto c = ctx_.cadres.Normalize(*display)) role.cadre = *c;
        }
      }
      if (role.cadre.empty()) {
        if (auto text = in_.String(codes[i], "text", cp)) {
          if (seen.empty()) {
            seen = *text;
            seen_path = JsonPath(cp, "text");
          }
          if (auto c = ctx_.cadres.Normalize(*text)) role.cadre = *c;
        }
      }
    }
    if (role.cadre.empty())
      in_.Error(seen_path, Msg::kUnknownCadre, {Reader::Leaf(seen_path), seen});
    const Json& exts = in_.Array(r, "extension", path);
    for (std::size_t i = 0; i < exts.size(); ++i) {
      const std::string ep = JsonPath(JsonPath(path, "extension"), i);
      auto url = in_.String(exts[i], "url", ep, true);
      if (!url || *url != fhir::kJangkauStaffExt) continue;
      const Json& parts = in_.Array(exts[i], "extension", ep);
      for (std::size_t k = 0; k < parts.size(); ++k) {
        const std::string pp = JsonPath(JsonPath(ep, "extension"), k);
        auto name = in_.String(parts[k], "url", pp, true);
        if (!name) continue;
        if (*name == "statusKepegawaian") {
          auto v = in_.String(parts[k], "valueCode", pp, true);
          auto e = v ? ParseEmployment(*v) : std::nullopt;
          if (v && !e)
            in_.Error(JsonPath(pp, "valueCode"), Msg::kJsonChoice,
                      {"valueCode", *v, EmploymentChoices()});
          if (e) role.employment = *e;
        } else if (*name == "jabatan") {
          role.jabatan = in_.String(parts[k], "valueString", pp).value_or("");
        } else if (*name == "pelatihan") {
          if (auto t = in_.String(parts[k], "valueString", pp)) role.pelatihan.push_back(*t);
        }
      }
    }
    if (has_prac && has_org) roles_.push_back(std::move(role));
  }

  static std::optional<Date> IsoDate(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    return Date::Parse(text);
  }

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

constexpr int kMaxDepth = 32;

}  // namespace

FhirRead ReadFhir(std::string_view text, const std::string& file, bool ndjson,
                  const FhirReadContext& ctx, Diagnostics& diags) {
  FhirReader reader(ctx, diags, file);
  Reader top(diags, file);
  if (ndjson) {
    int64_t line = 0;
    std::size_t from = 0;
    while (from < text.size()) {
      const std::size_t end = std::min(text.find('\n', from), text.size());
      const std::string_view one = text.substr(from, end - from);
      from = end + 1;
      ++line;
      if (Trim(one).empty()) continue;
      reader.SetLine(line);
      top.SetLine(line);
      auto parsed = ParseJsonText(one, kMaxDepth);
      if (!parsed) {
        top.Error("", Msg::kJsonBad, {file, parsed.error()});
        continue;
      }
      reader.Resource(*parsed, "", "");
    }
    return reader.Finish();
  }
  auto parsed = ParseJsonText(text, kMaxDepth);
  if (!parsed) {
    top.Error("", Msg::kJsonBad, {file, parsed.error()});
    return {};
  }
  const Json& root = *parsed;
  if (!root.is_object()) {
    top.WrongType("(root)", "object");
    return {};
  }
  auto type = top.String(root, "resourceType", "", true);
  if (!type) return {};
  if (*type != "Bundle") {
    top.Error("resourceType", Msg::kFhirNotBundle, {"resourceType", *type});
    return {};
  }
  const Json& entries = top.Array(root, "entry", "");
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const std::string ep = JsonPath("entry", i);
    const Json& e = entries[i];
    if (!e.is_object()) {
      top.WrongType(ep, "object");
      continue;
    }
    const Json* resource = Reader::Member(e, "resource");
    if (resource == nullptr) continue;  // a request without a resource (DELETE): nothing to read
    const std::string full_url = top.String(e, "fullUrl", ep).value_or("");
    reader.Resource(*resource, JsonPath(ep, "resource"), full_url);
  }
  return reader.Finish();
}

}  // namespace jangkau::interop
