// The national systems' vocabularies on their own (docs/interop.md): DHIS2's period identifiers
// as its Developer Manual ("Date and period format") defines them, with ISO 8601 weeks (week 1
// holds the year's first Thursday) and ADX's start/duration form; DHIS2 UIDs; the stable
// resource ids (RFC 9562 UUID version 8); a dataValueSet read through a mapping.
#include <regex>
#include <stdexcept>
#include <string>

#include <gtest/gtest.h>

#include "interop/dhis2.h"
#include "interop/fhir.h"
#include "interop/json_text.h"
#include "model/dhis2.h"

namespace jangkau {
namespace {

struct PeriodCase {
  const char* text;
  PeriodType type;
  int year;
  int index;
  Date first;
  const char* adx;
};

TEST(Dhis2Period, EveryTypeOfTheManual) {
  // First days from the calendar: ISO week 1 of 2025 starts Monday 2024-12-30 (1 January 2025
  // is a Wednesday); 2026 has 53 ISO weeks (1 January 2026 is a Thursday), its 53rd starting
  // Monday 2026-12-28; 2024-02-29 is the 60th day of 2024.
  const PeriodCase cases[] = {
      {"2025", PeriodType::kYearly, 2025, 1, {2025, 1, 1}, "2025-01-01/P1Y"},
      {"2025S2", PeriodType::kSixMonthly, 2025, 2, {2025, 7, 1}, "2025-07-01/P6M"},
      {"2025Q3", PeriodType::kQuarterly, 2025, 3, {2025, 7, 1}, "2025-07-01/P3M"},
      {"202503B", PeriodType::kBiMonthly, 2025, 3, {2025, 5, 1}, "2025-05-01/P2M"},
      {"202512", PeriodType::kMonthly, 2025, 12, {2025, 12, 1}, "2025-12-01/P1M"},
      {"2025W1", PeriodType::kWeekly, 2025, 1, {2024, 12, 30}, "2024-12-30/P7D"},
      {"2025W01", PeriodType::kWeekly, 2025, 1, {2024, 12, 30}, "2024-12-30/P7D"},
      {"2026W53", PeriodType::kWeekly, 2026, 53, {2026, 12, 28}, "2026-12-28/P7D"},
      {"20240229", PeriodType::kDaily, 2024, 60, {2024, 2, 29}, "2024-02-29/P1D"},
  };
  for (const PeriodCase& c : cases) {
    const auto p = ParseDhis2Period(c.text);
    ASSERT_TRUE(p.has_value()) << c.text;
    EXPECT_EQ(p->type, c.type) << c.text;
    EXPECT_EQ(p->year, c.year) << c.text;
    EXPECT_EQ(p->index, c.index) << c.text;
    EXPECT_EQ(p->first, c.first) << c.text;
    EXPECT_EQ(AdxPeriod(*p), c.adx) << c.text;
  }
}

TEST(Dhis2Period, RefusesWhatDhis2DoesNotKnow) {
  for (const char* bad :
       {"",        "202",      "1899",    "2025Q5", "2025Q0",  "2025S3",   "2025W53",
        "2025W54", "2025W053", "202513",  "202500", "202507B", "20250229", "20251301",
        "2025-01", "2025Q-1",  "2025W-1", "-2025",  "2025M1",  "2025 ",    "２０２５"}) {
    EXPECT_FALSE(ParseDhis2Period(bad).has_value()) << bad;
  }
}

TEST(Dhis2Period, IsoWeeksInAYear) {
  // Years with 53 ISO weeks: those starting on a Thursday, and leap years starting on a
  // Wednesday (2020).
  EXPECT_EQ(PeriodsInYear(PeriodType::kWeekly, 2020), 53);
  EXPECT_EQ(PeriodsInYear(PeriodType::kWeekly, 2025), 52);
  EXPECT_EQ(PeriodsInYear(PeriodType::kWeekly, 2026), 53);
  EXPECT_EQ(PeriodsInYear(PeriodType::kDaily, 2024), 366);
  EXPECT_EQ(PeriodsInYear(PeriodType::kBiMonthly, 2025), 6);
}

TEST(Dhis2Uid, ShapeAndStability) {
  EXPECT_TRUE(IsDhis2Uid("HllvX50cXC0"));
  EXPECT_FALSE(IsDhis2Uid("0llvX50cXC0"));  // must start with a letter
  EXPECT_FALSE(IsDhis2Uid("HllvX50cXC"));
  EXPECT_FALSE(IsDhis2Uid("HllvX50cX-0"));
  for (const char* key : {"ou:P1602010202", "ou:16.02", ""}) {
    const std::string uid = interop::GeneratedUid(key);
    EXPECT_TRUE(IsDhis2Uid(uid)) << uid;
    EXPECT_EQ(uid, interop::GeneratedUid(key));
  }
  EXPECT_NE(interop::GeneratedUid("ou:P1602010202"), interop::GeneratedUid("ou:P1602010203"));
}

TEST(FhirIds, StableUuidIsVersion8) {
  const std::regex shape("[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  const std::string a = interop::StableUuid("faskes:P1602010202");
  EXPECT_TRUE(std::regex_match(a, shape)) << a;
  EXPECT_EQ(a, interop::StableUuid("faskes:P1602010202"));
  EXPECT_NE(a, interop::StableUuid("faskes:P1602010203"));
}

TEST(JsonText, DepthIsBoundedAndPathsAreFhirPaths) {
  EXPECT_TRUE(interop::ParseJsonText(std::string(20, '[') + std::string(20, ']'), 32).has_value());
  EXPECT_FALSE(interop::ParseJsonText(std::string(40, '[') + std::string(40, ']'), 32).has_value());
  EXPECT_FALSE(interop::ParseJsonText(std::string(100000, '['), 32).has_value());
  EXPECT_FALSE(interop::ParseJsonText("{\"a\": \"\xff\"}", 32).has_value());
  EXPECT_EQ(interop::JsonPath(interop::JsonPath("entry", 12), "resource"), "entry[12].resource");
}

// A one-facility, one-worker registry written as NDJSON, changed, and read back.
class FhirRead : public ::testing::Test {
 protected:
  interop::FhirReadContext ctx;
  interop::FhirRegistry registry;
  std::vector<nlohmann::ordered_json> lines;
  void SetUp() override {
    ctx.cadres = CadreCatalog({{"bidan", "Bidan", "Midwife", "kebidanan", false},
                               {"perawat", "Perawat", "Nurse", "keperawatan", false}},
                              {});
    ctx.today = Date{2026, 12, 1};
    Facility f;
    f.kode = "P1602010103";
    f.nama = "TUGU JAYA";
    f.lon = 104.89;
    f.lat = -3.81;
    registry.facilities = {f};
    StaffMember m;
    m.kode_faskes = f.kode;
    m.nama = "Sri Wahyuni";
    m.nik = "1602135304760352";
    m.cadre = "bidan";
    m.tanggal_lahir = Date{1976, 4, 13};
    m.pelatihan = {"APN"};
    registry.staff = {m};
    interop::FhirOptions options;
    options.bundle = false;
    const interop::FhirResources r = interop::ToFhir(registry, ctx.cadres, options);
    for (const auto* list : {&r.organizations, &r.locations, &r.practitioners, &r.roles}) {
      lines.insert(lines.end(), list->begin(), list->end());
    }
  }
  nlohmann::ordered_json& Of(const std::string& type) {
    for (auto& l : lines) {
      if (l["resourceType"] == type) return l;
    }
    throw std::runtime_error(type);
  }
  // The diagnostics of reading the lines; `path` must be among the errors when given.
  Diagnostics Read(const std::string& path = "") {
    std::string text;
    for (const auto& l : lines) text += l.dump() + "\n";
    Diagnostics diags;
    (void)interop::ReadFhir(text, "x.ndjson", true, ctx, diags);
    if (!path.empty()) {
      bool named = false;
      for (const Diagnostic& d : diags.items())
        named = named || (d.severity == Severity::kError && d.path == path);
      EXPECT_TRUE(named) << path << " not among: "
                         << (diags.items().empty() ? "(none)"
                                                   : Render(diags.items().front(), Lang::kEn));
    }
    return diags;
  }
};

TEST_F(FhirRead, TheUnchangedLinesAreRead) { EXPECT_FALSE(Read().has_errors()); }

TEST_F(FhirRead, AnUnknownJangkauCadreIsRefusedEvenWhenALaterCodingIsKnown) {
  auto& coding = Of("PractitionerRole")["code"][0]["coding"];
  coding[0]["code"] = "dukun";
  coding.push_back({{"system", "urn:example"}, {"code", "perawat"}});
  Read("code[0].coding[0].code");
}

TEST_F(FhirRead, ATrainingHoldingTheListSeparatorIsRefused) {
  auto& parts = Of("PractitionerRole")["extension"][0]["extension"];
  for (auto& p : parts) {
    if (p["url"] == "pelatihan") p["valueString"] = "APN; PONED";
  }
  EXPECT_TRUE(Read().has_errors());
}

TEST_F(FhirRead, AFacilityCodeWithSpacesIsRefused) {
  Of("Organization")["identifier"][0]["value"] = " P1602010103";
  Read("identifier[0].value");
}

TEST_F(FhirRead, OneNikTwoDifferentPeopleIsAConflict) {
  EXPECT_FALSE(interop::PersonConflict(registry.staff));
  StaffMember again = registry.staff.front();
  again.kode_faskes = "P1602010104";
  registry.staff.push_back(again);  // the same person at a second facility: one Practitioner
  EXPECT_FALSE(interop::PersonConflict(registry.staff));
  registry.staff.back().tanggal_lahir = Date{1976, 4, 14};
  const auto conflict = interop::PersonConflict(registry.staff);
  ASSERT_TRUE(conflict);
  EXPECT_EQ(conflict->args.front(), "1602135304760352");
  registry.staff.back().tanggal_lahir = registry.staff.front().tanggal_lahir;
  registry.staff.back().str_berlaku_sampai = Date{2030, 1, 1};
  EXPECT_TRUE(interop::PersonConflict(registry.staff));
}

// A dataValueSet through a two-row mapping.
class DataValueSet : public ::testing::Test {
 protected:
  interop::Dhis2Lookup lookup;
  void SetUp() override {
    lookup.org_units = {{"P1", "P1"}, {"ouAAAAAAAAA", "P1"}};
    Dhis2MapRow anc{Dhis2Measure::kLayanan, "anc", "", "LAY_ANC", "deANCAAAAAA", "", "", "", {}};
    anc.periode = {PeriodType::kMonthly, PeriodType::kQuarterly};
    lookup.layanan = {anc};
    lookup.others = {
        Dhis2MapRow{Dhis2Measure::kTenaga, "bidan", "", "SDMK", "", "JT_BIDAN", "", "", {}}};
  }
  std::vector<ServiceVolume> Read(const std::string& text, Diagnostics& diags) {
    return interop::ReadDataValueSet(text, "dv.json", lookup, diags);
  }
};

TEST_F(DataValueSet, QuartersSumToTheYearByCodeOrUid) {
  Diagnostics diags;
  const auto v = Read(R"({"period": "2025Q1", "dataValues": [
      {"dataElement": "LAY_ANC", "orgUnit": "P1", "value": "10"},
      {"dataElement": "deANCAAAAAA", "orgUnit": "ouAAAAAAAAA", "period": "2025Q2", "value": 20},
      {"dataElement": "LAY_ANC", "orgUnit": "P1", "period": "2025Q3", "value": "30"},
      {"dataElement": "LAY_ANC", "orgUnit": "P1", "period": "2025Q4", "value": " 40 "},
      {"dataElement": "SDMK", "categoryOptionCombo": "JT_BIDAN", "orgUnit": "P1", "value": "-3"},
      {"dataElement": "LAY_ANC", "orgUnit": "P1", "period": "2026Q1", "value": "5", "deleted": true}]})",
                      diags);
  EXPECT_FALSE(diags.has_errors());
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].kode_faskes, "P1");
  EXPECT_EQ(v[0].tahun, 2025);
  EXPECT_EQ(v[0].kegiatan, "anc");
  EXPECT_EQ(v[0].jumlah, 100);
  EXPECT_EQ(diags.Warnings().size(), 1u);  // the headcount value, skipped
}

