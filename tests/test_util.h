// Helpers shared by the tests: temporary directories, files written inline, running the
// jangkau binary and reading a workspace's whole content for comparison.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <sqlite3.h>

namespace jangkau::testing {

// A fresh directory removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() /
            ("jangkau-test-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  std::string File(const std::string& name) const { return (path_ / name).string(); }
  // Writes `content` to `name` and returns the full path.
  std::string Write(const std::string& name, const std::string& content) const {
    std::ofstream(File(name), std::ios::binary) << content;
    return File(name);
  }

 private:
  std::filesystem::path path_;
};

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct CommandResult {
  int exit_code = -1;
  std::string out;  // stdout and stderr together
};

// Runs a shell command line, capturing stdout and stderr.
inline CommandResult RunCommand(const std::string& command) {
  CommandResult r;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return r;
  std::array<char, 4096> buf{};
  std::size_t n = 0;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) r.out.append(buf.data(), n);
  const int status = pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return r;
}

// A test workspace on PostgreSQL: the libpq URL without Jangkau's district, and the schema the
// district's workspace lives in (as store/postgres.cc names it: kab_ and the code's digits).
inline std::pair<std::string, std::string> PostgresParts(const std::string& ws) {
  const std::size_t q = ws.find("?district=");
  std::string digits;
  for (char c : ws.substr(q == std::string::npos ? ws.size() : q)) {
    if (c >= '0' && c <= '9') digits.push_back(c);
  }
  return {ws.substr(0, q), digits.empty() ? "jangkau" : "kab_" + digits};
}

// The rows of `sql` on a PostgreSQL workspace, one per line, columns joined by '|' (psql).
inline std::string PostgresRows(const std::string& ws, const std::string& sql) {
  const auto [url, schema] = PostgresParts(ws);
  char name[] = "/tmp/jangkau-sql-XXXXXX";
  const int fd = mkstemp(name);
  if (fd < 0) return {};
  close(fd);
  std::ofstream(name) << "SET search_path TO " << schema << ", public;\n" << sql << "\n";
  const CommandResult r = RunCommand("psql -X -q -tA -v ON_ERROR_STOP=1 '" + url + "' -f " + name);
  std::remove(name);
  return r.out;
}

// The first column of the first row of `sql` as an integer, on either backend.
inline int64_t QueryInt(const std::string& ws, const std::string& sql) {
  if (ws.starts_with("postgresql://")) return std::atoll(PostgresRows(ws, sql).c_str());
  sqlite3* db = nullptr;
  sqlite3_open_v2(ws.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr);
  const int64_t n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
  sqlite3_finalize(st);
  sqlite3_close(db);
  return n;
}

// Every row of every table, in a stable order, as text: two workspaces with the same
// content give the same string.
// On PostgreSQL the same, without the columns the server adds (rowid, the PostGIS geometry).
inline std::string DumpWorkspace(const std::string& path) {
  if (path.starts_with("postgresql://")) {
    const std::string schema = PostgresParts(path).second;
    std::istringstream tables(PostgresRows(
        path,
        "SELECT table_name || ' ' || string_agg(quote_ident(column_name), ', ' ORDER BY "
        "ordinal_position) FROM information_schema.columns WHERE table_schema = '" +
            schema +
            "' AND column_name NOT IN ('rowid', 'geom_postgis') AND table_name NOT LIKE "
            "'jangkau_%' GROUP BY table_name ORDER BY table_name;"));
    std::string sql;
    std::string line;
    while (std::getline(tables, line)) {
      const std::size_t sp = line.find(' ');
      if (sp == std::string::npos) continue;
      const std::string table = line.substr(0, sp);
      sql += "SELECT '== " + table + "';\nSELECT concat_ws('|', " + line.substr(sp + 1) +
             ") AS r FROM " + table + " ORDER BY r;\n";
    }
    return PostgresRows(path, sql);
  }
  sqlite3* db = nullptr;
  sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  std::string out;
  std::vector<std::string> tables;
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name", -1, &st,
                     nullptr);
  while (sqlite3_step(st) == SQLITE_ROW) {
    tables.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
  }
  sqlite3_finalize(st);
  for (const auto& t : tables) {
    out += "== " + t + "\n";
    const std::string sql = "SELECT * FROM \"" + t + "\" ORDER BY 1, 2";
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) continue;
    while (sqlite3_step(st) == SQLITE_ROW) {
      for (int c = 0; c < sqlite3_column_count(st); ++c) {
        const auto* txt = sqlite3_column_text(st, c);
        out += txt != nullptr ? std::string(reinterpret_cast<const char*>(txt),
                                            static_cast<std::size_t>(sqlite3_column_bytes(st, c)))
                              : "NULL";
        out += '|';
      }
      out += '\n';
    }
    sqlite3_finalize(st);
  }
  sqlite3_close(db);
  return out;
}

