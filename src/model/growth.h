// A child's measurement at a posyandu as the district holds it (from e-PPGBM exports,
// docs/programmes.md): who, where, when, and what was measured, as reported. z-scores are not
// stored: they are computed from these values (src/growth/). Plain values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "model/date.h"

namespace jangkau {

struct GrowthRecord {
  // The child: the NIK (16 digits, kept as text) when known, else "nama|tgl_lahir|nama_ortu";
  // the same child and measurement date is one record (a re-import replaces it).
  std::string anak;
  std::string nik;
  std::string nama;
  int jk = 1;  // 1 laki-laki, 2 perempuan
  Date tgl_lahir;
  Date tanggal_ukur;
  std::string nama_ortu;
  // Where, as written in the export, and the village code it was matched to ("" when not).
  std::string kecamatan;
  std::string puskesmas;
  std::string desa;
  std::string posyandu;
  std::string kode_desa;
  std::optional<double> berat;    // kg
  std::optional<double> tinggi;   // cm
  std::optional<char> cara_ukur;  // 'l' lying (terlentang), 'h' standing (berdiri)
  std::optional<double> lila;     // mid-upper arm circumference, cm
  bool oedema = false;
  // e-PPGBM's own z-scores as exported (text, unchecked): for comparison only.
  std::string zs_bb_u;
  std::string zs_tb_u;
  std::string zs_bb_tb;
  int64_t baris = 0;  // the line of the file it came from
};

}  // namespace jangkau
