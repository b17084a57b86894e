// jangkau backup / restore (store/backup.h): SQLite's online backup API for a file,
// pg_dump / pg_restore / psql (Debian's postgresql-client-15) for a district on a server.
#include "store/backup.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <sstream>
#include <vector>

#include <fmt/format.h>

#include "store/copy.h"
#include "store/db.h"
#include "store/postgres.h"
#include "store/schema.h"
#include "store/workspace.h"

extern char** environ;  // NOLINT(readability-redundant-declaration): posix_spawn passes it on

namespace jangkau::store {
namespace {

constexpr std::size_t kMaxToolOutput = 1 << 20;

// A program of the PostgreSQL client run to its end: its standard output (up to 1 MiB) or what
// it said went wrong.
std::expected<std::string, Error> RunTool(const std::vector<std::string>& args) {
  std::array<int, 2> out{};
  std::array<int, 2> err{};
  if (pipe2(out.data(), O_CLOEXEC) != 0)
    return std::unexpected(Error{Msg::kBackupTool, {args[0], std::strerror(errno)}});
  if (pipe2(err.data(), O_CLOEXEC) != 0) {
    close(out[0]);
    close(out[1]);
    return std::unexpected(Error{Msg::kBackupTool, {args[0], std::strerror(errno)}});
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err[1], 2);
  std::vector<char*> argv;
  argv.reserve(args.size() + 1);
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int rc = posix_spawnp(&pid, args[0].c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(out[1]);
  close(err[1]);
  if (rc != 0) {
    close(out[0]);
    close(err[0]);
    return std::unexpected(Error{
        Msg::kBackupTool,
        {args[0], rc == ENOENT ? "tidak ditemukan; pasang paket postgresql-client-15 / not found; "
                                 "install the package postgresql-client-15"
                               : std::strerror(rc)}});
  }
  // Both pipes read in turn so that neither fills while the other waits.
  std::string stdout_text;
  std::string stderr_text;
  std::array<char, 8192> buf{};
  std::array<bool, 2> open = {true, true};
  while (open[0] || open[1]) {
    for (int k = 0; k < 2; ++k) {
      if (!open[static_cast<std::size_t>(k)]) continue;
      const int fd = k == 0 ? out[0] : err[0];
      fd_set set;
      FD_ZERO(&set);
      FD_SET(fd, &set);
      timeval tv{0, 20000};
      if (select(fd + 1, &set, nullptr, nullptr, &tv) <= 0) continue;
      const ssize_t n = read(fd, buf.data(), buf.size());
      if (n <= 0) {
        open[static_cast<std::size_t>(k)] = false;
        continue;
      }
      std::string& into = k == 0 ? stdout_text : stderr_text;
      if (into.size() < kMaxToolOutput) into.append(buf.data(), static_cast<std::size_t>(n));
    }
  }
  close(out[0]);
  close(err[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    while (!stderr_text.empty() && (stderr_text.back() == '\n' || stderr_text.back() == ' ')) {
      stderr_text.pop_back();
    }
    return std::unexpected(Error{Msg::kBackupTool, {args[0], stderr_text.substr(0, 2000)}});
  }
  return stdout_text;
}

std::string Suffix() {
  std::random_device rd;
  return fmt::format("{:08x}", rd());
}

// A file being written beside its final name; removed unless kept.
class PartFile {
 public:
  explicit PartFile(const std::string& final_name)
      : path_(fmt::format("{}.sebagian-{}", final_name, Suffix())) {}
  ~PartFile() {
    if (!kept_) {
      std::error_code ec;
      for (const char* s : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(path_ + s, ec);
    }
  }
  PartFile(const PartFile&) = delete;
  PartFile& operator=(const PartFile&) = delete;
  const std::string& path() const { return path_; }
  // Takes `name`, which must not exist (checked once more: nothing is ever overwritten).
  std::expected<void, Error> KeepAs(const std::string& name, Msg exists) {
    std::error_code ec;
    if (std::filesystem::exists(std::filesystem::symlink_status(name, ec))) {
      return std::unexpected(Error{exists, {name}});
    }
    std::filesystem::rename(path_, name, ec);
    if (ec) return std::unexpected(Error{Msg::kFileOpen, {name, ec.message()}});
    kept_ = true;
    return {};
  }

 private:
  std::string path_;
  bool kept_ = false;
};

std::string FileHead(const std::string& path, std::size_t n) {
  std::ifstream in(path, std::ios::binary);
  std::string head(n, '\0');
  in.read(head.data(), static_cast<std::streamsize>(n));
  head.resize(static_cast<std::size_t>(in.gcount()));
  return head;
}

constexpr std::string_view kSqliteMagic{"SQLite format 3\0", 16};
constexpr std::string_view kPgDumpMagic = "PGDMP";

// ---- SQLite ----

std::expected<BackupResult, Error> BackupSqlite(const std::string& workspace,
                                                const std::string& out) {
  PartFile part(out);
  try {
    SqliteBackup(workspace, part.path(), nullptr);
    // The backup is one file of its own (no WAL beside it), checked before it takes its name.
    auto conn = OpenSqlite(part.path(), /*create=*/false);
    conn->Exec("PRAGMA journal_mode=DELETE");
    if (auto problems = conn->IntegrityProblems(); !problems.empty()) {
      return std::unexpected(Error{Msg::kCheckFailed, {problems.front()}});
    }
  } catch (const DatabaseError& e) {
    return std::unexpected(Error{Msg::kFileOpen, {out, e.what()}});
  }
  if (auto kept = part.KeepAs(out, Msg::kBackupExists); !kept) return std::unexpected(kept.error());
  std::error_code ec;
  return BackupResult{"SQLite", static_cast<int64_t>(std::filesystem::file_size(out, ec))};
}

std::expected<int, Error> RestoreSqlite(const std::string& workspace, const std::string& from) {
  try {
    auto backup = OpenSqlite(from, /*create=*/false, /*read_only=*/true);
    if (!backup->IsJangkau()) {
      return std::unexpected(Error{Msg::kBackupForeign,
                                   {from, "bukan ruang kerja Jangkau / not a Jangkau workspace"}});
    }
    const int version = backup->SchemaVersion();
    if (version > LatestSchemaVersion()) {
      return std::unexpected(
          Error{Msg::kWorkspaceTooNew,
                {from, std::to_string(version), std::to_string(LatestSchemaVersion())}});
    }
    if (auto problems = backup->IntegrityProblems(); !problems.empty()) {
      return std::unexpected(Error{Msg::kBackupForeign, {from, problems.front()}});
    }
  } catch (const DatabaseError& e) {
    return std::unexpected(Error{Msg::kBackupForeign, {from, e.what()}});
  }
  std::error_code ec;
  try {
    if (std::filesystem::exists(workspace, ec)) {
      // Only a workspace is replaced, never another file; in one write transaction.
      if (auto ws = Workspace::Open(workspace); !ws) return std::unexpected(ws.error());
      SqliteBackup(from, workspace, nullptr);
    } else {
      PartFile part(workspace);
      SqliteBackup(from, part.path(), nullptr);
      if (auto kept = part.KeepAs(workspace, Msg::kWorkspaceExists); !kept) {
        return std::unexpected(kept.error());
      }
    }
  } catch (const DatabaseError& e) {
    if (e.busy()) return std::unexpected(Error{Msg::kWorkspaceBusy, {}});
    return std::unexpected(Error{Msg::kWorkspaceOpen, {workspace, e.what()}});
  }
  auto ws = Workspace::Open(workspace);  // migrates an older backup
  if (!ws) return std::unexpected(ws.error());
  return (*ws)->schema_version();
}

// ---- PostgreSQL ----

std::expected<BackupResult, Error> BackupPostgres(const std::string& workspace,
                                                  const std::string& out) {
  const PostgresUrl url = ParsePostgresUrl(workspace);
  PartFile part(out);
  auto dumped =
      RunTool({"pg_dump", "--format=custom", "--schema=" + SchemaOf(url.district), "--no-owner",
               "--no-privileges", "--file=" + part.path(), "--dbname=" + url.conninfo});
  if (!dumped) return std::unexpected(dumped.error());
  // Read back before it takes its name.
  if (auto listed = RunTool({"pg_restore", "--list", part.path()}); !listed) {
    return std::unexpected(listed.error());
  }
  if (auto kept = part.KeepAs(out, Msg::kBackupExists); !kept) return std::unexpected(kept.error());
  std::error_code ec;
  return BackupResult{"PostgreSQL (pg_dump)",
                      static_cast<int64_t>(std::filesystem::file_size(out, ec))};
}

// The kinds of entry a district's dump holds; anything else is not a Jangkau backup.
constexpr std::array<std::string_view, 11> kDumpEntries = {
    "TABLE DATA ", "SEQUENCE SET ", "SEQUENCE OWNED BY ", "FK CONSTRAINT ", "CONSTRAINT ",
    "INDEX ",      "TABLE ",        "SEQUENCE ",          "SCHEMA ",        "DEFAULT ",
    "COMMENT "};

// The schema of a district's dump, from its table of contents; empty with `why` when the file is
// not one.
std::string DumpSchema(const std::string& toc, std::string& why) {
  std::string schema;
  bool marked = false;
  std::istringstream lines(toc);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] == ';') continue;
    // "<id>; <catalog oid> <oid> <kind> <schema> <name> <owner>"
    std::istringstream fields(line);
    std::string id;
    std::string catalog;
    std::string oid;
    fields >> id >> catalog >> oid;
    std::string rest;
    std::getline(fields, rest);
    if (!rest.empty() && rest[0] == ' ') rest.erase(0, 1);
    std::string_view kind;
    for (std::string_view k : kDumpEntries) {
      if (rest.starts_with(k)) {
        kind = k;
        break;
      }
    }
    if (kind.empty()) {
      why = "entri tak terduga / unexpected entry: " + line.substr(0, 200);
      return {};
    }
    std::istringstream after(rest.substr(kind.size()));
    std::string where;
    std::string name;
    after >> where >> name;
    if (kind == "SCHEMA ") {
      if (!schema.empty()) {
        why = "lebih dari satu skema / more than one schema";
        return {};
      }
      schema = name;
      continue;
    }
    if (where == "-") continue;  // a comment on the schema itself
    if (!schema.empty() && where != schema) {
      why = "entri di luar skema / an entry outside the schema: " + line.substr(0, 200);
      return {};
    }
    if (kind == "TABLE " && name == "jangkau_skema") marked = true;
  }
  if (schema.empty() || !marked) {
    why = "bukan skema ruang kerja Jangkau / not a Jangkau workspace schema";
    return {};
  }
  return schema;
}

std::expected<int, Error> RestorePostgres(const std::string& workspace, const std::string& from) {
  auto listed = RunTool({"pg_restore", "--list", from});
  if (!listed)
    return std::unexpected(Error{Msg::kBackupForeign, {from, listed.error().args.back()}});
  std::string why;
  const std::string schema = DumpSchema(*listed, why);
  if (schema.empty()) return std::unexpected(Error{Msg::kBackupForeign, {from, why}});
  const PostgresUrl url = ParsePostgresUrl(workspace);
  if (schema != SchemaOf(url.district)) {
    return std::unexpected(
        Error{Msg::kBackupOtherDistrict, {from, schema, SchemaOf(url.district)}});
  }
  // The schema version the backup holds: its jangkau_skema row.
  auto data = RunTool({"pg_restore", "--data-only", "--schema=" + schema, "--table=jangkau_skema",
                       "--file=-", from});
  if (!data) return std::unexpected(Error{Msg::kBackupForeign, {from, data.error().args.back()}});
  int version = -1;
  {
    const std::size_t copy = data->find("FROM stdin;\n");
    if (copy != std::string::npos) version = std::atoi(data->c_str() + copy + 12);
  }
  if (version <= 0) {
    return std::unexpected(
        Error{Msg::kBackupForeign, {from, "tanpa versi skema / no schema version"}});
  }
  if (version > LatestSchemaVersion()) {
    return std::unexpected(
        Error{Msg::kWorkspaceTooNew,
              {from, std::to_string(version), std::to_string(LatestSchemaVersion())}});
  }
  // What the workspace's data version had reached: it only ever grows, so that a server that
  // caches by it notices the restore.
  int64_t reached = 0;
  try {
    auto conn = OpenPostgres(workspace, /*create=*/true);
    if (conn->IsJangkau()) {
      reached = conn->DataVersion();
    } else if (conn->QueryInt(
                   "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()") > 0) {
      return std::unexpected(Error{Msg::kWorkspaceNotJangkau, {WithoutPassword(workspace)}});
    }
  } catch (const DatabaseError& e) {
    if (e.busy()) return std::unexpected(Error{Msg::kWorkspaceBusy, {}});
    return std::unexpected(Error{Msg::kWorkspaceOpen, {workspace, e.what()}});
  }
  PartFile script((std::filesystem::temp_directory_path() / "jangkau-pulih.sql").string());
  if (auto made =
          RunTool({"pg_restore", "--no-owner", "--no-privileges", "--file=" + script.path(), from});
      !made) {
    return std::unexpected(Error{Msg::kBackupForeign, {from, made.error().args.back()}});
  }
  // One transaction: the district's schema dropped and made again from the backup, with the
  // writers' lock held throughout.
  auto restored = RunTool(
      {"psql", "--no-psqlrc", "--quiet", "--set=ON_ERROR_STOP=1", "--single-transaction",
       "--command=SET lock_timeout = '5s'; SELECT pg_advisory_xact_lock(hashtext('" + schema +
           "')); DROP SCHEMA IF EXISTS " + schema + " CASCADE;",
       "--file=" + script.path(),
       fmt::format("--command=SELECT setval('{0}.jangkau_versi_data', GREATEST(last_value, {1}) + "
                   "1) FROM {0}.jangkau_versi_data;",
                   schema, reached),
       "--dbname=" + url.conninfo});
  if (!restored) return std::unexpected(restored.error());
  auto ws = Workspace::Open(workspace);  // migrates an older backup
  if (!ws) return std::unexpected(ws.error());
  return (*ws)->schema_version();
}

}  // namespace

std::expected<BackupResult, Error> BackupWorkspace(const std::string& workspace,
                                                   const std::string& out) {
  std::error_code ec;
  if (std::filesystem::exists(std::filesystem::symlink_status(out, ec))) {
    return std::unexpected(Error{Msg::kBackupExists, {out}});
  }
  {
    // A workspace, at this program's schema, before anything is written.
    auto ws = Workspace::Open(workspace);
    if (!ws) return std::unexpected(ws.error());
  }
  return IsPostgresUrl(workspace) ? BackupPostgres(workspace, out) : BackupSqlite(workspace, out);
}

std::expected<int, Error> RestoreWorkspace(const std::string& workspace, const std::string& from) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(from, ec)) {
    return std::unexpected(Error{Msg::kFileOpen, {from, "bukan berkas / not a file"}});
  }
  const std::string head = FileHead(from, kSqliteMagic.size());
  const bool sqlite = head == kSqliteMagic;
  const bool dump = head.starts_with(kPgDumpMagic);
  if (!sqlite && !dump) {
    return std::unexpected(Error{
        Msg::kBackupForeign,
        {from,
         "bukan berkas SQLite ataupun pg_dump / neither a SQLite file nor a pg_dump archive"}});
  }
  const bool server = IsPostgresUrl(workspace);
  if (sqlite == server) {
    return std::unexpected(Error{Msg::kBackupOtherBackend,
                                 {from, sqlite ? "SQLite" : "PostgreSQL (pg_dump)", workspace,
                                  server ? "PostgreSQL" : "SQLite"}});
  }
  return server ? RestorePostgres(workspace, from) : RestoreSqlite(workspace, from);
}

}  // namespace jangkau::store
