// Each importer error class with its exact file:line:column.
#include <gtest/gtest.h>

#include "app/reference_data.h"
#include "ingest/importers.h"
#include "test_util.h"

namespace jangkau::ingest {
namespace {

using testing::TempDir;

ImportContext Context() {
  ImportContext ctx;
  ctx.cadres = CadreCatalog(app::DefaultCadres(), app::DefaultCadreAliases());
  ctx.facility_codes = {"P1602010202", "P1602020202"};
  ctx.regions = {{"16", RegionLevel::kProvinsi},
                 {"16.02", RegionLevel::kKabupaten},
                 {"16.02.13", RegionLevel::kKecamatan},
                 {"16.02.13.2011", RegionLevel::kDesa}};
  ctx.kecamatan_by_bps = {{"1602010", "16.02.13"}};
  ctx.today = Date{2026, 11, 29};
  return ctx;
}

// Runs `read` on `csv` and returns the places ("line:col:code") of every diagnostic.
template <typename Read>
std::vector<std::string> Places(const std::string& csv, Read read, Diagnostics* out = nullptr) {
  TempDir dir;
  const auto path = dir.Write("in.csv", csv);
  auto reader = TableReader::Open(path);
  EXPECT_TRUE(reader.has_value());
  Diagnostics diags;
  read(**reader, Context(), diags, Progress());
  std::vector<std::string> places;
  for (const auto& d : diags.items()) {
    places.push_back(std::to_string(d.line) + ":" + std::to_string(d.column) + ":" +
                     std::string(MsgCode(d.msg)));
  }
  if (out != nullptr) *out = diags;
  return places;
}

const std::string kStaffHeader =
    "kode_faskes,nama,nik,jenis_tenaga,status_kepegawaian,tanggal_lahir,jabatan,pelatihan,"
    "str_berlaku_sampai\n";

TEST(StaffImporter, CleanRowsGiveValuesAndNoDiagnostics) {
  TempDir dir;
  const auto path = dir.Write(
      "t.csv", kStaffHeader +
                   "P1602010202,Siti,1602014508850001,Bidan D3,PNS,17/08/1985,Bidan Ahli Pertama,"
                   "PONED;APN,2027-08-17\n"
                   "P1602010202,Andi,,dr umum,P3K,1990-01-02,,,seumur hidup\n");
  auto reader = TableReader::Open(path);
  ASSERT_TRUE(reader.has_value());
  Diagnostics diags;
  auto staff = ReadStaff(**reader, Context(), diags, Progress());
  EXPECT_EQ(diags.error_count() + diags.warning_count(), 0u);
  ASSERT_EQ(staff.size(), 2u);
  EXPECT_EQ(staff[0].cadre, "bidan");
  EXPECT_EQ(staff[0].employment, Employment::kPns);
  EXPECT_EQ(staff[0].tanggal_lahir, (Date{1985, 8, 17}));
  EXPECT_EQ(staff[0].pelatihan, (std::vector<std::string>{"PONED", "APN"}));
  EXPECT_EQ(staff[1].cadre, "dokter_umum");
  EXPECT_EQ(staff[1].employment, Employment::kPppk);
  EXPECT_FALSE(staff[1].str_berlaku_sampai.has_value());
  EXPECT_EQ(staff[1].source_line, 3);
}

TEST(StaffImporter, MissingRequiredColumnIsReportedOnTheHeaderLine) {
  EXPECT_EQ(Places("kode_faskes,nama,jenis_tenaga,tanggal_lahir\nP1602010202,A,bidan,1990-01-01\n",
                   ReadStaff),
            (std::vector<std::string>{"1:0:missing_column"}));
}

TEST(StaffImporter, EveryBadFieldIsReportedAtItsLineAndColumn) {
  const std::string csv = kStaffHeader +
                          "P1602010202,Siti,,Bidan D3,PNS,17/08/1985,,,\n"      // line 2 ok
                          "P9999999999,Budi,,perawat,PNS,1980-01-01,,,\n"       // 3 unknown faskes
                          "P1602010202,Cici,,dukun bayi,PNS,1980-01-01,,,\n"    // 4 unknown cadre
                          "P1602010202,Dedi,,perawat,sukarela,1980-01-01,,,\n"  // 5 employment
                          "P1602010202,Eka,,perawat,PNS,31/02/1990,,,\n"        // 6 bad date
                          "P1602010202,Fajar,123,perawat,PNS,1980-01-01,,,\n"   // 7 bad NIK
                          "P1602010202,Gita,,perawat,PNS,2030-01-01,,,\n"       // 8 future
                          "P1602010202,,,perawat,PNS,1980-01-01,,,\n"           // 9 empty name
                          "P1602010202,Hadi,,perawat,PNS,1980-01-01,,,kemarin\n"  // 10 bad STR
                          "P1602010202,Ika,1602014508850001,bidan,PNS,1985-08-17,,,\n"
                          "P1602010202,Joko,1602014508850001,bidan,PNS,1985-08-17,,,\n";  // 12 dup
  EXPECT_EQ(Places(csv, ReadStaff),
            (std::vector<std::string>{"3:1:unknown_facility", "4:4:unknown_cadre", "5:5:bad_choice",
                                      "6:6:bad_date", "7:3:bad_nik", "8:6:date_in_future",
                                      "9:2:empty_value", "10:9:bad_date", "12:3:duplicate_code"}));
}

TEST(StaffImporter, DuplicateMessageNamesTheFirstLine) {
  Diagnostics diags;
  Places(kStaffHeader +
             "P1602010202,Ika,1602014508850001,bidan,PNS,1985-08-17,,,\n"
             "P1602010202,Joko,1602014508850001,bidan,PNS,1985-08-17,,,\n",
         ReadStaff, &diags);
  ASSERT_EQ(diags.items().size(), 1u);
  EXPECT_EQ(Render(diags.items()[0], Lang::kId).substr(diags.items()[0].file.size()),
            ":3:3: galat: nik: '1602014508850001' ganda; sudah ada di baris 2");
}

TEST(StaffImporter, ExpiredStrIsAWarningNotAnError) {
  Diagnostics diags;
  auto places = Places(kStaffHeader + "P1602010202,Ika,,bidan,PNS,1985-08-17,,,2020-01-01\n",
                       ReadStaff, &diags);
  EXPECT_EQ(places, (std::vector<std::string>{"2:9:str_expired"}));
  EXPECT_EQ(diags.error_count(), 0u);
}

TEST(StaffCountsImporter, NonNumericNegativeAndFractionalCounts) {
  const std::string csv =
      "kode_faskes,jenis_tenaga,status_kepegawaian,jumlah\n"
      "P1602010202,perawat,PNS,5\n"
      "P1602010202,bidan,PNS,lima\n"
      "P1602010202,gizi,PNS,-2\n"
      "P1602010202,kesling,PNS,1.5\n"
      "P1602010202,Perawat,pns,3\n"
      "P1602010202,farmasi,,\n";
  EXPECT_EQ(
      Places(csv, ReadStaffCounts),
      (std::vector<std::string>{"3:4:not_a_number", "4:4:negative_value", "5:4:not_a_whole_number",
                                "6:2:duplicate_code", "7:4:empty_value"}));
}

TEST(FacilityImporter, BppsdmkFormatGivesFacilitiesAndHeadcounts) {
  TempDir dir;
  const auto path = dir.Write(
      "f.csv",
      "kode_faskes,jenis_faskes,nama_faskes,kode_prov,name_prov,kode_kab_bps,kode_kec_bps,"
      "alamat_faskes,lat,lon,medis,perawat,bidan,tenaga_medis_total\n"
      "P1602010202,PUSKESMAS,TUGU MULYO,16,SUMATERA SELATAN,1602,1602010,\"Jl. Lintas, Km. "
      "135\",-3.868225,104.888237,2,17,20,39\n");
  auto reader = TableReader::Open(path);
  ASSERT_TRUE(reader.has_value());
  Diagnostics diags;
  auto batch = ReadFacilities(**reader, Context(), diags, Progress());
  EXPECT_EQ(diags.error_count(), 0u);
  ASSERT_EQ(batch.facilities.size(), 1u);
  const Facility& f = batch.facilities[0];
  EXPECT_EQ(f.type, FacilityType::kPuskesmas);
  EXPECT_EQ(f.kode_kecamatan, "16.02.13");  // bridged from the BPS code
  EXPECT_DOUBLE_EQ(*f.lat, -3.868225);
  EXPECT_FALSE(f.rawat_inap.has_value());  // the source has no inpatient flag
  EXPECT_TRUE(batch.with_counts);
  ASSERT_EQ(batch.counts.size(), 3u);
  EXPECT_EQ(batch.counts[0].cadre, "tenaga_medis");
  EXPECT_EQ(batch.counts[0].jumlah, 2);
  EXPECT_EQ(batch.counts[2].cadre, "bidan");
  EXPECT_EQ(batch.counts[2].employment, Employment::kTidakDiketahui);
}

TEST(FacilityImporter, CoordinatesOutsideIndonesiaSwappedOrHalfGiven) {
  const std::string csv =
      "kode_faskes,nama_faskes,jenis_faskes,lat,lon\n"
      "P1,A,puskesmas,-3.86,104.88\n"
      "P2,B,puskesmas,104.88,-3.86\n"     // swapped
      "P3,C,puskesmas,-3.44,119415581\n"  // lon outside
      "P4,D,puskesmas,48.85,2.35\n"       // Paris
      "P5,E,puskesmas,-3.86,\n"           // half
      "P7,G,puskesmas,-3;86,104.88\n";    // decimal typo
  EXPECT_EQ(Places(csv, ReadFacilities),
            (std::vector<std::string>{"3:4:coordinate_swapped", "4:5:coordinate_outside",
                                      "5:4:coordinate_outside", "6:5:coordinate_half",
                                      "7:4:not_a_number"}));
}

TEST(FacilityImporter, DuplicateAndUnknownCodes) {
  const std::string csv =
      "kode_faskes,nama_faskes,jenis_faskes,kode_kecamatan,kode_desa,lat,lon\n"
      "P1,A,puskesmas,16.02.13,,-3.8,104.8\n"
      "P1,B,puskesmas,16.02.13,,-3.8,104.8\n"
      "P3,C,apotek,16.02.13,,-3.8,104.8\n"
      "P4,D,puskesmas,16.02.99,,-3.8,104.8\n"
      "P5,E,puskesmas,,16.02.13.9999,-3.8,104.8\n"
      "P 6,F,puskesmas,,,-3.8,104.8\n"
      "P7,G,puskesmas,16.02.13,,,\n";
  EXPECT_EQ(Places(csv, ReadFacilities),
            (std::vector<std::string>{"3:1:duplicate_code", "4:3:bad_choice", "5:4:unknown_region",
                                      "6:5:unknown_region", "7:1:bad_code", "8:6:no_coordinates"}));
}

TEST(RegionImporter, CodesLevelsAndParents) {
  const std::string csv =
      "kode,nama,tingkat\n"
      "16.02.13.2011,Tugumulyo,desa\n"
      "16.02.14,Baru,kecamatan\n"
      "16.02.14.2001,Anak Baru,desa\n"
      "16.03.01,Tanpa Induk,kecamatan\n"
      "16.02.13.201,Salah,desa\n"
      "16.02.15,Salah Tingkat,desa\n"
      "16.02.14,Baru Lagi,kecamatan\n";
  EXPECT_EQ(Places(csv, ReadRegions),
            (std::vector<std::string>{"6:1:bad_code", "7:3:level_mismatch", "8:1:duplicate_code",
                                      "5:1:parent_missing"}));
}

TEST(PopulationImporter, UnknownRegionBadYearAndDuplicates) {
  const std::string csv =
      "kode_wilayah,tahun,penduduk,jumlah_kk\n"
      "16.02.13.2011,2024,1520,410\n"
      "16.02.13.2011,2024,1600,\n"
      "16.02.13.9999,2024,10,\n"
      "16.02.13.2011,24,10,\n"
      "16.02.13.2011,2025,0,\n";
  EXPECT_EQ(Places(csv, ReadPopulation),
            (std::vector<std::string>{"3:1:duplicate_code", "4:1:unknown_region", "5:2:bad_year"}));
}

TEST(EquipmentImporter, ConditionIsRequiredAndChecked) {
  const std::string csv =
      "kode_faskes,kode_alat,nama_alat,kondisi,jumlah\n"
      "P1602010202,TENSI,Tensimeter,baik,4\n"
      "P1602010202,TENSI,Tensimeter,rusak ringan,1\n"
      "P1602010202,USG,USG,hilang,1\n"
      "P1602010202,TENSI,Tensimeter,Baik,2\n";
  EXPECT_EQ(Places(csv, ReadEquipment),
            (std::vector<std::string>{"4:4:bad_choice", "5:2:duplicate_code"}));
}

TEST(ServicesImporter, YearsAndCounts) {
  const std::string csv =
      "kode_faskes,tahun,kegiatan,jumlah\n"
      "P1602010202,2025,Kunjungan Rawat Jalan,18250\n"
      "P1602010202,2025,kunjungan rawat jalan,10\n"
      "P1602020202,1800,anc,5\n";
  EXPECT_EQ(Places(csv, ReadServices),
            (std::vector<std::string>{"3:3:duplicate_code", "4:2:bad_year"}));
}

TEST(Importers, AFileWithoutRowsIsAnError) {
  EXPECT_EQ(Places("kode_faskes,jenis_tenaga,jumlah\n", ReadStaffCounts),
            (std::vector<std::string>{"0:0:file_no_rows"}));
}

// The DHIS2 mapping: one data element and combo reads back as one activity, whether it is named
// by code or by UID and whether the combo is empty or DHIS2's "default"; ADX categories are XML
// attribute names.
TEST(Dhis2MappingImporter, CollisionsAndAdxNamesAreRefused) {
  const std::string header =
      "jenis,kunci,metode,kode_dhis2,uid_dhis2,coc,coc_uid,kategori_adx,periode\n";
  auto read = [](TableReader& in, const ImportContext& ctx, Diagnostics& d, const Progress& p) {
    (void)ReadDhis2Mapping(in, ctx, d, p);
  };
  EXPECT_TRUE(Places(header + "layanan,anc,,LAY_ANC,deANCAAAAAA,,,,Monthly\n"
                              "layanan,pnc,,LAY_PNC,dePNCAAAAAA,,,,Monthly\n"
                              "tenaga,bidan,,SDMK,,JT_BIDAN,,JENIS_TENAGA=JT_BIDAN;UMUR=U30,\n",
                     read)
                  .empty());
  // The same UID under another code.
  EXPECT_EQ(Places(header + "layanan,anc,,LAY_ANC,deANCAAAAAA,,,,\n"
                            "layanan,pnc,,LAY_PNC,deANCAAAAAA,,,,\n",
                   read),
            (std::vector<std::string>{"3:5:duplicate_code"}));
  // An empty combo is the default one.
  EXPECT_EQ(Places(header + "layanan,anc,,LAY_ANC,,,,,\n"
                            "layanan,pnc,,LAY_ANC,,default,,,\n",
                   read),
            (std::vector<std::string>{"3:4:duplicate_code"}));
  for (const char* adx : {"JENIS TENAGA=X", "1JT=X", "value=3", "JT", "A=1;A=2", "JT=X;<b>=1"}) {
    EXPECT_EQ(Places(header + "tenaga,bidan,,SDMK,,,," + adx + ",\n", read),
              (std::vector<std::string>{"2:8:bad_code"}))
        << adx;
  }
}

}  // namespace
}  // namespace jangkau::ingest