TEST_F(DataValueSet, RefusalsNameTheValue) {
  struct Case {
    const char* value;
    const char* path;
  };
  const Case cases[] = {
      {R"({"dataElement": "LAY_ANC", "orgUnit": "P1", "period": "2025W03", "value": "1"})",
       "dataValues[0].period"},
      {R"({"dataElement": "LAY_ANC", "orgUnit": "P1", "period": "202501", "value": "1000000000001"})",
       "dataValues[0].value"},
      {R"({"dataElement": "LAY_ANC", "orgUnit": "P2", "period": "202501", "value": "1"})",
       "dataValues[0].orgUnit"},
      {R"({"dataElement": "LAY_X", "orgUnit": "P1", "period": "202501", "value": "1"})",
       "dataValues[0].dataElement"},
      {R"({"dataElement": "LAY_ANC", "orgUnit": "P1", "period": "202501", "value": "1.5"})",
       "dataValues[0].value"},
      {R"({"dataElement": "LAY_ANC", "orgUnit": "P1", "period": "202501", "value": 1e300})",
       "dataValues[0].value"},
      {R"({"dataElement": 7, "orgUnit": "P1", "period": "202501", "value": "1"})",
       "dataValues[0].dataElement"},
      {R"({"orgUnit": "P1", "period": "202501", "value": "1"})", "dataValues[0].dataElement"},
  };
  for (const Case& c : cases) {
    Diagnostics diags;
    (void)Read(std::string(R"({"dataValues": [)") + c.value + "]}", diags);
    ASSERT_TRUE(diags.has_errors()) << c.value;
    bool named = false;
    for (const Diagnostic& d : diags.items()) named = named || d.path == c.path;
    EXPECT_TRUE(named) << c.value << " -> " << Render(diags.items().front(), Lang::kEn);
  }
  // Yearly is always read (Jangkau's own export writes it), even where the row names other types.
  {
    Diagnostics diags;
    const auto v = Read(
        R"({"dataValues": [{"dataElement": "LAY_ANC", "orgUnit": "P1", "period": "2024", "value": "7"}]})",
        diags);
    EXPECT_FALSE(diags.has_errors());
    ASSERT_EQ(v.size(), 1u);
    EXPECT_EQ(v[0].jumlah, 7);
  }
  // A month and a quarter of one year: two period types.
  Diagnostics diags;
  (void)Read(R"({"dataValues": [
      {"dataElement": "LAY_ANC", "orgUnit": "P1", "period": "202501", "value": "1"},
      {"dataElement": "LAY_ANC", "orgUnit": "P1", "period": "2025Q2", "value": "1"}]})",
             diags);
  EXPECT_TRUE(diags.has_errors());
}

}  // namespace
}  // namespace jangkau
