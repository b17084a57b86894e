#include "model/workforce.h"

#include <array>

#include "base/text_util.h"
#include "model/choice.h"

namespace jangkau {
namespace {

constexpr std::array<ChoiceEntry<Employment>, 16> kEmployments = {{
    {"pns", Employment::kPns},
    {"pppk", Employment::kPppk},
    {"ns", Employment::kNs},
    {"honorer", Employment::kHonorer},
    {"tidak_diketahui", Employment::kTidakDiketahui},
    {"asn", Employment::kPns},
    {"cpns", Employment::kPns},
    {"p3k", Employment::kPppk},
    {"nusantara_sehat", Employment::kNs},
    {"honor", Employment::kHonorer},
    {"tenaga_honorer", Employment::kHonorer},
    {"kontrak", Employment::kHonorer},
    {"tenaga_kontrak", Employment::kHonorer},
    {"thl", Employment::kHonorer},
    {"tks", Employment::kHonorer},
    {"unknown", Employment::kTidakDiketahui},
}};

constexpr std::array<ChoiceEntry<Condition>, 7> kConditions = {{
    {"baik", Condition::kBaik},
    {"rusak_ringan", Condition::kRusakRingan},
    {"rusak_berat", Condition::kRusakBerat},
    {"b", Condition::kBaik},
    {"rr", Condition::kRusakRingan},
    {"rb", Condition::kRusakBerat},
    {"berfungsi", Condition::kBaik},
}};

}  // namespace

CadreCatalog::CadreCatalog(std::vector<Cadre> cadres, const std::vector<CadreAlias>& aliases)
    : cadres_(std::move(cadres)) {
  for (const auto& c : cadres_) {
    by_key_.emplace(NormalizeKey(c.kode), c.kode);
    by_key_.emplace(NormalizeKey(c.nama), c.kode);
  }
  for (const auto& a : aliases) {
    if (Find(a.kode) != nullptr) by_key_[NormalizeKey(a.alias)] = a.kode;
  }
}

std::optional<std::string> CadreCatalog::Normalize(std::string_view typed) const {
  const std::optional<std::string> key = ChoiceKey(typed);
  if (!key) return std::nullopt;
  auto it = by_key_.find(*key);
  if (it == by_key_.end()) return std::nullopt;
  return it->second;
}

const Cadre* CadreCatalog::Find(std::string_view kode) const {
  for (const auto& c : cadres_) {
    if (c.kode == kode) return &c;
  }
  return nullptr;
}

std::string_view EmploymentKey(Employment e) { return CanonicalKey<Employment>(kEmployments, e); }
std::optional<Employment> ParseEmployment(std::string_view text) {
  return LookupChoice<Employment>(kEmployments, text);
}
std::string EmploymentChoices() { return CanonicalKeys<Employment>(kEmployments); }

std::string_view ConditionKey(Condition c) { return CanonicalKey<Condition>(kConditions, c); }
std::optional<Condition> ParseCondition(std::string_view text) {
  return LookupChoice<Condition>(kConditions, text);
}
std::string ConditionChoices() { return CanonicalKeys<Condition>(kConditions); }

}  // namespace jangkau
