#include "store/schema.h"

#include <array>

namespace jangkau::store {
namespace {

constexpr std::string_view kV1 = R"sql(
CREATE TABLE meta(
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE regions(
  kode         TEXT PRIMARY KEY,
  nama         TEXT NOT NULL,
  tingkat      TEXT NOT NULL CHECK (tingkat IN ('provinsi','kabupaten','kecamatan','desa')),
  kode_induk   TEXT REFERENCES regions(kode) DEFERRABLE INITIALLY DEFERRED,
  kode_bps     TEXT,
  geom         BLOB,
  centroid_lon REAL,
  centroid_lat REAL
);
CREATE INDEX regions_induk ON regions(kode_induk);
CREATE INDEX regions_bps ON regions(kode_bps);

CREATE TABLE population(
  kode_wilayah TEXT NOT NULL REFERENCES regions(kode) ON DELETE CASCADE,
  tahun        INTEGER NOT NULL,
  penduduk     INTEGER NOT NULL CHECK (penduduk >= 0),
  jumlah_kk    INTEGER CHECK (jumlah_kk >= 0),
  sumber       TEXT,
  PRIMARY KEY (kode_wilayah, tahun)
);

CREATE TABLE facilities(
  kode               TEXT PRIMARY KEY,
  nama               TEXT NOT NULL,
  jenis              TEXT NOT NULL,
  rawat_inap         INTEGER CHECK (rawat_inap IN (0, 1)),
  rawat_inap_asumsi  INTEGER NOT NULL DEFAULT 0,
  kategori_wilayah   TEXT CHECK (kategori_wilayah IN
                       ('perkotaan','perdesaan','terpencil','sangat_terpencil')),
  kategori_asumsi    INTEGER NOT NULL DEFAULT 0,
  asumsi_dasar       TEXT,
  kode_desa          TEXT,
  kode_kecamatan     TEXT,
  kode_kecamatan_bps TEXT,
  kode_kabupaten_bps TEXT,
  alamat             TEXT,
  lon                REAL,
  lat                REAL,
  status             TEXT NOT NULL DEFAULT 'buka'
                       CHECK (status IN ('buka','tutup','terendam_banjir')),
  bpjs               INTEGER CHECK (bpjs IN (0, 1)),
  akreditasi         TEXT,
  sumber_berkas      TEXT,
  sumber_baris       INTEGER
);
CREATE INDEX facilities_kecamatan ON facilities(kode_kecamatan);

CREATE TABLE cadres(
  kode    TEXT PRIMARY KEY,
  nama    TEXT NOT NULL,
  nama_en TEXT NOT NULL,
  rumpun  TEXT NOT NULL,
  agregat INTEGER NOT NULL DEFAULT 0 CHECK (agregat IN (0, 1))
);
CREATE TABLE cadre_aliases(
  alias TEXT PRIMARY KEY,
  kode  TEXT NOT NULL REFERENCES cadres(kode) ON DELETE CASCADE
);

CREATE TABLE staff(
  id                 INTEGER PRIMARY KEY,
  kode_faskes        TEXT NOT NULL REFERENCES facilities(kode) ON DELETE CASCADE,
  nama               TEXT NOT NULL,
  nik                TEXT,
  jenis_tenaga       TEXT NOT NULL REFERENCES cadres(kode),
  status_kepegawaian TEXT NOT NULL,
  tanggal_lahir      TEXT NOT NULL,
  jabatan            TEXT,
  pelatihan          TEXT,
  str_berlaku_sampai TEXT,
  sumber_baris       INTEGER
);
CREATE INDEX staff_faskes ON staff(kode_faskes);

CREATE TABLE staff_counts(
  kode_faskes        TEXT NOT NULL REFERENCES facilities(kode) ON DELETE CASCADE,
  jenis_tenaga       TEXT NOT NULL REFERENCES cadres(kode),
  status_kepegawaian TEXT NOT NULL,
  jumlah             INTEGER NOT NULL CHECK (jumlah >= 0),
  PRIMARY KEY (kode_faskes, jenis_tenaga, status_kepegawaian)
);

CREATE TABLE equipment(
  kode_faskes TEXT NOT NULL REFERENCES facilities(kode) ON DELETE CASCADE,
  kode_alat   TEXT NOT NULL,
  nama_alat   TEXT,
  kondisi     TEXT NOT NULL CHECK (kondisi IN ('baik','rusak_ringan','rusak_berat')),
  jumlah      INTEGER NOT NULL CHECK (jumlah >= 0),
  PRIMARY KEY (kode_faskes, kode_alat, kondisi)
);

CREATE TABLE services(
  kode_faskes TEXT NOT NULL REFERENCES facilities(kode) ON DELETE CASCADE,
  tahun       INTEGER NOT NULL,
  kegiatan    TEXT NOT NULL,
  jumlah      INTEGER NOT NULL CHECK (jumlah >= 0),
  PRIMARY KEY (kode_faskes, tahun, kegiatan)
);

CREATE TABLE region_indicators(
  kode_wilayah TEXT NOT NULL REFERENCES regions(kode) ON DELETE CASCADE,
  indikator    TEXT NOT NULL,
  nilai        REAL NOT NULL,
  tahun        INTEGER,
  sumber       TEXT,
  PRIMARY KEY (kode_wilayah, indikator)
);

CREATE TABLE catchments(
  kode_desa   TEXT PRIMARY KEY REFERENCES regions(kode) ON DELETE CASCADE,
  kode_faskes TEXT NOT NULL REFERENCES facilities(kode) ON DELETE CASCADE
);

-- Reference tables (norms, ratio targets, activity standards, ...) as validated CSV text,
-- every version kept; the highest version of (jenis, nama) is in force.
CREATE TABLE reference_tables(
  jenis    TEXT NOT NULL,
  nama     TEXT NOT NULL,
  versi    INTEGER NOT NULL,
  isi      TEXT NOT NULL,
  sumber   TEXT NOT NULL,
  waktu    TEXT NOT NULL,
  pengguna TEXT NOT NULL,
  PRIMARY KEY (jenis, nama, versi)
);

-- Geographic layers for travel time: roads, rivers, water (sea, lakes), swamp, bridges,
-- piers, flood extents; geometry as WKB in EPSG:4326.
CREATE TABLE map_layers(
  id     INTEGER PRIMARY KEY,
  jenis  TEXT NOT NULL,
  kelas  TEXT,
  nilai  REAL,
  geom   BLOB NOT NULL,
  sumber TEXT
);
CREATE INDEX map_layers_jenis ON map_layers(jenis);

-- Results of `jangkau access run` per scenario, target (puskesmas, fktp, rs) and region.
CREATE TABLE access_regions(
  skenario     TEXT NOT NULL,
  tujuan       TEXT NOT NULL,
  kode_wilayah TEXT NOT NULL,
  penduduk     REAL NOT NULL,
  terjangkau   REAL NOT NULL,
  rata_menit   REAL,
  dalam_30     REAL NOT NULL,
  dalam_60     REAL NOT NULL,
  dalam_120    REAL NOT NULL,
  PRIMARY KEY (skenario, tujuan, kode_wilayah)
);
CREATE TABLE access_facilities(
  skenario          TEXT NOT NULL,
  kode_faskes       TEXT NOT NULL,
  penduduk_terdekat REAL,
  menit_ke_rs       REAL,
  menit_ke_fasyankes_lain REAL,
  PRIMARY KEY (skenario, kode_faskes)
);

-- People who use the web application. Passwords are argon2id hashes (libsodium).
CREATE TABLE users(
  username    TEXT PRIMARY KEY,
  peran       TEXT NOT NULL CHECK (peran IN ('admin','planner','operator','viewer')),
  kode_faskes TEXT REFERENCES facilities(kode),
  hash        TEXT NOT NULL,
  dibuat      TEXT NOT NULL,
  CHECK ((peran = 'operator') = (kode_faskes IS NOT NULL))
);

CREATE TABLE periods(
  id      INTEGER PRIMARY KEY,
  nama    TEXT NOT NULL UNIQUE,
  mulai   TEXT NOT NULL,
  selesai TEXT NOT NULL
);
CREATE TABLE submissions(
  period_id   INTEGER NOT NULL REFERENCES periods(id) ON DELETE CASCADE,
  kode_faskes TEXT NOT NULL REFERENCES facilities(kode) ON DELETE CASCADE,
  status      TEXT NOT NULL CHECK (status IN ('draft','submitted','verified','returned')),
  komentar    TEXT,
  diubah_pada TEXT NOT NULL,
  diubah_oleh TEXT NOT NULL,
  PRIMARY KEY (period_id, kode_faskes)
);

CREATE TABLE imports(
  id       INTEGER PRIMARY KEY,
  waktu    TEXT NOT NULL,
  pengguna TEXT NOT NULL,
  jenis    TEXT NOT NULL,
  berkas   TEXT NOT NULL,
  baris    INTEGER NOT NULL
);

CREATE TABLE audit_log(
  id       INTEGER PRIMARY KEY,
  waktu    TEXT NOT NULL,
  pengguna TEXT NOT NULL,
  aksi     TEXT NOT NULL,
  entitas  TEXT NOT NULL,
  kunci    TEXT,
  rincian  TEXT
);

CREATE TABLE warnings(
  id        INTEGER PRIMARY KEY,
  sumber    TEXT NOT NULL,
  import_id INTEGER REFERENCES imports(id) ON DELETE CASCADE,
  entitas   TEXT,
  berkas    TEXT,
  baris     INTEGER,
  kolom     INTEGER,
  kode      TEXT NOT NULL,
  args      TEXT NOT NULL
);
CREATE INDEX warnings_sumber ON warnings(sumber, entitas);
)sql";

// Version 2: planning scenarios and travel times between facilities.
constexpr std::string_view kV2 = R"sql(
CREATE TABLE scenarios(
  nama       TEXT PRIMARY KEY,
  keterangan TEXT,
  waktu      TEXT NOT NULL,
  pengguna   TEXT NOT NULL
);
-- What a scenario changes: tutup (kunci = facility), banjir (geom, nilai = speed factor,
-- kunci = village when picked by village), putus (geom), kecepatan (kunci = travel class,
-- nilai = km/h), tambah (kunci = code, teks = name, jenis_faskes, lon, lat).
CREATE TABLE scenario_items(
  id           INTEGER PRIMARY KEY,
  skenario     TEXT NOT NULL REFERENCES scenarios(nama) ON DELETE CASCADE,
  jenis        TEXT NOT NULL CHECK (jenis IN ('tutup','banjir','putus','kecepatan','tambah')),
  kunci        TEXT,
  teks         TEXT,
  jenis_faskes TEXT,
  nilai        REAL,
  lon          REAL,
  lat          REAL,
  geom         BLOB
);
CREATE INDEX scenario_items_skenario ON scenario_items(skenario);

-- Travel minutes between facilities from `jangkau access run` (for moving staff).
CREATE TABLE access_routes(
  skenario TEXT NOT NULL,
  dari     TEXT NOT NULL,
  ke       TEXT NOT NULL,
  menit    REAL NOT NULL CHECK (menit >= 0),
  PRIMARY KEY (skenario, dari, ke)
);
)sql";

// Version 3: web sessions, kept across restarts of the server. Only a hash of the session token
// and of the CSRF token is stored; a session ends at logout, on a password change, or after
// `expires` (seconds since the epoch, moved forward while the session is used).
constexpr std::string_view kV3 = R"sql(
CREATE TABLE sessions(
  token_hash TEXT PRIMARY KEY,
  username   TEXT NOT NULL REFERENCES users(username) ON DELETE CASCADE,
  csrf_hash  TEXT NOT NULL,
  dibuat     TEXT NOT NULL,
  expires    INTEGER NOT NULL
);
CREATE INDEX sessions_username ON sessions(username);
)sql";

