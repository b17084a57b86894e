// The PostgreSQL backend of the store (store/postgres.cc): opening a workspace URL and the two
// translations the store's SQL needs on its way to the server.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "store/db.h"

namespace jangkau::store {

// A workspace URL split: what libpq reads (postgresql://USER@HOST:PORT/DB?libpq-options) and
// Jangkau's own `district=KODE`.
struct PostgresUrl {
  std::string conninfo;
  std::string district;
};
PostgresUrl ParsePostgresUrl(std::string_view url);

// `workspace` as it may be shown: a URL's password replaced by "***" (a file path as it is).
std::string WithoutPassword(const std::string& workspace);

// Whether `code` is a region code: digits and dots, at least one digit, at most 40 characters.
bool IsDistrictCode(std::string_view code);

// The schema that holds a district's workspace: "kab_1606" for district 16.06, "jangkau" for a
// URL that names none.
std::string SchemaOf(const std::string& district);

// The districts a database holds (their codes, from each schema's regions), for a URL that names
// none.
std::vector<std::string> DistrictsIn(Connection& conn);

// Connects, and with `create` makes PostGIS and the workspace's schema (when missing). Throws
// DatabaseError (kConnection when the server cannot be reached or refuses the login).
std::unique_ptr<Connection> OpenPostgres(const std::string& url, bool create);

// `?` and `?N` parameters as PostgreSQL's `$N` (outside quotes), with the highest number.
std::pair<std::string, int> NumberParameters(std::string_view sql);

// The schema's DDL, written for SQLite, as PostgreSQL's: BIGINT, DOUBLE PRECISION, BYTEA,
// identity keys, a `rowid` column where SQLite has an implicit one, and a PostGIS geometry
// computed from every WKB `geom` column.
std::string PgSchemaSql(std::string_view sqlite_sql);

}  // namespace jangkau::store
