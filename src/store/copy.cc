// jangkau copy: a district from one workspace into another, unit by unit against the state of
// their last copy (store/copy.h).
#include "store/copy.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <random>
#include <unordered_map>
#include <utility>

#include <fmt/format.h>

#include "store/db.h"
#include "store/fault_injection.h"
#include "store/fingerprint.h"
#include "store/postgres.h"
#include "store/workspace.h"

namespace jangkau::store {
namespace {

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

// Parents before children: inserts run in this order, deletions in the reverse.
const std::vector<TableSpec>& Specs() {
  static const std::vector<TableSpec> specs = {
      // A workspace's identity, its creation and its copy bookkeeping stay its own.
      {.table = "meta",
       .unit = Unit::kRow,
       .key = "key",
       .filter = "key NOT IN ('dibuat_pada', 'ruang_kerja_id') AND key NOT LIKE 'salinan%'"},
      {.table = "regions", .unit = Unit::kRow, .key = "kode"},
      {.table = "population",
       .unit = Unit::kRow,
       .key = "kode_wilayah || '|' || CAST(tahun AS TEXT)"},
      {.table = "region_indicators", .unit = Unit::kRow, .key = "kode_wilayah || '|' || indikator"},
      {.table = "cadres", .unit = Unit::kRow, .key = "kode"},
      {.table = "cadre_aliases", .unit = Unit::kRow, .key = "alias"},
      {.table = "facilities", .unit = Unit::kRow, .key = "kode"},
      {.table = "catchments", .unit = Unit::kRow, .key = "kode_desa"},
      {.table = "staff", .unit = Unit::kGroup, .key = "kode_faskes", .id = "id"},
      {.table = "staff_counts",
       .unit = Unit::kRow,
       .key = "kode_faskes || '|' || jenis_tenaga || '|' || status_kepegawaian"},
      {.table = "equipment",
       .unit = Unit::kRow,
       .key = "kode_faskes || '|' || kode_alat || '|' || kondisi"},
      {.table = "services",
       .unit = Unit::kRow,
       .key = "kode_faskes || '|' || CAST(tahun AS TEXT) || '|' || kegiatan"},
      {.table = "reference_tables",
       .unit = Unit::kRow,
       .key = "jenis || '|' || nama || '|' || CAST(versi AS TEXT)"},
      {.table = "map_layers", .unit = Unit::kGroup, .key = "jenis", .id = "id"},
      {.table = "scenarios", .unit = Unit::kRow, .key = "nama"},
      {.table = "scenario_items", .unit = Unit::kGroup, .key = "skenario", .id = "id"},
      {.table = "access_regions",
       .unit = Unit::kRow,
       .key = "skenario || '|' || tujuan || '|' || kode_wilayah"},
      {.table = "access_facilities", .unit = Unit::kRow, .key = "skenario || '|' || kode_faskes"},
      {.table = "access_routes", .unit = Unit::kRow, .key = "skenario || '|' || dari || '|' || ke"},
      {.table = "users", .unit = Unit::kRow, .key = "username"},
      {.table = "periods", .unit = Unit::kRow, .key = "nama", .id = "id"},
      {.table = "submissions",
       .unit = Unit::kRow,
       .key = "(SELECT nama FROM periods WHERE periods.id = submissions.period_id) || '|' || "
              "kode_faskes",
       .refs = {{"period_id", "periods"}}},
      {.table = "imports", .unit = Unit::kLog, .key = nullptr, .id = "id"},
      {.table = "audit_log", .unit = Unit::kLog, .key = nullptr, .id = "id"},
      {.table = "warnings",
       .unit = Unit::kLog,
       .key = nullptr,
       .id = "id",
       .refs = {{"import_id", "imports"}}},
      {.table = "incidents",
       .unit = Unit::kRow,
       .key = "COALESCE(kode, 'id ' || CAST(id AS TEXT))",
       .id = "id"},
      {.table = "incident_events",
       .unit = Unit::kLog,
       .key = nullptr,
       .id = "no",
       .refs = {{"insiden", "incidents"}}},
      {.table = "emergency_units",
       .unit = Unit::kRow,
       .key = "kode",
       .refs = {{"insiden", "incidents"}}},
      {.table = "growth_measurements", .unit = Unit::kRow, .key = "anak || '|' || tanggal_ukur"},
      {.table = "stbm_desa", .unit = Unit::kRow, .key = "kode_desa || '|' || tanggal"},
      {.table = "jkn_kepesertaan", .unit = Unit::kRow, .key = "kode_wilayah || '|' || tanggal"},
      {.table = "germas_checklist", .unit = Unit::kRow, .key = "kode_wilayah || '|' || butir"},
      {.table = "skdr_laporan",
       .unit = Unit::kRow,
       .key = "kode_faskes || '|' || CAST(tahun AS TEXT) || '|' || CAST(minggu AS TEXT) || '|' "
              "|| penyakit",
       .without_rowid = true},
      {.table = "skdr_kiriman", .unit = Unit::kLog, .key = nullptr, .refs = {{"impor", "imports"}}},
      {.table = "skdr_peringatan_langkah", .unit = Unit::kRow, .key = "id || '|' || status"},
  };
  return specs;
}

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

using Tables = std::map<std::string, TableData>;

const char* Locator(const TableSpec& spec) {
  if (spec.id != nullptr) return spec.id;
  return spec.without_rowid ? nullptr : "rowid";
}

// Reads a table's units; `keep_rows` for the side whose rows are written.
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

std::string NewWorkspaceId() {
  std::random_device rd;
  std::uniform_int_distribution<uint64_t> any;
  return fmt::format("{:016x}{:016x}", any(rd), any(rd));
}

std::string Meta(Connection& conn, std::string_view key) {
  Statement s = conn.Prepare("SELECT value FROM meta WHERE key = ?");
  s.Bind(1, key);
  return s.Step() ? s.Text(0) : std::string();
}

void SetMeta(Connection& conn, std::string_view key, std::string_view value) {
  Statement s = conn.Prepare(ReplaceInto("meta", "key, value", "key"));
  s.Bind(1, key).Bind(2, value).Run();
}

// The workspace's own identity, made at its first copy.
std::string WorkspaceId(Connection& conn, bool write) {
  std::string id = Meta(conn, "ruang_kerja_id");
  if (id.empty() && write) {
    id = NewWorkspaceId();
    Transaction txn(conn);
    SetMeta(conn, "ruang_kerja_id", id);
    txn.Commit();
  }
  return id;
}

// The district a workspace's regions define (empty when none or several).
std::string DistrictOf(Connection& conn) {
  Statement s = conn.Prepare("SELECT kode FROM regions WHERE tingkat = 'kabupaten'");
  std::string found;
  int n = 0;
  while (s.Step()) {
    found = s.Text(0);
    ++n;
  }
  return n == 1 ? found : std::string();
}

using Base = std::map<std::pair<std::string, std::string>, uint64_t>;

Base ReadBase(Connection& conn) {
  Base base;
  Statement s = conn.Prepare("SELECT tabel, kunci, sidik FROM salinan");
  while (s.Step()) {
    base[{s.Text(0), s.Text(1)}] = std::stoull(s.Text(2), nullptr, 16);
  }
  return base;
}

void WriteBase(Connection& conn, const Base& base) {
  conn.Exec("DELETE FROM salinan");
  Statement ins = conn.Prepare("INSERT INTO salinan(tabel, kunci, sidik) VALUES (?,?,?)");
  for (const auto& [where, fp] : base)
    ins.Bind(1, where.first).Bind(2, where.second).Bind(3, Hex(fp)).Run();
}

enum class Action { kNone, kAdd, kChange, kRemove };

struct Decision {
  std::string key;
  Action action = Action::kNone;
};

// Writes one table's decisions into the destination: deletions (`removing`) or the rest.
class Writer {
 public:
  Writer(Connection& conn, const TableSpec& spec, const TableData& src, const TableData& dst)
      : conn_(conn), spec_(spec), src_(src), dst_(dst) {}

