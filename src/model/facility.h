// Health facilities (fasyankes) as the district registers them. Plain values;
// thread-compatible.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace jangkau {

enum class FacilityType {
  kPuskesmas,
  kPustu,
  kPoskesdes,
  kPolindes,
  kKlinikPratama,
  kKlinikUtama,
  kPraktikDokter,
  kRsud,
  kRumahSakit,
  kLaboratorium,
  kDinasKesehatan,
  kLainnya,
};
std::string_view TypeKey(FacilityType t);
// Accepts the keys and common spellings ("PUSKESMAS", "Puskesmas Pembantu", "RUMAH SAKIT",
// "Klinik Pratama", "DINAS PROVINSI").
std::optional<FacilityType> ParseFacilityType(std::string_view text);
std::string FacilityTypeChoices();
bool IsFktp(FacilityType t);      // first-level care (puskesmas, pustu, klinik pratama, ...)
bool IsHospital(FacilityType t);  // RSUD and other hospitals

// Permenkes 75/2014 area categories of a puskesmas.
enum class AreaCategory { kPerkotaan, kPerdesaan, kTerpencil, kSangatTerpencil };
std::string_view AreaKey(AreaCategory a);
std::optional<AreaCategory> ParseArea(std::string_view text);
std::string AreaChoices();

enum class FacilityStatus { kBuka, kTutup, kTerendamBanjir };
std::string_view StatusKey(FacilityStatus s);
std::optional<FacilityStatus> ParseStatus(std::string_view text);
std::string StatusChoices();

// "ya"/"tidak" and their spellings (1/0, y/t, yes/no, true/false).
std::optional<bool> ParseYesNo(std::string_view text);

struct Facility {
  std::string kode;  // Kemenkes facility code, e.g. "P1602010202"
  std::string nama;
  FacilityType type = FacilityType::kPuskesmas;
  std::optional<bool> rawat_inap;    // unknown when absent
  std::optional<AreaCategory> area;  // unknown when absent
  bool rawat_inap_assumed = false;   // true: an assumption the district must confirm
  bool area_assumed = false;
  std::string assumption_basis;  // why the assumptions were made
  std::string kode_desa;         // Kemendagri codes, empty when unknown
  std::string kode_kecamatan;
  std::string kode_kecamatan_bps;  // as the source gives it
  std::string kode_kabupaten_bps;
  std::string alamat;
  std::optional<double> lon;
  std::optional<double> lat;
  FacilityStatus status = FacilityStatus::kBuka;
  std::optional<bool> bpjs;
  std::string akreditasi;
  // Where the record came from (file and line), for messages about it later.
  std::string source_file;
  int64_t source_line = 0;
};

// Which of a facility's optional fields a file carries. An import changes only those: a column
// present and empty clears the value, a column absent leaves the stored one as it was. (The
// inpatient flag, area category, BPJS and accreditation keep their own rule: empty means
// unknown and keeps the stored value or assumption.)
struct FacilityFields {
  bool kode_desa = true;
  bool kode_kecamatan = true;  // also when derived from kode_desa or the BPS code
  bool kode_kecamatan_bps = true;
  bool kode_kabupaten_bps = true;
  bool alamat = true;
  bool coordinates = true;  // lat/lon columns or point geometries
  bool status = true;
};

// An assumption about a facility that the source data lacks (inpatient flag, area category),
// stored marked as such until the district corrects it.
struct FacilityAssumption {
  std::string kode_faskes;
  std::optional<bool> rawat_inap;
  std::optional<AreaCategory> area;
  std::string basis;
};

// Indonesia's extent with a margin, for coordinate checks (Sabang to Merauke, Miangas to Rote).
inline constexpr double kIndonesiaMinLon = 94.0;
inline constexpr double kIndonesiaMaxLon = 141.5;
inline constexpr double kIndonesiaMinLat = -11.5;
inline constexpr double kIndonesiaMaxLat = 6.5;
inline bool InsideIndonesia(double lat, double lon) {
  return lat >= kIndonesiaMinLat && lat <= kIndonesiaMaxLat && lon >= kIndonesiaMinLon &&
         lon <= kIndonesiaMaxLon;
}

}  // namespace jangkau
