#include <gtest/gtest.h>
#include <ogr_api.h>

#include "app/reference_data.h"
#include "app/reference_tables.h"
#include "app/region_scope.h"
#include "app/validation.h"
#include "test_util.h"

namespace jangkau::app {
namespace {

using testing::TempDir;

// A lon/lat square as WKB.
std::string Square(double lon0, double lat0, double size) {
  OGRGeometryH ring = OGR_G_CreateGeometry(wkbLinearRing);
  OGR_G_AddPoint_2D(ring, lon0, lat0);
  OGR_G_AddPoint_2D(ring, lon0 + size, lat0);
  OGR_G_AddPoint_2D(ring, lon0 + size, lat0 + size);
  OGR_G_AddPoint_2D(ring, lon0, lat0 + size);
  OGR_G_AddPoint_2D(ring, lon0, lat0);
  OGRGeometryH poly = OGR_G_CreateGeometry(wkbPolygon);
  OGR_G_AddGeometryDirectly(poly, ring);
  std::string wkb(static_cast<std::size_t>(OGR_G_WkbSize(poly)), '\0');
  OGR_G_ExportToWkb(poly, wkbNDR, reinterpret_cast<unsigned char*>(wkb.data()));
  OGR_G_DestroyGeometry(poly);
  return wkb;
}

Region MakeRegion(const std::string& kode, RegionLevel level, std::string wkb, std::string bps) {
  Region r;
  r.kode = kode;
  r.nama = "R" + kode;
  r.level = level;
  r.geometry_wkb = std::move(wkb);
  r.kode_bps = std::move(bps);
  return r;
}

Facility At(const std::string& kode, double lon, double lat, const std::string& kecamatan) {
  Facility f;
  f.kode = kode;
  f.nama = kode;
  f.lon = lon;
  f.lat = lat;
  f.kode_kecamatan = kecamatan;
  f.source_file = "f.csv";
  f.source_line = 7;
  return f;
}

TEST(FacilityLocations, PointOutsideItsKecamatanIsReportedWithDistanceAndTheActualOne) {
  // Two 0.1-degree kecamatan side by side near the equator-ish latitude of OKI.
  const std::vector<Region> regions = {
      MakeRegion("16.02", RegionLevel::kKabupaten, Square(104.0, -3.5, 0.2), "1602"),
      MakeRegion("16.02.01", RegionLevel::kKecamatan, Square(104.0, -3.5, 0.1), "1602010"),
      MakeRegion("16.02.02", RegionLevel::kKecamatan, Square(104.1, -3.5, 0.1), "1602020")};
  const std::vector<Facility> facilities = {
      At("P1602010001", 104.05, -3.45, "16.02.01"),  // inside
      At("P1602010002", 104.15, -3.45, "16.02.01"),  // in the neighbour, 0.05 deg east
      At("P1602010003", 105.00, -3.45, "16.02.01"),  // far away, in no region
  };
  const auto found = FacilityLocationFindings(facilities, regions);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].msg, Msg::kWarnOutsideRegion);
  EXPECT_EQ(found[0].entity, "P1602010002");
  EXPECT_EQ(found[0].file, "f.csv");
  EXPECT_EQ(found[0].line, 7);
  EXPECT_EQ(found[0].args[3], "kecamatan");
  EXPECT_EQ(found[0].args[6], "16.02.02");
  // 0.05 degrees of longitude at 3.45 S is about 5.55 km.
  EXPECT_NEAR(std::stod(found[0].args[2]), 5.55, 0.1);
  EXPECT_EQ(found[1].msg, Msg::kWarnOutsideRegionNone);
  EXPECT_NEAR(std::stod(found[1].args[2]), 100.0, 0.5);  // 0.9 degrees east
}

TEST(FacilityLocations, WithoutAKecamatanTheKabupatenFromTheCodeIsUsed) {
  const std::vector<Region> regions = {
      MakeRegion("16.02", RegionLevel::kKabupaten, Square(104.0, -3.5, 0.2), "1602")};
  Facility hospital = At("R1602014", 104.5, -3.45, "");
  EXPECT_EQ(FacilityKabupatenBps(hospital), "1602");
  const auto found = FacilityLocationFindings({hospital}, regions);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].args[3], "kabupaten");
  EXPECT_EQ(found[0].args[4], "16.02");
}