  void Remove(const std::string& key) {
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

  // Rows of the source written: a row updated in place (children keep pointing at it), a group
  // or log entry inserted anew (its old rows removed beforehand).
  void Write(const std::string& key,
             const std::unordered_map<std::string, std::unordered_map<std::string, int64_t>>& ids) {
    const UnitData& unit = src_.units.at(key);
    const auto old = dst_.units.find(key);
    const bool update = spec_.unit == Unit::kRow && old != dst_.units.end() &&
                        unit.rows.size() == 1 && old->second.locators.size() == 1;
    for (const Row& row : unit.rows) {
      Statement& s = update ? Update(old->second) : Insert();
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
      if (update) {
        const char* locator = Locator(spec_);
        if (locator != nullptr) {
          s.Bind(index, old->second.locators.front());
        } else {
          s.Bind(index, std::string_view(key));
        }
      }
      s.Run();
    }
  }

 private:
  const char* RefTarget(std::size_t column) const {
    for (const Ref& r : spec_.refs) {
      if (src_.columns[column] == r.column) return r.table;
    }
    return nullptr;
  }
  Statement& Insert() {
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
  Statement& Update(const UnitData& /*old*/) {
    if (!update_) {
      std::string sets;
      for (const std::string& c : src_.columns) sets += (sets.empty() ? "" : ", ") + c + " = ?";
      const char* locator = Locator(spec_);
      update_.emplace(conn_.Prepare(fmt::format("UPDATE {} SET {} WHERE {} = ?", spec_.table, sets,
                                                locator != nullptr ? locator : spec_.key)));
    }
    return *update_;
  }

  Connection& conn_;
  const TableSpec& spec_;
  const TableData& src_;
  const TableData& dst_;
  std::optional<Statement> insert_;
  std::optional<Statement> update_;
};

// A PostgreSQL URL given the district, when it names none.
std::string NamingDistrict(const std::string& workspace, const std::string& district) {
  if (!IsPostgresUrl(workspace) || district.empty() ||
      !ParsePostgresUrl(workspace).district.empty()) {
    return workspace;
  }
  return workspace + (workspace.find('?') == std::string::npos ? "?district=" : "&district=") +
         district;
}

bool SameFile(const std::string& a, const std::string& b) {
  if (IsPostgresUrl(a) || IsPostgresUrl(b)) return a == b;
  std::error_code ec;
  return std::filesystem::equivalent(a, b, ec) && !ec;
}

Error DbError(const DatabaseError& e, const std::string& where) {
  if (e.busy()) return Error{Msg::kWorkspaceBusy, {}};
  return Error{Msg::kWorkspaceOpen, {where, e.what()}};
}

// Removes a destination this copy made and could not finish.
void Abandon(std::unique_ptr<Workspace>& dst, const std::string& made_at) {
  if (IsPostgresUrl(made_at)) {
    if (dst) {
      try {
        dst->connection().Discard();
      } catch (const DatabaseError&) {  // NOLINT(bugprone-empty-catch)
        // The copy's own failure is the one reported.
      }
    }
    dst.reset();
    return;
  }
  dst.reset();
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    std::filesystem::remove(made_at + suffix, ec);
  }
}

}  // namespace

std::vector<std::string> CopiedTables() {
  std::vector<std::string> out;
  for (const TableSpec& spec : Specs()) out.emplace_back(spec.table);
  return out;
}

std::vector<std::string> UncopiedTables() { return {"sessions", "salinan"}; }

std::string WithoutPassword(const std::string& workspace) {
  if (!IsPostgresUrl(workspace)) return workspace;
  const std::size_t scheme = workspace.find("://");
  const std::size_t at = workspace.find('@', scheme);
  const std::size_t colon = workspace.find(':', scheme + 3);
  if (at == std::string::npos || colon == std::string::npos || colon > at) return workspace;
  return workspace.substr(0, colon + 1) + "***" + workspace.substr(at);
}

std::expected<CopyReport, Error> CopyWorkspace(const std::string& from_arg,
                                               const std::string& to_arg,
                                               const CopyOptions& options) {
  if (!options.district.empty() && !IsDistrictCode(options.district)) {
    return std::unexpected(Error{Msg::kUsage,
                                 {"--district " + options.district.substr(0, 40) +
                                  ": kode wilayah berupa angka dan titik, mis. 16.02 "
                                  "/ a region code of digits and dots, e.g. 16.02"}});
  }
  for (const std::string* side : {&from_arg, &to_arg}) {
    if (!IsPostgresUrl(*side) || options.district.empty()) continue;
    const std::string named = ParsePostgresUrl(*side).district;
    if (!named.empty() && named != options.district) {
      return std::unexpected(
          Error{Msg::kCopyDistrict, {WithoutPassword(*side), named, options.district}});
    }
  }
  const std::string from = NamingDistrict(from_arg, options.district);
  if (SameFile(from, NamingDistrict(to_arg, options.district))) {
    return std::unexpected(Error{Msg::kCopySame, {WithoutPassword(from)}});
  }
  auto src = Workspace::Open(from);
  if (!src) return std::unexpected(src.error());
  Connection& s = (*src)->connection();

  CopyReport report;
  report.from = WithoutPassword(from);
  std::unique_ptr<Workspace> dst;
  std::string made_at;  // where a new destination is made
  try {
    const std::string district = DistrictOf(s);
    report.district = district;
    if (!options.district.empty() && !district.empty() && district != options.district) {
      return std::unexpected(Error{Msg::kCopyDistrict, {report.from, district, options.district}});
    }
    const std::string to =
        NamingDistrict(to_arg, options.district.empty() ? district : options.district);
    report.to = WithoutPassword(to);
    if (SameFile(from, to)) return std::unexpected(Error{Msg::kCopySame, {report.from}});

    // The destination: opened, or made empty (its cadres and reference tables come from the
    // source).
    if (auto opened = Workspace::Open(to)) {
      dst = std::move(*opened);
    } else if (opened.error().msg != Msg::kWorkspaceMissing) {
      return std::unexpected(opened.error());
    } else if (options.dry_run) {
      report.created = true;
    } else {
      // A new file is made beside its name and takes it once whole: a copy cut short leaves
      // none.
      made_at =
          IsPostgresUrl(to) ? to : fmt::format("{}.baru-{}", to, NewWorkspaceId().substr(0, 8));
      auto made = Workspace::Create(made_at, Workspace::Seed{});
      if (!made) return std::unexpected(made.error());
      dst = std::move(*made);
      report.created = true;
    }
    if (dst) {
      const std::string there = DistrictOf(dst->connection());
      if (!district.empty() && !there.empty() && there != district) {
        return std::unexpected(Error{Msg::kCopyDistrict, {report.to, there, district}});
      }
    }
    const std::string src_id = WorkspaceId(s, !options.dry_run);
    // Which side is the other's copy, and so holds the state of their last meeting.
    Connection* base_side = nullptr;
    std::string dst_id;
    if (dst) {
      Connection& d = dst->connection();
      dst_id = WorkspaceId(d, !options.dry_run);
      if (!dst_id.empty() && Meta(s, "salinan_dari") == dst_id) {
        base_side = &s;
      } else if (!src_id.empty() && Meta(d, "salinan_dari") == src_id) {
        base_side = &d;
      }
    }
    report.with_base = base_side != nullptr;
    Base base;
    if (base_side != nullptr) {
      base = ReadBase(*base_side);
      report.base_time = Meta(*base_side, "salinan_waktu");
    }

    // The source, as of one moment.
    s.BeginSnapshot();
    Tables src_tables;
    const auto& specs = Specs();
    for (std::size_t k = 0; k < specs.size(); ++k) {
      if (options.progress) options.progress(specs[k].table, k, specs.size() * 2);
      src_tables[specs[k].table] = ReadTable(s, specs[k], src_tables, true);
    }
    s.Exec("COMMIT");

    const TableData empty;
    Tables dst_tables;
    std::optional<Transaction> txn;
    if (dst) {
      Connection& d = dst->connection();
      txn.emplace(d);
      for (const TableSpec& spec : specs)
        dst_tables[spec.table] = ReadTable(d, spec, dst_tables, false);
    }

    // Decisions, unit by unit.
    Base next;
    std::map<std::string, std::vector<Decision>> plan;
    for (const TableSpec& spec : specs) {
      const TableData& st = src_tables.at(spec.table);
      const TableData& dt = dst ? dst_tables.at(spec.table) : empty;
      std::vector<std::string> keys = st.order;
      for (const std::string& k : dt.order) {
        if (!st.units.contains(k)) keys.push_back(k);
      }
      for (const auto& [where, fp] : base) {
        if (where.first == spec.table && !st.units.contains(where.second) &&
            !dt.units.contains(where.second)) {
          keys.push_back(where.second);
        }
      }
      auto& decisions = plan[spec.table];
      for (const std::string& key : keys) {
        const auto si = st.units.find(key);
        const auto di = dt.units.find(key);
        const auto bi = base.find({spec.table, key});
        const std::optional<uint64_t> sv =
            si != st.units.end() ? std::optional(si->second.Fingerprint()) : std::nullopt;
        const std::optional<uint64_t> dv =
            di != dt.units.end() ? std::optional(di->second.Fingerprint()) : std::nullopt;
        const std::optional<uint64_t> bv =
            bi != base.end() ? std::optional(bi->second) : std::nullopt;
        auto settle = [&](std::optional<uint64_t> v) {
          if (v) next[{spec.table, key}] = *v;
        };
        const bool agreed = report.with_base ? sv == bv : !sv;  // changed in `to` only
        const bool conflict = sv != dv && !(report.with_base ? dv == bv : !dv) && !agreed;
        if (conflict) report.conflicts.push_back({spec.table, key});
        const bool take = sv != dv && ((report.with_base ? dv == bv : !dv) ||
                                       (conflict && options.take_conflicts));
        if (sv == dv) {
          if (sv) ++report.same;
          settle(sv);
        } else if (take) {
          const Action a = !sv ? Action::kRemove : (dv ? Action::kChange : Action::kAdd);
          ++(a == Action::kRemove   ? report.removed
             : a == Action::kChange ? report.changed
                                    : report.added);
          decisions.push_back({key, a});
          settle(sv);
        } else if (agreed) {
          ++report.kept;  // changed in the destination only: its change stays
          settle(bv);
        } else {
          settle(bv);  // a conflict: both versions stay as they are
        }
      }
    }
    if (options.dry_run || !dst) return report;

    // Deletions children first, then the rest parents first; ids of referenced tables read
    // again once written.
    Connection& d = dst->connection();
    std::unordered_map<std::string, std::unordered_map<std::string, int64_t>> ids;
    int64_t written = 0;  // units written, for the tests' fault injection
    for (auto spec = specs.rbegin(); spec != specs.rend(); ++spec) {
      Writer w(d, *spec, src_tables.at(spec->table), dst_tables.at(spec->table));
      for (const Decision& dec : plan[spec->table]) {
        if (dec.action == Action::kRemove ||
            (dec.action == Action::kChange && spec->unit != Unit::kRow)) {
          w.Remove(dec.key);
        }
      }
    }
    std::map<std::string, bool> referenced;
    for (const TableSpec& spec : specs) {
      for (const Ref& r : spec.refs) referenced[r.table] = true;
    }
    for (std::size_t k = 0; k < specs.size(); ++k) {
      const TableSpec& spec = specs[k];
      if (options.progress) options.progress(spec.table, specs.size() + k, specs.size() * 2);
      Writer w(d, spec, src_tables.at(spec.table), dst_tables.at(spec.table));
      for (const Decision& dec : plan[spec.table]) {
        if (dec.action != Action::kRemove) w.Write(dec.key, ids);
        MaybeInjectKill(++written);
      }
      if (referenced[spec.table]) {
        const TableData now = ReadTable(d, spec, dst_tables, false);
        auto& map = ids[spec.table];
        for (const auto& [id, key] : now.key_of_id) map[key] = id;
        dst_tables[spec.table].key_of_id = now.key_of_id;
      }
    }
    const std::string now = NowIso();
    if (report.created || base_side == &d) {
      SetMeta(d, "salinan_dari", src_id);
      SetMeta(d, "salinan_asal", report.from);
      SetMeta(d, "salinan_waktu", now);
      WriteBase(d, next);
    }
    txn->Commit();
    txn.reset();
    if (base_side == &s) {
      Transaction back(s);
      SetMeta(s, "salinan_waktu", now);
      WriteBase(s, next);
      back.Commit();
    }
    if (report.created && made_at != to) {
      dst.reset();
      std::error_code ec;
      if (std::filesystem::exists(to, ec)) {
        Abandon(dst, made_at);
        return std::unexpected(Error{Msg::kWorkspaceExists, {to}});
      }
      std::filesystem::rename(made_at, to, ec);
      if (ec) {
        Abandon(dst, made_at);
        return std::unexpected(Error{Msg::kWorkspaceOpen, {to, ec.message()}});
      }
    }
    return report;
  } catch (const DatabaseError& e) {
    if (report.created) Abandon(dst, made_at);
    return std::unexpected(DbError(e, report.to.empty() ? report.from : report.to));
  }
}

}  // namespace jangkau::store