// Version 4: emergency response (Call 112 / PSC 119). Units and incidents; an incident's
// timestamps (seconds since the epoch, UTC) are written by its transitions only, each of which
// appends one row to incident_events (from, to, who, when).
constexpr std::string_view kV4 = R"sql(
CREATE TABLE emergency_units(
  kode      TEXT PRIMARY KEY,
  nama      TEXT NOT NULL DEFAULT '',
  jenis     TEXT NOT NULL CHECK (jenis IN ('ambulans','motor','perahu','tim_kunjungan')),
  pangkalan TEXT,
  lon       REAL NOT NULL,
  lat       REAL NOT NULL,
  status    TEXT NOT NULL DEFAULT 'tersedia',
  insiden   INTEGER
);
CREATE TABLE incidents(
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  kode           TEXT UNIQUE,
  waktu          INTEGER NOT NULL,
  sumber         TEXT NOT NULL,
  pelapor        TEXT NOT NULL DEFAULT '',
  telepon        TEXT NOT NULL DEFAULT '',
  lon            REAL NOT NULL,
  lat            REAL NOT NULL,
  kode_desa      TEXT NOT NULL DEFAULT '',
  kategori       TEXT NOT NULL,
  pasien         INTEGER NOT NULL CHECK (pasien >= 0),
  prioritas      TEXT NOT NULL CHECK (prioritas IN ('P1','P2','P3','P4')),
  keterangan     TEXT NOT NULL DEFAULT '',
  status         TEXT NOT NULL,
  terverifikasi  INTEGER,
  unit_dikirim   INTEGER,
  unit_berangkat INTEGER,
  tiba_di_lokasi INTEGER,
  menuju_faskes  INTEGER,
  tiba_di_faskes INTEGER,
  selesai        INTEGER,
  unit           TEXT NOT NULL DEFAULT '',
  faskes_tujuan  TEXT NOT NULL DEFAULT ''
);
CREATE TABLE incident_events(
  no       INTEGER PRIMARY KEY AUTOINCREMENT,
  insiden  INTEGER NOT NULL REFERENCES incidents(id),
  dari     TEXT NOT NULL,
  ke       TEXT NOT NULL,
  waktu    INTEGER NOT NULL,
  pengguna TEXT NOT NULL,
  unit     TEXT NOT NULL DEFAULT '',
  faskes   TEXT NOT NULL DEFAULT '',
  dicatat  TEXT NOT NULL
);
CREATE INDEX incident_events_insiden ON incident_events(insiden);
)sql";

