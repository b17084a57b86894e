#include "model/emergency.h"

#include <array>
#include <charconv>

#include <fmt/format.h>

#include "base/text_util.h"
#include "model/choice.h"
#include "model/date.h"

namespace jangkau {
namespace {

// Days from 1970-01-01 to a civil date (H. Hinnant's days_from_civil).
int64_t DaysFromCivil(int64_t y, int m, int d) {
  y -= m <= 2 ? 1 : 0;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void CivilFromDays(int64_t z, int64_t& y, int& m, int& d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  y = yoe + era * 400 + (m <= 2 ? 1 : 0);
}

// Sumatera Selatan keeps WIB (UTC+7): a time typed without a zone is WIB, and times are shown so.
constexpr int64_t kWibSeconds = int64_t{7} * 3600;

std::optional<int> Digits(std::string_view s, std::size_t at, std::size_t n) {
  if (at + n > s.size()) return std::nullopt;
  int v = 0;
  for (std::size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

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

std::string Instant::Iso() const {
  const int64_t local = seconds + kWibSeconds;
  int64_t days = local / 86400;
  int64_t rest = local % 86400;
  if (rest < 0) {
    rest += 86400;
    --days;
  }
  int64_t y = 0;
  int m = 0;
  int d = 0;
  CivilFromDays(days, y, m, d);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}+07:00", y, m, d, rest / 3600,
                     rest % 3600 / 60, rest % 60);
}

std::optional<Instant> Instant::Parse(std::string_view text) {
  const std::string_view s = Trim(text);
  // YYYY-MM-DD[T ]HH:MM[:SS[.fff]][Z|+HH:MM|+HHMM|-...]
  const auto year = Digits(s, 0, 4);
  const auto month = Digits(s, 5, 2);
  const auto day = Digits(s, 8, 2);
  if (!year || !month || !day || s.size() < 16 || s[4] != '-' || s[7] != '-' ||
      (s[10] != 'T' && s[10] != ' ') || s[13] != ':') {
    return std::nullopt;
  }
  if (!IsValidDate(*year, *month, *day)) return std::nullopt;
  const auto hour = Digits(s, 11, 2);
  const auto minute = Digits(s, 14, 2);
  if (!hour || !minute || *hour > 23 || *minute > 59) return std::nullopt;
  std::size_t at = 16;
  int second = 0;
  if (at < s.size() && s[at] == ':') {
    const auto sec = Digits(s, at + 1, 2);
    if (!sec || *sec > 59) return std::nullopt;
    second = *sec;
    at += 3;
    if (at < s.size() && (s[at] == '.' || s[at] == ',')) {
      ++at;
      const std::size_t start = at;
      while (at < s.size() && s[at] >= '0' && s[at] <= '9') ++at;
      if (at == start) return std::nullopt;  // fractions of a second are dropped
    }
  }
  int64_t offset = kWibSeconds;
  if (at < s.size()) {
    if (s[at] == 'Z' || s[at] == 'z') {
      offset = 0;
      ++at;
    } else if (s[at] == '+' || s[at] == '-') {
      const int sign = s[at] == '+' ? 1 : -1;
      const auto oh = Digits(s, at + 1, 2);
      std::size_t next = at + 3;
      std::optional<int> om;
      if (next < s.size() && s[next] == ':') {
        om = Digits(s, next + 1, 2);
        next += 3;
      } else {
        om = Digits(s, next, 2);
        next += 2;
      }
      if (!oh || !om || *oh > 14 || *om > 59) return std::nullopt;
      offset = sign * (int64_t{*oh} * 3600 + int64_t{*om} * 60);
      at = next;
    } else {
      return std::nullopt;
    }
  }
  if (at != s.size()) return std::nullopt;
  const int64_t days = DaysFromCivil(*year, *month, *day);
  return Instant{days * 86400 + int64_t{*hour} * 3600 + int64_t{*minute} * 60 + second - offset};
}

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
