#include "store/db.h"

#include <algorithm>

#include <fmt/format.h>

#include "base/text_util.h"

namespace jangkau::store {

bool IsPostgresUrl(std::string_view workspace) {
  return workspace.starts_with("postgresql://") || workspace.starts_with("postgres://");
}

std::string ReplaceInto(std::string_view table, std::string_view columns, std::string_view key) {
  std::vector<std::string> names;
  for (const std::string& c : SplitList(columns, ',')) names.emplace_back(Trim(c));
  std::vector<std::string> keys;
  for (const std::string& c : SplitList(key, ',')) keys.emplace_back(Trim(c));
  std::string values;
  std::string set;
  for (const std::string& c : names) {
    values += values.empty() ? "?" : ",?";
    if (std::find(keys.begin(), keys.end(), c) != keys.end()) continue;
    set += fmt::format("{}{} = excluded.{}", set.empty() ? "" : ", ", c, c);
  }
  return fmt::format("INSERT INTO {}({}) VALUES ({}) ON CONFLICT({}) DO UPDATE SET {}", table,
                     columns, values, key, set);
}

Transaction::~Transaction() {
  if (!done_) {
    try {
      conn_.Exec("ROLLBACK");
    } catch (const DatabaseError&) {  // NOLINT(bugprone-empty-catch)
      // A destructor cannot report; the database has already rolled back on the failures that
      // make ROLLBACK itself fail, and an open transaction dies with the connection.
    }
  }
}

void Transaction::Commit() {
  conn_.Exec("COMMIT");
  done_ = true;
}

}  // namespace jangkau::store
