#include "store/fingerprint.h"

#include <algorithm>
#include <initializer_list>
#include <utility>

#include <fmt/format.h>

namespace jangkau::store {
namespace {

// FNV-1a, 64 bits.
class Fnv {
 public:
  void Add(const void* data, std::size_t n) {
    const auto* p = static_cast<const unsigned char*>(data);
    for (std::size_t k = 0; k < n; ++k) {
      h_ ^= p[k];
      h_ *= 1099511628211ULL;
    }
  }
  template <typename T>
  void AddPlain(T v) {
    Add(&v, sizeof v);
  }
  uint64_t value() const { return h_; }

 private:
  uint64_t h_ = 14695981039346656037ULL;
};

}  // namespace

Value ReadValue(const Statement& s, int column) {
  Value v;
  v.type = s.Type(column);
  switch (v.type) {
    case ValueType::kNull:
      break;
    case ValueType::kInt:
      v.i = s.Int(column);
      break;
    case ValueType::kReal:
      v.r = s.Real(column);
      break;
    case ValueType::kText:
      v.s = s.Text(column);
      break;
    case ValueType::kBlob:
      v.s = s.Blob(column);
      break;
  }
  return v;
}

void BindValue(Statement& s, int index, const Value& v) {
  switch (v.type) {
    case ValueType::kNull:
      s.BindNull(index);
      break;
    case ValueType::kInt:
      s.Bind(index, v.i);
      break;
    case ValueType::kReal:
      s.Bind(index, v.r);
      break;
    case ValueType::kText:
      s.Bind(index, std::string_view(v.s));
      break;
    case ValueType::kBlob:
      s.BindBlob(index, v.s);
      break;
  }
}

uint64_t RowHash(const Row& row) {
  Fnv f;
  for (const Value& v : row) {
    f.AddPlain(static_cast<unsigned char>(v.type));
    switch (v.type) {
      case ValueType::kNull:
        break;
      case ValueType::kInt:
        f.AddPlain(v.i);
        break;
      case ValueType::kReal:
        f.AddPlain(v.r == 0 ? 0.0 : v.r);  // -0 and 0 are one value
        break;
      case ValueType::kText:
      case ValueType::kBlob:
        f.AddPlain(v.s.size());
        f.Add(v.s.data(), v.s.size());
        break;
    }
  }
  return f.value();
}

uint64_t SetHash(std::vector<uint64_t> row_hashes) {
  std::ranges::sort(row_hashes);
  Fnv f;
  for (uint64_t h : row_hashes) f.AddPlain(h);
  return f.value();
}

std::string Hex(uint64_t v) { return fmt::format("{:016x}", v); }

namespace {

// The fingerprint of the rows of `tables` (each with the column that holds `key`) whose key is
// `key`: every stored column but a row's own number.
std::string RowsVersion(Connection& conn,
                        std::initializer_list<std::pair<std::string_view, std::string_view>> tables,
                        const std::string& key) {
  std::vector<uint64_t> hashes;
  for (const auto& [table, column] : tables) {
    std::string columns;
    int n = 0;
    for (const std::string& c : conn.Columns(table)) {
      if (c == "id") continue;
      columns += (columns.empty() ? "" : ", ") + c;
      ++n;
    }
    Statement s =
        conn.Prepare(fmt::format("SELECT {} FROM {} WHERE {} = ?", columns, table, column));
    s.Bind(1, key);
    while (s.Step()) {
      Row row;
      row.reserve(static_cast<std::size_t>(n) + 1);
      row.push_back(Value{.type = ValueType::kText, .s = std::string(table)});
      for (int c = 0; c < n; ++c) row.push_back(ReadValue(s, c));
      hashes.push_back(RowHash(row));
    }
  }
  return Hex(SetHash(std::move(hashes)));
}

}  // namespace

std::string ReportVersionIn(Connection& conn, std::string_view kind, const std::string& kode) {
  if (kind != "staff" && kind != "equipment" && kind != "services") return {};
  return RowsVersion(conn, {{kind, "kode_faskes"}}, kode);
}

std::string ScenarioVersionIn(Connection& conn, const std::string& nama) {
  return RowsVersion(conn, {{"scenarios", "nama"}, {"scenario_items", "skenario"}}, nama);
}

}  // namespace jangkau::store
