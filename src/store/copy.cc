// jangkau copy: a district from one workspace into another, unit by unit against the state of
// their last copy (store/copy.h). The tables and their units: store/copy_tables.cc,
// store/copy_units.cc.
#include "store/copy.h"

#include <filesystem>
#include <map>
#include <optional>
#include <random>
#include <unordered_map>
#include <utility>

#include <fmt/format.h>

#include "store/copy_units.h"
#include "store/db.h"
#include "store/fault_injection.h"
#include "store/fingerprint.h"
#include "store/postgres.h"
#include "store/workspace.h"

namespace jangkau::store {
namespace {

using copying::ReadTable;
using copying::Specs;
using copying::TableData;
using copying::Tables;
using copying::TableSpec;
using copying::Unit;

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

enum class Action { kAdd, kChange, kRemove };

struct Decision {
  std::string key;
  Action action = Action::kAdd;
  bool in_place = false;  // a changed row updated where it is (children keep pointing at it)
};

// The fingerprint of unit `key` in `t`, if it has it.
std::optional<uint64_t> FingerprintOf(const TableData& t, const std::string& key) {
  const auto it = t.units.find(key);
  return it != t.units.end() ? std::optional(it->second.Fingerprint()) : std::nullopt;
}

// Decides each unit of one table: carried over, equal, kept (changed in the destination only) or
// a conflict (changed on both sides). Counts into `report`, records the fingerprints the two
// sides will agree on in `next`, returns what to write.
std::vector<Decision> Decide(const TableSpec& spec, const TableData& src, const TableData& dst,
                             const Base& base, const CopyOptions& options, CopyReport& report,
                             Base& next) {
  std::vector<std::string> keys = src.order;
  for (const std::string& k : dst.order) {
    if (!src.units.contains(k)) keys.push_back(k);
  }
  for (const auto& [where, fp] : base) {
    if (where.first == spec.table && !src.units.contains(where.second) &&
        !dst.units.contains(where.second)) {
      keys.push_back(where.second);
    }
  }
  std::vector<Decision> decisions;
  for (const std::string& key : keys) {
    const std::optional<uint64_t> sv = FingerprintOf(src, key);
    const std::optional<uint64_t> dv = FingerprintOf(dst, key);
    const auto bi = base.find({spec.table, key});
    const std::optional<uint64_t> bv = bi != base.end() ? std::optional(bi->second) : std::nullopt;
    // Unchanged since the last copy (or, without one, absent).
    const bool src_unchanged = report.with_base ? sv == bv : !sv;
    const bool dst_unchanged = report.with_base ? dv == bv : !dv;
    std::optional<uint64_t> settled = bv;
    if (sv == dv) {
      if (sv) ++report.same;
      settled = sv;
    } else if (dst_unchanged || (!src_unchanged && options.take_conflicts)) {
      if (!dst_unchanged) report.conflicts.push_back({spec.table, key});
      Decision d{.key = key,
                 .action = !sv ? Action::kRemove : (dv ? Action::kChange : Action::kAdd)};
      ++(d.action == Action::kRemove   ? report.removed
         : d.action == Action::kChange ? report.changed
                                       : report.added);
      d.in_place = d.action == Action::kChange && spec.unit == Unit::kRow &&
                   src.units.at(key).rows.size() == 1 && dst.units.at(key).locators.size() == 1;
      decisions.push_back(std::move(d));
      settled = sv;
    } else if (src_unchanged) {
      ++report.kept;  // changed in the destination only: its change stays
    } else {
      report.conflicts.push_back({spec.table, key});  // both versions stay as they are
    }
    if (settled) next[{spec.table, key}] = *settled;
  }
  return decisions;
}

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
      plan[spec.table] =
          Decide(spec, src_tables.at(spec.table), dst ? dst_tables.at(spec.table) : empty, base,
                 options, report, next);
    }
    if (options.dry_run || !dst || !txn) return report;

    // Deletions children first, then the rest parents first; ids of referenced tables read
    // again once written.
    Connection& d = dst->connection();
    copying::IdsByKey ids;
    int64_t written = 0;  // units written, for the tests' fault injection
    for (auto spec = specs.rbegin(); spec != specs.rend(); ++spec) {
      copying::Writer w(d, *spec, src_tables.at(spec->table), dst_tables.at(spec->table));
      for (const Decision& dec : plan[spec->table]) {
        if (dec.action == Action::kRemove || (dec.action == Action::kChange && !dec.in_place)) {
          w.Remove(dec.key);
        }
      }
    }
    std::map<std::string, bool> referenced;
    for (const TableSpec& spec : specs) {
      for (const copying::Ref& r : spec.refs) referenced[r.table] = true;
    }
    for (std::size_t k = 0; k < specs.size(); ++k) {
      const TableSpec& spec = specs[k];
      if (options.progress) options.progress(spec.table, specs.size() + k, specs.size() * 2);
      copying::Writer w(d, spec, src_tables.at(spec.table), dst_tables.at(spec.table));
      for (const Decision& dec : plan[spec.table]) {
        if (dec.action != Action::kRemove) w.Write(dec.key, dec.in_place, ids);
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
    return std::unexpected(StoreError(e, report.to.empty() ? report.from : report.to));
  }
}

}  // namespace jangkau::store
