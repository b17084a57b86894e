// Backing up and restoring a whole workspace (`jangkau backup`, `jangkau restore`,
// docs/copy.md): a SQLite workspace through SQLite's online backup API (the backup is itself a
// workspace file), a PostgreSQL district with pg_dump and pg_restore (the district's schema, in
// pg_dump's custom format). A backup is written beside its name and takes it only once whole
// and checked; a restore replaces the workspace in one transaction, or not at all.
#pragma once

#include <cstdint>
#include <expected>
#include <string>

#include "base/diagnostic.h"

namespace jangkau::store {

struct BackupResult {
  std::string kind;  // "SQLite" or "PostgreSQL (pg_dump)"
  int64_t bytes = 0;
};

// Writes a backup of `workspace` to `out`, which must not exist. Fails with kBackupExists,
// the errors of opening the workspace, or kBackupTool (pg_dump missing or failing).
std::expected<BackupResult, Error> BackupWorkspace(const std::string& workspace,
                                                   const std::string& out);

// Replaces `workspace` (made when missing) with the backup `from`, migrated to this program's
// schema; returns that schema version. Refused, with nothing written, when `from` is not a
// backup of a Jangkau workspace (kBackupForeign), is of the other kind of store
// (kBackupOtherBackend) or of another district (kBackupOtherDistrict), is newer than this
// program (kWorkspaceTooNew), or when `workspace` exists and is not a Jangkau workspace.
std::expected<int, Error> RestoreWorkspace(const std::string& workspace, const std::string& from);

}  // namespace jangkau::store
