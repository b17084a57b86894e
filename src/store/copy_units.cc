// Reading a table's units and writing them (store/copy_units.h).
#include "store/copy_units.h"

#include <algorithm>
#include <string>
#include <utility>

#include <fmt/format.h>

namespace jangkau::store::copying {

const char* Locator(const TableSpec& spec) {
  if (spec.id != nullptr) return spec.id;
  return spec.without_rowid ? nullptr : "rowid";
}

TableData ReadTable(Connection& conn, const TableSpec& spec, const Tables& done, bool keep_rows) {
  TableData t;
  for (std::string& c : conn.Columns(spec.table)) {
    if (spec.id == nullptr || c != spec.id) t.columns.push_back(std::move(c));
  }
  const char* locator = Locator(spec);
  std::string sql = fmt::format("SELECT {}, {}", spec.key != nullptr ? spec.key : "NULL",
                                locator != nullptr ? locator : "NULL");
  for (const std::string& c : t.columns) sql += ", " + c;
  sql += fmt::format(" FROM {}", spec.table);
  if (spec.filter != nullptr) sql += fmt::format(" WHERE {}", spec.filter);
  if (locator != nullptr) sql += fmt::format(" ORDER BY {}", locator);
  // The columns that hold another table's ids, by position.
  std::vector<const TableData*> ref_of(t.columns.size(), nullptr);
  for (const Ref& r : spec.refs) {
    const auto col = std::ranges::find(t.columns, r.column);
    const auto target = done.find(r.table);
    if (col != t.columns.end() && target != done.end()) {
      ref_of[static_cast<std::size_t>(col - t.columns.begin())] = &target->second;
    }
  }
  std::unordered_map<uint64_t, int> seen;  // a log's identical rows, told apart by their number
  Statement s = conn.Prepare(sql);
  while (s.Step()) {
    Row row;
    row.reserve(t.columns.size());
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      Value v = ReadValue(s, static_cast<int>(c) + 2);
      if (ref_of[c] != nullptr && v.type == ValueType::kInt) {
        const auto it = ref_of[c]->key_of_id.find(v.i);
        v = Value{.type = ValueType::kText,
                  .s = it != ref_of[c]->key_of_id.end() ? it->second : fmt::format("#{}", v.i)};
      }
      row.push_back(std::move(v));
    }
    const uint64_t hash = RowHash(row);
    std::string key;
    if (spec.unit == Unit::kLog) {
      const int n = seen[hash]++;
      key = n == 0 ? Hex(hash) : fmt::format("{}#{}", Hex(hash), n);
    } else {
      key = s.Text(0);
    }
    const int64_t loc = s.Int(1);
    if (spec.id != nullptr) t.key_of_id[loc] = key;
    auto [it, fresh] = t.units.try_emplace(key);
    if (fresh) t.order.push_back(key);
    it->second.hashes.push_back(hash);
    it->second.locators.push_back(loc);
    if (keep_rows) it->second.rows.push_back(std::move(row));
  }
  return t;
}
void Writer::Remove(const std::string& key) {
  const auto it = dst_.units.find(key);
  if (it == dst_.units.end()) return;
  const char* locator = Locator(spec_);
  if (locator == nullptr) {
    Statement del =
        conn_.Prepare(fmt::format("DELETE FROM {} WHERE {} = ?", spec_.table, spec_.key));
    del.Bind(1, std::string_view(key)).Run();
    return;
  }
  Statement del = conn_.Prepare(fmt::format("DELETE FROM {} WHERE {} = ?", spec_.table, locator));
  for (int64_t loc : it->second.locators) del.Bind(1, loc).Run();
}

void Writer::Write(const std::string& key, bool in_place, const IdsByKey& ids) {
  const UnitData& unit = src_.units.at(key);
  const UnitData* old = in_place ? &dst_.units.at(key) : nullptr;
  for (const Row& row : unit.rows) {
    Statement& s = old != nullptr ? Update() : Insert();
    int index = 1;
    for (std::size_t c = 0; c < row.size(); ++c, ++index) {
      const Value& v = row[c];
      const char* target = RefTarget(c);
      if (target != nullptr && v.type == ValueType::kText) {
        const auto& map = ids.at(target);
        const auto id = map.find(v.s);
        if (id != map.end()) {
          s.Bind(index, id->second);
        } else {
          s.BindNull(index);
        }
        continue;
      }
      BindValue(s, index, v);
    }
    if (old != nullptr) {
      if (Locator(spec_) != nullptr) {
        s.Bind(index, old->locators.front());
      } else {
        s.Bind(index, std::string_view(key));
      }
    }
    s.Run();
  }
}

const char* Writer::RefTarget(std::size_t column) const {
  for (const Ref& r : spec_.refs) {
    if (src_.columns[column] == r.column) return r.table;
  }
  return nullptr;
}

Statement& Writer::Insert() {
  if (!insert_) {
    std::string cols;
    std::string marks;
    for (const std::string& c : src_.columns) {
      cols += (cols.empty() ? "" : ", ") + c;
      marks += marks.empty() ? "?" : ",?";
    }
    insert_.emplace(
        conn_.Prepare(fmt::format("INSERT INTO {}({}) VALUES ({})", spec_.table, cols, marks)));
  }
  return *insert_;
}

Statement& Writer::Update() {
  if (!update_) {
    std::string sets;
    for (const std::string& c : src_.columns) sets += (sets.empty() ? "" : ", ") + c + " = ?";
    const char* locator = Locator(spec_);
    update_.emplace(conn_.Prepare(fmt::format("UPDATE {} SET {} WHERE {} = ?", spec_.table, sets,
                                              locator != nullptr ? locator : spec_.key)));
  }
  return *update_;
}

}  // namespace jangkau::store::copying
