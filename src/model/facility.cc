#include "model/facility.h"

#include <array>

#include "model/choice.h"

namespace jangkau {
namespace {

constexpr std::array<ChoiceEntry<FacilityType>, 25> kTypes = {{
    {"puskesmas", FacilityType::kPuskesmas},
    {"pustu", FacilityType::kPustu},
    {"poskesdes", FacilityType::kPoskesdes},
    {"polindes", FacilityType::kPolindes},
    {"klinik_pratama", FacilityType::kKlinikPratama},
    {"klinik_utama", FacilityType::kKlinikUtama},
    {"praktik_dokter", FacilityType::kPraktikDokter},
    {"rsud", FacilityType::kRsud},
    {"rumah_sakit", FacilityType::kRumahSakit},
    {"laboratorium", FacilityType::kLaboratorium},
    {"dinas_kesehatan", FacilityType::kDinasKesehatan},
    {"lainnya", FacilityType::kLainnya},
    {"pkm", FacilityType::kPuskesmas},
    {"puskesmas_pembantu", FacilityType::kPustu},
    {"pos_kesehatan_desa", FacilityType::kPoskesdes},
    {"pondok_bersalin_desa", FacilityType::kPolindes},
    {"klinik", FacilityType::kKlinikPratama},
    {"praktik_dokter_mandiri", FacilityType::kPraktikDokter},
    {"dokter_praktik_mandiri", FacilityType::kPraktikDokter},
    {"rumah_sakit_umum_daerah", FacilityType::kRsud},
    {"rs", FacilityType::kRumahSakit},
    {"rumah_sakit_umum", FacilityType::kRumahSakit},
    {"lab", FacilityType::kLaboratorium},
    {"dinas_provinsi", FacilityType::kDinasKesehatan},
    {"dinas_kabupaten", FacilityType::kDinasKesehatan},
}};

constexpr std::array<ChoiceEntry<AreaCategory>, 6> kAreas = {{
    {"perkotaan", AreaCategory::kPerkotaan},
    {"perdesaan", AreaCategory::kPerdesaan},
    {"terpencil", AreaCategory::kTerpencil},
    {"sangat_terpencil", AreaCategory::kSangatTerpencil},
    {"kota", AreaCategory::kPerkotaan},
    {"pedesaan", AreaCategory::kPerdesaan},
}};

constexpr std::array<ChoiceEntry<FacilityStatus>, 5> kStatuses = {{
    {"buka", FacilityStatus::kBuka},
    {"tutup", FacilityStatus::kTutup},
    {"terendam_banjir", FacilityStatus::kTerendamBanjir},
    {"aktif", FacilityStatus::kBuka},
    {"banjir", FacilityStatus::kTerendamBanjir},
}};

constexpr std::array<ChoiceEntry<bool>, 10> kYesNo = {{
    {"ya", true},
    {"tidak", false},
    {"y", true},
    {"t", false},
    {"1", true},
    {"0", false},
    {"yes", true},
    {"no", false},
    {"true", true},
    {"false", false},
}};

}  // namespace

std::string_view TypeKey(FacilityType t) { return CanonicalKey<FacilityType>(kTypes, t); }
std::optional<FacilityType> ParseFacilityType(std::string_view text) {
  return LookupChoice<FacilityType>(kTypes, text);
}
std::string FacilityTypeChoices() { return CanonicalKeys<FacilityType>(kTypes); }

bool IsFktp(FacilityType t) {
  switch (t) {
    case FacilityType::kPuskesmas:
    case FacilityType::kPustu:
    case FacilityType::kPoskesdes:
    case FacilityType::kPolindes:
    case FacilityType::kKlinikPratama:
    case FacilityType::kPraktikDokter:
      return true;
    default:
      return false;
  }
}

bool IsHospital(FacilityType t) {
  return t == FacilityType::kRsud || t == FacilityType::kRumahSakit;
}

std::string_view AreaKey(AreaCategory a) { return CanonicalKey<AreaCategory>(kAreas, a); }
std::optional<AreaCategory> ParseArea(std::string_view text) {
  return LookupChoice<AreaCategory>(kAreas, text);
}
std::string AreaChoices() { return CanonicalKeys<AreaCategory>(kAreas); }

std::string_view StatusKey(FacilityStatus s) { return CanonicalKey<FacilityStatus>(kStatuses, s); }
std::optional<FacilityStatus> ParseStatus(std::string_view text) {
  return LookupChoice<FacilityStatus>(kStatuses, text);
}
std::string StatusChoices() { return CanonicalKeys<FacilityStatus>(kStatuses); }

std::optional<bool> ParseYesNo(std::string_view text) { return LookupChoice<bool>(kYesNo, text); }

}  // namespace jangkau
