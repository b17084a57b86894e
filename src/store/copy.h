// Copying a district between two workspaces (`jangkau copy`, docs/copy.md): a server's district
// onto a laptop file for work offline, the laptop's changes back to the server, a file into a
// server, or between any two stores. A copy compares units (a row by its key, a facility's
// roster, a scenario's items, a log entry) by fingerprint. The workspace made by a copy keeps the
// fingerprints of that copy (table `salinan`): when the two meet again, a unit changed on one side
// only since then is carried over, and one changed on both sides is a conflict, reported and
// never overwritten. Without that common state only what the destination lacks is added.
// Everything the copy writes into the destination is one transaction.
#pragma once

#include <cstddef>
#include <cstdint>
#include <expected>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"

namespace jangkau::store {

struct CopyOptions {
  // The district's code ("16.02") where a server holds several; a side that names one already
  // must name the same.
  std::string district;
  bool dry_run = false;  // decide everything, write nothing
  // A unit changed on both sides takes the source's version (still reported, one by one).
  bool take_conflicts = false;
  // Called before each table: its name, how many tables are done, of how many.
  std::function<void(std::string_view table, std::size_t done, std::size_t total)> progress;
};

struct CopyConflict {
  std::string table;
  std::string key;
};

struct CopyReport {
  std::string from;  // the two workspaces as opened (a server's district named, no password)
  std::string to;
  std::string district;    // its code; empty for a workspace without regions
  bool created = false;    // `to` was made by this copy
  bool with_base = false;  // compared with the state of the last copy between the two
  std::string base_time;   // when that copy was made
  // Units: carried over (new, changed, removed), equal on both sides, changed in `to` only.
  int64_t added = 0;
  int64_t changed = 0;
  int64_t removed = 0;
  int64_t same = 0;
  int64_t kept = 0;
  std::vector<CopyConflict> conflicts;
};

// Copies the district of `from` into `to` (a file path or a postgresql:// URL), creating `to`
// when it does not exist. Fails with kCopySame, kCopyDistrict, kUsage (a malformed district
// code) or the errors of opening a workspace; nothing is written then.
std::expected<CopyReport, Error> CopyWorkspace(const std::string& from, const std::string& to,
                                               const CopyOptions& options);

// The tables a copy carries, in the order it writes them, and those it never carries (login
// sessions, its own bookkeeping). Together they are every table of the schema.
std::vector<std::string> CopiedTables();
std::vector<std::string> UncopiedTables();

}  // namespace jangkau::store
