// Property tests of the importers, from outside, for every kind a district imports as a table:
// a random valid file imports and exports back to the same rows; a random single-byte mutation
// of it is either refused with its place (file:line[:column]) and nothing written, or imported
// as exactly what the file now says. The seed is printed; JANGKAU_PROPERTY_SEED replays one.
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>
#include <random>
#include <regex>
#include <set>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "base/text_util.h"
#include "test_util.h"

namespace jangkau {
namespace {

using testing::J;
using testing::RunCommand;
using testing::TempDir;

using Rng = std::mt19937_64;

// CSV as GDAL's CSV driver splits it (cpl_csv.cpp CSVSplitLine): a quote anywhere toggles
// quoting and is dropped, a doubled quote inside quotes is one quote; lines end at '\n' (a '\r'
// before it is dropped). An independent reading of what a file says.
std::vector<std::vector<std::string>> ReadCsvLikeGdal(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    start = end + 1;
    std::vector<std::string> cells(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
      const char c = line[i];
      if (!quoted && c == ',') {
        cells.emplace_back();
      } else if (c == '"') {
        if (quoted && i + 1 < line.size() && line[i + 1] == '"') {
          cells.back() += '"';
          ++i;
        } else {
          quoted = !quoted;
        }
      } else {
        cells.back() += c;
      }
    }
    rows.push_back(std::move(cells));
  }
  return rows;
}

std::string Trim(std::string s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

// A cell as the importers compare it: trimmed, case-folded, numbers by value, ISO dates padded,
// a final abbreviation dot dropped ("drg." is the dentist's "drg"; names keep theirs on both
// sides).
std::string Canonical(const std::string& raw) {
  std::string s = Trim(raw);
  if (s.size() > 1 && s.back() == '.' && s[s.size() - 2] != '.') s.pop_back();
  static const std::regex number(R"([-+]?(\d+\.?\d*|\.\d+))");
  if (std::regex_match(s, number)) return fmt::format("{:.9g}", std::stod(s));
  static const std::regex date(R"((\d{4})-(\d{1,2})-(\d{1,2}))");
  std::smatch m;
  if (std::regex_match(s, m, date)) {
    return fmt::format("{}-{:02}-{:02}", m[1].str(), std::stoi(m[2].str()), std::stoi(m[3].str()));
  }
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

struct KindSpec {
  std::string kind;                 // import and show kind
  std::vector<std::string> header;  // the file's columns
  std::size_t scope_columns = 1;    // rows of the export compared: those whose first n cells
                                    // (the key, or the facility for per-facility kinds) occur
  std::function<std::vector<std::string>(Rng&, int)> row;  // one valid row (index i)
  // Columns an empty cell leaves to the importer (docs/templates.md: the level from the code,
  // status "buka", employment "tidak_diketahui"): not compared when the file leaves one empty.
  std::vector<std::string> defaulted = {};
};

std::string Pick(Rng& rng, const std::vector<std::string>& from) {
  return from[std::uniform_int_distribution<std::size_t>(0, from.size() - 1)(rng)];
}
int Between(Rng& rng, int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); }
std::string Digits(Rng& rng, int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s += static_cast<char>('0' + Between(rng, i == 0 ? 1 : 0, 9));
  return s;
}
std::string Name(Rng& rng) {
  static const std::vector<std::string> words = {"Sungai",    "Menang",  "Tulung", "Selapan",
                                                 "Pedamaran", "Cengal",  "Mesuji", "Lempuing",
                                                 "Air",       "Sugihan", "Jejawi", "Kayuagung"};
  return Pick(rng, words) + " " + Pick(rng, words);
}

// The base workspace: one kabupaten, three kecamatan of four villages, three puskesmas.
const std::vector<std::string> kKecamatan = {"16.02.01", "16.02.02", "16.02.03"};
const std::vector<std::string> kFacilities = {"P1602010101", "P1602020101", "P1602030101"};
std::string BaseRegions() {
  std::string csv =
      "kode,nama,tingkat,kode_bps\n16,Sumatera Selatan,provinsi,16\n"
      "16.02,Ogan Komering Ilir,kabupaten,1602\n";
  for (std::size_t k = 0; k < kKecamatan.size(); ++k) {
    csv += fmt::format("{},Kecamatan {},kecamatan,16020{}0\n", kKecamatan[k], k + 1, k + 1);
    for (int d = 1; d <= 4; ++d) {
      csv += fmt::format("{}.200{},Desa {}{},desa,16020{}0{:03}\n", kKecamatan[k], d, k + 1, d,
                         k + 1, d);
    }
  }
  return csv;
}
std::string BaseFacilities() {
  std::string csv = "kode_faskes,nama_faskes,jenis_faskes,kode_kecamatan,lat,lon\n";
  for (std::size_t k = 0; k < kFacilities.size(); ++k) {
    csv += fmt::format("{},Puskesmas {},puskesmas,{},-3.{},105.{}\n", kFacilities[k], k + 1,
                       kKecamatan[k], k + 1, k + 1);
  }
  return csv;
}
std::string AVillage(Rng& rng) {
  return fmt::format("{}.200{}", Pick(rng, kKecamatan), Between(rng, 1, 4));
}

std::vector<KindSpec> Kinds() {
  std::vector<KindSpec> kinds;
  kinds.push_back({"regions", {"kode", "nama", "tingkat", "kode_bps"}, 1, [](Rng& rng, int i) {
                     const std::string kec = Pick(rng, kKecamatan);
                     const int k = kec.back() - '0';
                     return std::vector<std::string>{fmt::format("{}.{}", kec, 2100 + i), Name(rng),
                                                     "desa", fmt::format("16020{}0{}", k, 100 + i)};
                   }});
  kinds.push_back(
      {"population",
       {"kode_wilayah", "tahun", "penduduk", "jumlah_kk", "sumber"},
       2,
       [](Rng& rng, int i) {
         return std::vector<std::string>{
             fmt::format("{}.200{}", kKecamatan[static_cast<std::size_t>(i % 3)], 1 + (i / 3) % 4),
             std::to_string(2015 + i / 12), std::to_string(Between(rng, 100, 9000)),
             std::to_string(Between(rng, 20, 2000)), Pick(rng, {"Dukcapil", "BPS"})};
       }});
  kinds.push_back({"facilities",
                   {"kode_faskes", "nama_faskes", "jenis_faskes", "kode_kecamatan", "alamat", "lat",
                    "lon", "status"},
                   1,
                   [](Rng& rng, int i) {
                     const std::size_t k = static_cast<std::size_t>(Between(rng, 0, 2));
                     return std::vector<std::string>{
                         fmt::format("N16020{}{:04}", k + 1, i),
                         "Pustu " + Name(rng),
                         "pustu",
                         kKecamatan[k],
                         "Jl. " + Name(rng),
                         fmt::format("-3.{:03}", Between(rng, 100, 999)),
                         fmt::format("105.{:03}", Between(rng, 100, 999)),
                         Pick(rng, {"buka", "tutup"})};
                   }});
  kinds.push_back({"staff",
                   {"kode_faskes", "nama", "nik", "jenis_tenaga", "status_kepegawaian",
                    "tanggal_lahir", "jabatan"},
                   1,
                   [](Rng& rng, int) {
                     return std::vector<std::string>{
                         Pick(rng, kFacilities),
                         Name(rng),
                         "16" + Digits(rng, 14),
                         Pick(rng, {"bidan", "perawat", "dokter_umum", "gizi"}),
                         Pick(rng, {"pns", "pppk", "honorer"}),
                         fmt::format("{}-{:02}-{:02}", Between(rng, 1966, 2000),
                                     Between(rng, 1, 12), Between(rng, 1, 28)),
                         "Pelaksana"};
                   }});
  kinds.push_back(
      {"staff-counts",
       {"kode_faskes", "jenis_tenaga", "status_kepegawaian", "jumlah"},
       1,
       [](Rng& rng, int i) {
         static const std::vector<std::string> cadres = {"bidan", "perawat", "gizi", "kesling"};
         static const std::vector<std::string> status = {"pns", "pppk", "honorer"};
         return std::vector<std::string>{kFacilities[static_cast<std::size_t>(i % 3)],
                                         cadres[static_cast<std::size_t>((i / 3) % 4)],
                                         status[static_cast<std::size_t>((i / 12) % 3)],
                                         std::to_string(Between(rng, 0, 40))};
       }});
  kinds.push_back({"equipment",
                   {"kode_faskes", "kode_alat", "nama_alat", "kondisi", "jumlah"},
                   1,
                   [](Rng& rng, int i) {
                     return std::vector<std::string>{
                         kFacilities[static_cast<std::size_t>(i % 3)], fmt::format("ALAT-{:03}", i),
                         "Alat " + Name(rng), Pick(rng, {"baik", "rusak_ringan", "rusak_berat"}),
                         std::to_string(Between(rng, 0, 20))};
                   }});
  kinds.push_back(
      {"services", {"kode_faskes", "tahun", "kegiatan", "jumlah"}, 1, [](Rng& rng, int i) {
         return std::vector<std::string>{
             kFacilities[static_cast<std::size_t>(i % 3)], std::to_string(2020 + (i / 3) % 5),
             fmt::format("kegiatan_{}", i), std::to_string(Between(rng, 0, 50000))};
       }});
  kinds[0].defaulted = {"tingkat"};
  kinds[2].defaulted = {"status"};
  kinds[4].defaulted = {"status_kepegawaian"};
  return kinds;
}

std::string QuoteCsv(const std::string& cell) {
  if (cell.find_first_of(",\"\n") == std::string::npos) return cell;
  std::string out = "\"";
  for (char c : cell) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string WriteCsv(const std::vector<std::string>& header,
                     const std::vector<std::vector<std::string>>& rows) {
  std::string out;
  for (std::size_t c = 0; c < header.size(); ++c) out += (c ? "," : "") + header[c];
  out += '\n';
  for (const auto& row : rows) {
    for (std::size_t c = 0; c < row.size(); ++c) out += (c ? "," : "") + QuoteCsv(row[c]);
    out += '\n';
  }
  return out;
}

// The rows a file says, as canonical cells of the columns it shares with the export, keyed
// by their scope (the first `scope` columns of the file).
using Rows = std::multiset<std::vector<std::string>>;
struct Said {
  Rows rows;
  std::set<std::vector<std::string>> scopes;
};

// `said_columns`, when given, receives the columns the file carries: a column it lacks says
// nothing (the importer keeps or derives that value), so only those are compared.
Said WhatItSays(const std::vector<std::vector<std::string>>& table,
                const std::vector<std::string>& columns, std::size_t scope,
                std::vector<std::string>* said_columns = nullptr) {
  Said said;
  if (table.empty()) return said;
  const auto& header = table.front();
  std::vector<int> at;
  for (const auto& c : columns) {
    // Headers are matched as the importers match them (docs/templates.md: case, spaces and
    // punctuation do not matter).
    const auto it = std::find_if(header.begin(), header.end(),
                                 [&](const std::string& h) { return NormalizeKey(h) == c; });
    at.push_back(it == header.end() ? -1 : static_cast<int>(it - header.begin()));
  }
  if (said_columns != nullptr) {
    said_columns->clear();
    for (std::size_t k = 0; k < columns.size(); ++k) {
      if (at[k] >= 0) said_columns->push_back(columns[k]);
    }
  }
  for (std::size_t r = 1; r < table.size(); ++r) {
    const auto& cells = table[r];
    if (cells.size() == 1 && Trim(cells[0]).empty()) continue;  // a blank line
    std::vector<std::string> row;
    for (int a : at) {
      const std::string cell = a >= 0 && static_cast<std::size_t>(a) < cells.size()
                                   ? cells[static_cast<std::size_t>(a)]
                                   : std::string();
      // An activity is stored by its key (docs/needs.md: "Kunjungan Rawat Jalan" is
      // kunjungan_rawat_jalan), a choice by its key ("rusak-ringan" is rusak_ringan,
      // docs/templates.md); every other value as it reads.
      static const std::set<std::string> kKeyed = {
          "kegiatan", "kondisi",      "jenis_faskes",      "status",
          "tingkat",  "jenis_tenaga", "status_kepegawaian"};
      const bool keyed = kKeyed.contains(columns[row.size()]) && !Trim(cell).empty();
      row.push_back(keyed ? NormalizeKey(cell) : Canonical(cell));
    }
    said.scopes.insert({row.begin(), row.begin() + static_cast<std::ptrdiff_t>(scope)});
    said.rows.insert(std::move(row));
  }
  return said;
}

class ImportProperty : public ::testing::TestWithParam<std::size_t> {
 protected:
  static void SetUpTestSuite() {
    base_dir_ = new TempDir();
    base_ = base_dir_->File("base.jangkau");
    ASSERT_EQ(RunCommand(J("init --workspace " + base_)).exit_code, 0);
    auto r = RunCommand(
        J("import regions " + base_dir_->Write("w.csv", BaseRegions()) + " --workspace " + base_));
    ASSERT_EQ(r.exit_code, 0) << r.out;
    r = RunCommand(J("import facilities " + base_dir_->Write("f.csv", BaseFacilities()) +
                     " --workspace " + base_));
    ASSERT_EQ(r.exit_code, 0) << r.out;
  }
  static void TearDownTestSuite() {
    delete base_dir_;
    base_dir_ = nullptr;
  }

  // A fresh copy of the base workspace.
  std::string Fresh(const TempDir& dir, const std::string& name) {
    const std::string ws = dir.File(name);
    std::filesystem::copy_file(base_, ws, std::filesystem::copy_options::overwrite_existing);
    return ws;
  }
  static std::string Export(const std::string& kind, const std::string& ws) {
    return RunCommand(J("show " + kind + " --workspace " + ws + " --format csv")).out;
  }

  static inline TempDir* base_dir_ = nullptr;
  static inline std::string base_;
};

// A fixed seed per kind in `make test`, so that a run is repeatable;
// JANGKAU_PROPERTY_SEED=N replays one, JANGKAU_PROPERTY_SEED=random explores.
uint64_t Seed(std::size_t kind) {
  const char* s = std::getenv("JANGKAU_PROPERTY_SEED");
  if (s == nullptr) return 20261202 + kind;
  if (std::string_view(s) == "random") return std::random_device{}();
  return std::stoull(s);
}

TEST_P(ImportProperty, ValidFilesRoundTripAndEveryMutationIsRefusedWithAPlaceOrImportedAsItSays) {
  const KindSpec spec = Kinds()[GetParam()];
  const uint64_t seed = Seed(GetParam());
  SCOPED_TRACE(fmt::format("kind {} JANGKAU_PROPERTY_SEED={}", spec.kind, seed));
  Rng rng(seed);
  TempDir dir;
  // The bytes a mutation writes: every class the importers treat differently (digits, letters,
  // separators, quote, line break, space, a byte that is not UTF-8, NUL).
  const std::string bytes = std::string("0159aZz.-+,;\"\n \t/:") + '\xff' + '\xc3' + '\0';
  constexpr int kFiles = 3;
  constexpr int kMutations = 12;
  for (int file = 0; file < kFiles; ++file) {
    std::vector<std::vector<std::string>> rows;
    const int n = Between(rng, 1, 12);
    for (int i = 0; i < n; ++i) rows.push_back(spec.row(rng, file * 12 + i));
    const std::string text = WriteCsv(spec.header, rows);
    const std::string path = dir.Write(fmt::format("{}_{}.csv", spec.kind, file), text);
    SCOPED_TRACE(text);

    // Valid: imports, and the export holds exactly its rows.
    const std::string ws = Fresh(dir, "valid.jangkau");
    auto r = RunCommand(J("import " + spec.kind + " " + path + " --workspace " + ws));
    ASSERT_EQ(r.exit_code, 0) << r.out;
    const auto exported = ReadCsvLikeGdal(Export(spec.kind, ws));
    ASSERT_FALSE(exported.empty());
    std::vector<std::string> common;
    for (const auto& h : spec.header) common.push_back(Canonical(h));
    const Said said = WhatItSays(ReadCsvLikeGdal(text), common, spec.scope_columns);
    Said back = WhatItSays(exported, common, spec.scope_columns);
    Rows in_scope;
    for (const auto& row : back.rows) {
      if (said.scopes.contains(
              {row.begin(), row.begin() + static_cast<std::ptrdiff_t>(spec.scope_columns)})) {
        in_scope.insert(row);
      }
    }
    EXPECT_EQ(in_scope, said.rows);

    // Mutations: one byte each.
    for (int m = 0; m < kMutations; ++m) {
      std::string mutated = text;
      const std::size_t at = std::uniform_int_distribution<std::size_t>(0, mutated.size() - 1)(rng);
      mutated[at] = bytes[std::uniform_int_distribution<std::size_t>(0, bytes.size() - 1)(rng)];
      if (mutated == text) continue;
      const std::string mpath = dir.Write(fmt::format("m{}_{}.csv", file, m), mutated);
      const std::string mws = Fresh(dir, "mutated.jangkau");
      const std::string before = testing::DumpWorkspace(mws);
      r = RunCommand(J("import " + spec.kind + " " + mpath + " --workspace " + mws));
      const std::string what =
          fmt::format("byte {} of {} set to 0x{:02x}; the file now:\n{}\noutput:\n{}", at, mpath,
                      static_cast<unsigned char>(mutated[at]), mutated, r.out);
      if (r.exit_code != 0) {
        EXPECT_EQ(r.exit_code, 1) << what;
        // Refused with its place, and nothing written.
        const std::regex place(
            std::regex_replace(mpath, std::regex(R"([.^$|()\[\]{}*+?\\])"), R"(\$&)") +
            R"(:\d+(:\d+)?: )");
        // A file left with a header only is refused as a whole (the place is the file).
        const bool no_rows =
            r.out.find(mpath + ": galat: berkas tidak berisi baris data") != std::string::npos;
        EXPECT_TRUE(no_rows || std::regex_search(r.out, place)) << what;
        EXPECT_EQ(testing::DumpWorkspace(mws), before) << what;
        continue;
      }
      // Imported: as exactly what the file now says, in the columns it still carries (a
      // mutated name of an optional column drops that column from what the file says).
      std::vector<std::string> carried;
      WhatItSays(ReadCsvLikeGdal(mutated), common, spec.scope_columns, &carried);
      ASSERT_GE(carried.size(), spec.scope_columns) << what;
      ASSERT_TRUE(std::equal(carried.begin(),
                             carried.begin() + static_cast<std::ptrdiff_t>(spec.scope_columns),
                             common.begin()))
          << what;
      for (const std::string& d : spec.defaulted) {
        const auto it = std::find(carried.begin(), carried.end(), d);
        if (it == carried.end()) continue;
        const auto k = static_cast<std::size_t>(it - carried.begin());
        const Said with = WhatItSays(ReadCsvLikeGdal(mutated), carried, spec.scope_columns);
        if (std::any_of(with.rows.begin(), with.rows.end(),
                        [&](const auto& row) { return row[k].empty(); })) {
          carried.erase(it);
        }
      }
      const Said now = WhatItSays(ReadCsvLikeGdal(mutated), carried, spec.scope_columns);
      const Said stored =
          WhatItSays(ReadCsvLikeGdal(Export(spec.kind, mws)), carried, spec.scope_columns);
      Rows stored_in_scope;
      for (const auto& row : stored.rows) {
        if (now.scopes.contains(
                {row.begin(), row.begin() + static_cast<std::ptrdiff_t>(spec.scope_columns)})) {
          stored_in_scope.insert(row);
        }
      }
      EXPECT_EQ(stored_in_scope, now.rows) << what;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(EveryKind, ImportProperty, ::testing::Range<std::size_t>(0, 7),
                         [](const ::testing::TestParamInfo<std::size_t>& info) {
                           std::string name = Kinds()[info.param].kind;
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

}  // namespace
}  // namespace jangkau
