// Shared parts of the libFuzzer harnesses: the importers by name, the workspace view, the
// scratch file (see fuzz_support.h).
#include "fuzz_support.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "app/programmes_tables.h"
#include "app/reference_data.h"
#include "ingest/layers.h"

namespace jangkau::fuzz {
namespace {

using ingest::ImportContext;
using ingest::TableReader;

const ingest::Progress kNoProgress;

// The importers as `jangkau import KIND` and `jangkau reference import KIND` reach them
// (app/import_service.cc, app/reference_tables.cc), the sites of `plan` and the layers.
constexpr auto kKinds = std::to_array<Kind>({
    {"regions", [](TableReader& in, const ImportContext& c,
                   Diagnostics& d) { ingest::ReadRegions(in, c, d, kNoProgress); }},
    {"facilities", [](TableReader& in, const ImportContext& c,
                      Diagnostics& d) { ingest::ReadFacilities(in, c, d, kNoProgress); }},
    {"staff", [](TableReader& in, const ImportContext& c,
                 Diagnostics& d) { ingest::ReadStaff(in, c, d, kNoProgress); }},
    {"staff-counts", [](TableReader& in, const ImportContext& c,
                        Diagnostics& d) { ingest::ReadStaffCounts(in, c, d, kNoProgress); }},
    {"equipment", [](TableReader& in, const ImportContext& c,
                     Diagnostics& d) { ingest::ReadEquipment(in, c, d, kNoProgress); }},
    {"services", [](TableReader& in, const ImportContext& c,
                    Diagnostics& d) { ingest::ReadServices(in, c, d, kNoProgress); }},
    {"population", [](TableReader& in, const ImportContext& c,
                      Diagnostics& d) { ingest::ReadPopulation(in, c, d, kNoProgress); }},
    {"assumptions", [](TableReader& in, const ImportContext& c,
                       Diagnostics& d) { ingest::ReadAssumptions(in, c, d, kNoProgress); }},
    {"indicators", [](TableReader& in, const ImportContext& c,
                      Diagnostics& d) { ingest::ReadIndicators(in, c, d, kNoProgress); }},
    {"catchments", [](TableReader& in, const ImportContext& c,
                      Diagnostics& d) { ingest::ReadCatchments(in, c, d, kNoProgress); }},
    {"norms", [](TableReader& in, const ImportContext& c,
                 Diagnostics& d) { ingest::ReadNormTable(in, c, d, kNoProgress); }},
    {"ratio-targets", [](TableReader& in, const ImportContext& c,
                         Diagnostics& d) { ingest::ReadRatioTargets(in, c, d, kNoProgress); }},
    {"activity-standards",
     [](TableReader& in, const ImportContext& c,
        Diagnostics& d) { ingest::ReadActivityStandards(in, c, d, kNoProgress); }},
    {"competence", [](TableReader& in, const ImportContext& c,
                      Diagnostics& d) { ingest::ReadCompetence(in, c, d, kNoProgress); }},
    {"equipment-standards",
     [](TableReader& in, const ImportContext& c,
        Diagnostics& d) { ingest::ReadEquipmentStandards(in, c, d, kNoProgress); }},
    {"costs", [](TableReader& in, const ImportContext& c,
                 Diagnostics& d) { ingest::ReadCosts(in, c, d, kNoProgress); }},
    {"retirement", [](TableReader& in, const ImportContext& c,
                      Diagnostics& d) { ingest::ReadRetirementRules(in, c, d, kNoProgress); }},
    {"travel-scenario", [](TableReader& in, const ImportContext& c,
                           Diagnostics& d) { ingest::ReadTravelClasses(in, c, d, kNoProgress); }},
    {"sites", [](TableReader& in, const ImportContext&,
                 Diagnostics& d) { ingest::ReadSites(in, d, kNoProgress); }},
    {"roads", [](TableReader& in, const ImportContext&,
                 Diagnostics& d) { ingest::ReadLayer(in, "roads", d); }},
    {"rivers", [](TableReader& in, const ImportContext&,
                  Diagnostics& d) { ingest::ReadLayer(in, "rivers", d); }},
    {"water", [](TableReader& in, const ImportContext&,
                 Diagnostics& d) { ingest::ReadLayer(in, "water", d); }},
    {"swamp", [](TableReader& in, const ImportContext&,
                 Diagnostics& d) { ingest::ReadLayer(in, "swamp", d); }},
    {"bridges", [](TableReader& in, const ImportContext&,
                   Diagnostics& d) { ingest::ReadLayer(in, "bridges", d); }},
    {"piers", [](TableReader& in, const ImportContext&,
                 Diagnostics& d) { ingest::ReadLayer(in, "piers", d); }},
    {"flood", [](TableReader& in, const ImportContext&,
                 Diagnostics& d) { ingest::ReadLayer(in, "flood", d); }},
    {"cuts", [](TableReader& in, const ImportContext&,
                Diagnostics& d) { ingest::ReadLayer(in, "cuts", d); }},
    {"network-norms", [](TableReader& in, const ImportContext& c,
                         Diagnostics& d) { ingest::ReadNetworkNorms(in, c, d, kNoProgress); }},
    {"formasi", [](TableReader& in, const ImportContext& c,
                   Diagnostics& d) { ingest::ReadFormasiCeilings(in, c, d, kNoProgress); }},
    {"response-targets",
     [](TableReader& in, const ImportContext& c,
        Diagnostics& d) { ingest::ReadResponseTargets(in, c, d, kNoProgress); }},
    {"incidents", [](TableReader& in, const ImportContext& c,
                     Diagnostics& d) { ingest::ReadIncidents(in, c, d, kNoProgress); }},
    {"unit-speeds", [](TableReader& in, const ImportContext& c,
                       Diagnostics& d) { ingest::ReadUnitSpeeds(in, c, d, kNoProgress); }},
    {"growth", [](TableReader& in, const ImportContext& c,
                  Diagnostics& d) { ingest::ReadGrowth(in, c, d, kNoProgress); }},
    {"stbm", [](TableReader& in, const ImportContext& c,
                Diagnostics& d) { ingest::ReadStbm(in, c, d, kNoProgress); }},
    {"jkn", [](TableReader& in, const ImportContext& c,
               Diagnostics& d) { ingest::ReadJkn(in, c, d, kNoProgress); }},
    {"germas",
     [](TableReader& in, const ImportContext& c, Diagnostics& d) {
       std::vector<std::string> items;
       for (const app::GermasButir& b : app::ShippedGermasItems()) items.push_back(b.butir);
       ingest::ReadGermas(in, c, items, d, kNoProgress);
     }},
    {"kbm", [](TableReader& in, const ImportContext& c,
               Diagnostics& d) { ingest::ReadKbm(in, c, d, kNoProgress); }},
    {"uhc-criteria", [](TableReader& in, const ImportContext& c,
                        Diagnostics& d) { ingest::ReadUhcCriteria(in, c, d, kNoProgress); }},
    {"weekly", [](TableReader& in, const ImportContext& c,
                  Diagnostics& d) { ingest::ReadWeekly(in, c, d, kNoProgress); }},
    {"skdr-diseases", [](TableReader& in, const ImportContext& c,
                         Diagnostics& d) { ingest::ReadSkdrDiseases(in, c, d, kNoProgress); }},
    {"skdr-thresholds", [](TableReader& in, const ImportContext& c,
                           Diagnostics& d) { ingest::ReadSkdrThresholds(in, c, d, kNoProgress); }},
});

std::string& ScratchDir() {
  static std::string dir;
  return dir;
}

void RemoveScratchDir() {
  std::error_code ec;
  if (!ScratchDir().empty()) std::filesystem::remove_all(ScratchDir(), ec);
}

// JANGKAU_FUZZ_VERBOSE=1: what each input did, on stderr (to check a seed or a reproducer).
bool Verbose() {
  static const bool verbose = std::getenv("JANGKAU_FUZZ_VERBOSE") != nullptr;
  return verbose;
}

void Check(const Kind& kind, const Diagnostics& diags) {
  if (Verbose()) {
    std::fprintf(stderr, "%.*s: %zu diagnostic(s)\n", static_cast<int>(kind.name.size()),
                 kind.name.data(), diags.items().size());
  }
  for (const Diagnostic& d : diags.items()) {
    // Every message of the registry renders in both languages with the arguments given.
    (void)Render(d, Lang::kId);
    const std::string en = Render(d, Lang::kEn);
    if (Verbose()) std::fprintf(stderr, "  %s\n", en.c_str());
  }
}

void Refused(const Kind& kind, const Error& e) {
  (void)e.Text(Lang::kId);
  const std::string en = e.Text(Lang::kEn);
  if (Verbose()) {
    std::fprintf(stderr, "%.*s: refused: %s\n", static_cast<int>(kind.name.size()),
                 kind.name.data(), en.c_str());
  }
}

void Run(TableReader& in, const Kind& kind, const ImportContext& ctx) {
  Diagnostics diags;
  kind.read(in, ctx, diags);
  Check(kind, diags);
}

}  // namespace

std::span<const Kind> Kinds() { return kKinds; }

const ImportContext& Context() {
  static const ImportContext ctx = [] {
    ImportContext c;
    c.cadres = CadreCatalog(app::DefaultCadres(), app::DefaultCadreAliases());
    c.facility_codes = {"P1602010202", "P1602020202"};
    c.regions = {{"16", RegionLevel::kProvinsi},        {"16.02", RegionLevel::kKabupaten},
                 {"16.02.02", RegionLevel::kKecamatan}, {"16.02.13", RegionLevel::kKecamatan},
                 {"16.02.02.2001", RegionLevel::kDesa}, {"16.02.13.2011", RegionLevel::kDesa}};
    c.kecamatan_by_bps = {{"1602010", "16.02.13"}, {"1602031", "16.02.02"}};
    c.today = Date{2026, 11, 29};
    c.disease_keys = {{"a", "A"},         {"diare_akut", "A"}, {"ispa", "ISPA"},
                      {"kulit", "KULIT"}, {"d", "D"},          {"pneumonia", "D"}};
    c.disease_choices = "A, D, ISPA, KULIT";
    return c;
  }();
  return ctx;
}

std::string WriteScratch(const std::string& name, const uint8_t* data, std::size_t size) {
  if (ScratchDir().empty()) {
    char tmpl[] = "/tmp/jangkau-fuzz-XXXXXX";
    if (mkdtemp(tmpl) == nullptr) {
      std::perror("mkdtemp");
      std::abort();
    }
    ScratchDir() = tmpl;
    std::atexit(RemoveScratchDir);
  }
  const std::string path = ScratchDir() + "/" + name;
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    if (!out) {
      std::perror(path.c_str());
      std::abort();
    }
  }
  static int64_t tick = 0;
  const timespec when{.tv_sec = 1'000'000'000 + ++tick, .tv_nsec = 0};
  const std::array<timespec, 2> times = {when, when};
  utimensat(AT_FDCWD, path.c_str(), times.data(), 0);
  return path;
}

void ReadFile(const std::string& path, ingest::TextEncoding encoding, const Kind& kind,
              bool make_valid) {
  auto reader = TableReader::Open(path, encoding);
  if (!reader) return Refused(kind, reader.error());
  if (make_valid) {
    ImportContext ctx = Context();
    ctx.make_valid = true;
    return Run(**reader, kind, ctx);
  }
  Run(**reader, kind, Context());
}

void ReadText(const std::string& text, const Kind& kind) {
  auto reader = TableReader::OpenText("form", text);
  if (!reader) return Refused(kind, reader.error());
  Run(**reader, kind, Context());
}

}  // namespace jangkau::fuzz
