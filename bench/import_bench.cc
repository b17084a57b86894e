// Import speed: the national BPPSDMK file (10,284 facilities) and a generated roster of
// 1,000,000 health workers, each into a fresh workspace, end to end (read, check, one
// transaction). Fixed data and seed; figures in docs/benchmarks.md.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "app/import_service.h"
#include "app/reference_tables.h"

namespace {

using jangkau::app::ImportKind;
namespace fs = std::filesystem;

const std::string kNational =
    std::string(JANGKAU_SOURCE_DIR) + "/data/national/bppsdmk_faskes_sdmk_indonesia_2019.csv";

fs::path BenchDir() {
  fs::path dir = fs::temp_directory_path() / "jangkau-bench";
  fs::create_directories(dir);
  return dir;
}

std::unique_ptr<jangkau::store::Workspace> FreshWorkspace(const fs::path& path) {
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path.string() + suffix);
  return std::move(*jangkau::app::CreateWorkspace(path.string()));
}

// The national file with its one impossible longitude (line 9453, "119415581.0") left empty,
// as a district would after reading the import's error: the facility then imports without
// coordinates (a warning).
std::string NationalCopy() {
  const fs::path out = BenchDir() / "national_fixed.csv";
  std::ifstream in(kNational, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  const std::string bad = ",119415581.0,";
  const auto pos = text.find(bad);
  if (pos != std::string::npos) text.replace(pos, bad.size(), ",,");
  // With the longitude gone, the latitude alone would be refused too: clear it as well.
  const auto lat = text.rfind(",-3.449333,", pos);
  if (lat != std::string::npos && pos - lat < 16) text.replace(lat, 11, ",,");
  std::ofstream(out, std::ios::binary) << text;
  return out.string();
}

void BM_ImportNationalFacilities(benchmark::State& state) {
  const std::string file = NationalCopy();
  int64_t rows = 0;
  for (auto _ : state) {
    state.PauseTiming();
    auto ws = FreshWorkspace(BenchDir() / "national.jangkau");
    state.ResumeTiming();
    auto result = jangkau::app::RunImport(*ws, ImportKind::kFacilities, file, "bench", {});
    if (!result || !result->written) state.SkipWithError("national import refused");
    rows = result ? result->rows : 0;
  }
  state.counters["facilities"] = static_cast<double>(rows);
  state.counters["rows/s"] = benchmark::Counter(static_cast<double>(rows) * state.iterations(),
                                                benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ImportNationalFacilities)->Unit(benchmark::kMillisecond)->Iterations(5);

// 1,000 facilities, 1,000,000 roster rows with realistic cell spellings.
void BM_ImportRoster(benchmark::State& state) {
  const int64_t n = state.range(0);
  const fs::path dir = BenchDir();
  const fs::path faskes = dir / "roster_faskes.csv";
  {
    std::ofstream out(faskes);
    out << "kode_faskes,nama_faskes,jenis_faskes,lat,lon\n";
    for (int i = 0; i < 1000; ++i)
      out << "P" << 1602000000 + i << ",PKM " << i << ",puskesmas,-3.5,104.9\n";
  }
  const fs::path roster = dir / ("roster_" + std::to_string(n) + ".csv");
  if (!fs::exists(roster)) {
    std::mt19937 rng(20261129);
    const char* cadres[] = {"Bidan D3",  "perawat",  "dr umum", "Dokter Gigi", "Sanitarian",
                            "Ahli Gizi", "apoteker", "ATLM",    "SKM",         "administrasi"};
    const char* statuses[] = {"PNS", "PPPK", "honorer", "NS"};
    std::ofstream out(roster);
    out << "kode_faskes,nama,nik,jenis_tenaga,status_kepegawaian,tanggal_lahir,jabatan,"
           "pelatihan,str_berlaku_sampai\n";
    for (int64_t i = 0; i < n; ++i) {
      out << "P" << 1602000000 + rng() % 1000 << ",Nama Tenaga " << i << ","
          << 1602000000000000LL + i << "," << cadres[rng() % 10] << "," << statuses[rng() % 4]
          << "," << 1 + rng() % 28 << "/" << 1 + rng() % 12 << "/" << 1960 + rng() % 40
          << ",Pelaksana,PONED;APN," << 2027 + rng() % 5 << "-01-01\n";
    }
  }
  for (auto _ : state) {
    state.PauseTiming();
    auto ws = FreshWorkspace(dir / "roster.jangkau");
    auto f = jangkau::app::RunImport(*ws, ImportKind::kFacilities, faskes.string(), "bench", {});
    if (!f || !f->written) state.SkipWithError("facilities refused");
    state.ResumeTiming();
    auto result = jangkau::app::RunImport(*ws, ImportKind::kStaff, roster.string(), "bench", {});
    if (!result || !result->written) state.SkipWithError("roster refused");
  }
  state.counters["rows"] = static_cast<double>(n);
  state.counters["rows/s"] =
      benchmark::Counter(static_cast<double>(n) * state.iterations(), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ImportRoster)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
