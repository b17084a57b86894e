// The pieces of `jangkau copy` (store/copy.h) below the decisions: how each table's rows make
// units (store/copy_tables.cc), reading a table's units with their fingerprints and writing the
// source's units into the destination (store/copy_units.cc). Internal to the store.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/db.h"
#include "store/fingerprint.h"

namespace jangkau::store::copying {

// How the rows of a table make units.
enum class Unit {
  kRow,    // one row per key (the table's own key)
  kGroup,  // all the rows of one key together (a facility's roster: rows without a key of their
           // own)
  kLog,    // each row by its content (history: appended, never changed)
};

// A column holding the surrogate id of a row of another table: compared and written as that
// row's key, since ids differ between stores.
struct Ref {
  const char* column;
  const char* table;
};

struct TableSpec {
  const char* table;
  Unit unit;
  const char* key;           // SQL naming the unit (kRow, kGroup)
  const char* id = nullptr;  // the surrogate key, never copied (each store numbers its own)
  std::vector<Ref> refs = {};
  const char* filter = nullptr;  // SQL condition on the rows a copy carries
  bool without_rowid = false;    // rows found by `key`, there is no rowid
};

// Every copied table, parents before children: inserts run in this order, deletions in the
// reverse.
const std::vector<TableSpec>& Specs();

struct UnitData {
  std::vector<uint64_t> hashes;   // one per row
  std::vector<Row> rows;          // kept for the source only
  std::vector<int64_t> locators;  // rowid or id of each row
  uint64_t Fingerprint() const { return SetHash(hashes); }
};

struct TableData {
  std::vector<std::string> columns;  // the copied columns (without the surrogate id)
  std::map<std::string, UnitData> units;
  std::vector<std::string> order;  // keys in the order of the rows (ids, then rowids)
  std::unordered_map<int64_t, std::string> key_of_id;  // a referenced table's ids
};

// A table's units in one store, by table name.
using Tables = std::map<std::string, TableData>;

// The column that finds a row of `spec` (its id, rowid, or none: found by its key).
const char* Locator(const TableSpec& spec);

// Reads a table's units; `keep_rows` for the side whose rows are written. `done` holds the tables
// read before it, whose ids its references name.
TableData ReadTable(Connection& conn, const TableSpec& spec, const Tables& done, bool keep_rows);

// The ids of referenced tables in the destination, by table and key.
using IdsByKey = std::unordered_map<std::string, std::unordered_map<std::string, int64_t>>;

// Writes the source's units of one table into the destination.
class Writer {
 public:
  Writer(Connection& conn, const TableSpec& spec, const TableData& src, const TableData& dst)
      : conn_(conn), spec_(spec), src_(src), dst_(dst) {}

  // Deletes the destination's rows of the unit `key`.
  void Remove(const std::string& key);
  // Writes the source's rows of `key`: with `in_place` (a changed kRow unit) the row is updated
  // where it is, so that children keep pointing at it; otherwise inserted (a changed group or log
  // entry was removed beforehand).
  void Write(const std::string& key, bool in_place, const IdsByKey& ids);

 private:
  const char* RefTarget(std::size_t column) const;
  Statement& Insert();
  Statement& Update();

  Connection& conn_;
  const TableSpec& spec_;
  const TableData& src_;
  const TableData& dst_;
  std::optional<Statement> insert_;
  std::optional<Statement> update_;
};

}  // namespace jangkau::store::copying