// Version 5: the period a scenario holds (a flood's start and end, seconds since the epoch, UTC),
// for flagging the incidents called during it.
constexpr std::string_view kV5 = R"sql(
ALTER TABLE scenarios ADD COLUMN mulai INTEGER;
ALTER TABLE scenarios ADD COLUMN selesai INTEGER;
)sql";

// Version 6: the role `dispatcher` (PSC 119 call takers, docs/emergency.md). SQLite cannot change
// a CHECK constraint in place: the users table is rebuilt, and the sessions that refer to it are
// kept aside meanwhile (dropping users would otherwise delete them through ON DELETE CASCADE).
constexpr std::string_view kV6 = R"sql(
CREATE TABLE sessions_v5 AS SELECT * FROM sessions;
DROP TABLE sessions;
CREATE TABLE users_v6(
  username    TEXT PRIMARY KEY,
  peran       TEXT NOT NULL CHECK (peran IN ('admin','planner','operator','viewer','dispatcher')),
  kode_faskes TEXT REFERENCES facilities(kode),
  hash        TEXT NOT NULL,
  dibuat      TEXT NOT NULL,
  CHECK ((peran = 'operator') = (kode_faskes IS NOT NULL))
);
INSERT INTO users_v6(username, peran, kode_faskes, hash, dibuat)
  SELECT username, peran, kode_faskes, hash, dibuat FROM users;
