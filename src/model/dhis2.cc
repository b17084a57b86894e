#include "model/dhis2.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <set>

#include <fmt/format.h>

#include "base/text_util.h"
#include "model/choice.h"

namespace jangkau {
namespace {

constexpr std::array<ChoiceEntry<Dhis2Measure>, 9> kMeasures = {{
    {"orgunit", Dhis2Measure::kOrgUnit},
    {"dataset", Dhis2Measure::kDataSet},
    {"tenaga", Dhis2Measure::kTenaga},
    {"kebutuhan", Dhis2Measure::kKebutuhan},
    {"kesenjangan", Dhis2Measure::kKesenjangan},
    {"penduduk_30", Dhis2Measure::kPenduduk30},
    {"penduduk_60", Dhis2Measure::kPenduduk60},
    {"penduduk_120", Dhis2Measure::kPenduduk120},
    {"layanan", Dhis2Measure::kLayanan},
}};

constexpr std::array<std::string_view, 7> kPeriodTypes = {
    "Daily", "Weekly", "Monthly", "BiMonthly", "Quarterly", "SixMonthly", "Yearly"};

std::optional<int> Digits(std::string_view s) {
  if (s.empty()) return std::nullopt;
  int v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

using std::chrono::sys_days;

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

sys_days Day(int y, int m, int d) {
  return sys_days(std::chrono::year(y) / std::chrono::month(static_cast<unsigned>(m)) /
                  std::chrono::day(static_cast<unsigned>(d)));
}

// Monday of ISO week 1 of `year` (the week holding 4 January).
sys_days IsoWeekOneMonday(int year) {
  const sys_days jan4 = Day(year, 1, 4);
  const std::chrono::weekday wd(jan4);
  return jan4 - std::chrono::days((wd.c_encoding() + 6) % 7);
}

}  // namespace

std::string_view MeasureKey(Dhis2Measure m) { return CanonicalKey<Dhis2Measure>(kMeasures, m); }
std::optional<Dhis2Measure> ParseMeasure(std::string_view text) {
  return LookupChoice<Dhis2Measure>(kMeasures, text);
}
std::string MeasureChoices() { return CanonicalKeys<Dhis2Measure>(kMeasures); }

std::string_view PeriodTypeKey(PeriodType t) { return kPeriodTypes[static_cast<std::size_t>(t)]; }
std::optional<PeriodType> ParsePeriodType(std::string_view text) {
  for (std::size_t i = 0; i < kPeriodTypes.size(); ++i) {
    if (NormalizeKey(kPeriodTypes[i]) == NormalizeKey(text)) return static_cast<PeriodType>(i);
  }
  return std::nullopt;
}
std::string PeriodTypeChoices() {
  std::string out;
  for (auto k : kPeriodTypes) out += (out.empty() ? "" : ", ") + std::string(k);
  return out;
}

int PeriodsInYear(PeriodType type, int year) {
  switch (type) {
    case PeriodType::kDaily:
      return IsLeap(year) ? 366 : 365;
    case PeriodType::kWeekly:
      return static_cast<int>((IsoWeekOneMonday(year + 1) - IsoWeekOneMonday(year)).count() / 7);
    case PeriodType::kMonthly:
      return 12;
    case PeriodType::kBiMonthly:
      return 6;
    case PeriodType::kQuarterly:
      return 4;
    case PeriodType::kSixMonthly:
      return 2;
    case PeriodType::kYearly:
      return 1;
  }
  return 1;
}

std::optional<Dhis2Period> ParseDhis2Period(std::string_view t) {
  if (t.size() < 4) return std::nullopt;
  const auto year = Digits(t.substr(0, 4));
  if (!year || *year < 1900 || *year > 2200) return std::nullopt;
  Dhis2Period p;
  p.year = *year;
  p.first = {*year, 1, 1};
  const std::string_view rest = t.substr(4);
  // The number `text` writes when it lies in [lo, hi].
  auto number = [](std::string_view text, int lo, int hi) -> std::optional<int> {
    const std::optional<int> v = Digits(text);
    return v && *v >= lo && *v <= hi ? v : std::nullopt;
  };
  if (rest.empty()) {
    p.type = PeriodType::kYearly;
  } else if (rest[0] == 'S' && rest.size() == 2) {
    const auto n = number(rest.substr(1), 1, 2);
    if (!n) return std::nullopt;
    p.type = PeriodType::kSixMonthly;
    p.index = *n;
    p.first.month = 1 + (p.index - 1) * 6;
  } else if (rest[0] == 'Q' && rest.size() == 2) {
    const auto n = number(rest.substr(1), 1, 4);
    if (!n) return std::nullopt;
    p.type = PeriodType::kQuarterly;
    p.index = *n;
    p.first.month = 1 + (p.index - 1) * 3;
  } else if (rest[0] == 'W' && (rest.size() == 2 || rest.size() == 3)) {
    const auto n = number(rest.substr(1), 1, PeriodsInYear(PeriodType::kWeekly, *year));
    if (!n) return std::nullopt;
    p.type = PeriodType::kWeekly;
    p.index = *n;
    const std::chrono::year_month_day monday(IsoWeekOneMonday(*year) +
                                             std::chrono::days(7 * (p.index - 1)));
    p.first = {static_cast<int>(monday.year()),
               static_cast<int>(static_cast<unsigned>(monday.month())),
               static_cast<int>(static_cast<unsigned>(monday.day()))};
  } else if (rest.size() == 3 && rest[2] == 'B') {
    const auto n = number(rest.substr(0, 2), 1, 6);
    if (!n) return std::nullopt;
    p.type = PeriodType::kBiMonthly;
    p.index = *n;
    p.first.month = 1 + (p.index - 1) * 2;
  } else if (rest.size() == 2) {
    const auto n = number(rest, 1, 12);
    if (!n) return std::nullopt;
    p.type = PeriodType::kMonthly;
    p.index = *n;
    p.first.month = p.index;
  } else if (rest.size() == 4) {
    const auto month = number(rest.substr(0, 2), 1, 12);
    const auto day = number(rest.substr(2, 2), 1, 31);
    if (!month || !day || !IsValidDate(*year, *month, *day)) return std::nullopt;
    const int m = *month;
    const int d = *day;
    p.type = PeriodType::kDaily;
    p.first = {*year, m, d};
    p.index = static_cast<int>((Day(*year, m, d) - Day(*year, 1, 1)).count()) + 1;
  } else {
    return std::nullopt;
  }
  return p;
}

std::string AdxPeriod(const Dhis2Period& p) {
  static constexpr std::array<std::string_view, 7> kDuration = {"P1D", "P7D", "P1M", "P2M",
                                                                "P3M", "P6M", "P1Y"};
  return p.first.Iso() + "/" + std::string(kDuration[static_cast<std::size_t>(p.type)]);
}

bool IsDhis2Uid(std::string_view text) {
  auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  if (text.size() != 11 || !alpha(text[0])) return false;
  for (const char c : text) {
    if (!alpha(c) && !(c >= '0' && c <= '9')) return false;
  }
  return true;
}

std::vector<std::pair<std::string, std::string>> ElementKeys(const Dhis2MapRow& r) {
  const std::string coc = r.coc.empty() ? "default" : r.coc;
  const std::string coc_uid = r.coc_uid.empty() ? std::string(kDefaultCocUid) : r.coc_uid;
  std::vector<std::pair<std::string, std::string>> keys;
  for (const std::string& de : {r.kode, r.uid}) {
    if (de.empty()) continue;
    keys.emplace_back(de, coc);
    keys.emplace_back(de, coc_uid);
    if (r.coc.empty()) keys.emplace_back(de, "");
  }
  return keys;
}

bool IsAdxCategoryList(std::string_view text) {
  auto start = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; };
  auto rest = [&](char c) { return start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.'; };
  std::set<std::string> names;
  for (const std::string& pair : SplitList(text, ';')) {
    const std::size_t eq = pair.find('=');
    if (eq == std::string::npos) return false;
    const std::string name(Trim(pair.substr(0, eq)));
    if (name.empty() || !start(name.front()) || !std::ranges::all_of(name, rest)) return false;
    if (name == "dataElement" || name == "value" || name == "comment") return false;
    if (!names.insert(name).second) return false;
  }
  return true;
}

}  // namespace jangkau
