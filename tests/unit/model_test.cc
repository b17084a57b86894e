#include <gtest/gtest.h>

#include "app/reference_data.h"
#include "model/date.h"
#include "model/facility.h"
#include "model/region.h"
#include "model/workforce.h"

namespace jangkau {
namespace {

TEST(Date, ParsesIsoAndDayFirstForms) {
  EXPECT_EQ(Date::Parse("1985-08-17"), (Date{1985, 8, 17}));
  EXPECT_EQ(Date::Parse("17/08/1985"), (Date{1985, 8, 17}));
  EXPECT_EQ(Date::Parse("7-8-1985"), (Date{1985, 8, 7}));
  EXPECT_EQ(Date::Parse("17.08.1985"), (Date{1985, 8, 17}));
  EXPECT_EQ(Date::Parse("1985-08-17 00:00:00"), (Date{1985, 8, 17}));
  EXPECT_EQ(Date::Parse("1985-08-17T07:30:00.000+07:00"), (Date{1985, 8, 17}));
}

TEST(Date, RefusesImpossibleAndMalformedDates) {
  EXPECT_FALSE(Date::Parse("2023-02-29"));
  EXPECT_TRUE(Date::Parse("2024-02-29"));
  EXPECT_FALSE(Date::Parse("31/04/1990"));
  EXPECT_FALSE(Date::Parse("1990-13-01"));
  EXPECT_FALSE(Date::Parse("17 Agustus 1985"));
  EXPECT_FALSE(Date::Parse("17/08/85"));
  EXPECT_FALSE(Date::Parse("17/08/1985x"));
  // Found by the property test: only a time of day may follow a date, not the next cell's text.
  EXPECT_FALSE(Date::Parse("1966-09-18 pelaksana"));
  EXPECT_FALSE(Date::Parse("1966-09-18 10:0"));
  EXPECT_FALSE(Date::Parse("1966-09-18T"));
  EXPECT_FALSE(Date::Parse(""));
}

TEST(Date, AgeCountsWholeYears) {
  const Date born{1966, 12, 1};
  EXPECT_EQ(born.YearsUntil(Date{2026, 11, 30}), 59);
  EXPECT_EQ(born.YearsUntil(Date{2026, 12, 1}), 60);
}

TEST(Region, LevelFollowsTheKemendagriCode) {
  EXPECT_EQ(LevelOfCode("16"), RegionLevel::kProvinsi);
  EXPECT_EQ(LevelOfCode("16.02"), RegionLevel::kKabupaten);
  EXPECT_EQ(LevelOfCode("16.02.02"), RegionLevel::kKecamatan);
  EXPECT_EQ(LevelOfCode("16.02.02.2001"), RegionLevel::kDesa);
  EXPECT_FALSE(LevelOfCode("1602022001"));
  EXPECT_FALSE(LevelOfCode("16.2.02"));
  EXPECT_FALSE(LevelOfCode("16.02.02.201"));
  EXPECT_FALSE(LevelOfCode("16.02.02.2001.1"));
  EXPECT_EQ(ParentCode("16.02.02.2001"), "16.02.02");
  EXPECT_EQ(ParentCode("16"), "");
  EXPECT_TRUE(IsKelurahanCode("16.02.05.1002"));
  EXPECT_FALSE(IsKelurahanCode("16.02.02.2001"));
  EXPECT_EQ(ParseLevel("kabupaten_kota"), RegionLevel::kKabupaten);
  EXPECT_EQ(ParseLevel("Desa/Kelurahan"), RegionLevel::kDesa);
}

TEST(Facility, TypesAndChoicesAcceptCommonSpellings) {
  EXPECT_EQ(ParseFacilityType("PUSKESMAS"), FacilityType::kPuskesmas);
  EXPECT_EQ(ParseFacilityType("Puskesmas Pembantu"), FacilityType::kPustu);
  EXPECT_EQ(ParseFacilityType("RUMAH SAKIT"), FacilityType::kRumahSakit);
  EXPECT_EQ(ParseFacilityType("Klinik Pratama"), FacilityType::kKlinikPratama);
  EXPECT_FALSE(ParseFacilityType("apotek"));
  EXPECT_EQ(ParseArea("Sangat Terpencil"), AreaCategory::kSangatTerpencil);
  EXPECT_EQ(ParseStatus("terendam banjir"), FacilityStatus::kTerendamBanjir);
  EXPECT_EQ(ParseYesNo("Ya"), true);
  EXPECT_EQ(ParseYesNo("0"), false);
  EXPECT_FALSE(ParseYesNo("mungkin"));
  EXPECT_TRUE(IsHospital(FacilityType::kRsud));
  EXPECT_TRUE(IsFktp(FacilityType::kPustu));
}

TEST(Facility, IndonesiaExtent) {
  EXPECT_TRUE(InsideIndonesia(-3.868225, 104.888237));   // Tugu Mulyo, OKI
  EXPECT_TRUE(InsideIndonesia(5.89, 95.32));             // Sabang
  EXPECT_TRUE(InsideIndonesia(-8.49, 140.40));           // Merauke
  EXPECT_FALSE(InsideIndonesia(104.888237, -3.868225));  // swapped
  EXPECT_FALSE(InsideIndonesia(1.29, 103.85 - 10));      // west of Sumatra
}

TEST(CadreCatalog, NormalisesWhatPeopleType) {
  const CadreCatalog catalog(app::DefaultCadres(), app::DefaultCadreAliases());
  EXPECT_EQ(catalog.Normalize("dr umum"), "dokter_umum");
  EXPECT_EQ(catalog.Normalize("Dokter Umum"), "dokter_umum");
  EXPECT_EQ(catalog.Normalize("dr. Umum"), "dokter_umum");
  EXPECT_EQ(catalog.Normalize("perawat"), "perawat");
  EXPECT_EQ(catalog.Normalize("Bidan D3"), "bidan");
  EXPECT_EQ(catalog.Normalize("BIDAN (D4)"), "bidan");
  EXPECT_EQ(catalog.Normalize("drg"), "dokter_gigi");
  EXPECT_EQ(catalog.Normalize("Sanitarian"), "kesling");
  EXPECT_EQ(catalog.Normalize("Analis Kesehatan"), "atlm");
  EXPECT_EQ(catalog.Normalize("medis"), "tenaga_medis");
  EXPECT_FALSE(catalog.Normalize("dukun bayi"));
  EXPECT_FALSE(catalog.Normalize(""));
}

TEST(CadreCatalog, EveryAliasNamesAKnownCadre) {
  const auto cadres = app::DefaultCadres();
  const CadreCatalog catalog(cadres, {});
  ASSERT_GE(cadres.size(), 20u);
  for (const auto& a : app::DefaultCadreAliases()) {
    EXPECT_NE(catalog.Find(a.kode), nullptr) << a.alias << " -> " << a.kode;
  }
}

TEST(Employment, AcceptsCommonSpellings) {
  EXPECT_EQ(ParseEmployment("PNS"), Employment::kPns);
  EXPECT_EQ(ParseEmployment("P3K"), Employment::kPppk);
  EXPECT_EQ(ParseEmployment("Nusantara Sehat"), Employment::kNs);
  EXPECT_EQ(ParseEmployment("Tenaga Honorer"), Employment::kHonorer);
  EXPECT_FALSE(ParseEmployment("sukarela"));
}

}  // namespace
}  // namespace jangkau

namespace jangkau {
namespace {

TEST(Population, LatestYearOfEachRegionWhateverTheOrder) {
  const auto latest = LatestPopulation({{"16.02", 2025, 801059, {}, "Dukcapil"},
                                        {"16.02.02.2001", 2024, 1520, 410, ""},
                                        {"16.02", 2020, 750000, {}, "SP2020"},
                                        {"16.02.02.2001", 2021, 1400, {}, ""}});
  ASSERT_EQ(latest.size(), 2u);
  EXPECT_EQ(latest.at("16.02").penduduk, 801059);
  EXPECT_EQ(latest.at("16.02.02.2001").tahun, 2024);
}

}  // namespace
}  // namespace jangkau
