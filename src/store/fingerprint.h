// Fingerprints of stored rows: a 64-bit FNV-1a hash of their values, the same on SQLite and on
// PostgreSQL. `jangkau copy` compares units with them (store/copy.cc); a facility's report
// carries one as its version, so that a write based on an older state is refused
// (Workspace::ReportVersion).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "store/db.h"

namespace jangkau::store {

// One stored value, whatever its type.
struct Value {
  ValueType type = ValueType::kNull;
  int64_t i = 0;
  double r = 0;
  std::string s;  // text or bytes
};
using Row = std::vector<Value>;

Value ReadValue(const Statement& s, int column);
void BindValue(Statement& s, int index, const Value& v);

uint64_t RowHash(const Row& row);
// The fingerprint of a set of rows, whatever their order.
uint64_t SetHash(std::vector<uint64_t> row_hashes);
std::string Hex(uint64_t v);

// The version of one facility's report of `kind` ("staff", "equipment", "services"): the
// fingerprint of its rows, as 16 hexadecimal digits. Empty for another kind.
std::string ReportVersionIn(Connection& conn, std::string_view kind, const std::string& kode);
// The version of a stored scenario (its row and its items); that of no rows when there is none.
std::string ScenarioVersionIn(Connection& conn, const std::string& nama);

}  // namespace jangkau::store
