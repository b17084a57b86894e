// Health workers: the cadre catalogue (data, changeable by a district), an individual roster
// and aggregate headcounts. Plain values; CadreCatalog is immutable after construction and
// then safe to share between threads.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/date.h"

namespace jangkau {

// A cadre (jenis tenaga), e.g. kode "dokter_umum", rumpun "tenaga_medis".
struct Cadre {
  std::string kode;
  std::string nama;     // Bahasa Indonesia
  std::string nama_en;  // English
  std::string rumpun;   // group
  // True for a cadre that lumps several others together ("tenaga medis, tidak dirinci" in
  // sources that only have group counts); it then counts toward every norm line of its rumpun.
  bool aggregate = false;
};

struct CadreAlias {
  std::string alias;  // any spelling; matched after NormalizeKey()
  std::string kode;
};

class CadreCatalog {
 public:
  CadreCatalog() = default;
  // Every cadre's kode and nama are aliases of it as well. Aliases naming an unknown cadre
  // are ignored (the store's foreign keys refuse them before they get here).
  CadreCatalog(std::vector<Cadre> cadres, const std::vector<CadreAlias>& aliases);

  // The cadre code for what a person typed ("dr umum", "Dokter Umum", "Bidan D3"), or
  // std::nullopt when the spelling is unknown.
  std::optional<std::string> Normalize(std::string_view typed) const;
  const Cadre* Find(std::string_view kode) const;
  const std::vector<Cadre>& cadres() const { return cadres_; }

 private:
  std::vector<Cadre> cadres_;
  std::unordered_map<std::string, std::string> by_key_;  // NormalizeKey(alias) -> kode
};

enum class Employment { kPns, kPppk, kNs, kHonorer, kTidakDiketahui };
std::string_view EmploymentKey(Employment e);
// "PNS", "P3K", "PPPK", "Nusantara Sehat", "honor", "tenaga kontrak", ...
std::optional<Employment> ParseEmployment(std::string_view text);
std::string EmploymentChoices();

struct StaffMember {
  std::string kode_faskes;
  std::string nama;
  std::string nik;  // 16 digits or empty
  std::string cadre;
  Employment employment = Employment::kTidakDiketahui;
  Date tanggal_lahir;
  std::string jabatan;
  std::vector<std::string> pelatihan;  // trainings, e.g. "PONED", "IMS"
  std::optional<Date>
      str_berlaku_sampai;  // registration (STR) valid until; none = lifetime/unknown
  int64_t source_line = 0;
};

struct StaffCount {
  std::string kode_faskes;
  std::string cadre;
  Employment employment = Employment::kTidakDiketahui;
  int64_t jumlah = 0;
};

enum class Condition { kBaik, kRusakRingan, kRusakBerat };
std::string_view ConditionKey(Condition c);
std::optional<Condition> ParseCondition(std::string_view text);
std::string ConditionChoices();

struct EquipmentItem {
  std::string kode_faskes;
  std::string kode_alat;
  std::string nama_alat;
  Condition kondisi = Condition::kBaik;
  int64_t jumlah = 0;
};

// Annual volume of one service activity at a facility (e.g. "kunjungan_rawat_jalan").
struct ServiceVolume {
  std::string kode_faskes;
  int tahun = 0;
  std::string kegiatan;
  int64_t jumlah = 0;
};

}  // namespace jangkau
