// DHIS2's vocabulary as Jangkau uses it (docs/interop.md): the district's mapping of Jangkau's
// figures to DHIS2 data elements, category option combos and organisation units (reference kind
// dhis2-mapping), and DHIS2's period identifiers. Plain values; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/date.h"

namespace jangkau {

// What a mapping row maps.
enum class Dhis2Measure {
  kOrgUnit,      // a facility or region code -> a DHIS2 organisation unit
  kDataSet,      // the data set ADX groups name
  kTenaga,       // headcount of a cadre
  kKebutuhan,    // staffing need of a group by a method
  kKesenjangan,  // gap (current - need) of a group by a method
  kPenduduk30,   // people within 30 minutes of the nearest puskesmas
  kPenduduk60,
  kPenduduk120,
  kLayanan,  // annual volume of a service activity (read back as service volumes)
};
std::string_view MeasureKey(Dhis2Measure m);  // "orgunit", "dataset", "tenaga", ...
std::optional<Dhis2Measure> ParseMeasure(std::string_view text);
std::string MeasureChoices();

// DHIS2's period types (the names its Web API uses).
enum class PeriodType { kDaily, kWeekly, kMonthly, kBiMonthly, kQuarterly, kSixMonthly, kYearly };
std::string_view PeriodTypeKey(PeriodType t);  // "Daily", "Weekly", ..., "Yearly"
std::optional<PeriodType> ParsePeriodType(std::string_view text);
std::string PeriodTypeChoices();

struct Dhis2MapRow {
  Dhis2Measure jenis = Dhis2Measure::kOrgUnit;
  std::string kunci;   // facility/region code, cadre, need group or activity; empty for penduduk
  std::string metode;  // norms, abk, wisn, ratio (kebutuhan, kesenjangan)
  std::string kode;    // DHIS2 code of the org unit, data set or data element
  std::string uid;     // its DHIS2 UID (11 characters), when known
  std::string coc;     // category option combo code ("default" when empty)
  std::string coc_uid;
  std::string kategori_adx;         // ADX disaggregation: "CATEGORY=OPTION;..." (empty: none)
  std::vector<PeriodType> periode;  // allowed when read back (layanan); default Yearly
};

// A DHIS2 period identifier: "2025" (Yearly), "2025S1", "2025Q3", "202503B" (BiMonthly),
// "202503", "2025W7" or "2025W07", "20250315".
struct Dhis2Period {
  PeriodType type = PeriodType::kYearly;
  int year = 0;
  int index = 1;  // half, quarter, bimester, month, ISO week or day of the year (1-based)
  Date first;     // its first day (Weekly: the Monday, which may lie in the year before)
};
std::optional<Dhis2Period> ParseDhis2Period(std::string_view text);
// How many periods of `type` make up `year` (Weekly: its ISO weeks).
int PeriodsInYear(PeriodType type, int year);
// ADX's form: the first day and an ISO 8601 duration ("2025-01-01/P1Y", "2025-03-01/P1M").
std::string AdxPeriod(const Dhis2Period& p);

// DHIS2's default category option combo.
inline constexpr std::string_view kDefaultCocUid = "HllvX50cXC0";
// Whether `text` has the shape of a DHIS2 UID: a letter, then 10 letters or digits.
bool IsDhis2Uid(std::string_view text);

// The (data element, category option combo) pairs a layanan row answers to in a dataValueSet:
// its code and its UID, each with the combo's code and UID ("default" and DHIS2's default UID
// when the row names none, and then also "" for a value that names no combo).
std::vector<std::pair<std::string, std::string>> ElementKeys(const Dhis2MapRow& r);

// Whether `text` is an ADX disaggregation "CATEGORY=OPTION;...": each category an XML attribute
// name (a letter or '_', then letters, digits, '_', '-', '.') other than ADX's own dataElement,
// value and comment, none twice.
bool IsAdxCategoryList(std::string_view text);

}  // namespace jangkau
