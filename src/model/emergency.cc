#include "model/emergency.h"

#include <array>

#include "base/text_util.h"
#include "model/choice.h"
#include "model/date.h"

namespace jangkau {
namespace {

constexpr std::array<ChoiceEntry<UnitKind>, 6> kUnitKinds = {{
    {"ambulans", UnitKind::kAmbulans},
    {"motor", UnitKind::kMotor},
    {"perahu", UnitKind::kPerahu},
    {"tim_kunjungan", UnitKind::kTimKunjungan},
    {"ambulance", UnitKind::kAmbulans},
    {"boat", UnitKind::kPerahu},
}};

constexpr std::array<ChoiceEntry<UnitStatus>, 7> kUnitStatuses = {{
    {"tersedia", UnitStatus::kTersedia},
    {"ditugaskan", UnitStatus::kDitugaskan},
    {"dalam_perjalanan", UnitStatus::kDalamPerjalanan},
    {"di_lokasi", UnitStatus::kDiLokasi},
    {"mengantar", UnitStatus::kMengantar},
    {"kembali", UnitStatus::kKembali},
    {"tidak_aktif", UnitStatus::kTidakAktif},
}};

constexpr std::array<ChoiceEntry<IncidentStatus>, kIncidentStatusCount> kIncidentStatuses = {{
    {"baru", IncidentStatus::kBaru},
    {"terverifikasi", IncidentStatus::kTerverifikasi},
    {"unit_dikirim", IncidentStatus::kUnitDikirim},
    {"unit_berangkat", IncidentStatus::kUnitBerangkat},
    {"tiba_di_lokasi", IncidentStatus::kTibaDiLokasi},
    {"menuju_faskes", IncidentStatus::kMenujuFaskes},
    {"tiba_di_faskes", IncidentStatus::kTibaDiFaskes},
    {"selesai", IncidentStatus::kSelesai},
    {"dibatalkan", IncidentStatus::kDibatalkan},
    {"tidak_valid", IncidentStatus::kTidakValid},
}};

constexpr std::array<ChoiceEntry<Priority>, 4> kPriorities = {{
    {"p1", Priority::kP1},
    {"p2", Priority::kP2},
    {"p3", Priority::kP3},
    {"p4", Priority::kP4},
}};

constexpr std::array<ChoiceEntry<IncidentSource>, 5> kSources = {{
    {"119", IncidentSource::k119},
    {"112", IncidentSource::k112},
    {"web", IncidentSource::kWeb},
    {"telepon", IncidentSource::kTelepon},
    {"phone", IncidentSource::kTelepon},
}};

constexpr std::array<std::string_view, 10> kCategories = {
    "kegawatan_medis", "kecelakaan_lalu_lintas",
    "trauma",          "persalinan",
    "tenggelam",       "kebakaran",
    "bencana",         "rujukan",
    "kunjungan_rumah", "lainnya"};

}  // namespace

std::string_view UnitKindKey(UnitKind k) { return CanonicalKey<UnitKind>(kUnitKinds, k); }
std::optional<UnitKind> ParseUnitKind(std::string_view text) {
  return LookupChoice<UnitKind>(kUnitKinds, text);
}
std::string UnitKindChoices() { return CanonicalKeys<UnitKind>(kUnitKinds); }

std::string_view UnitStatusKey(UnitStatus s) { return CanonicalKey<UnitStatus>(kUnitStatuses, s); }
std::optional<UnitStatus> ParseUnitStatus(std::string_view text) {
  return LookupChoice<UnitStatus>(kUnitStatuses, text);
}

std::string_view IncidentStatusKey(IncidentStatus s) {
  return CanonicalKey<IncidentStatus>(kIncidentStatuses, s);
}
std::optional<IncidentStatus> ParseIncidentStatus(std::string_view text) {
  return LookupChoice<IncidentStatus>(kIncidentStatuses, text);
}
std::string IncidentStatusChoices() { return CanonicalKeys<IncidentStatus>(kIncidentStatuses); }

std::string_view PriorityKey(Priority p) {
  switch (p) {
    case Priority::kP1:
      return "P1";
    case Priority::kP2:
      return "P2";
    case Priority::kP3:
      return "P3";
    case Priority::kP4:
      return "P4";
  }
  return "";
}
std::optional<Priority> ParsePriority(std::string_view text) {
  return LookupChoice<Priority>(kPriorities, text);
}

std::string_view IncidentSourceKey(IncidentSource s) {
  return CanonicalKey<IncidentSource>(kSources, s);
}
std::optional<IncidentSource> ParseIncidentSource(std::string_view text) {
  return LookupChoice<IncidentSource>(kSources, text);
}
std::string IncidentSourceChoices() { return CanonicalKeys<IncidentSource>(kSources); }

std::optional<std::string> ParseIncidentCategory(std::string_view text) {
  const auto key = ChoiceKey(text);
  if (!key) return std::nullopt;
  for (std::string_view c : kCategories) {
    if (c == *key) return std::string(c);
  }
  return std::nullopt;
}
std::string IncidentCategoryChoices() {
  std::string out;
  for (std::string_view c : kCategories) out += (out.empty() ? "" : ", ") + std::string(c);
  return out;
}

std::string_view IntervalKey(Interval i) {
  switch (i) {
    case Interval::kCallToNotify:
      return "panggilan_ke_kirim";
    case Interval::kTurnout:
      return "persiapan";
    case Interval::kTravel:
      return "perjalanan";
    case Interval::kCallToScene:
      return "panggilan_ke_lokasi";
    case Interval::kSceneToFacility:
      return "lokasi_ke_faskes";
  }
  return "";
}

std::optional<Interval> ParseInterval(std::string_view text) {
  const auto key = ChoiceKey(text);
  if (!key) return std::nullopt;
  for (int k = 0; k < kIntervalCount; ++k) {
    const auto i = static_cast<Interval>(k);
    if (IntervalKey(i) == *key) return i;
  }
  return std::nullopt;
}

std::string IntervalChoices() {
  std::string out;
  for (int k = 0; k < kIntervalCount; ++k) {
    out += (out.empty() ? "" : ", ") + std::string(IntervalKey(static_cast<Interval>(k)));
  }
  return out;
}

}  // namespace jangkau
