// libFuzzer harness: the national systems' formats read back (docs/interop.md). The first byte
// chooses the reader, the rest is the file: a FHIR Bundle, FHIR NDJSON, or a DHIS2
// dataValueSet read through a small fixed mapping. Every diagnostic is rendered in both
// languages. A FHIR file read without an error must survive its own round trip: written again
// as a Bundle and as NDJSON, each reads back without an error into the same registry.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "base/diagnostic.h"
#include "fuzz_support.h"
#include "interop/dhis2.h"
#include "interop/fhir.h"

namespace {

namespace interop = jangkau::interop;
using jangkau::Diagnostics;
using jangkau::Lang;

void RenderAll(const Diagnostics& diags) {
  for (const auto& d : diags.items()) {
    (void)Render(d, Lang::kId);
    (void)Render(d, Lang::kEn);
  }
}

[[noreturn]] void Fail(const char* what, const Diagnostics& diags) {
  std::fprintf(stderr, "%s\n", what);
  for (const auto& d : diags.items()) std::fprintf(stderr, "  %s\n", Render(d, Lang::kEn).c_str());
  std::abort();
}

const interop::FhirReadContext& FhirContext() {
  static const interop::FhirReadContext ctx = [] {
    interop::FhirReadContext c;
    c.cadres = jangkau::fuzz::Context().cadres;
    c.today = jangkau::fuzz::Context().today;
    return c;
  }();
  return ctx;
}

void Fhir(std::string_view text, bool ndjson) {
  Diagnostics diags;
  interop::FhirRead read = interop::ReadFhir(text, "in.json", ndjson, FhirContext(), diags);
  RenderAll(diags);
  if (diags.has_errors()) return;
  // One NIK read is one person: what was read never holds a conflict the export refuses.
  if (interop::PersonConflict(read.registry.staff)) {
    Fail("a file read without error holds two people under one NIK", diags);
  }
  // What was read is written and read again, both ways, without a new error.
  interop::FhirOptions options;
  const interop::FhirResources resources =
      interop::ToFhir(read.registry, FhirContext().cadres, options);
  for (const bool as_ndjson : {false, true}) {
    options.bundle = !as_ndjson;
    const std::string again =
        as_ndjson
            ? interop::NdjsonText(interop::ToFhir(read.registry, FhirContext().cadres, options))
            : interop::BundleText(resources, options);
    Diagnostics second;
    const interop::FhirRead back =
        interop::ReadFhir(again, "again.json", as_ndjson, FhirContext(), second);
    if (second.has_errors())
      Fail("a file read without error is refused once written again", second);
    if (back.registry.facilities.size() != read.registry.facilities.size() ||
        back.registry.staff.size() != read.registry.staff.size()) {
      Fail("the registry changed size through its own round trip", second);
    }
  }
}

const interop::Dhis2Lookup& Lookup() {
  static const interop::Dhis2Lookup lookup = [] {
    using jangkau::Dhis2MapRow;
    using jangkau::Dhis2Measure;
    using jangkau::PeriodType;
    interop::Dhis2Lookup l;
    l.org_units = {
        {"P1602010202", "P1602010202"}, {"ou1234567AB", "P1602010202"}, {"R1602014", "R1602014"}};
    Dhis2MapRow anc{Dhis2Measure::kLayanan, "anc", "", "LAY_ANC", "abcdefghijk", "", "", "", {}};
    anc.periode = {PeriodType::kYearly, PeriodType::kQuarterly, PeriodType::kMonthly};
    Dhis2MapRow visits{Dhis2Measure::kLayanan,
                       "kunjungan_rawat_jalan",
                       "",
                       "LAY_KUNJUNGAN_RAWAT_JALAN",
                       "",
                       "",
                       "",
                       "",
                       {}};
    visits.periode = {PeriodType::kMonthly, PeriodType::kWeekly, PeriodType::kDaily,
                      PeriodType::kBiMonthly, PeriodType::kSixMonthly};
    l.layanan = {anc, visits};
    l.others = {Dhis2MapRow{
        Dhis2Measure::kTenaga, "bidan", "", "SDMK_JUMLAH_TENAGA", "", "JT_BIDAN", "", "", {}}};
    return l;
  }();
  return lookup;
}

void DataValueSet(std::string_view text) {
  Diagnostics diags;
  const auto volumes = interop::ReadDataValueSet(text, "in.json", Lookup(), diags);
  RenderAll(diags);
  for (const auto& v : volumes) {
    if (v.jumlah < 0) Fail("a negative volume was read", diags);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (data[0] % 3) {
    case 0:
      Fhir(text, /*ndjson=*/false);
      break;
    case 1:
      Fhir(text, /*ndjson=*/true);
      break;
    default:
      DataValueSet(text);
      break;
  }
  return 0;
}
