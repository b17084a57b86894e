// Weekly disease reports and the alert lifecycle (schema version 9): the value in force per
// facility, epidemiological week and disease, the history of the different values sent, and
// the steps of each alert.
#include <algorithm>
#include <ctime>

#include <nlohmann/json.hpp>

#include "store/audit_row.h"
#include "store/db.h"
#include "store/fault_injection.h"
#include "store/workspace.h"

namespace jangkau::store {
namespace {

std::optional<int64_t> OptCount(const Statement& s, int column) { return s.OptInt(column); }

EpiWeek WeekOf(const Statement& s, int column) {
  return EpiWeek{static_cast<int>(s.Int(column)), static_cast<int>(s.Int(column + 1))};
}

}  // namespace

std::expected<void, Error> Workspace::ImportWeekly(const ImportRecord& rec,
                                                   const std::vector<WeeklyReport>& rows,
                                                   const std::vector<Diagnostic>& warnings) {
  const Instant now{static_cast<int64_t>(std::time(nullptr))};
  return WriteImport(rec, warnings, [&] {
    const int64_t import_id = LastImportId();
    Statement cur = conn_->Prepare(
        "SELECT kasus, kematian, unit_lapor, diterima, diterima_pertama FROM skdr_laporan "
        "WHERE kode_faskes = ? AND tahun = ? AND minggu = ? AND penyakit = ?");
    Statement ins = conn_->Prepare(
        "INSERT INTO skdr_laporan(kode_faskes, tahun, minggu, penyakit, kasus, kematian, "
        "unit_lapor, diterima, diterima_pertama, kiriman, sumber, baris) "
        "VALUES (?,?,?,?,?,?,?,?,?,1,?,?)");
    Statement upd = conn_->Prepare(
        "UPDATE skdr_laporan SET kasus = ?, kematian = ?, unit_lapor = ?, diterima = ?, "
        "diterima_pertama = ?, kiriman = kiriman + 1, sumber = ?, baris = ? "
        "WHERE kode_faskes = ? AND tahun = ? AND minggu = ? AND penyakit = ?");
    // A sending older than the value in force: kept in the history, counted, not in force.
    Statement older = conn_->Prepare(
        "UPDATE skdr_laporan SET diterima_pertama = CASE WHEN ?1 < diterima_pertama THEN ?1 ELSE "
        "diterima_pertama END, kiriman = kiriman + ?2 WHERE kode_faskes = ?3 AND tahun = ?4 AND "
        "minggu = ?5 AND penyakit = ?6");
    Statement hist = conn_->Prepare(
        "INSERT INTO skdr_kiriman(kode_faskes, tahun, minggu, penyakit, kasus, kematian, "
        "diterima, impor) VALUES (?,?,?,?,?,?,?,?)");
    int64_t n = 0;
    for (const WeeklyReport& r : rows) {
      const int64_t at = r.diterima.value_or(now).seconds;
      const int64_t year = r.minggu.year;
      const int64_t week = r.minggu.week;
      auto bind_key = [&](Statement& s, int from) {
        s.Bind(from, r.kode_faskes).Bind(from + 1, year).Bind(from + 2, week);
        s.Bind(from + 3, r.penyakit);
      };
      bind_key(cur, 1);
      bool changed = true;
      if (cur.Step()) {
        const bool same = cur.Int(0) == r.kasus && OptCount(cur, 1) == r.kematian &&
                          OptCount(cur, 2) == r.unit_lapor;
        const int64_t in_force = cur.Int(3);
        const int64_t old_first = cur.Int(4);
        cur.Reset();
        changed = !same;
        if (!same && at >= in_force) {
          upd.Bind(1, r.kasus).Bind(2, r.kematian).Bind(3, r.unit_lapor).Bind(4, at);
          upd.Bind(5, std::min(old_first, at)).Bind(6, r.sumber).Bind(7, r.baris);
          bind_key(upd, 8);
          upd.Run();
        } else if (!same || at < old_first) {
          // An older sending imported late: the week may have been first sent earlier.
          older.Bind(1, at).Bind(2, int64_t{same ? 0 : 1});
          bind_key(older, 3);
          older.Run();
        }
      } else {
        cur.Reset();
        ins.Bind(1, r.kode_faskes).Bind(2, year).Bind(3, week).Bind(4, r.penyakit);
        ins.Bind(5, r.kasus).Bind(6, r.kematian).Bind(7, r.unit_lapor).Bind(8, at).Bind(9, at);
        ins.Bind(10, r.sumber).Bind(11, r.baris).Run();
      }
      if (changed) {
        bind_key(hist, 1);
        hist.Bind(5, r.kasus).Bind(6, r.kematian).Bind(7, at).Bind(8, import_id).Run();
      }
      MaybeInjectKill(++n);
    }
    return std::set<std::string>{};
  });
}

std::vector<StoredWeeklyReport> Workspace::WeeklyReports() const {
  std::vector<StoredWeeklyReport> out;
  Statement s = conn_->Prepare(
      "SELECT kode_faskes, tahun, minggu, penyakit, kasus, kematian, unit_lapor, diterima, "
      "diterima_pertama, kiriman, sumber, baris FROM skdr_laporan "
      "ORDER BY kode_faskes, tahun, minggu, penyakit");
  while (s.Step()) {
    StoredWeeklyReport r;
    r.report.kode_faskes = s.Text(0);
    r.report.minggu = WeekOf(s, 1);
    r.report.penyakit = s.Text(3);
    r.report.kasus = s.Int(4);
    r.report.kematian = OptCount(s, 5);
    r.report.unit_lapor = OptCount(s, 6);
    r.diterima = Instant{s.Int(7)};
    r.report.diterima = r.diterima;
    r.diterima_pertama = Instant{s.Int(8)};
    r.kiriman = static_cast<int>(s.Int(9));
    r.report.sumber = s.Text(10);
    r.report.baris = s.Int(11);
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<WeeklyResend> Workspace::WeeklyResends() const {
  std::vector<WeeklyResend> out;
  Statement s = conn_->Prepare(
      "SELECT k.kode_faskes, k.tahun, k.minggu, k.penyakit, k.kasus, k.kematian, k.diterima "
      "FROM skdr_laporan l INDEXED BY skdr_laporan_dikirim_ulang "
      "JOIN skdr_kiriman k USING (kode_faskes, tahun, minggu, penyakit) "
      "WHERE l.kiriman > 1 ORDER BY k.kode_faskes, k.penyakit, k.tahun, k.minggu, k.diterima, "
      "k.rowid");
  while (s.Step()) {
    WeeklyResend r;
    r.kode_faskes = s.Text(0);
    r.minggu = WeekOf(s, 1);
    r.penyakit = s.Text(3);
    r.kasus = s.Int(4);
    r.kematian = OptCount(s, 5);
    r.diterima = Instant{s.Int(6)};
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<AlertEvent> Workspace::AlertEvents() const {
  std::vector<AlertEvent> out;
  Statement s = conn_->Prepare(
      "SELECT id, status, waktu, oleh, catatan FROM skdr_peringatan_langkah ORDER BY id, waktu");
  while (s.Step()) {
    AlertEvent e;
    e.id = s.Text(0);
    e.status = ParseAlertStatus(s.Text(1)).value_or(AlertStatus::kDiverifikasi);
    e.waktu = Instant{s.Int(2)};
    e.oleh = s.Text(3);
    e.catatan = s.Text(4);
    out.push_back(std::move(e));
  }
  return out;
}

std::expected<void, Error> Workspace::AddAlertEvent(const AlertEvent& e) {
  try {
    Transaction txn(*conn_);
    Statement s = conn_->Prepare(
        "INSERT INTO skdr_peringatan_langkah(id, status, waktu, oleh, catatan, dicatat) "
        "VALUES (?,?,?,?,?,?)");
    s.Bind(1, e.id).Bind(2, AlertStatusKey(e.status)).Bind(3, e.waktu.seconds).Bind(4, e.oleh);
    s.Bind(5, e.catatan).Bind(6, NowIso()).Run();
    AppendAudit(*conn_, e.oleh, std::string(AlertStatusKey(e.status)), "peringatan", e.id,
                nlohmann::json{{"waktu", e.waktu.Iso()}, {"catatan", e.catatan}}.dump());
    txn.Commit();
    return {};
  } catch (const DatabaseError& ex) {
    return std::unexpected(Error{Msg::kDatabase, {ex.what()}});
  }
}

}  // namespace jangkau::store
