// The workspace schema as an ordered list of forward migrations. Version N of the schema is
// the result of applying migrations 1..N; PRAGMA user_version records N. Immutable data.
#pragma once

#include <span>
#include <string_view>

namespace jangkau::store {

// "JNGK": marks a SQLite file as a Jangkau workspace (PRAGMA application_id).
inline constexpr int kApplicationId = 0x4A4E474B;

struct Migration {
  int version;
  std::string_view sql;
};

std::span<const Migration> Migrations();
int LatestSchemaVersion();

// The migrations by file (schema_v1_v5.cc, schema_v6_v10.cc, schema_v11_v15.cc): a new migration
// goes at the end of the last, or in a new file listed in Migrations().
std::span<const Migration> MigrationsV1ToV5();
std::span<const Migration> MigrationsV6ToV10();
std::span<const Migration> MigrationsV11ToV15();

}  // namespace jangkau::store
