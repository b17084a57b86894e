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

OrderedJson FacilityExtension(const Facility& f, const FhirOptions& options) {
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
  if (!options.scenario.empty()) {
    parts.push_back(SubExtension("skenario", "String", options.scenario));
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
    org["extension"] = OrderedJson::array({FacilityExtension(f, options)});
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

std::optional<Error> PersonConflict(const std::vector<StaffMember>& staff) {
  std::map<std::string_view, const StaffMember*> first;  // NIK -> its first row
  for (const StaffMember& m : staff) {
    if (m.nik.empty()) continue;
    const auto [it, added] = first.emplace(m.nik, &m);
    const StaffMember& a = *it->second;
    if (added || (a.nama == m.nama && a.tanggal_lahir == m.tanggal_lahir &&
                  a.str_berlaku_sampai == m.str_berlaku_sampai)) {
      continue;
    }
    auto who = [](const StaffMember& x) {
      return fmt::format("{} ({}, {}, STR {})", x.kode_faskes, x.nama, x.tanggal_lahir.Iso(),
                         x.str_berlaku_sampai ? x.str_berlaku_sampai->Iso() : "-");
    };
    return Error{Msg::kFhirNikConflict, {m.nik, who(a), who(m)}};
  }
  return std::nullopt;
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

}  // namespace jangkau::interop
