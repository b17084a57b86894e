// Emergency response in the workspace: units, incidents and the append-only record of each
// incident's transitions (schema version 4).
#include <set>

#include <nlohmann/json.hpp>

#include "store/audit_row.h"
#include "store/db.h"
#include "store/fault_injection.h"
#include "store/workspace.h"

namespace jangkau::store {
namespace {

Error Database(const DatabaseError& e) { return Error{Msg::kDatabase, {e.what()}}; }

std::optional<Instant> OptInstant(const Statement& s, int column) {
  auto v = s.OptInt(column);
  return v ? std::optional<Instant>(Instant{*v}) : std::nullopt;
}

Statement& BindInstant(Statement& s, int index, const std::optional<Instant>& t) {
  return t ? s.Bind(index, t->seconds) : s.BindNull(index);
}

constexpr const char* kIncidentColumns =
    "id, waktu, sumber, pelapor, telepon, lon, lat, kode_desa, kategori, pasien, prioritas, "
    "keterangan, status, terverifikasi, unit_dikirim, unit_berangkat, tiba_di_lokasi, "
    "menuju_faskes, tiba_di_faskes, selesai, unit, faskes_tujuan, COALESCE(kode, '')";

Incident ReadIncident(const Statement& s) {
  Incident i;
  i.id = s.Int(0);
  i.waktu = Instant{s.Int(1)};
  i.sumber = ParseIncidentSource(s.Text(2)).value_or(IncidentSource::k119);
  i.pelapor = s.Text(3);
  i.telepon = s.Text(4);
  i.lon = s.Real(5);
  i.lat = s.Real(6);
  i.kode_desa = s.Text(7);
  i.kategori = s.Text(8);
  i.pasien = static_cast<int>(s.Int(9));
  i.prioritas = ParsePriority(s.Text(10)).value_or(Priority::kP3);
  i.keterangan = s.Text(11);
  i.status = ParseIncidentStatus(s.Text(12)).value_or(IncidentStatus::kBaru);
  i.terverifikasi = OptInstant(s, 13);
  i.unit_dikirim = OptInstant(s, 14);
  i.unit_berangkat = OptInstant(s, 15);
  i.tiba_di_lokasi = OptInstant(s, 16);
  i.menuju_faskes = OptInstant(s, 17);
  i.tiba_di_faskes = OptInstant(s, 18);
  i.selesai = OptInstant(s, 19);
  i.unit = s.Text(20);
  i.faskes_tujuan = s.Text(21);
  i.kode = s.Text(22);
  return i;
}

}  // namespace

std::expected<void, Error> Workspace::AddUnit(const EmergencyUnit& u, const std::string& user) {
  try {
    Transaction txn(*conn_);
    Statement exists = conn_->Prepare("SELECT 1 FROM emergency_units WHERE kode = ?");
    exists.Bind(1, u.kode);
    if (exists.Step()) return std::unexpected(Error{Msg::kUnitExists, {u.kode}});
    Statement s = conn_->Prepare(
        "INSERT INTO emergency_units(kode, nama, jenis, pangkalan, lon, lat, status) "
        "VALUES (?,?,?,?,?,?,?)");
    s.Bind(1, u.kode).Bind(2, u.nama).Bind(3, UnitKindKey(u.jenis)).BindText(4, u.pangkalan);
    s.Bind(5, u.lon).Bind(6, u.lat).Bind(7, UnitStatusKey(u.status)).Run();
    AppendAudit(
        *conn_, user, "tambah", "unit", u.kode,
        nlohmann::json{{"jenis", UnitKindKey(u.jenis)}, {"lon", u.lon}, {"lat", u.lat}}.dump());
    txn.Commit();
    return {};
  } catch (const DatabaseError& e) {
    return std::unexpected(Database(e));
  }
}

std::vector<EmergencyUnit> Workspace::Units() const {
  std::vector<EmergencyUnit> out;
  Statement s = conn_->Prepare(
      "SELECT kode, nama, jenis, COALESCE(pangkalan, ''), lon, lat, status, insiden "
      "FROM emergency_units ORDER BY kode");
  while (s.Step()) {
    EmergencyUnit u;
    u.kode = s.Text(0);
    u.nama = s.Text(1);
    u.jenis = ParseUnitKind(s.Text(2)).value_or(UnitKind::kAmbulans);
    u.pangkalan = s.Text(3);
    u.lon = s.Real(4);
    u.lat = s.Real(5);
    u.status = ParseUnitStatus(s.Text(6)).value_or(UnitStatus::kTidakAktif);
    u.insiden = s.OptInt(7);
    out.push_back(std::move(u));
  }
  return out;
}

std::expected<int64_t, Error> Workspace::CreateIncident(const Incident& i,
                                                        const std::string& user) {
  try {
    Transaction txn(*conn_);
    Statement s = conn_->Prepare(
        "INSERT INTO incidents(waktu, sumber, pelapor, telepon, lon, lat, kode_desa, kategori, "
        "pasien, prioritas, keterangan, status, kode) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING "
        "id");
    s.Bind(1, i.waktu.seconds).Bind(2, IncidentSourceKey(i.sumber)).Bind(3, i.pelapor);
    s.Bind(4, i.telepon).Bind(5, i.lon).Bind(6, i.lat).Bind(7, i.kode_desa).Bind(8, i.kategori);
    s.Bind(9, int64_t{i.pasien}).Bind(10, PriorityKey(i.prioritas)).Bind(11, i.keterangan);
    s.Bind(12, IncidentStatusKey(IncidentStatus::kBaru)).BindText(13, i.kode);
    const int64_t id = s.Step() ? s.Int(0) : 0;
    s.Reset();
    AppendAudit(
        *conn_, user, "buat", "insiden", std::to_string(id),
        nlohmann::json{{"prioritas", PriorityKey(i.prioritas)}, {"kategori", i.kategori}}.dump());
    txn.Commit();
    return id;
  } catch (const DatabaseError& e) {
    return std::unexpected(Database(e));
  }
}

std::expected<void, Error> Workspace::ImportIncidents(const ImportRecord& rec,
                                                      const std::vector<Incident>& incidents,
                                                      const std::vector<Diagnostic>& warnings) {
  return WriteImport(rec, warnings, [&] {
    Statement old = conn_->Prepare("SELECT id FROM incidents WHERE kode = ?");
    Statement drop_events = conn_->Prepare("DELETE FROM incident_events WHERE insiden = ?");
    Statement drop = conn_->Prepare("DELETE FROM incidents WHERE id = ?");
    Statement ins = conn_->Prepare(
        "INSERT INTO incidents(kode, waktu, sumber, pelapor, telepon, lon, lat, kode_desa, "
        "kategori, pasien, prioritas, keterangan, status, terverifikasi, unit_dikirim, "
        "unit_berangkat, tiba_di_lokasi, menuju_faskes, tiba_di_faskes, selesai, unit, "
        "faskes_tujuan) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    int64_t n = 0;
    for (const Incident& i : incidents) {
      if (!i.kode.empty()) {
        old.Bind(1, i.kode);
        const bool found = old.Step();
        const int64_t id = found ? old.Int(0) : 0;
        old.Reset();
        if (found) {
          drop_events.Bind(1, id).Run();
          drop.Bind(1, id).Run();
        }
      }
      ins.BindText(1, i.kode).Bind(2, i.waktu.seconds).Bind(3, IncidentSourceKey(i.sumber));
      ins.Bind(4, i.pelapor).Bind(5, i.telepon).Bind(6, i.lon).Bind(7, i.lat);
      ins.Bind(8, i.kode_desa).Bind(9, i.kategori).Bind(10, int64_t{i.pasien});
      ins.Bind(11, PriorityKey(i.prioritas)).Bind(12, i.keterangan);
      ins.Bind(13, IncidentStatusKey(i.status));
      BindInstant(ins, 14, i.terverifikasi);
      BindInstant(ins, 15, i.unit_dikirim);
      BindInstant(ins, 16, i.unit_berangkat);
      BindInstant(ins, 17, i.tiba_di_lokasi);
      BindInstant(ins, 18, i.menuju_faskes);
      BindInstant(ins, 19, i.tiba_di_faskes);
      BindInstant(ins, 20, i.selesai);
      ins.Bind(21, i.unit).Bind(22, i.faskes_tujuan).Run();
      MaybeInjectKill(++n);
    }
    return std::set<std::string>{};
  });
}

std::optional<Incident> Workspace::FindIncident(int64_t id) const {
  Statement s =
      conn_->Prepare(std::string("SELECT ") + kIncidentColumns + " FROM incidents WHERE id = ?");
  s.Bind(1, id);
  if (!s.Step()) return std::nullopt;
  return ReadIncident(s);
}

std::vector<Incident> Workspace::Incidents() const {
  std::vector<Incident> out;
  Statement s =
      conn_->Prepare(std::string("SELECT ") + kIncidentColumns + " FROM incidents ORDER BY id");
  while (s.Step()) out.push_back(ReadIncident(s));
  return out;
}

std::expected<Incident, Error> Workspace::RecordIncidentEvent(
    int64_t id, const IncidentEvent& event, std::optional<UnitStatus> unit_status,
    const std::function<std::expected<Incident, Error>(const Incident&)>& apply) {
  try {
    // BEGIN IMMEDIATE: two dispatchers giving the same unit are serialised; the second one finds
    // it busy.
    Transaction txn(*conn_);
    Statement read =
        conn_->Prepare(std::string("SELECT ") + kIncidentColumns + " FROM incidents WHERE id = ?");
    read.Bind(1, id);
    if (!read.Step()) return std::unexpected(Error{Msg::kUnknownIncident, {std::to_string(id)}});
    const Incident before = ReadIncident(read);
    read.Reset();
    auto after = apply(before);
    if (!after) return std::unexpected(after.error());
    if (event.to == IncidentStatus::kUnitDikirim) {
      Statement unit = conn_->Prepare("SELECT status, insiden FROM emergency_units WHERE kode = ?");
      unit.Bind(1, after->unit);
      if (!unit.Step()) return std::unexpected(Error{Msg::kUnknownUnit, {after->unit}});
      if (unit.Text(0) != UnitStatusKey(UnitStatus::kTersedia)) {
        const auto busy_on = unit.OptInt(1);
        return std::unexpected(Error{
            Msg::kUnitBusy,
            {after->unit, unit.Text(0), busy_on ? std::to_string(*busy_on) : std::string("-")}});
      }
    }
    Statement w = conn_->Prepare(
        "UPDATE incidents SET status = ?, terverifikasi = ?, unit_dikirim = ?, unit_berangkat = ?, "
        "tiba_di_lokasi = ?, menuju_faskes = ?, tiba_di_faskes = ?, selesai = ?, unit = ?, "
        "faskes_tujuan = ? WHERE id = ?");
    w.Bind(1, IncidentStatusKey(after->status));
    BindInstant(w, 2, after->terverifikasi);
    BindInstant(w, 3, after->unit_dikirim);
    BindInstant(w, 4, after->unit_berangkat);
    BindInstant(w, 5, after->tiba_di_lokasi);
    BindInstant(w, 6, after->menuju_faskes);
    BindInstant(w, 7, after->tiba_di_faskes);
    BindInstant(w, 8, after->selesai);
    w.Bind(9, after->unit).Bind(10, after->faskes_tujuan).Bind(11, id).Run();
    if (unit_status && !after->unit.empty()) {
      const bool free = *unit_status == UnitStatus::kTersedia;
      Statement u =
          conn_->Prepare("UPDATE emergency_units SET status = ?, insiden = ? WHERE kode = ?");
      u.Bind(1, UnitStatusKey(*unit_status));
      if (free) {
        u.BindNull(2);
      } else {
        u.Bind(2, id);
      }
      u.Bind(3, after->unit).Run();
    }
    Statement e = conn_->Prepare(
        "INSERT INTO incident_events(insiden, dari, ke, waktu, pengguna, unit, faskes, dicatat) "
        "VALUES (?,?,?,?,?,?,?,?)");
    e.Bind(1, id).Bind(2, IncidentStatusKey(before.status)).Bind(3, IncidentStatusKey(event.to));
    e.Bind(4, event.waktu.seconds).Bind(5, event.pengguna).Bind(6, event.unit);
    e.Bind(7, event.faskes).Bind(8, NowIso()).Run();
    AppendAudit(*conn_, event.pengguna, "status", "insiden", std::to_string(id),
                nlohmann::json{{"dari", IncidentStatusKey(before.status)},
                               {"ke", IncidentStatusKey(event.to)},
                               {"waktu", event.waktu.Iso()}}
                    .dump());
    txn.Commit();
    return *after;
  } catch (const DatabaseError& e) {
    return std::unexpected(Database(e));
  }
}

}  // namespace jangkau::store