DROP TABLE users;
ALTER TABLE users_v6 RENAME TO users;
CREATE TABLE sessions(
  token_hash TEXT PRIMARY KEY,
  username   TEXT NOT NULL REFERENCES users(username) ON DELETE CASCADE,
  csrf_hash  TEXT NOT NULL,
  dibuat     TEXT NOT NULL,
  expires    INTEGER NOT NULL
);
CREATE INDEX sessions_username ON sessions(username);
INSERT INTO sessions(token_hash, username, csrf_hash, dibuat, expires)
  SELECT token_hash, username, csrf_hash, dibuat, expires FROM sessions_v5;
DROP TABLE sessions_v5;
)sql";

// Version 7: growth monitoring (docs/programmes.md). e-PPGBM measurements as reported, one row
// per child (`anak`: the NIK, else name, birth date and parent) and measurement date; z-scores are
// computed from them, never stored.
constexpr std::string_view kV7 = R"sql(
CREATE TABLE growth_measurements(
  anak         TEXT NOT NULL,
  nik          TEXT NOT NULL DEFAULT '',
  nama         TEXT NOT NULL DEFAULT '',
  jk           INTEGER NOT NULL CHECK (jk IN (1, 2)),
  tgl_lahir    TEXT NOT NULL,
  tanggal_ukur TEXT NOT NULL CHECK (tanggal_ukur >= tgl_lahir),
  nama_ortu    TEXT NOT NULL DEFAULT '',
  kecamatan    TEXT NOT NULL DEFAULT '',
  puskesmas    TEXT NOT NULL DEFAULT '',
  desa         TEXT NOT NULL DEFAULT '',
  posyandu     TEXT NOT NULL DEFAULT '',
  kode_desa    TEXT NOT NULL DEFAULT '',
  berat        REAL CHECK (berat >= 0),
  tinggi       REAL CHECK (tinggi >= 0),
  cara_ukur    TEXT CHECK (cara_ukur IN ('l', 'h')),
  lila         REAL CHECK (lila >= 0),
  oedema       INTEGER NOT NULL DEFAULT 0,
  zs_bb_u      TEXT NOT NULL DEFAULT '',
  zs_tb_u      TEXT NOT NULL DEFAULT '',
  zs_bb_tb     TEXT NOT NULL DEFAULT '',
  baris        INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (anak, tanggal_ukur)
);
CREATE INDEX growth_measurements_desa ON growth_measurements(kode_desa);
)sql";

