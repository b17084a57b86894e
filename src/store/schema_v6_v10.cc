// The workspace schema, migrations 6 to 10 (store/schema.h): the dispatcher role (6), growth
// monitoring (7), the other prevention programmes (8), disease early warning (9), copies (10).
#include <array>

#include "store/schema.h"

namespace jangkau::store {
namespace {

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
    Migration{6, kV6}, Migration{7, kV7}, Migration{8, kV8}, Migration{9, kV9}, Migration{10, kV10},
};

}  // namespace

std::span<const Migration> MigrationsV6ToV10() { return kMigrations; }

}  // namespace jangkau::store
