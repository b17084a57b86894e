// Staffing need by the Permenkes 75/2014 norms for every puskesmas of the national BPPSDMK
// file (9,061), the engine alone: profiles are built once from the file, the timed loop is
// NormNeeds. The national file has no area category or inpatient flag: every puskesmas is
// taken as rural non-inpatient here (the lines computed are the same in number either way).
#include <benchmark/benchmark.h>

#include "app/reference_tables.h"
#include "ingest/importers.h"
#include "needs/norms.h"

namespace {

using namespace jangkau;

struct NationalInputs {
  NormTable table;
  std::vector<needs::FacilityProfile> profiles;
  needs::NormOptions options;
};

const NationalInputs& Inputs() {
  static const NationalInputs inputs = [] {
    NationalInputs in;
    const auto seed = app::DefaultSeed();
    ingest::ImportContext ctx;
    ctx.cadres = CadreCatalog(seed.cadres, seed.aliases);
    for (const auto& [kind, name, text] : seed.references) {
      if (kind != "norms") continue;
      auto reader = ingest::TableReader::OpenText(name, text);
      Diagnostics diags;
      in.table = ingest::ReadNormTable(**reader, ctx, diags, {});
    }
    auto reader = ingest::TableReader::Open(
        std::string(JANGKAU_SOURCE_DIR) + "/data/national/bppsdmk_faskes_sdmk_indonesia_2019.csv");
    Diagnostics diags;  // the file's one bad coordinate does not matter here
    const auto batch = ingest::ReadFacilities(**reader, ctx, diags, {});
    std::map<std::string, std::map<std::string, double>> counts;
    for (const auto& c : batch.counts)
      counts[c.kode_faskes][c.cadre] += static_cast<double>(c.jumlah);
    for (const auto& f : batch.facilities) {
      if (f.type != FacilityType::kPuskesmas) continue;
      needs::FacilityProfile p;
      p.kode = f.kode;
      p.type = f.type;
      p.area = AreaCategory::kPerdesaan;
      p.rawat_inap = false;
      p.staff = counts[f.kode];
      in.profiles.push_back(std::move(p));
    }
    in.options.aggregate_spans = {{"tenaga_medis", {"dokter", "dokter_gigi"}},
                                  {"teknik_biomedika", {"atlm"}},
                                  {"penunjang", {"administrasi", "pekarya"}}};
    return in;
  }();
  return inputs;
}

void BM_NormNeedsNationalPuskesmas(benchmark::State& state) {
  const NationalInputs& in = Inputs();
  std::size_t lines = 0;
  for (auto _ : state) {
    auto result = needs::NormNeeds(in.table, in.profiles, in.options);
    lines = result.lines.size();
    benchmark::DoNotOptimize(result);
  }
  state.counters["puskesmas"] = static_cast<double>(in.profiles.size());
  state.counters["lines"] = static_cast<double>(lines);
}
BENCHMARK(BM_NormNeedsNationalPuskesmas)->Unit(benchmark::kMillisecond);

}  // namespace
