// The workspace schema, migrations 1 to 5 (store/schema.h): the registry, staffing, travel time
// and users (1), scenarios (2), web sessions (3), emergency response (4), flood periods (5).
#include <array>

#include "store/schema.h"

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

constexpr std::array kMigrations = {
    Migration{1, kV1}, Migration{2, kV2}, Migration{3, kV3}, Migration{4, kV4}, Migration{5, kV5},
};

}  // namespace

std::span<const Migration> MigrationsV1ToV5() { return kMigrations; }

}  // namespace jangkau::store
