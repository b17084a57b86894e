// jangkau backup / restore (store/backup.h): SQLite's online backup API for a file,
// pg_dump / pg_restore / psql (Debian's postgresql-client-15) for a district on a server.
#include "store/backup.h"

#include <fcntl.h>
#include <poll.h>
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
    if (rc == ENOENT) return std::unexpected(Error{Msg::kBackupToolMissing, {args[0]}});
    return std::unexpected(Error{Msg::kBackupTool, {args[0], std::strerror(rc)}});
  }
  // Both pipes read as they fill, so that neither blocks the tool while the other is read.
  std::array<std::string, 2> text;
  std::array<pollfd, 2> fds = {pollfd{out[0], POLLIN, 0}, pollfd{err[0], POLLIN, 0}};
  std::array<char, 8192> buf{};
  while (fds[0].fd >= 0 || fds[1].fd >= 0) {
    if (poll(fds.data(), fds.size(), -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (std::size_t k = 0; k < fds.size(); ++k) {
      if (fds[k].fd < 0 || fds[k].revents == 0) continue;
      const ssize_t n = read(fds[k].fd, buf.data(), buf.size());
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        fds[k].fd = -1;  // closed: poll() skips a negative descriptor
        continue;
      }
      if (text[k].size() < kMaxToolOutput) text[k].append(buf.data(), static_cast<std::size_t>(n));
    }
  }
  std::string& stdout_text = text[0];
  std::string& stderr_text = text[1];
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
      return std::unexpected(Error{Msg::kBackupNotWorkspace, {from}});
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
    return std::unexpected(StoreError(e, workspace));
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

// The schema of a district's dump `from`, from its table of contents (kBackupEntry,
// kBackupNotWorkspace when the file is not one).
std::expected<std::string, Error> DumpSchema(const std::string& toc, const std::string& from) {
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
      return std::unexpected(Error{Msg::kBackupEntry, {from, line.substr(0, 200)}});
    }
    std::istringstream after(rest.substr(kind.size()));
    std::string where;
    std::string name;
    after >> where >> name;
    if (kind == "SCHEMA ") {
      if (!schema.empty()) {
        return std::unexpected(Error{Msg::kBackupEntry, {from, line.substr(0, 200)}});
      }
      schema = name;
      continue;
    }
    if (where == "-") continue;  // a comment on the schema itself
    if (!schema.empty() && where != schema) {
      return std::unexpected(Error{Msg::kBackupEntry, {from, line.substr(0, 200)}});
    }
    if (kind == "TABLE " && name == "jangkau_skema") marked = true;
  }
  if (schema.empty() || !marked) {
    return std::unexpected(Error{Msg::kBackupNotWorkspace, {from}});
  }
  return schema;
}

std::expected<int, Error> RestorePostgres(const std::string& workspace, const std::string& from) {
  auto listed = RunTool({"pg_restore", "--list", from});
  if (!listed)
    return std::unexpected(Error{Msg::kBackupForeign, {from, listed.error().args.back()}});
  const auto dumped = DumpSchema(*listed, from);
  if (!dumped) return std::unexpected(dumped.error());
  const std::string& schema = *dumped;
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
    return std::unexpected(Error{Msg::kBackupNotWorkspace, {from}});
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
    return std::unexpected(StoreError(e, workspace));
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
    return std::unexpected(Error{Msg::kRestoreNotFile, {from}});
  }
  const std::string head = FileHead(from, kSqliteMagic.size());
  const bool sqlite = head == kSqliteMagic;
  const bool dump = head.starts_with(kPgDumpMagic);
  if (!sqlite && !dump) {
    return std::unexpected(Error{Msg::kBackupFormat, {from}});
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