// Version 8: the other prevention programmes (docs/programmes.md): STBM per desa and date (e-Monev
// STBM), JKN membership per region and date (BPJS Kesehatan), the Germas checklist per kabupaten.
// Figures as reported; shares, statuses and categories are computed, never stored.
constexpr std::string_view kV8 = R"sql(
CREATE TABLE stbm_desa(
  kode_desa          TEXT NOT NULL,
  tanggal            TEXT NOT NULL,
  kk                 INTEGER NOT NULL CHECK (kk > 0),
  kk_jsp             INTEGER CHECK (kk_jsp BETWEEN 0 AND kk),
  kk_jssp            INTEGER CHECK (kk_jssp BETWEEN 0 AND kk),
  kk_sharing         INTEGER CHECK (kk_sharing BETWEEN 0 AND kk),
  kk_babs            INTEGER CHECK (kk_babs BETWEEN 0 AND kk),
  sbs_deklarasi      INTEGER NOT NULL CHECK (sbs_deklarasi IN (0, 1)),
  tanggal_deklarasi  TEXT,
  sbs_verifikasi     INTEGER NOT NULL CHECK (sbs_verifikasi IN (0, 1)
                                             AND sbs_verifikasi <= sbs_deklarasi),
  tanggal_verifikasi TEXT,
  kk_ctps            INTEGER CHECK (kk_ctps BETWEEN 0 AND kk),
  kk_pammrt          INTEGER CHECK (kk_pammrt BETWEEN 0 AND kk),
  kk_sampah          INTEGER CHECK (kk_sampah BETWEEN 0 AND kk),
  kk_limbah          INTEGER CHECK (kk_limbah BETWEEN 0 AND kk),
  kk_3_pilar         INTEGER CHECK (kk_3_pilar BETWEEN 0 AND kk),
  sumber             TEXT NOT NULL DEFAULT '',
  baris              INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (kode_desa, tanggal)
);
CREATE TABLE jkn_kepesertaan(
  kode_wilayah       TEXT NOT NULL,
  tanggal            TEXT NOT NULL,
  penduduk           INTEGER CHECK (penduduk > 0),
  peserta            INTEGER CHECK (peserta >= 0),
  pbi_jk             INTEGER CHECK (pbi_jk >= 0),
  pbpu_pemda         INTEGER CHECK (pbpu_pemda >= 0),
  pbpu_mandiri       INTEGER CHECK (pbpu_mandiri >= 0),
  bp                 INTEGER CHECK (bp >= 0),
  ppu_pn             INTEGER CHECK (ppu_pn >= 0),
  ppu_bu             INTEGER CHECK (ppu_bu >= 0),
  peserta_aktif      INTEGER CHECK (peserta_aktif >= 0),
  persen_aktif       REAL CHECK (persen_aktif BETWEEN 0 AND 100),
  cakupan_dilaporkan REAL CHECK (cakupan_dilaporkan >= 0),
  uhc_prioritas      INTEGER CHECK (uhc_prioritas IN (0, 1)),
  iuran_pemda_lunas  INTEGER CHECK (iuran_pemda_lunas IN (0, 1)),
  sumber             TEXT NOT NULL DEFAULT '',
  baris              INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (kode_wilayah, tanggal)
);
CREATE TABLE germas_checklist(
  kode_wilayah TEXT NOT NULL,
  butir        TEXT NOT NULL,
  status       TEXT NOT NULL CHECK (status IN ('ya', 'sebagian', 'tidak')),
  dasar        TEXT NOT NULL DEFAULT '',
  tanggal      TEXT,
  sumber       TEXT NOT NULL DEFAULT '',
  baris        INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (kode_wilayah, butir)
);
)sql";

