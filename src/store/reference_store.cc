// Workspace reads and writes of reference tables, village indicators and catchments.
#include <set>

#include <nlohmann/json.hpp>

#include "store/db.h"
#include "store/fault_injection.h"
#include "store/workspace.h"

namespace jangkau::store {

std::expected<void, Error> Workspace::ImportIndicators(const ImportRecord& rec,
                                                       const std::vector<RegionIndicator>& rows,
                                                       const std::vector<Diagnostic>& warnings) {
  return WriteImport(rec, warnings, [&] {
    Statement up = conn_->Prepare(
        "INSERT INTO region_indicators(kode_wilayah, indikator, nilai, tahun, sumber) "
        "VALUES (?,?,?,?,?) ON CONFLICT(kode_wilayah, indikator) DO UPDATE SET "
        "nilai=excluded.nilai, tahun=excluded.tahun, sumber=excluded.sumber");
    std::set<std::string> touched;
    int64_t n = 0;
    for (const RegionIndicator& r : rows) {
      up.Bind(1, r.kode_wilayah).Bind(2, r.indikator).Bind(3, r.nilai);
      up.Bind(4, r.tahun ? std::optional<int64_t>(*r.tahun) : std::nullopt).BindText(5, r.sumber);
      up.Run();
      touched.insert(r.kode_wilayah);
      MaybeInjectKill(++n);
    }
    return touched;
  });
}

std::expected<void, Error> Workspace::ImportCatchments(const ImportRecord& rec,
                                                       const std::vector<Catchment>& rows,
                                                       const std::vector<Diagnostic>& warnings) {
  return WriteImport(rec, warnings, [&] {
    Statement up = conn_->Prepare(
        "INSERT INTO catchments(kode_desa, kode_faskes) VALUES (?,?) ON CONFLICT(kode_desa) "
        "DO UPDATE SET kode_faskes=excluded.kode_faskes");
    std::set<std::string> touched;
    int64_t n = 0;
    for (const Catchment& c : rows) {
      up.Bind(1, c.kode_desa).Bind(2, c.kode_faskes).Run();
      touched.insert(c.kode_faskes);
      MaybeInjectKill(++n);
    }
    return touched;
  });
}

std::vector<RegionIndicator> Workspace::Indicators() const {
  std::vector<RegionIndicator> out;
  Statement s = conn_->Prepare(
      "SELECT kode_wilayah, indikator, nilai, tahun, sumber FROM region_indicators "
      "ORDER BY kode_wilayah, indikator");
  while (s.Step()) {
    RegionIndicator r{s.Text(0), s.Text(1), s.Real(2), std::nullopt, s.Text(4)};
    if (auto t = s.OptInt(3)) r.tahun = static_cast<int>(*t);
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<Catchment> Workspace::Catchments() const {
  std::vector<Catchment> out;
  Statement s = conn_->Prepare("SELECT kode_desa, kode_faskes FROM catchments ORDER BY kode_desa");
  while (s.Step()) out.push_back({s.Text(0), s.Text(1)});
  return out;
}

std::expected<void, Error> Workspace::StoreReference(const ImportRecord& rec,
                                                     const std::string& kind,
                                                     const std::string& name,
                                                     const std::string& csv_text) {
  return WriteImport(rec, {}, [&] {
    Statement ins = conn_->Prepare(
        "INSERT INTO reference_tables(jenis, nama, versi, isi, sumber, waktu, pengguna) "
        "VALUES (?1, ?2, (SELECT coalesce(max(versi), 0) + 1 FROM reference_tables "
        "WHERE jenis = ?1 AND nama = ?2), ?3, ?4, ?5, ?6)");
    ins.Bind(1, kind).Bind(2, name).Bind(3, csv_text).Bind(4, rec.file).Bind(5, NowIso());
    ins.Bind(6, rec.user).Run();
    return std::set<std::string>{kind + ":" + name};
  });
}

std::optional<Workspace::ReferenceVersion> Workspace::Reference(const std::string& kind,
                                                                const std::string& name) const {
  Statement s = conn_->Prepare(
      "SELECT versi, sumber, waktu, isi FROM reference_tables WHERE jenis = ? AND nama = ? "
      "ORDER BY versi DESC LIMIT 1");
  s.Bind(1, kind).Bind(2, name);
  if (!s.Step()) return std::nullopt;
  return ReferenceVersion{kind, name, s.Int(0), s.Text(1), s.Text(2), s.Text(3)};
}

std::vector<Workspace::ReferenceVersion> Workspace::References() const {
  std::vector<ReferenceVersion> out;
  Statement s = conn_->Prepare(
      "SELECT r.jenis, r.nama, r.versi, r.sumber, r.waktu FROM reference_tables r WHERE r.versi = "
      "(SELECT max(versi) FROM reference_tables x WHERE x.jenis = r.jenis AND x.nama = r.nama) "
      "ORDER BY r.jenis, r.nama");
  while (s.Step()) out.push_back({s.Text(0), s.Text(1), s.Int(2), s.Text(3), s.Text(4), {}});
  return out;
}

}  // namespace jangkau::store

namespace jangkau::store {

std::expected<void, Error> Workspace::ImportLayer(const ImportRecord& rec, const std::string& kind,
                                                  const std::vector<MapFeature>& features) {
  return WriteImport(rec, {}, [&] {
    Statement del = conn_->Prepare("DELETE FROM map_layers WHERE jenis = ?");
    del.Bind(1, kind).Run();
    Statement ins = conn_->Prepare(
        "INSERT INTO map_layers(jenis, kelas, nilai, geom, sumber) VALUES (?,?,?,?,?)");
    int64_t n = 0;
    for (const MapFeature& f : features) {
      ins.Bind(1, kind).BindText(2, f.kelas).Bind(3, f.nilai).BindBlob(4, f.geometry_wkb);
      ins.Bind(5, rec.file).Run();
      MaybeInjectKill(++n);
    }
    return std::set<std::string>{"layer:" + kind};
  });
}

std::vector<MapFeature> Workspace::Layer(const std::string& kind) const {
  std::vector<MapFeature> out;
  Statement s =
      conn_->Prepare("SELECT kelas, nilai, geom FROM map_layers WHERE jenis = ? ORDER BY id");
  s.Bind(1, kind);
  while (s.Step()) out.push_back({kind, s.Text(0), s.OptReal(1), s.Blob(2)});
  return out;
}

std::expected<void, Error> Workspace::StoreAccessResults(const AccessResults& results,
                                                         const std::string& user) {
  try {
    Transaction txn(*conn_);
    Statement d1 = conn_->Prepare("DELETE FROM access_regions WHERE skenario = ?");
    d1.Bind(1, results.scenario).Run();
    Statement d2 = conn_->Prepare("DELETE FROM access_facilities WHERE skenario = ?");
    d2.Bind(1, results.scenario).Run();
    Statement d3 = conn_->Prepare("DELETE FROM access_routes WHERE skenario = ?");
    d3.Bind(1, results.scenario).Run();
    Statement route =
        conn_->Prepare("INSERT INTO access_routes(skenario, dari, ke, menit) VALUES (?,?,?,?)");
    for (const FacilityRoute& r : results.routes) {
      route.Bind(1, results.scenario).Bind(2, r.from).Bind(3, r.to).Bind(4, r.minutes).Run();
    }
    Statement r = conn_->Prepare(
        "INSERT INTO access_regions(skenario, tujuan, kode_wilayah, penduduk, terjangkau, "
        "rata_menit, dalam_30, dalam_60, dalam_120) VALUES (?,?,?,?,?,?,?,?,?)");
    for (const auto& [target, a] : results.regions) {
      r.Bind(1, results.scenario).Bind(2, target).Bind(3, a.kode_wilayah).Bind(4, a.penduduk);
      r.Bind(5, a.terjangkau).Bind(6, a.rata_menit).Bind(7, a.dalam_30).Bind(8, a.dalam_60);
      r.Bind(9, a.dalam_120).Run();
    }
    Statement f = conn_->Prepare(
        "INSERT INTO access_facilities(skenario, kode_faskes, penduduk_terdekat, menit_ke_rs, "
        "menit_ke_fasyankes_lain) VALUES (?,?,?,?,?)");
    for (const FacilityAccess& a : results.facilities) {
      f.Bind(1, results.scenario).Bind(2, a.kode_faskes).Bind(3, a.penduduk_terdekat);
      f.Bind(4, a.menit_ke_rs).Bind(5, a.menit_ke_fasyankes_lain).Run();
    }
    Statement audit = conn_->Prepare(
        "INSERT INTO audit_log(waktu, pengguna, aksi, entitas, kunci, rincian) "
        "VALUES (?,?,'hitung','akses',?,?)");
    audit.Bind(1, NowIso()).Bind(2, user).Bind(3, results.scenario);
    audit.Bind(4, "{\"wilayah\":" + std::to_string(results.regions.size()) + "}").Run();
    txn.Commit();
    return {};
  } catch (const DatabaseError& e) {
    return std::unexpected(Error{Msg::kDatabase, {e.what()}});
  }
}

std::vector<std::pair<std::string, RegionAccess>> Workspace::AccessRegions(
    const std::string& scenario) const {
  std::vector<std::pair<std::string, RegionAccess>> out;
  Statement s = conn_->Prepare(
      "SELECT tujuan, kode_wilayah, penduduk, terjangkau, rata_menit, dalam_30, dalam_60, "
      "dalam_120 FROM access_regions WHERE skenario = ? ORDER BY tujuan, kode_wilayah");
  s.Bind(1, scenario);
  while (s.Step()) {
    out.emplace_back(s.Text(0), RegionAccess{s.Text(1), s.Real(2), s.Real(3), s.OptReal(4),
                                             s.Real(5), s.Real(6), s.Real(7)});
  }
  return out;
}

std::vector<FacilityAccess> Workspace::AccessFacilities(const std::string& scenario) const {
  std::vector<FacilityAccess> out;
  Statement s = conn_->Prepare(
      "SELECT kode_faskes, penduduk_terdekat, menit_ke_rs, menit_ke_fasyankes_lain FROM "
      "access_facilities WHERE skenario = ? ORDER BY kode_faskes");
  s.Bind(1, scenario);
  while (s.Step()) {
    out.push_back(
        {s.Text(0), s.Opt<units::People>(1), s.Opt<units::Minutes>(2), s.Opt<units::Minutes>(3)});
  }
  return out;
}

}  // namespace jangkau::store

namespace jangkau::store {

std::expected<void, Error> Workspace::PutUser(const User& user, const std::string& by) {
  try {
    Transaction txn(*conn_);
    Statement up = conn_->Prepare(
        "INSERT INTO users(username, peran, kode_faskes, hash, dibuat, wilayah) "
        "VALUES (?,?,?,?,?,?) "
        "ON CONFLICT(username) DO UPDATE SET peran=excluded.peran, "
        "kode_faskes=excluded.kode_faskes, hash=excluded.hash, wilayah=excluded.wilayah");
    up.Bind(1, user.username).Bind(2, user.role).BindText(3, user.kode_faskes).Bind(4, user.hash);
    up.Bind(5, NowIso()).Bind(6, user.wilayah).Run();
    Statement audit = conn_->Prepare(
        "INSERT INTO audit_log(waktu, pengguna, aksi, entitas, kunci, rincian) "
        "VALUES (?,?,'ubah','pengguna',?,?)");
    audit.Bind(1, NowIso()).Bind(2, by).Bind(3, user.username);
    audit.Bind(4, "{\"peran\":\"" + user.role + "\",\"kode_faskes\":\"" + user.kode_faskes +
                      "\",\"wilayah\":\"" + user.wilayah + "\"}");
    audit.Run();
    txn.Commit();
    return {};
  } catch (const DatabaseError& e) {
    return std::unexpected(Error{Msg::kDatabase, {e.what()}});
  }
}

std::optional<Workspace::User> Workspace::FindUser(const std::string& username) const {
  Statement s = conn_->Prepare(
      "SELECT username, peran, kode_faskes, hash, wilayah FROM users WHERE username = ?");
  s.Bind(1, username);
  if (!s.Step()) return std::nullopt;
  return User{s.Text(0), s.Text(1), s.Text(2), s.Text(3), s.Text(4)};
}

std::expected<Workspace::Period, Error> Workspace::EnsurePeriod(const std::string& today,
                                                                const std::string& user) {
  auto find = [&]() -> std::optional<Period> {
    Statement s = conn_->Prepare(
        "SELECT id, nama, mulai, selesai FROM periods WHERE mulai <= ?1 AND selesai >= ?1 "
        "ORDER BY mulai DESC, id DESC LIMIT 1");
    s.Bind(1, today);
    if (!s.Step()) return std::nullopt;
    return Period{s.Int(0), s.Text(1), s.Text(2), s.Text(3)};
  };
  try {
    if (auto p = find()) return *p;
    const std::string year = today.substr(0, 4);
    Transaction txn(*conn_);
    Statement ins = conn_->Prepare("INSERT INTO periods(nama, mulai, selesai) VALUES (?, ?, ?)");
    ins.Bind(1, "Tahun " + year).Bind(2, year + "-01-01").Bind(3, year + "-12-31").Run();
    Statement audit = conn_->Prepare(
        "INSERT INTO audit_log(waktu, pengguna, aksi, entitas, kunci, rincian) "
        "VALUES (?,?,'buat','periode',?,NULL)");
    audit.Bind(1, NowIso()).Bind(2, user).Bind(3, "Tahun " + year).Run();
    txn.Commit();
    if (auto p = find()) return *p;
    return std::unexpected(Error{Msg::kDatabase, {"period " + year}});
  } catch (const DatabaseError& e) {
    return std::unexpected(Error{Msg::kDatabase, {e.what()}});
  }
}

std::vector<Workspace::Submission> Workspace::Submissions(int64_t period_id) const {
  std::vector<Submission> out;
  Statement s = conn_->Prepare(
      "SELECT kode_faskes, status, komentar, diubah_pada, diubah_oleh FROM submissions "
      "WHERE period_id = ? ORDER BY kode_faskes");
  s.Bind(1, period_id);
  while (s.Step()) out.push_back({s.Text(0), s.Text(1), s.Text(2), s.Text(3), s.Text(4)});
  return out;
}

std::expected<void, Error> Workspace::SetSubmission(int64_t period_id, const Submission& sub) {
  try {
    Transaction txn(*conn_);
    Statement up = conn_->Prepare(
        "INSERT INTO submissions(period_id, kode_faskes, status, komentar, diubah_pada, "
        "diubah_oleh) VALUES (?,?,?,?,?,?) ON CONFLICT(period_id, kode_faskes) DO UPDATE SET "
        "status=excluded.status, komentar=excluded.komentar, diubah_pada=excluded.diubah_pada, "
        "diubah_oleh=excluded.diubah_oleh");
    const std::string now = NowIso();
    up.Bind(1, period_id).Bind(2, sub.kode_faskes).Bind(3, sub.status).BindText(4, sub.komentar);
    up.Bind(5, now).Bind(6, sub.diubah_oleh).Run();
    Statement audit = conn_->Prepare(
        "INSERT INTO audit_log(waktu, pengguna, aksi, entitas, kunci, rincian) "
        "VALUES (?,?,?,'laporan',?,?)");
    nlohmann::json detail = {{"periode", period_id}, {"komentar", sub.komentar}};
    audit.Bind(1, now).Bind(2, sub.diubah_oleh).Bind(3, sub.status).Bind(4, sub.kode_faskes);
    audit.Bind(5, detail.dump()).Run();
    txn.Commit();
    return {};
  } catch (const DatabaseError& e) {
    return std::unexpected(Error{Msg::kDatabase, {e.what()}});
  }
}

}  // namespace jangkau::store
