// Planning scenarios and the travel times between facilities.
#include <algorithm>

#include "store/db.h"
#include "store/fingerprint.h"
#include "store/workspace.h"

namespace jangkau::store {

std::vector<FacilityRoute> Workspace::Routes(const std::string& scenario) const {
  std::vector<FacilityRoute> out;
  Statement s = conn_->Prepare(
      "SELECT dari, ke, menit FROM access_routes WHERE skenario = ? ORDER BY dari, ke");
  s.Bind(1, scenario);
  while (s.Step()) out.push_back({s.Text(0), s.Text(1), units::Minutes(s.Real(2))});
  return out;
}

std::string Workspace::ScenarioVersion(const std::string& nama) const {
  try {
    return ScenarioVersionIn(*conn_, nama);
  } catch (const DatabaseError&) {
    return {};
  }
}

std::expected<void, Error> Workspace::PutScenario(const Scenario& sc, const std::string& user,
                                                  const std::string& expect_version) {
  try {
    Transaction txn(*conn_);
    // Compared while the writers' lock is held: nobody writes between this read and the write.
    if (!expect_version.empty() && ScenarioVersionIn(*conn_, sc.nama) != expect_version) {
      return std::unexpected(Error{Msg::kScenarioStale, {sc.nama}});
    }
    Statement del = conn_->Prepare("DELETE FROM scenarios WHERE nama = ?");
    del.Bind(1, sc.nama).Run();
    Statement head = conn_->Prepare(
        "INSERT INTO scenarios(nama, keterangan, waktu, pengguna, mulai, selesai) "
        "VALUES (?,?,?,?,?,?)");
    const std::string now = NowIso();
    head.Bind(1, sc.nama).BindText(2, sc.keterangan).Bind(3, now).Bind(4, user);
    auto seconds = [](const std::optional<Instant>& t) {
      return t ? std::optional<int64_t>(t->seconds) : std::nullopt;
    };
    head.Bind(5, seconds(sc.mulai)).Bind(6, seconds(sc.selesai)).Run();
    Statement item = conn_->Prepare(
        "INSERT INTO scenario_items(skenario, jenis, kunci, teks, jenis_faskes, nilai, lon, lat, "
        "geom) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9)");
    auto add = [&](std::string_view kind, std::string_view key, std::string_view text,
                   std::string_view type, std::optional<double> value, std::optional<double> lon,
                   std::optional<double> lat, std::string_view geom) {
      item.Bind(1, sc.nama).Bind(2, kind).BindText(3, key).BindText(4, text).BindText(5, type);
      item.Bind(6, value).Bind(7, lon).Bind(8, lat);
      if (geom.empty()) {
        item.BindNull(9);
      } else {
        item.BindBlob(9, geom);
      }
      item.Run();
    };
    for (const auto& kode : sc.closed) add("tutup", kode, {}, {}, {}, {}, {}, {});
    for (const auto& f : sc.floods) add("banjir", f.desa, {}, {}, f.factor, {}, {}, f.geometry_wkb);
    for (const auto& wkb : sc.cuts_wkb) add("putus", {}, {}, {}, {}, {}, {}, wkb);
    for (const auto& [kelas, kmh] : sc.speeds) add("kecepatan", kelas, {}, {}, kmh, {}, {}, {});
    for (const auto& f : sc.added) {
      add("tambah", f.kode, f.nama, TypeKey(f.type), {}, f.lon, f.lat, {});
    }
    Statement audit = conn_->Prepare(
        "INSERT INTO audit_log(waktu, pengguna, aksi, entitas, kunci, rincian) "
        "VALUES (?,?,'simpan','skenario',?,NULL)");
    audit.Bind(1, now).Bind(2, user).Bind(3, sc.nama).Run();
    txn.Commit();
    return {};
  } catch (const DatabaseError& e) {
    return std::unexpected(Error{Msg::kDatabase, {e.what()}});
  }
}

std::vector<Scenario> Workspace::Scenarios() const {
  std::vector<Scenario> out;
  Statement s = conn_->Prepare(
      "SELECT nama, keterangan, waktu, pengguna, mulai, selesai FROM scenarios "
      "ORDER BY nama");
  while (s.Step()) {
    Scenario sc;
    sc.nama = s.Text(0);
    sc.keterangan = s.Text(1);
    sc.waktu = s.Text(2);
    sc.pengguna = s.Text(3);
    if (auto t = s.OptInt(4)) sc.mulai = Instant{*t};
    if (auto t = s.OptInt(5)) sc.selesai = Instant{*t};
    out.push_back(std::move(sc));
  }
  Statement items = conn_->Prepare(
      "SELECT skenario, jenis, kunci, teks, jenis_faskes, nilai, lon, lat, geom "
      "FROM scenario_items ORDER BY id");
  while (items.Step()) {
    auto it = std::find_if(out.begin(), out.end(),
                           [&](const Scenario& sc) { return sc.nama == items.Text(0); });
    if (it == out.end()) continue;
    const std::string kind = items.Text(1);
    if (kind == "tutup") {
      it->closed.push_back(items.Text(2));
    } else if (kind == "banjir") {
      it->floods.push_back({items.Blob(8), items.OptReal(5).value_or(0), items.Text(2)});
    } else if (kind == "putus") {
      it->cuts_wkb.push_back(items.Blob(8));
    } else if (kind == "kecepatan") {
      it->speeds[items.Text(2)] = items.OptReal(5).value_or(0);
    } else if (kind == "tambah") {
      it->added.push_back({items.Text(2), items.Text(3),
                           ParseFacilityType(items.Text(4)).value_or(FacilityType::kPuskesmas),
                           items.OptReal(6).value_or(0), items.OptReal(7).value_or(0)});
    }
  }
  return out;
}

std::optional<Scenario> Workspace::FindScenario(const std::string& nama) const {
  for (Scenario& sc : Scenarios()) {
    if (sc.nama == nama) return std::move(sc);
  }
  return std::nullopt;
}

std::expected<bool, Error> Workspace::DeleteScenario(const std::string& nama,
                                                     const std::string& user) {
  try {
    Transaction txn(*conn_);
    Statement del = conn_->Prepare("DELETE FROM scenarios WHERE nama = ?");
    del.Bind(1, nama).Run();
    if (conn_->Changes() == 0) return false;
    Statement audit = conn_->Prepare(
        "INSERT INTO audit_log(waktu, pengguna, aksi, entitas, kunci, rincian) "
        "VALUES (?,?,'hapus','skenario',?,NULL)");
    audit.Bind(1, NowIso()).Bind(2, user).Bind(3, nama).Run();
    txn.Commit();
    return true;
  } catch (const DatabaseError& e) {
    return std::unexpected(Error{Msg::kDatabase, {e.what()}});
  }
}

}  // namespace jangkau::store