TEST(WorkspaceFindings, PopulationGapsTotalsBoundariesAndAssumptions) {
  TempDir dir;
  auto created = CreateWorkspace(testing::WorkspaceAt(dir, "w.jangkau"));
  ASSERT_TRUE(created.has_value());
  store::Workspace& ws = **created;
  std::vector<Region> regions = {
      MakeRegion("16", RegionLevel::kProvinsi, "", "16"),
      MakeRegion("16.02", RegionLevel::kKabupaten, Square(104.0, -3.5, 0.2), "1602"),
      MakeRegion("16.02.01", RegionLevel::kKecamatan, Square(104.0, -3.5, 0.1), "1602010"),
      MakeRegion("16.02.01.2001", RegionLevel::kDesa, Square(104.0, -3.5, 0.05), ""),
      MakeRegion("16.02.01.2002", RegionLevel::kDesa, "", ""),
      MakeRegion("16.02.01.2003", RegionLevel::kDesa, Square(104.05, -3.5, 0.05), "")};
  ASSERT_TRUE(ws.ImportRegions({"regions", "r", "t", 6}, regions, {}));
  ASSERT_TRUE(ws.ImportPopulation({"population", "p", "t", 3},
                                  {{"16.02.01.2001", 2024, 1000, {}, ""},
                                   {"16.02.01.2002", 2024, 0, {}, ""},
                                   {"16.02", 2025, 2000, {}, ""}},
                                  {}));
  Facility f = At("P1", 104.01, -3.49, "16.02.01");
  ASSERT_TRUE(ws.ImportFacilities({"facilities", "f", "t", 1}, {f}, false, {}, {}));
  ASSERT_TRUE(ws.ImportAssumptions({"assumptions", "a", "t", 1},
                                   {{"P1", false, std::nullopt, "ASUMSI"}}, {}));
  std::vector<std::string> codes;
  for (const auto& d : WorkspaceFindings(ws)) {
    codes.push_back(std::string(MsgCode(d.msg)) + ":" + d.entity);
  }
  EXPECT_EQ(codes,
            (std::vector<std::string>{
                "population_zero:16.02.01.2002", "population_missing:16.02.01.2003",
                "population_sum_mismatch:16.02", "no_boundary:16.02.01.2002", "assumption:P1"}));
  auto all = Validate(ws);
  ASSERT_TRUE(all.has_value());
  EXPECT_EQ(all->size(), codes.size());
}

// A user's region (issue 16): a facility by its kecamatan or desa code, a hospital (no kecamatan)
// by its BPS kabupaten code; one whose kabupaten is unknown only for the province.
TEST(RegionScope, FacilitiesByKecamatanDesaOrBpsCode) {
  const std::vector<Region> regions = {MakeRegion("16", RegionLevel::kProvinsi, "", "16"),
                                       MakeRegion("16.02", RegionLevel::kKabupaten, "", "1602"),
                                       MakeRegion("16.06", RegionLevel::kKabupaten, "", "1606")};
  Facility by_kecamatan;
  by_kecamatan.kode = "P1602010202";
  by_kecamatan.kode_kecamatan = "16.02.01";
  Facility by_desa;
  by_desa.kode = "X1";
  by_desa.kode_desa = "16.06.03.2001";
  Facility hospital;
  hospital.kode = "R1606001";
  hospital.kode_kabupaten_bps = "1606";
  Facility unknown;
  unknown.kode = "X2";

  const RegionScope oki("16.02", regions);
  EXPECT_TRUE(oki.HasFacility(by_kecamatan));
  EXPECT_FALSE(oki.HasFacility(by_desa));
  EXPECT_FALSE(oki.HasFacility(hospital));
  EXPECT_FALSE(oki.HasFacility(unknown));
  EXPECT_TRUE(oki.HasRegion("16.02"));
  EXPECT_TRUE(oki.HasRegion("16.02.01.2001"));
  EXPECT_FALSE(oki.HasRegion("16"));
  EXPECT_FALSE(oki.HasRegion("16.020"));  // a look-alike prefix is another code

  const RegionScope muba("16.06", regions);
  EXPECT_TRUE(muba.HasFacility(by_desa));
  EXPECT_TRUE(muba.HasFacility(hospital));
  EXPECT_EQ(muba.FacilityCodes({by_kecamatan, by_desa, hospital, unknown}),
            (std::set<std::string>{"R1606001", "X1"}));

  const RegionScope province("16", regions);
  for (const Facility& f : {by_kecamatan, by_desa, hospital, unknown}) {
    EXPECT_TRUE(province.HasFacility(f)) << f.kode;
  }
  EXPECT_TRUE(RegionScope().Everything());
  EXPECT_TRUE(RegionScope().HasFacility(unknown));
}

}  // namespace
}  // namespace jangkau::app
