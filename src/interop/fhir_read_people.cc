// Reading the health workers of a FHIR file (Practitioner, PractitionerRole); the rest of the
// reader is fhir_read.cc.
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

namespace jangkau::interop::fhir_read {

std::optional<std::size_t> FhirReader::ReadPractitioner(const Json& r, const Origin& at) {
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
    if (nik->size() != 16 || !AllDigits(*nik)) {
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
      str = str || (system != nullptr && *system == fhir::kQualificationCodes && value != nullptr &&
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

void FhirReader::ReadRole(const Json& r, const Origin& at) {
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
          // Jangkau's own code system: an unknown code is an error whatever follows it.
          if (ctx_.cadres.Find(*code) != nullptr) {
            role.cadre = *code;
          } else {
            in_.Error(JsonPath(kp, "code"), Msg::kUnknownCadre, {"code", *code});
            return;
          }
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
  if (role.cadre.empty()) in_.Error(seen_path, Msg::kUnknownCadre, {Reader::Leaf(seen_path), seen});
  ForEachSubExtension(r, path, fhir::kJangkauStaffExt,
                      [&](const std::string& name, const Json& part, const std::string& pp) {
                        if (name == "statusKepegawaian") {
                          auto v = in_.String(part, "valueCode", pp, true);
                          auto e = v ? ParseEmployment(*v) : std::nullopt;
                          if (v && !e)
                            in_.Error(JsonPath(pp, "valueCode"), Msg::kJsonChoice,
                                      {"valueCode", *v, EmploymentChoices()});
                          if (e) role.employment = *e;
                        } else if (name == "jabatan") {
                          role.jabatan = in_.String(part, "valueString", pp).value_or("");
                        } else if (name == "pelatihan") {
                          auto t = in_.String(part, "valueString", pp);
                          // The roster keeps a worker's trainings as one list separated by ';'.
                          if (t && t->find(';') != std::string::npos) {
                            in_.Error(JsonPath(pp, "valueString"), Msg::kFhirTrainingSeparator,
                                      {"valueString", *t});
                          } else if (t) {
                            role.pelatihan.push_back(*t);
                          }
                        }
                      });
  if (has_prac && has_org) roles_.push_back(std::move(role));
}

std::optional<Date> FhirReader::IsoDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  return Date::Parse(text);
}

}  // namespace jangkau::interop::fhir_read