// Version 9: weekly disease early warning (docs/surveillance.md): the report in force per facility,
// epidemiological week and disease (a re-sending replaces it), every different value sent (for
// the conflicting-resend flag), and the steps of each alert's lifecycle. Times are seconds since
// the epoch. Alerts themselves are computed, never stored.
constexpr std::string_view kV9 = R"sql(
CREATE TABLE skdr_laporan(
  kode_faskes      TEXT NOT NULL,
  tahun            INTEGER NOT NULL,
  minggu           INTEGER NOT NULL CHECK (minggu BETWEEN 1 AND 53),
  penyakit         TEXT NOT NULL,
  kasus            INTEGER NOT NULL CHECK (kasus >= 0),
  kematian         INTEGER CHECK (kematian BETWEEN 0 AND kasus),
  unit_lapor       INTEGER CHECK (unit_lapor >= 0),
  diterima         INTEGER NOT NULL,
  diterima_pertama INTEGER NOT NULL CHECK (diterima_pertama <= diterima),
  kiriman          INTEGER NOT NULL DEFAULT 1 CHECK (kiriman >= 1),
  sumber           TEXT NOT NULL DEFAULT '',
  baris            INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (kode_faskes, tahun, minggu, penyakit)
) WITHOUT ROWID;
CREATE INDEX skdr_laporan_dikirim_ulang ON skdr_laporan(kode_faskes) WHERE kiriman > 1;
CREATE TABLE skdr_kiriman(
  kode_faskes TEXT NOT NULL,
  tahun       INTEGER NOT NULL,
  minggu      INTEGER NOT NULL,
  penyakit    TEXT NOT NULL,
  kasus       INTEGER NOT NULL,
  kematian    INTEGER,
  diterima    INTEGER NOT NULL,
  impor       INTEGER NOT NULL REFERENCES imports(id)
);
CREATE INDEX skdr_kiriman_kunci ON skdr_kiriman(kode_faskes, tahun, minggu, penyakit);
CREATE TABLE skdr_peringatan_langkah(
  id      TEXT NOT NULL,
  status  TEXT NOT NULL CHECK (status IN ('diverifikasi', 'direspons', 'bukan_klb')),
  waktu   INTEGER NOT NULL,
  oleh    TEXT NOT NULL DEFAULT '',
  catatan TEXT NOT NULL DEFAULT '',
  dicatat TEXT NOT NULL,
  PRIMARY KEY (id, status)
);
)sql";

// Version 10: a workspace copied from another (`jangkau copy`) keeps, per unit a copy compares
// (a row, a facility's roster, a log entry), the fingerprint it had at the last copy between
// the two: the common ancestor that tells "changed here" from "changed there".
constexpr std::string_view kV10 = R"sql(
CREATE TABLE salinan(
  tabel TEXT NOT NULL,
  kunci TEXT NOT NULL,
  sidik TEXT NOT NULL,
  PRIMARY KEY (tabel, kunci)
) WITHOUT ROWID;
)sql";

constexpr std::array kMigrations = {
    Migration{1, kV1}, Migration{2, kV2}, Migration{3, kV3}, Migration{4, kV4}, Migration{5, kV5},
    Migration{6, kV6}, Migration{7, kV7}, Migration{8, kV8}, Migration{9, kV9}, Migration{10, kV10},
};

}  // namespace

std::span<const Migration> Migrations() { return kMigrations; }
int LatestSchemaVersion() { return kMigrations.back().version; }

}  // namespace jangkau::store