// The PostgreSQL database the suites run on a second time (the URL scripts/pg-cluster.sh wrote to
// the file JANGKAU_TEST_PG names), or "" when they run on SQLite files.
inline std::string TestPostgres() {
  const char* file = std::getenv("JANGKAU_TEST_PG");
  if (file == nullptr || *file == '\0') return {};
  std::string url;
  std::ifstream(file) >> url;
  return url;
}

// Where a test's workspace lives: the file `name` in `dir`, or on PostgreSQL a district of its
// own (a schema of its own) in the test database.
inline std::string WorkspaceAt(const TempDir& dir, const std::string& name) {
  const std::string pg = TestPostgres();
  if (pg.empty()) return dir.File(name);
  // 18 random digits: tests run in parallel processes, and an earlier run's schemas stay.
  std::random_device rd;
  const uint64_t n = (uint64_t{rd()} << 32 | rd()) % 1000000000000000000ULL;
  return pg + "?district=9" + std::to_string(n);
}

// The jangkau binary under test, run with Bahasa Indonesia messages whatever the machine's LANG.
inline std::string J(const std::string& args) {
#ifdef JANGKAU_BINARY
  return std::string("LANG=C.UTF-8 ") + JANGKAU_BINARY + " " + args;
#else
  return args;
#endif
}

// A new, empty workspace in a temporary folder, and the commands tests run on it.
struct EmptyWorkspace {
  TempDir dir;
  std::string ws = WorkspaceAt(dir, "w.jangkau");
  int init_exit_code = RunCommand(J("init --workspace " + ws)).exit_code;

  CommandResult Import(const std::string& kind, const std::string& file,
                       const std::string& extra = "") const {
    return RunCommand(J("import " + kind + " " + file + " --workspace " + ws + " " + extra));
  }
  // `text` written to `name` in the folder, then imported.
  CommandResult ImportText(const std::string& kind, const std::string& name,
                           const std::string& text) const {
    return Import(kind, dir.Write(name, text));
  }
  std::string Show(const std::string& kind) const {
    return RunCommand(J("show " + kind + " --workspace " + ws + " --format csv")).out;
  }
};

#ifdef JANGKAU_SOURCE_DIR
// One line of a CSV file as its cells (quotes removed; no line breaks inside cells).
inline std::vector<std::string> SplitCsv(const std::string& line) {
  std::vector<std::string> cells;
  std::string cell;
  bool quoted = false;
  for (char ch : line) {
    if (ch == '"') {
      quoted = !quoted;
    } else if (ch == ',' && !quoted) {
      cells.push_back(cell);
      cell.clear();
    } else {
      cell += ch;
    }
  }
  cells.push_back(cell);
  return cells;
}

inline const std::string kData = std::string(JANGKAU_SOURCE_DIR) + "/data";

// A new workspace in `dir` with the given (kind, file under data/ and any options) imports;
// every import must succeed. Returns the workspace path.
inline std::string SampleWorkspace(
    const TempDir& dir, const std::string& name,
    const std::vector<std::pair<std::string, std::string>>& imports) {
  const std::string ws = WorkspaceAt(dir, name + ".jangkau");
  if (RunCommand(J("init --workspace " + ws)).exit_code != 0) return ws;
  for (const auto& [kind, file] : imports) {
    const auto r =
        RunCommand(J("import " + kind + " " + kData + "/" + file + " --workspace " + ws));
    if (r.exit_code != 0) {
      std::fprintf(stderr, "import %s %s failed:\n%s\n", kind.c_str(), file.c_str(), r.out.c_str());
    }
  }
  return ws;
}

// The OKI sample as `make demo` builds it (regions, population, facilities, assumptions,
// village indicators).
inline std::vector<std::pair<std::string, std::string>> DistrictImports(const std::string& d) {
  // The published boundaries hold a few invalid polygons (1 in OKI, 4 in Muba): repaired and
  // reported, as make demo does.
  return {{"regions", "districts/" + d + "/wilayah.geojson --make-valid"},
          {"population", "districts/" + d + "/penduduk.csv"},
          {"facilities", "districts/" + d + "/faskes_bppsdmk_2019.csv"},
          {"assumptions", "districts/" + d + "/asumsi_faskes.csv"},
          {"indicators", "districts/" + d + "/indikator_desa.csv"}};
}
#endif

}  // namespace jangkau::testing
