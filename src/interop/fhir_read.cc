// Reading SATUSEHAT FHIR R4 back into the registry (interop/fhir.h, ReadFhir): a Bundle or
// NDJSON, every problem a diagnostic at the resource's JSON path. The facilities here, the health
// workers in fhir_read_people.cc.
#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "base/text_util.h"
#include "interop/fhir.h"
#include "interop/fhir_reader.h"
#include "interop/json_text.h"

namespace jangkau::interop {

using Json = nlohmann::json;
namespace fhir_read {

void FhirReader::Resource(const Json& r, const std::string& path, const std::string& full_url) {
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

FhirRead FhirReader::Finish() {
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
      in_.Error(l.at.path, Msg::kFhirDuplicate, {"Location", "Organization", o.f.kode, it->second});
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
  for (std::size_t i = 0; i < orgs_.size(); ++i) {
    OrgIn& o = orgs_[i];
    if (!located.contains(i)) out.unsaid[o.f.kode] = {true, !o.has_status, !o.has_address};
    out.registry.facilities.push_back(std::move(o.f));
  }
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

std::optional<AddressIn> FhirReader::ReadAddress(const Json& a, const std::string& path) {
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
  ForEachSubExtension(
      a, path, fhir::kAdministrativeCode,
      [&](const std::string& level, const Json& part, const std::string& cp) {
        auto code = in_.String(part, "valueCode", cp, true);
        if (!code) return;
        const std::string vp = JsonPath(cp, "valueCode");
        const bool digits = AllDigits(*code);
        if (level == "district") {
          if (!digits || code->size() != 6) {
            in_.Error(vp, Msg::kBadCode, {"valueCode", *code, "6 digit kecamatan"});
          } else {
            out.kode_kecamatan =
                fmt::format("{}.{}.{}", code->substr(0, 2), code->substr(2, 2), code->substr(4, 2));
          }
        } else if (level == "village") {
          if (!digits || code->size() != 10) {
            in_.Error(vp, Msg::kBadCode, {"valueCode", *code, "10 digit desa"});
          } else {
            out.kode_desa = fmt::format("{}.{}.{}.{}", code->substr(0, 2), code->substr(2, 2),
                                        code->substr(4, 2), code->substr(6, 4));
          }
        }
      });
  return out;
}

void FhirReader::ForEachSubExtension(
    const Json& r, const std::string& path, std::string_view url,
    const std::function<void(const std::string&, const Json&, const std::string&)>& fn) {
  const Json& exts = in_.Array(r, "extension", path);
  for (std::size_t i = 0; i < exts.size(); ++i) {
    const std::string ep = JsonPath(JsonPath(path, "extension"), i);
    auto ext_url = in_.String(exts[i], "url", ep, true);
    if (!ext_url || *ext_url != url) continue;
    const Json& parts = in_.Array(exts[i], "extension", ep);
    for (std::size_t k = 0; k < parts.size(); ++k) {
      const std::string pp = JsonPath(JsonPath(ep, "extension"), k);
      if (auto name = in_.String(parts[k], "url", pp, true)) fn(*name, parts[k], pp);
    }
  }
}

std::optional<std::string> FhirReader::FacilityCodeOf(const Json& r, const std::string& path) {
  const Json& ids = in_.Array(r, "identifier", path);
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const std::string ip = JsonPath(JsonPath(path, "identifier"), i);
    auto system = in_.String(ids[i], "system", ip);
    if (!system) continue;
    if (*system == fhir::kJangkauFacilityCode || system->starts_with(fhir::kOrganizationIds)) {
      auto value = in_.String(ids[i], "value", ip, true);
      // The code is a key: " P1602010103" is not P1602010103, and not silently made so.
      if (value && (value->empty() || Trim(*value) != *value)) {
        in_.Error(JsonPath(ip, "value"), Msg::kJsonSpaces, {"value", *value});
        return std::nullopt;
      }
      return value;
    }
  }
  in_.Error(JsonPath(path, "identifier"), Msg::kFhirNoCode,
            {"identifier",
             fmt::format("{} / {}{{IHS}}", fhir::kJangkauFacilityCode, fhir::kOrganizationIds)});
  return std::nullopt;
}

std::optional<std::size_t> FhirReader::ReadOrganization(const Json& r, const Origin& at) {
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
    in_.Error(
        JsonPath(path, "type"), Msg::kJsonChoice,
        {"type", "", FacilityTypeChoices() + " (" + std::string(fhir::kJangkauFacilityType) + ")"});
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

void FhirReader::ReadFacilityExtension(const Json& r, const std::string& path, OrgIn& o) {
  ForEachSubExtension(r, path, fhir::kJangkauFacilityExt,
                      [&](const std::string& name, const Json& part, const std::string& pp) {
                        Facility& f = o.f;
                        if (name == "status") {
                          auto v = in_.String(part, "valueCode", pp, true);
                          auto s = v ? ParseStatus(*v) : std::nullopt;
                          if (v && !s)
                            in_.Error(JsonPath(pp, "valueCode"), Msg::kJsonChoice,
                                      {"valueCode", *v, StatusChoices()});
                          if (s) {
                            f.status = *s;
                            o.has_status = true;
                          }
                        } else if (name == "rawatInap") {
                          f.rawat_inap = in_.Bool(part, "valueBoolean", pp);
                        } else if (name == "rawatInapAsumsi") {
                          f.rawat_inap_assumed = in_.Bool(part, "valueBoolean", pp).value_or(false);
                        } else if (name == "kategoriWilayah") {
                          auto v = in_.String(part, "valueCode", pp, true);
                          f.area = v ? ParseArea(*v) : std::nullopt;
                          if (v && !f.area)
                            in_.Error(JsonPath(pp, "valueCode"), Msg::kJsonChoice,
                                      {"valueCode", *v, AreaChoices()});
                        } else if (name == "kategoriAsumsi") {
                          f.area_assumed = in_.Bool(part, "valueBoolean", pp).value_or(false);
                        } else if (name == "dasarAsumsi") {
                          f.assumption_basis = in_.String(part, "valueString", pp).value_or("");
                        } else if (name == "bpjs") {
                          f.bpjs = in_.Bool(part, "valueBoolean", pp);
                        } else if (name == "akreditasi") {
                          f.akreditasi = in_.String(part, "valueString", pp).value_or("");
                        } else if (name == "kodeKecamatanBps") {
                          f.kode_kecamatan_bps = in_.String(part, "valueString", pp).value_or("");
                        } else if (name == "skenario") {
                          // A what-if: its closed and flooded statuses are not the registry's.
                          in_.Error(
                              JsonPath(pp, "valueString"), Msg::kFhirScenarioExport,
                              {"valueString", in_.String(part, "valueString", pp).value_or("")});
                        } else if (name == "kodeKabupatenBps") {
                          f.kode_kabupaten_bps = in_.String(part, "valueString", pp).value_or("");
                        }
                      });
}

void FhirReader::ReadLocation(const Json& r, const Origin& at) {
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

}  // namespace fhir_read

namespace {
constexpr int kMaxDepth = 32;

}  // namespace

FhirRead ReadFhir(std::string_view text, const std::string& file, bool ndjson,
                  const FhirReadContext& ctx, Diagnostics& diags) {
  fhir_read::FhirReader reader(ctx, diags, file);
  fhir_read::Reader top(diags, file);
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
    const Json* resource = fhir_read::Reader::Member(e, "resource");
    if (resource == nullptr) continue;  // a request without a resource (DELETE): nothing to read
    const std::string full_url = top.String(e, "fullUrl", ep).value_or("");
    reader.Resource(*resource, JsonPath(ep, "resource"), full_url);
  }
  return reader.Finish();
}

}  // namespace jangkau::interop
